#include "server/search_page.hpp"

#include "cli/hit_output.hpp"
#include "server/html_text.hpp"
#include "server/page_layout.hpp"
#include "server/request_target.hpp"
#include "util/bidi_controls.hpp"
#include "util/counted_nouns.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <functional>

namespace rasd::serve {
namespace {

// Months are drawn when the matches span at most this many years (else only years).
constexpr std::size_t kMonthsUpToYears = 2;
constexpr int kMonthsInYear = 12;
// Bars of the histogram are at most this tall (CSS pixels).
constexpr std::size_t kBarHeight = 60;

std::string href(const SearchParameters& search) { return "/?" + query_string(search_parameters_of(search)); }

// The search with `change` applied, back on its first page.
std::string link_to(const SearchParameters& search, const std::function<void(SearchParameters&)>& change) {
    SearchParameters changed = search;
    changed.request.offset = 0;
    change(changed);
    return href(changed);
}

bool contains(const std::vector<std::string>& values, const std::string& value) {
    return std::find(values.begin(), values.end(), value) != values.end();
}

// One facet's list: each value a link that adds it as a filter (or removes it when active).
std::string facet_list(const SearchParameters& search, const char* heading, const std::vector<FacetValue>& values,
                       std::vector<std::string> cli::SearchRequest::*filter) {
    if (values.empty()) return "";
    std::string html = std::string("<section class=\"facet\"><h2>") + heading + "</h2><ul>";
    for (const FacetValue& v : values) {
        const bool active = contains(search.request.*filter, v.value);
        const std::string target = link_to(search, [&](SearchParameters& s) {
            auto& list = s.request.*filter;
            if (active) {
                list.erase(std::remove(list.begin(), list.end(), v.value), list.end());
            } else {
                list.push_back(v.value);
            }
        });
        html += std::string("<li") + (active ? " class=\"active\"" : "") + "><a href=\"" + escape_html(target) +
                "\">" + html_text(v.label) + "</a> <span class=\"count\"><bdi>" + std::to_string(v.count) +
                "</bdi></span></li>";
    }
    return html + "</ul></section>";
}

// The sources of the matches. Each filters by its name as the articles write it (which picks
// that source alone, as its folded value would), so that its chip reads as the sidebar does.
std::string source_list(const SearchParameters& search, const std::vector<FacetValue>& sources) {
    std::vector<FacetValue> values;
    for (const FacetValue& v : sources) values.push_back({v.label, v.label, v.count});
    return facet_list(search, "المصدر", values, &cli::SearchRequest::sources);
}

// The months from the first to the last of `months` ("2018-02" ...), those without matches as
// bars of 0, so that the time axis keeps its scale. Values that are not YYYY-MM are left as given.
std::vector<FacetValue> every_month(const std::vector<FacetValue>& months) {
    auto parse = [](const std::string& value, int& year, int& month) {
        constexpr std::size_t kLength = 7;  // YYYY-MM
        if (value.size() != kLength || value[4] != '-') return false;
        year = std::atoi(value.substr(0, 4).c_str());
        month = std::atoi(value.substr(5, 2).c_str());
        return year > 0 && month >= 1 && month <= kMonthsInYear;
    };
    std::vector<FacetValue> sorted = months;
    std::sort(sorted.begin(), sorted.end(), [](const FacetValue& a, const FacetValue& b) { return a.value < b.value; });
    int year = 0, month = 0, last_year = 0, last_month = 0;
    if (sorted.empty() || !parse(sorted.front().value, year, month) || !parse(sorted.back().value, last_year, last_month)) {
        return months;
    }
    std::vector<FacetValue> filled;
    std::size_t next = 0;
    while (year * kMonthsInYear + month <= last_year * kMonthsInYear + last_month) {
        std::array<char, 32> value{};  // room for any two ints
        std::snprintf(value.data(), value.size(), "%04d-%02d", year, month);
        if (next < sorted.size() && sorted[next].value == value.data()) {
            filled.push_back(sorted[next++]);
        } else {
            filled.push_back({value.data(), value.data(), 0});
        }
        if (++month > kMonthsInYear) {
            month = 1;
            ++year;
        }
    }
    return filled;
}

// Bars by year (and by month when the matches span few years), each narrowing from..to to it;
// an empty month is a bar of 0 with no link.
std::string histogram(const SearchParameters& search, const Facets& facets) {
    if (facets.year.empty()) return "";
    const bool by_month = facets.year.size() <= kMonthsUpToYears;
    const std::vector<FacetValue> bars = by_month ? every_month(facets.month) : facets.year;
    std::size_t most = 1;
    for (const FacetValue& v : bars) most = std::max(most, v.count);
    std::string html = std::string("<section class=\"histogram\"><h2>") + (by_month ? "حسب الشهر" : "حسب السنة") +
                       "</h2><div class=\"bars\" dir=\"ltr\">";
    for (const FacetValue& v : bars) {
        if (v.count == 0) {
            html += "<span class=\"bar\" title=\"" + escape_html(v.label) + ": 0\"><span style=\"height:0px\"></span><bdi>" +
                    escape_html(v.value.substr(2)) + "</bdi></span>";
            continue;
        }
        const std::string target = link_to(search, [&](SearchParameters& s) { s.request.from = s.request.to = v.value; });
        const std::size_t height = std::max<std::size_t>(2, v.count * kBarHeight / most);
        html += "<a class=\"bar\" href=\"" + escape_html(target) + "\" title=\"" + escape_html(v.label) + ": " +
                std::to_string(v.count) + "\"><span style=\"height:" + std::to_string(height) +
                "px\"></span><bdi>" + escape_html(by_month ? v.value.substr(2) : v.value) + "</bdi></a>";
    }
    html += "</div>";
    if (by_month && facets.year.size() > 0) {
        html += "<p class=\"years\">";
        for (const FacetValue& v : facets.year) {
            const std::string target = link_to(search, [&](SearchParameters& s) { s.request.from = s.request.to = v.value; });
            html += "<a href=\"" + escape_html(target) + "\"><bdi>" + escape_html(v.value) + "</bdi> (<bdi>" +
                    std::to_string(v.count) + "</bdi>)</a> ";
        }
        html += "</p>";
    }
    return html + "</section>";
}

// The filters in force, each with a link that removes it.
std::string active_filters(const SearchParameters& search) {
    const cli::SearchRequest& r = search.request;
    std::string html;
    auto chip = [&](const std::string& label, const std::function<void(SearchParameters&)>& remove) {
        html += "<a class=\"chip\" href=\"" + escape_html(link_to(search, remove)) + "\">" + html_text(label) +
                " ✕</a> ";
    };
    for (const std::string& t : r.topics) {
        chip("موضوع: " + t, [&](SearchParameters& s) { std::erase(s.request.topics, t); });
    }
    for (const std::string& p : r.places) {
        chip("مكان: " + p, [&](SearchParameters& s) { std::erase(s.request.places, p); });
    }
    for (const std::string& p : r.sources) {
        chip("مصدر: " + p, [&](SearchParameters& s) { std::erase(s.request.sources, p); });
    }
    if (!r.from.empty() || !r.to.empty()) {
        chip("تاريخ: " + r.from + ".." + r.to, [](SearchParameters& s) { s.request.from.clear(), s.request.to.clear(); });
    }
    return html.empty() ? "" : "<p class=\"filters\">" + html + "</p>";
}

std::string hit_html(const SearchHit& hit) {
    std::string html = "<li class=\"hit\"><h3><a href=\"/article/" + escape_html(percent_encode(hit.id)) + "\">" +
                       html_text(hit.title.empty() ? hit.id : hit.title) + "</a></h3><p class=\"meta\">";
    std::string meta;
    for (const std::string* field : {&hit.date, &hit.place, &hit.topic_label, &hit.source}) {
        if (!field->empty()) meta += (meta.empty() ? "" : " · ") + html_text(*field);
    }
    html += meta + "</p>";
    if (!hit.snippet.empty()) html += "<p class=\"snippet\">" + html_snippet(hit.snippet) + "</p>";  // snippets=0
    // The story's other copies (with collapse=1), and the way to its related coverage.
    html += "<p class=\"story\">";
    if (hit.copies > 0 && !hit.story.empty()) {
        std::string sources;
        for (const std::string& source : hit.copy_sources) {
            if (!source.empty()) sources += (sources.empty() ? "" : "، ") + html_text(source);
        }
        html += "<a href=\"/?story=" + escape_html(percent_encode(hit.story)) + "\">+<bdi>" +
                std::to_string(hit.copies) + "</bdi> " + std::string(rasd::detail::other_copies_label(hit.copies)) + "</a>" +
                (sources.empty() ? "" : ": " + sources) + " · ";
    }
    html += "<a href=\"/?like=" + escape_html(percent_encode(hit.id)) + "\">أخبار ذات صلة</a></p></li>";
    return html;
}

std::string paging(const SearchParameters& search, const SearchResults& results) {
    const cli::SearchRequest& r = search.request;
    if (r.limit == 0) return "";
    std::string html = "<nav class=\"paging\">";
    if (r.offset > 0) {
        SearchParameters previous = search;
        previous.request.offset = r.offset > r.limit ? r.offset - r.limit : 0;
        html += "<a rel=\"prev\" href=\"" + escape_html(href(previous)) + "\">→ السابق</a>";
    }
    html += " <span>صفحة <bdi>" + std::to_string(r.offset / r.limit + 1) + "</bdi></span> ";
    if (r.offset + results.hits.size() < results.total.lower ||
        (results.hits.size() == r.limit && r.offset + r.limit < results.total.estimated)) {
        SearchParameters next = search;
        next.request.offset = r.offset + r.limit;
        html += "<a rel=\"next\" href=\"" + escape_html(href(next)) + "\">التالي ←</a>";
    }
    return html + "</nav>";
}

// "335 نتيجةً" when the total is exact, "نحو 3000 نتيجة" when it is Xapian's estimate, and
// "لا نتائج" with a hint when nothing matched.
std::string total_html(const SearchParameters& search, const SearchResults& results) {
    const MatchTotal& total = results.total;
    if (total.upper == 0) {
        return "<p class=\"total\">لا نتائج.</p><p class=\"note\">جرّب كلمات أقل أو غيرها، أو أزل بعض المرشِّحات.</p>";
    }
    const bool exact = total.lower == total.upper;
    const std::string number = "<bdi>" + std::to_string(total.estimated) + "</bdi>";
    return std::string("<p class=\"total\">") + (exact ? "" : "نحو ") +
           rasd::detail::arabic_counted(total.estimated, number,
                                        search.request.collapse ? rasd::detail::kStories : rasd::detail::kResults) +
           "</p>";
}

// A page past the last result (a link kept from a larger result set, an offset typed by hand):
// said so, with a link to the last page.
std::string past_the_end_html(const SearchParameters& search, const SearchResults& results) {
    const cli::SearchRequest& r = search.request;
    if (!results.hits.empty() || r.offset == 0 || r.limit == 0 || results.total.lower == 0) return "";
    SearchParameters last = search;
    last.request.offset = (results.total.lower - 1) / r.limit * r.limit;
    return "<p class=\"note\">لا نتائج في هذه الصفحة: النتائج أقل من ذلك. <a href=\"" + escape_html(href(last)) +
           "\">الصفحة الأخيرة</a></p>";
}

std::string results_html(const SearchParameters& search, const SearchResults& results) {
    std::string html = total_html(search, results);
    if (!search.request.story.empty() && !results.hits.empty()) {
        // As rasd-search's "first published by": the earliest dated article, not an undated
        // one listed before it, and nobody on a later page.
        const std::size_t articles = results.total.estimated;
        html = "<p class=\"total\">قصة من " +
               rasd::detail::arabic_counted(articles, "<bdi>" + std::to_string(articles) + "</bdi>",
                                            rasd::detail::kArticlesAfterMin);
        if (const SearchHit* first = cli::first_published(results); first && !first->source.empty()) {
            html += "، نشرها أولًا " + html_text(first->source);
            if (!first->date.empty()) html += " في " + html_text(first->date);
        }
        html += "</p>";
    }
    if (!results.suggestion.empty()) {
        const std::string target = link_to(search, [&](SearchParameters& s) { s.query = results.suggestion; });
        html += "<p class=\"suggestion\">هل تقصد: <a href=\"" + escape_html(target) + "\">" +
                html_text(results.suggestion) + "</a>؟</p>";
    }
    for (const std::string& note : results.notes) html += "<p class=\"note\">" + html_text(note) + "</p>";
    if (results.partial) {
        std::string names;
        for (const std::string& s : results.unavailable) names += (names.empty() ? "" : "، ") + s;
        html += "<p class=\"partial\">نتائج جزئية: لم يجب <bdi>" + escape_html(names) + "</bdi></p>";
    }
    html += past_the_end_html(search, results);
    if (results.hits.empty()) return html;
    html += "<ol class=\"hits\" start=\"" + std::to_string(search.request.offset + 1) + "\">";
    for (const SearchHit& hit : results.hits) html += hit_html(hit);
    return html + "</ol>" + paging(search, results);
}

}  // namespace

SearchOptions page_search_options(const SearchParameters& search) {
    SearchOptions options = cli::search_options(search.request);
    options.facets = true;
    options.highlight_start = std::string(kMarkStart);
    options.highlight_end = std::string(kMarkEnd);
    return options;
}

std::string search_page_html(const SearchPage& page) {
    const SearchParameters& search = page.search;
    std::string main = "<div class=\"layout\">\n<main>";
    main += active_filters(search);
    if (page.error) {
        main += "<p class=\"error\" role=\"alert\">" + html_text(page.error->message) + "</p>";
    } else if (page.results) {
        main += results_html(search, *page.results);
    } else {
        main += "<p class=\"welcome\">ابحث في أرشيف الأخبار بالكلمات، أو بموضوع أو مكان أو تاريخ.</p>";
    }
    main += "</main>\n<aside class=\"facets\">";
    if (page.results) {
        const Facets& f = page.results->facets;
        main += histogram(search, f);
        main += facet_list(search, "الموضوع", f.topic, &cli::SearchRequest::topics);
        main += facet_list(search, "البلد", f.country, &cli::SearchRequest::places);
        main += facet_list(search, "المدينة", f.city, &cli::SearchRequest::places);
        main += source_list(search, f.source);
    }
    main += "</aside>\n</div>";
    // The query's own bidi embeddings closed before the site's name, which they would reorder.
    std::string title = search.query.empty() ? "رصد" : detail::with_bidi_controls_closed(search.query) + " — رصد";
    return page_html({title, search.query, search.request.sort, main});
}

}  // namespace rasd::serve

// The query language end to end over a small archive: analysis, phrases, operators, filters,
// sorting, facets, explanations and errors.

#include <doctest/doctest.h>

#include "knowledge/gazetteer.hpp"
#include "knowledge/topics.hpp"
#include "tests/support/article_builder.hpp"
#include "tests/support/scratch_archive.hpp"

#include <rasd/error.hpp>
#include <rasd/indexer.hpp>
#include <rasd/searcher.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace {

using Ids = std::vector<std::string>;

using rasd::test::ArticleBuilder;
using rasd::test::ScratchArchive;

// An article of the small archive, which has one source.
ArticleBuilder news(std::string id) {
    ArticleBuilder article(std::move(id));
    article.source("الرصد");
    return article;
}

// A small archive: Cairo districts, Giza, Alexandria, Beirut, Tunis; several topics and years.
std::vector<rasd::Article> small_archive_articles() {
    return {
        news("cai-1")
            .title("ضبط سائق سيارة نقل يقود برعونة")
            .body("ألقت الأجهزة الأمنية القبض على سائق سيارة نقل فى دار السلام بعد مقطع فيديو على مواقع التواصل الإجتماعى.")
            .date("2018-03-05")
            .place("دار السلام")
            .topic("security"),
        news("cai-2")
            .title("الداخلية تضبط متهما بالتحرش")
            .body("ضبطت الأجهزة الأمنية متهما بالتحرش بفتاة فى مدينة نصر وقدمته للنيابة.")
            .date("2018-06-20")
            .place("مدينة نصر")
            .topic("حوادث"),
        news("giz-1")
            .title("حادث تصادم على طريق الواحات")
            .body("أصيب خمسة أشخاص فى حادث تصادم بين سيارة نقل وميكروباص على طريق الواحات.")
            .date("2019-01-10")
            .place("الجيزة")
            .topic("accidents"),
        news("alx-1")
            .title("الأهلي يفوز على الاتحاد")
            .body("فاز الأهلي على الاتحاد السكندري بهدفين فى الدوري المصري عام ٢٠٢٠.")
            .date("2020-02-01")
            .place("الإسكندرية")
            .topic("sport"),
        news("bey-1")
            .title("معرض بيروت للكتاب")
            .body("افتتح معرض الكتاب فى بيروت بمشاركة دور نشر عربية، وقال المسئولون إن الإقبال كبير.")
            .date("2021-12-01")
            .place("بيروت")
            .topic("culture"),
        news("tun-1")
            .title("الحكومة التونسية تعلن موازنة جديدة")
            .body("أعلنت الحكومة فى تونس موازنة جديدة تدعم الخدمات للمواطنين وتخفض العجز.")
            .date("2017-01-18")
            .place("تونس")
            .topic("economy"),
        news("cai-3")
            .title("تطوير منظومة الخدمات للمواطنين")
            .body("أعلن المسؤولون عن تطوير الخدمات الإلكترونية للمواطنين فى القاهرة خلال عام 2020.")
            .date("2020-07-07")
            .place("القاهرة")
            .topic("society"),
    };
}

Ids ids(rasd::Searcher& searcher, const std::string& query, rasd::SearchOptions options = {}) {
    options.limit = 100;
    Ids out;
    for (const rasd::SearchHit& hit : searcher.search(query, options).hits) out.push_back(hit.id);
    return out;
}

Ids sorted(Ids v) {
    std::sort(v.begin(), v.end());
    return v;
}

struct QueryCase {
    std::string query;
    Ids expected;  // sorted
};

}  // namespace

TEST_SUITE("search_queries") {

TEST_CASE("free text is analyzed like the articles") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    const std::vector<QueryCase> table = {
        {"الاجتماعي", {"cai-1"}},             // written الإجتماعى
        {"و المواطنين", {"cai-3", "tun-1"}},  // stop word و, stem مواطن
        {"مواطن", {"cai-3", "tun-1"}},
        {"2020", {"alx-1", "cai-3"}},         // ٢٠٢٠ in one of them
        {"٢٠٢٠", {"alx-1", "cai-3"}},
        {"المسؤولين", {"bey-1", "cai-3"}},    // المسئولون / المسؤولون
        {"السَّائق", {"cai-1"}},              // diacritics in the query
    };
    for (const QueryCase& c : table) {
        CAPTURE(c.query);
        CHECK(sorted(ids(searcher, c.query)) == c.expected);
    }
}

TEST_CASE("phrases, exclusion, operators and wildcards") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    rasd::SearchOptions as_typed;  // a phrase that finds nothing stays a phrase
    as_typed.relax_phrases = false;
    const std::vector<QueryCase> table = {
        {"\"سيارة نقل\"", {"cai-1", "giz-1"}},
        {"\"نقل سيارة\"", {}},
        {"سيارة -ميكروباص", {"cai-1"}},
        {"سيارة AND فيديو", {"cai-1"}},
        {"الأهلي OR الكتاب", {"alx-1", "bey-1"}},
        {"سيارة NOT فيديو", {"giz-1"}},
        {"(الأهلي OR الكتاب) AND بيروت", {"bey-1"}},
        {"موازن*", {"tun-1"}},
        {"title:الكتاب", {"bey-1"}},
        {"عنوان:\"معرض بيروت\"", {"bey-1"}},
    };
    for (const QueryCase& c : table) {
        CAPTURE(c.query);
        CHECK(sorted(ids(searcher, c.query, as_typed)) == c.expected);
    }
}

TEST_CASE("a phrase that finds nothing is searched as its words, and the answer says so") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    struct RelaxCase {
        std::string query;
        Ids expected;          // sorted
        Ids relaxed;           // the phrases read as words
    };
    const std::vector<RelaxCase> table = {
        {"\"نقل سيارة\"", {"cai-1", "giz-1"}, {"نقل سيارة"}},                 // the words, not in this order
        {"\"سيارة الأهلي\"", {"alx-1", "cai-1", "giz-1"}, {"سيارة الأهلي"}},  // as plain words: either
        {"+\"نقل سيارة\" ميكروباص", {"cai-1", "giz-1"}, {"نقل سيارة"}},       // +phrase: each word required
        {"الأهلي \"نقل سيارة\"", {"alx-1", "cai-1", "giz-1"}, {"نقل سيارة"}},  // other words find articles
        {"\"نقل سيارة\" \"سيارة نقل\"", {"cai-1", "giz-1"}, {"نقل سيارة"}},  // only the phrase that finds none
        {"+\"سيارة الأهلي\"", {}, {}},          // no article has both words: nothing gained, kept
        {"\"سيارة نقل\"", {"cai-1", "giz-1"}, {}},                           // the phrase finds articles
        {"الأهلي -\"الأهلي يفوز\"", {}, {}},     // an excluded phrase is never relaxed
        {"الأهلي NOT \"الأهلي يفوز\"", {}, {}},
        {"title:\"نقل سيارة\"", {}, {}},         // a phrase in a field is left as asked
    };
    rasd::SearchOptions all_hits;
    all_hits.limit = 100;
    for (const RelaxCase& c : table) {
        CAPTURE(c.query);
        const rasd::SearchResults results = searcher.search(c.query, all_hits);
        Ids found;
        for (const rasd::SearchHit& hit : results.hits) found.push_back(hit.id);
        CHECK(sorted(found) == c.expected);
        CHECK(results.relaxed_phrases == c.relaxed);
        CHECK(results.notes.size() == c.relaxed.size());
    }
    const rasd::SearchResults relaxed = searcher.search("\"نقل سيارة\"");
    const std::string note = "searched for the words of \"نقل سيارة\" instead: as a phrase it found 0 articles";
    CHECK(relaxed.notes == std::vector<std::string>{note});
    CHECK(std::count(relaxed.explanation.begin(), relaxed.explanation.end(), "note: " + note) == 1);
    // Ranked as the same words typed without quotes.
    const rasd::SearchResults plain = searcher.search("نقل سيارة");
    REQUIRE(plain.hits.size() == relaxed.hits.size());
    for (std::size_t i = 0; i < plain.hits.size(); ++i) {
        CHECK(relaxed.hits[i].id == plain.hits[i].id);
        CHECK(relaxed.hits[i].score == doctest::Approx(plain.hits[i].score));
    }
    rasd::SearchOptions as_typed;
    as_typed.relax_phrases = false;
    const rasd::SearchResults kept = searcher.search("\"نقل سيارة\"", as_typed);
    CHECK(kept.hits.empty());
    CHECK(kept.relaxed_phrases.empty());
    CHECK(kept.notes.empty());
}

TEST_CASE("place filters take any spelling and include every place within") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    const Ids cairo = {"cai-1", "cai-2", "cai-3"};
    for (const char* q : {"place:القاهرة", "place:القاهره", "place:Cairo", "مكان:القاهرة", "مكان:بالقاهرة",
                          "place:eg-cairo"}) {
        CAPTURE(q);
        CHECK(sorted(ids(searcher, q)) == cairo);
    }
    CHECK(sorted(ids(searcher, "place:مصر")) == Ids{"alx-1", "cai-1", "cai-2", "cai-3", "giz-1"});
    CHECK(sorted(ids(searcher, "place:\"دار السلام\"")) == Ids{"cai-1"});
    CHECK(sorted(ids(searcher, "سيارة place:Egypt -place:Giza")) == Ids{"cai-1"});
    rasd::SearchOptions flags;
    flags.places = {"لبنان", "تونس"};
    CHECK(sorted(ids(searcher, "", flags)) == Ids{"bey-1", "tun-1"});
    flags.places = {"lb"};  // the id of Lebanon, as facets print it
    CHECK(sorted(ids(searcher, "", flags)) == Ids{"bey-1"});
}

TEST_CASE("a filter after NOT or '-' excludes, wherever it stands") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    const std::vector<QueryCase> table = {
        {"place:مصر NOT place:Giza", {"alx-1", "cai-1", "cai-2", "cai-3"}},
        {"place:مصر -place:Giza", {"alx-1", "cai-1", "cai-2", "cai-3"}},
        {"place:مصر NOT topic:security", {"alx-1", "cai-3", "giz-1"}},
        {"place:مصر NOT date:2018", {"alx-1", "cai-3", "giz-1"}},
        {"place:مصر NOT (topic:security OR place:Giza)", {"alx-1", "cai-3"}},
        {"place:مصر -(topic:security OR place:Giza)", {"alx-1", "cai-3"}},
        {"سيارة NOT place:Giza", {"cai-1"}},
        {"سيارة AND NOT place:Giza", {"cai-1"}},
    };
    for (const QueryCase& c : table) {
        CAPTURE(c.query);
        CHECK(sorted(ids(searcher, c.query)) == c.expected);
    }
}

TEST_CASE("topic filters take ids, Arabic and English labels and source aliases") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    CHECK(sorted(ids(searcher, "topic:security")) == Ids{"cai-1", "cai-2"});  // حوادث maps to security
    CHECK(sorted(ids(searcher, "موضوع:رياضة")) == Ids{"alx-1"});
    CHECK(sorted(ids(searcher, "topic:Sport")) == Ids{"alx-1"});
    CHECK(sorted(ids(searcher, "topic:traffic")) == Ids{"giz-1"});
}

TEST_CASE("date filters: years, months, days, words and ranges with open ends") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    const std::vector<QueryCase> table = {
        {"date:2018", {"cai-1", "cai-2"}},
        {"date:2018-03", {"cai-1"}},
        {"date:2018-03-05", {"cai-1"}},
        {"date:2018-03..2018-06", {"cai-1", "cai-2"}},
        {"date:2020..", {"alx-1", "bey-1", "cai-3"}},
        {"date:..2017", {"tun-1"}},
        {"تاريخ:\"مارس 2018\"", {"cai-1"}},
        {"تاريخ:\"جانفي 2017\"", {"tun-1"}},
    };
    for (const QueryCase& c : table) {
        CAPTURE(c.query);
        CHECK(sorted(ids(searcher, c.query)) == c.expected);
    }
    rasd::SearchOptions flags;
    flags.from = "2019";
    flags.to = "2020-02";
    CHECK(sorted(ids(searcher, "", flags)) == Ids{"alx-1", "giz-1"});
}

TEST_CASE("a query of filters only lists newest first, sort orders apply") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    rasd::SearchOptions by_date;
    by_date.sort = rasd::SortOrder::Newest;
    by_date.limit = 1;
    const rasd::SearchResults listed = searcher.search("سيارة", by_date);  // free text, by date: counted exactly
    CHECK(listed.total.lower == 2);
    CHECK(listed.total.estimated == 2);
    CHECK(listed.total.upper == 2);
    CHECK(ids(searcher, "place:مصر") == Ids{"cai-3", "alx-1", "giz-1", "cai-2", "cai-1"});
    rasd::SearchOptions oldest;
    oldest.sort = rasd::SortOrder::Oldest;
    CHECK(ids(searcher, "place:مصر", oldest) == Ids{"cai-1", "cai-2", "giz-1", "alx-1", "cai-3"});
    CHECK(rasd::parse_sort_order("newest") == rasd::SortOrder::Newest);
    CHECK_THROWS_WITH_AS((void)rasd::parse_sort_order("best"), "unknown sort order 'best' (valid: relevance, newest, oldest)",
                         rasd::InvalidArgument);
}

TEST_CASE("facets count the whole match set") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    rasd::SearchOptions options;
    options.facets = true;
    options.limit = 1;  // the page is one hit; the facets still count all five
    const rasd::SearchResults r = searcher.search("place:مصر", options);
    REQUIRE(r.has_facets);
    CHECK(r.hits.size() == 1);
    REQUIRE(r.facets.country.size() == 1);
    CHECK(r.facets.country[0].value == "eg");
    CHECK(r.facets.country[0].label == "مصر");
    CHECK(r.facets.country[0].count == 5);
    REQUIRE(!r.facets.city.empty());
    CHECK(r.facets.city[0].value == "eg-cairo");  // districts count for their city
    CHECK(r.facets.city[0].count == 3);
    std::vector<std::string> years;
    for (const auto& y : r.facets.year) years.push_back(y.value + "=" + std::to_string(y.count));
    CHECK(years == std::vector<std::string>{"2018=2", "2019=1", "2020=2"});
}

TEST_CASE("the source facet counts the sources of the matches, named as their articles write them") {
    const ScratchArchive archive({
        ArticleBuilder("s1").title("خبر أول").body("نص الخبر الأول").date("2020-01-01").source("Sky News"),
        ArticleBuilder("s2").title("خبر ثان").body("نص الخبر الثاني").date("2020-01-02").source("SKY NEWS"),
        ArticleBuilder("s3").title("خبر ثالث").body("نص الخبر الثالث").date("2020-01-03").source("Sky News"),
        ArticleBuilder("r1").title("خبر رابع").body("نص الخبر الرابع").date("2020-01-04").source("الرصد اليوم"),
        ArticleBuilder("r2").title("خبر خامس").body("نص الخبر الخامس").date("2020-01-05").source("الرصد اليوم"),
        ArticleBuilder("n1").title("خبر سادس").body("نص الخبر السادس").date("2020-01-06").source("وكالة أنباء النيل"),
        ArticleBuilder("x1").title("خبر سابع").body("نص بلا مصدر").date("2020-01-07"),
    });
    rasd::Searcher searcher = archive.open_searcher();
    auto sources = [&](const std::string& query, rasd::SearchOptions options) {
        options.facets = true;
        std::vector<std::string> out;
        for (const rasd::FacetValue& v : searcher.search(query, options).facets.source) {
            out.push_back(v.value + "|" + v.label + "=" + std::to_string(v.count));
        }
        return out;
    };
    // Free text (facets counted in a match of their own); both spellings of Sky News are one
    // source, shown as its first article writes it; the article without a source counts nowhere.
    CHECK(sources("نص", {}) ==
          std::vector<std::string>{"sky news|Sky News=3", "الرصد اليوم|الرصد اليوم=2", "وكاله انباء النيل|وكالة أنباء النيل=1"});
    CHECK(sources("الخامس OR السادس", {}) ==
          std::vector<std::string>{"الرصد اليوم|الرصد اليوم=1", "وكاله انباء النيل|وكالة أنباء النيل=1"});
    rasd::SearchOptions top_one;
    top_one.facet_limit = 1;
    CHECK(sources("نص", top_one) == std::vector<std::string>{"sky news|Sky News=3"});
    // Filters only (facets counted in the listing's own pass); a facet's value is a filter that
    // picks that source alone.
    rasd::SearchOptions filtered;
    filtered.sources = {"sky news"};
    CHECK(sources("", filtered) == std::vector<std::string>{"sky news|Sky News=3"});
}

TEST_CASE("a search past its time limit still answers its page, marked cut short") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher unlimited = archive.open_searcher();
    rasd::Searcher limited({archive.path()}, rasd::SearcherOptions{false, 1e-9});  // late from the start
    rasd::SearchOptions options;
    options.facets = true;
    const rasd::SearchResults full = unlimited.search("سائق OR الخدمات OR الأهلي", options);
    const rasd::SearchResults cut = limited.search("سائق OR الخدمات OR الأهلي", options);
    CHECK_FALSE(full.cut_short);
    CHECK(full.notes.empty());
    CHECK(cut.cut_short);
    // 1e-9 s is 0 ms to the millisecond.
    CHECK(cut.notes == std::vector<std::string>{
                           "the time limit of 0 ms passed: the total may be an estimate and facets count only the "
                           "matches seen"});
    // Ranking a page is never cut: the same hits in the same order.
    Ids full_ids, cut_ids;
    for (const rasd::SearchHit& hit : full.hits) full_ids.push_back(hit.id);
    for (const rasd::SearchHit& hit : cut.hits) cut_ids.push_back(hit.id);
    CHECK(full_ids.size() == 4);
    CHECK(cut_ids == full_ids);
    // The facets stopped counting at once; the total is the ranked match's, never below its page.
    CHECK(cut.total.estimated >= cut.hits.size());
    CHECK(cut.total.upper >= full.total.estimated);
    // A limit the search stays within changes nothing.
    rasd::Searcher generous({archive.path()}, rasd::SearcherOptions{false, 60.0});
    const rasd::SearchResults within = generous.search("سائق OR الخدمات OR الأهلي", options);
    CHECK_FALSE(within.cut_short);
    CHECK(within.total.estimated == full.total.estimated);
}

TEST_CASE("explain says how the query was read") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    const rasd::SearchResults r = searcher.search("سيارة فى place:القاهرة date:2018", {});
    CHECK(r.explanation == std::vector<std::string>{
                               "words: سيارة → سيار; فى (stop word, ignored)",
                               "place: القاهرة ← مصر (eg-cairo, with every place within it)",
                               "date: 2018-01-01 .. 2018-12-31",
                           });
}

TEST_CASE("a query that finds little suggests known title words for unknown ones") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    CHECK(searcher.search("الأهلي يفوذ").suggestion == "الأهلي يفوز");
    CHECK(searcher.search("معرظ الكتاب").suggestion == "معرض الكتاب");
    CHECK(searcher.search("الأهلي").suggestion.empty());  // every word known: nothing to correct
    CHECK(searcher.search("place:مصر").suggestion.empty());
}

TEST_CASE("bad filters are usage errors that say what exists") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    CHECK_THROWS_WITH_AS((void)searcher.search("date:2020..2019"), "impossible date range '2020..2019': 2020 is after 2019",
                         rasd::InvalidArgument);
    // A Gregorian day its month lacks says so, as a Hijri one does.
    CHECK_THROWS_WITH_AS((void)searcher.search("date:2018-02-30"),
                         "cannot read date '2018-02-30' in '2018-02-30': 2018-02 has 28 days", rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS((void)searcher.search("date:2018-13-01"),
                         "cannot read date '2018-13-01' in '2018-13-01': month 13 does not exist", rasd::InvalidArgument);
    CHECK_NOTHROW((void)searcher.search("date:2016-02-29"));
    CHECK_THROWS_WITH_AS((void)searcher.search("date:غدا"),
                         "cannot read date 'غدا' in 'غدا' (use 2018, 2018-03, 2018-03-05, a month name such as "
                         "\"مارس 2018\", a Hijri date such as 1436-10 or \"شوال 1436\", or a range such as 2018-03..2018-06)",
                         rasd::InvalidArgument);
    // A four-digit year from 1600 on is Gregorian, and rasd dates articles in 1900..2100 only.
    const struct {
        const char* query;
        const char* error;
    } out_of_range_years[] = {
        {"date:1600", "cannot read date '1600' in '1600': year 1600 is outside 1900..2100 (a year below 1600 is read as Hijri)"},
        {"date:1899-12", "cannot read date '1899-12' in '1899-12': year 1899 is outside 1900..2100 (a year below 1600 is read as Hijri)"},
        {"حريق date:2101..", "cannot read date '2101' in '2101..': year 2101 is outside 1900..2100 (a year below 1600 is read as Hijri)"},
    };
    for (const auto& c : out_of_range_years) {
        CAPTURE(c.query);
        CHECK_THROWS_WITH_AS((void)searcher.search(c.query), c.error, rasd::InvalidArgument);
    }
    CHECK_THROWS_WITH_AS((void)searcher.search("place:Atlantis"), doctest::Contains("unknown place 'Atlantis' (nearest: "),
                         rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS((void)searcher.search("topic:sprot"), doctest::Contains("unknown topic 'sprot' (nearest: sports"),
                         rasd::InvalidArgument);
    CHECK_THROWS_AS((void)searcher.search("(سيارة"), rasd::InvalidArgument);
}

TEST_CASE("Hijri date filters: the Gregorian days of a Hijri year, month, day or range") {
    // cai-1 is 2018-03-05 (17 جمادى الآخرة 1439), cai-2 2018-06-20 (6 شوال 1439), tun-1 2017-01-18.
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    const std::vector<QueryCase> table = {
        {"date:1439", {"cai-1", "cai-2"}},
        {"date:1439هـ", {"cai-1", "cai-2"}},
        {"date:1439-10", {"cai-2"}},
        {"تاريخ:\"شوال 1439\"", {"cai-2"}},
        {"date:شوال 1439", {"cai-2"}},
        {"date:\"6 شوال 1439\"", {"cai-2"}},
        {"date:1439-10-06", {"cai-2"}},
        {"date:\"17 جمادى الآخرة 1439\"", {"cai-1"}},
        {"date:١٤٣٩-٠٦-١٧", {"cai-1"}},
        {"date:1439-06..1439-10", {"cai-1", "cai-2"}},
        {"date:1439-07..1439-10", {"cai-2"}},
        {"date:رمضان 1439..شوال 1439", {"cai-2"}},
        {"date:1441..", {"alx-1", "bey-1", "cai-3"}},
        {"date:..1438", {"tun-1"}},
        {"date:1439-10..2020", {"alx-1", "cai-2", "cai-3", "giz-1"}},
    };
    for (const QueryCase& c : table) {
        CAPTURE(c.query);
        CHECK(sorted(ids(searcher, c.query)) == c.expected);
    }
    rasd::SearchOptions flags;
    flags.from = "1439-10";
    flags.to = "1440";
    CHECK(sorted(ids(searcher, "", flags)) == Ids{"cai-2", "giz-1"});
}

TEST_CASE("explain shows the Gregorian span a Hijri date became") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    CHECK(searcher.search("date:شوال 1439").explanation ==
          std::vector<std::string>{"date: 2018-06-15 .. 2018-07-13 (Hijri شوال 1439, Umm al-Qura)"});
    CHECK(searcher.search("date:1436-09..1436-10").explanation ==
          std::vector<std::string>{"date: 2015-06-18 .. 2015-08-15 (Hijri 1436-09..1436-10, Umm al-Qura)"});
    CHECK(searcher.search("-date:1440").explanation ==
          std::vector<std::string>{"not date: 2018-09-11 .. 2019-08-30 (Hijri 1440, Umm al-Qura)"});
    CHECK(searcher.search("date:2018").explanation == std::vector<std::string>{"date: 2018-01-01 .. 2018-12-31"});
}

TEST_CASE("an impossible Hijri date is a syntax error at its position that says why") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    struct ErrorCase {
        const char* query;
        const char* message;
    };
    const ErrorCase table[] = {
        {"سيارة date:30 رمضان 1436", "invalid Hijri date '30 رمضان 1436' at position 12: رمضان 1436 has 29 days"},
        {"date:1436-13", "invalid Hijri date '1436-13' at position 6: Hijri month 13 does not exist"},
        {"date:1436-09-30", "invalid Hijri date '1436-09-30' at position 6: رمضان 1436 has 29 days"},
        {"date:1200..1436", "invalid Hijri date '1200..1436' at position 6: Hijri year 1200 is outside 1318..1500"},
        {"تاريخ:\"30 رمضان 1436\"", "invalid Hijri date '30 رمضان 1436' at position 7: رمضان 1436 has 29 days"},
    };
    for (const ErrorCase& c : table) {
        CAPTURE(c.query);
        CHECK_THROWS_WITH_AS((void)searcher.search(c.query), c.message, rasd::QuerySyntaxError);
    }
    rasd::SearchOptions flags;
    flags.from = "1436-09-30";
    CHECK_THROWS_WITH_AS((void)searcher.search("سيارة", flags),
                         "invalid Hijri date '1436-09-30' in '1436-09-30..': رمضان 1436 has 29 days", rasd::InvalidArgument);
}

TEST_CASE("a bad from/to date names the range as given, never a command-line flag") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    rasd::SearchOptions flags;
    flags.from = "غدا";
    flags.to = "2020";
    CHECK_THROWS_WITH_AS((void)searcher.search("سيارة", flags),
                         "cannot read date 'غدا' in 'غدا..2020' (use 2018, 2018-03, 2018-03-05, a month name such as "
                         "\"مارس 2018\", a Hijri date such as 1436-10 or \"شوال 1436\", or a range such as 2018-03..2018-06)",
                         rasd::InvalidArgument);
    flags.from = "2021";
    CHECK_THROWS_WITH_AS((void)searcher.search("سيارة", flags), "impossible date range '2021..2020': 2021 is after 2020",
                         rasd::InvalidArgument);
}

TEST_CASE("place, topic and source values are at most 256 bytes, in the query and in flags") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    const std::string long_value(257, 'x');
    CHECK_THROWS_WITH_AS((void)searcher.search("place:" + long_value), "place value too long: 257 bytes (at most 256)",
                         rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS((void)searcher.search("سيارة موضوع:" + long_value), "topic value too long: 257 bytes (at most 256)",
                         rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS((void)searcher.search("-source:" + long_value), "source value too long: 257 bytes (at most 256)",
                         rasd::InvalidArgument);
    rasd::SearchOptions flags;
    flags.places = {std::string(100000, 'x')};
    CHECK_THROWS_WITH_AS((void)searcher.search("سيارة", flags), "place value too long: 100000 bytes (at most 256)",
                         rasd::InvalidArgument);
    flags.places.clear();
    flags.topics = {std::string(300, 'x')};
    CHECK_THROWS_WITH_AS((void)searcher.search("سيارة", flags), "topic value too long: 300 bytes (at most 256)",
                         rasd::InvalidArgument);
    flags.topics.clear();
    flags.sources = {std::string(300, 'x')};
    CHECK_THROWS_WITH_AS((void)searcher.search("سيارة", flags), "source value too long: 300 bytes (at most 256)",
                         rasd::InvalidArgument);
    // At the limit the value is looked up as usual (and, longer than every source name, gets
    // no nearest names).
    const std::string at_limit(256, 'x');
    CHECK_THROWS_WITH_AS((void)searcher.search("source:" + at_limit), ("unknown source '" + at_limit + "'").c_str(),
                         rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS((void)searcher.search("place:" + at_limit), ("unknown place '" + at_limit + "'").c_str(),
                         rasd::InvalidArgument);
}

TEST_CASE("a source: filter cuts a long name as the indexer does, so it still matches") {
    std::string source;
    for (int i = 0; i < 75; ++i) source += "ص";  // 150 bytes; the index keeps the first 100
    const ScratchArchive archive(
        {ArticleBuilder("long-source").title("عنوان").body("نص الخبر").date("2020-01-01").source(source)});
    rasd::Searcher searcher = archive.open_searcher();
    CHECK(ids(searcher, "source:" + source) == Ids{"long-source"});
    rasd::SearchOptions flags;
    flags.sources = {source};
    CHECK(ids(searcher, "نص", flags) == Ids{"long-source"});
}

TEST_CASE("a place or topic far longer than every name gets no nearest-name search") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    // Longer than every spelling by more than 3 bytes: no "nearest" (it would cost time in
    // proportion to the value's length, for suggestions that cannot be close).
    const std::string place(rasd::detail::Gazetteer::builtin().longest_spelling_bytes() + 4, 'q');
    CHECK_THROWS_WITH_AS((void)searcher.search("place:" + place), ("unknown place '" + place + "'").c_str(),
                         rasd::InvalidArgument);
    std::string ids;
    for (const rasd::detail::Topic& t : rasd::detail::TopicTaxonomy::builtin().topics()) ids += (ids.empty() ? "" : ", ") + t.id;
    const std::string topic(rasd::detail::TopicTaxonomy::builtin().longest_name_bytes() + 4, 'q');
    CHECK_THROWS_WITH_AS((void)searcher.search("topic:" + topic), ("unknown topic '" + topic + "' (topics: " + ids + ")").c_str(),
                         rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS((void)searcher.search("topic:sprot"),
                         ("unknown topic 'sprot' (nearest: sports, culture, international; topics: " + ids + ")").c_str(),
                         rasd::InvalidArgument);
}

TEST_CASE("date ranges with month names on both ends, in every form") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    const Ids march_to_june = {"cai-1", "cai-2"};
    for (const char* q : {"date:\"مارس 2018\"..\"يونيو 2018\"", "date:\"مارس 2018..يونيو 2018\"", "date:مارس 2018..يونيو 2018",
                          "تاريخ:\"آذار 2018\"..\"حزيران 2018\"", "التاريخ:آذار 2018..حزيران 2018",
                          "date:\"مارس 2018\" .. \"يونيو 2018\"", "date:مارس 2018..2018-06", "date:2018-03..يونيو 2018",
                          "date:\"مارس 2018\"..\"يونيه 2018\""}) {
        CAPTURE(q);
        CHECK(sorted(ids(searcher, q)) == march_to_june);
    }
    CHECK(sorted(ids(searcher, "date:جانفي 2017..فيفري 2017")) == Ids{"tun-1"});    // Tunisia and Algeria
    CHECK(sorted(ids(searcher, "date:\"كانون الثاني 2017\"..\"شباط 2017\"")) == Ids{"tun-1"});  // the Levant
    CHECK(sorted(ids(searcher, "سائق date:مارس 2018..يونيو 2018")) == Ids{"cai-1"});
    CHECK(searcher.search("date:\"مارس 2018\"..\"يونيو 2018\"").explanation ==
          std::vector<std::string>{"date: 2018-03-01 .. 2018-06-30"});
    // An unreadable end is an error naming it, never words searched instead.
    const std::string help = " (use 2018, 2018-03, 2018-03-05, a month name such as \"مارس 2018\", a Hijri date such "
                             "as 1436-10 or \"شوال 1436\", or a range such as 2018-03..2018-06)";
    CHECK_THROWS_WITH_AS((void)searcher.search("date:\"مارس 2018\"..يونيوو 2018"),
                         ("cannot read date 'يونيوو' in 'مارس 2018..يونيوو'" + help).c_str(), rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS((void)searcher.search("date:\"مارس 2018\" .. يونيوو"),
                         ("cannot read date 'يونيوو' in 'مارس 2018 .. يونيوو'" + help).c_str(), rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS((void)searcher.search("date:مارس سائق"), ("cannot read date 'مارس' in 'مارس'" + help).c_str(),
                         rasd::InvalidArgument);
}

TEST_CASE("a source is found by the words of its name, and an unknown one names the nearest") {
    const ScratchArchive archive({
        ArticleBuilder("a1").title("خبر أول").body("نص الخبر الأول").date("2020-01-01").source("الرصد اليوم"),
        ArticleBuilder("a2").title("خبر ثان").body("نص الخبر الثاني").date("2020-01-02").source("وكالة أنباء النيل"),
        ArticleBuilder("a3").title("خبر ثالث").body("نص الخبر الثالث").date("2020-01-03").source("Sky News"),
        ArticleBuilder("a4").title("خبر رابع").body("نص الخبر الرابع").date("2020-01-04").source("الرصد"),
    });
    rasd::Searcher searcher = archive.open_searcher();
    const std::vector<QueryCase> table = {
        {"source:الرصد", {"a4"}},                 // a full name picks that source alone
        {"source:اليوم", {"a1"}},                 // a word of the name
        {"source:رصد", {"a1", "a4"}},             // with or without ال
        {"source:\"انباء النيل\"", {"a2"}},       // every word, folded (أنباء)
        {"مصدر:وكاله", {"a2"}},                   // ة/ه
        {"source:skynews", {"a3"}},               // the name without its spaces
        {"source:news", {"a3"}},                  // Latin case
        {"نص -source:رصد", {"a2", "a3"}},
    };
    for (const QueryCase& c : table) {
        CAPTURE(c.query);
        CHECK(sorted(ids(searcher, c.query)) == c.expected);
    }
    rasd::SearchOptions flags;
    flags.sources = {"اليوم"};
    CHECK(ids(searcher, "", flags) == Ids{"a1"});
    CHECK(searcher.search("source:رصد").explanation == std::vector<std::string>{"source: الرصد, الرصد اليوم (by the words of 'رصد')"});
    CHECK(searcher.search("source:الرصد").explanation == std::vector<std::string>{"source: الرصد"});
    CHECK(searcher.search("source:skynews").explanation == std::vector<std::string>{"source: Sky News (by the words of 'skynews')"});
    CHECK_THROWS_WITH_AS((void)searcher.search("source:الرصدد"),
                         "unknown source 'الرصدد' (nearest: الرصد, الرصد اليوم, وكالة أنباء النيل)", rasd::InvalidArgument);
    flags.sources = {"Reuters"};
    CHECK_THROWS_WITH_AS((void)searcher.search("", flags), doctest::Contains("unknown source 'Reuters' (nearest: "),
                         rasd::InvalidArgument);
    const ScratchArchive sourceless({ArticleBuilder("n1").title("عنوان").body("نص")});
    rasd::Searcher none = sourceless.open_searcher();
    CHECK_THROWS_WITH_AS((void)none.search("source:الرصد"), "unknown source 'الرصد' (the archive records no sources)",
                         rasd::InvalidArgument);
}

TEST_CASE("a name that is no field is searched as words, with a note in the explanation") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    const rasd::SearchResults headline = searcher.search("CNN: سائق");
    CHECK(sorted(ids(searcher, "CNN: سائق")) == Ids{"cai-1"});
    CHECK(headline.explanation == std::vector<std::string>{"words: CNN → cnn; سائق → ساءق",
                                                           "note: 'CNN:' is not a field; searched as words"});
    CHECK(headline.notes.empty());  // a pasted headline is nothing to warn about
    const rasd::SearchResults typo = searcher.search("plce:القاهرة");
    CHECK(typo.notes == std::vector<std::string>{"'plce:' is not a field (did you mean place:?); searched as words"});
    CHECK(sorted(ids(searcher, "author:سائق")) == Ids{"cai-1"});
    // The forms with ال are fields.
    CHECK(sorted(ids(searcher, "المكان:الجيزة")) == Ids{"giz-1"});
    CHECK(sorted(ids(searcher, "الموضوع:رياضة")) == Ids{"alx-1"});
    CHECK(sorted(ids(searcher, "العنوان:الكتاب")) == Ids{"bey-1"});
    CHECK(sorted(ids(searcher, "المصدر:الرصد التاريخ:2018")) == Ids{"cai-1", "cai-2"});
}

TEST_CASE("a hit no body word matched shows the lede, not the last sentence") {
    const std::string opening = "الجملة الأولى من الخبر تقول ما حدث في الميناء صباح اليوم.";
    std::string body = opening;
    for (int i = 0; i < 10; ++i) body += " جملة وسطى رقم " + std::to_string(i) + " تضيف تفاصيل أخرى عن الحدث.";
    body += " والجملة الأخيرة تختم الخبر بكلمة حوت.";
    const ScratchArchive archive({ArticleBuilder("long-1").title("عنوان عن الميناء").body(body).date("2020-05-05")
                                      .place("الإسكندرية").source("الرصد")});
    rasd::Searcher searcher = archive.open_searcher();
    for (const char* q : {"place:الإسكندرية", "title:الميناء", "source:الرصد date:2020"}) {
        CAPTURE(q);
        const rasd::SearchResults r = searcher.search(q);
        REQUIRE(r.hits.size() == 1);
        CHECK(r.hits[0].snippet.starts_with(opening));
        CHECK(r.hits[0].snippet.ends_with("…"));
        CHECK(r.hits[0].snippet.size() <= 200 + std::string("…").size());
        CHECK(r.hits[0].snippet.find("حوت") == std::string::npos);
    }
    const rasd::SearchResults matched = searcher.search("حوت");
    REQUIRE(matched.hits.size() == 1);
    CHECK(matched.hits[0].snippet.find("[حوت]") != std::string::npos);  // a matched word: its passage
    CHECK(searcher.search("place:الإسكندرية").order == rasd::SortOrder::Newest);
    CHECK(searcher.search("حوت").order == rasd::SortOrder::Relevance);
}

TEST_CASE("snippets off: the same hits, ids, order and scores, each without a snippet") {
    const ScratchArchive archive({ArticleBuilder("s-1").title("سائق شاحنة").body("سائق شاحنة متهور في القاهرة صباح اليوم.")
                                      .date("2021-03-01"),
                                  ArticleBuilder("s-2").title("حوادث الطرق").body("حادث على الطريق الصحراوي وسائق هارب.")
                                      .date("2021-03-02"),
                                  ArticleBuilder("s-3").title("القاهرة").body("زحام في شوارع القاهرة بسبب شاحنة معطلة.")
                                      .date("2021-03-03")});
    rasd::Searcher searcher = archive.open_searcher();
    for (const char* q : {"سائق شاحنة القاهرة", "date:2021", "\"سائق شاحنة\""}) {
        CAPTURE(q);
        rasd::SearchOptions off;
        off.snippets = false;
        const rasd::SearchResults with = searcher.search(q);
        const rasd::SearchResults without = searcher.search(q, off);
        REQUIRE(with.hits.size() >= 1);
        REQUIRE(without.hits.size() == with.hits.size());
        for (std::size_t i = 0; i < with.hits.size(); ++i) {
            CHECK(without.hits[i].id == with.hits[i].id);
            CHECK(without.hits[i].score == with.hits[i].score);
            CHECK(without.hits[i].rank == with.hits[i].rank);
            CHECK(without.hits[i].title == with.hits[i].title);
            CHECK_FALSE(with.hits[i].snippet.empty());
            CHECK(without.hits[i].snippet.empty());
        }
    }
    // A story's articles and related articles too.
    rasd::SearchOptions off;
    off.snippets = false;
    for (const rasd::SearchResults& r : {searcher.story("s-1", off), searcher.like("s-1", off)}) {
        REQUIRE_FALSE(r.hits.empty());
        for (const rasd::SearchHit& hit : r.hits) CHECK(hit.snippet.empty());
    }
    CHECK_FALSE(searcher.story("s-1").hits.at(0).snippet.empty());
}

TEST_CASE("the words of a quoted phrase are highlighted in snippets, and the phrase ranks as before") {
    const ScratchArchive archive({ArticleBuilder("p-1").title("خبر").body("في الصباح ضبطت الشرطة سائق شاحنة متهور على الطريق.")
                                      .date("2021-03-01"),
                                  ArticleBuilder("p-2").title("خبر آخر").body("شاحنة معطلة في الطريق، وسائق آخر ينتظر.")
                                      .date("2021-03-02")});
    rasd::Searcher searcher = archive.open_searcher();
    const rasd::SearchResults phrase = searcher.search("\"سائق شاحنة\"");
    REQUIRE(phrase.hits.size() == 1);
    CHECK(phrase.hits[0].id == "p-1");
    CHECK(phrase.hits[0].snippet.find("[سائق] [شاحنة]") != std::string::npos);
    // With a word besides the phrase, every matched word is highlighted.
    const rasd::SearchResults mixed = searcher.search("\"سائق شاحنة\" الطريق");
    REQUIRE_FALSE(mixed.hits.empty());
    CHECK(mixed.hits[0].snippet.find("[سائق] [شاحنة] متهور على [الطريق]") != std::string::npos);
}

TEST_CASE("control characters of the body reach a snippet written visibly") {
    const ScratchArchive archive({ArticleBuilder("esc-1").title("عنوان").body("نص \x1b]0;pwned\x07 عن الحوت \x1b[2J ثم \u009b2J")});
    rasd::Searcher searcher = archive.open_searcher();
    const std::string snippet = searcher.search("الحوت").hits.at(0).snippet;
    CHECK(snippet == "نص \\x1b]0;pwned\\x07 عن [الحوت] \\x1b[2J ثم \\x9b2J");
}

TEST_CASE("a shared place name says which place it took and how to ask for the other") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    const rasd::SearchResults amman = searcher.search("place:عمان");
    const std::string note = "'عمان' names two places: taken as عمان، الأردن (jo-amman); for سلطنة عمان write place:om";
    CHECK(amman.notes == std::vector<std::string>{note});
    CHECK(std::find(amman.explanation.begin(), amman.explanation.end(), "note: " + note) != amman.explanation.end());
    CHECK(searcher.search("place:om").notes.empty());
    CHECK(searcher.search("place:Amman").notes.empty());
    rasd::SearchOptions flags;
    flags.places = {"طرابلس"};
    CHECK(searcher.search("", flags).notes ==
          std::vector<std::string>{"'طرابلس' names two places: taken as طرابلس، ليبيا (ly-tripoli); for طرابلس لبنان write "
                                   "place:lb-tripoli"});
}

TEST_CASE("an unquoted place name of several words gets a hint to quote it") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    // place:دار السلام is place:دار and the word السلام: دار names no place.
    CHECK_THROWS_WITH_AS((void)searcher.search("place:دار السلام"),
                         doctest::Contains("unknown place 'دار' (nearest: "), rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS((void)searcher.search("place:دار السلام"),
                         doctest::Contains("); for دار السلام write place:\"دار السلام\""), rasd::InvalidArgument);
    // place:مصر الجديدة is Egypt and the word الجديدة: a note says how to ask for Heliopolis.
    CHECK(searcher.search("place:مصر الجديدة").notes ==
          std::vector<std::string>{"place:مصر is مصر (eg), the words after it are searched as text; for مصر الجديدة write "
                                   "place:\"مصر الجديدة\""});
    CHECK(searcher.search("place:\"مصر الجديدة\"").notes.empty());
    CHECK(searcher.search("place:القاهرة سائق").notes.empty());
}

TEST_CASE("an empty filter value is an error, not the names nearest to nothing") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    CHECK_THROWS_WITH_AS((void)searcher.search("place:\"\""), "field 'place:' at position 1 has no value", rasd::QuerySyntaxError);
    rasd::SearchOptions flags;
    flags.places = {""};
    CHECK_THROWS_WITH_AS((void)searcher.search("سيارة", flags), "place value is empty", rasd::InvalidArgument);
    flags.places.clear();
    flags.topics = {"  "};
    CHECK_THROWS_WITH_AS((void)searcher.search("سيارة", flags), "topic value is empty", rasd::InvalidArgument);
    flags.topics.clear();
    flags.sources = {""};
    CHECK_THROWS_WITH_AS((void)searcher.search("سيارة", flags), "source value is empty", rasd::InvalidArgument);
}

}  // TEST_SUITE

#include "answer_comparison.hpp"

#include "format.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <exception>

namespace rasd::bench::shards {

namespace {

// Answers must agree to this relative difference in score (sums over shards may add in another
// order).
constexpr double kScoreTolerance = 1e-9;

bool same_score(double a, double b) { return std::fabs(a - b) <= kScoreTolerance * std::max(std::fabs(a), std::fabs(b)); }

std::string facet_list(const std::vector<rasd::FacetValue>& values) {
    std::string out;
    for (const rasd::FacetValue& v : values) out += (out.empty() ? "" : ", ") + v.value + "=" + std::to_string(v.count);
    return "[" + out + "]";
}

std::string total_text(const rasd::MatchTotal& t) {
    return std::to_string(t.estimated) + " [" + std::to_string(t.lower) + ", " + std::to_string(t.upper) + "]";
}

}  // namespace

rasd::SearchOptions search_options(const BenchQuery& q) {
    rasd::SearchOptions o;
    o.facets = q.facets;
    o.exact_total = true;  // totals are compared between configurations
    return o;
}

Answer answer_of(rasd::Searcher& searcher, const BenchQuery& q) {
    Answer a;
    try {
        const rasd::SearchResults r = searcher.search(q.text, search_options(q));
        a.total = r.total;
        for (const rasd::SearchHit& h : r.hits) a.top.emplace_back(h.id, h.score);
        a.has_facets = r.has_facets;
        a.facets = r.facets;
        a.partial = r.partial;
    } catch (const std::exception& e) {
        a.error = e.what();
    }
    return a;
}

Comparison compare(const Answer& want, const Answer& got) {
    if (!got.error.empty()) return {"error: " + got.error, ""};
    if (got.partial) return {"answer marked partial", ""};
    Comparison out;
    std::string& d = out.difference;
    auto add = [&](const std::string& what) { d += (d.empty() ? "" : "; ") + what; };
    if (got.total.estimated != want.total.estimated) {
        const std::string what = "total " + total_text(got.total) + " vs " + total_text(want.total);
        // The true count lies within both answers' bounds, so the bounds must overlap.
        const bool consistent = got.total.lower <= got.total.estimated && got.total.estimated <= got.total.upper &&
                                std::max(got.total.lower, want.total.lower) <= std::min(got.total.upper, want.total.upper);
        if (want.total.lower < want.total.upper && consistent) {
            out.estimate = what;
        } else {
            add(what);
        }
    }
    if (got.top.size() != want.top.size()) add(std::to_string(got.top.size()) + " hits vs " + std::to_string(want.top.size()));
    for (std::size_t i = 0; i < std::min(got.top.size(), want.top.size()); ++i) {
        if (got.top[i].first != want.top[i].first) {
            add("rank " + std::to_string(i + 1) + ": " + got.top[i].first + " (" + fixed(got.top[i].second, 6) + ") vs " +
                want.top[i].first + " (" + fixed(want.top[i].second, 6) + ")");
            break;  // the rest of the list is shifted too
        }
        if (!same_score(got.top[i].second, want.top[i].second)) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "score at rank %zu: %.17g vs %.17g", i + 1, got.top[i].second, want.top[i].second);
            add(buf);
            break;
        }
    }
    if (got.has_facets != want.has_facets) add("facets missing");
    const std::array<std::pair<const char*, std::vector<rasd::FacetValue> rasd::Facets::*>, 5> facets = {{
        {"topic", &rasd::Facets::topic},
        {"country", &rasd::Facets::country},
        {"city", &rasd::Facets::city},
        {"year", &rasd::Facets::year},
        {"month", &rasd::Facets::month},
    }};
    for (const auto& [name, member] : facets) {
        const auto& g = got.facets.*member;
        const auto& w = want.facets.*member;
        const bool same = g.size() == w.size() && std::equal(g.begin(), g.end(), w.begin(), [](const auto& x, const auto& y) {
                              return x.value == y.value && x.count == y.count;
                          });
        if (!same) add(std::string(name) + " facet " + facet_list(g) + " vs " + facet_list(w));
    }
    return out;
}

}  // namespace rasd::bench::shards

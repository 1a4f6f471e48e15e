#include "top10_comparison.hpp"

#include <rasd/searcher.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <set>

namespace rasd::bench {

namespace {

constexpr std::size_t kTop = 10;
constexpr double kScoreTolerance = 1e-9;  // relative, for scores at least 1

// Relative to `a` (the reference score).
bool same_score(double a, double b) { return std::fabs(a - b) <= kScoreTolerance * std::max(1.0, std::fabs(a)); }

}  // namespace

TopHits top10(const std::filesystem::path& db, const std::string& query) {
    rasd::Searcher s(db.string());
    rasd::SearchOptions o;
    o.limit = kTop;
    TopHits out;
    for (const rasd::SearchHit& h : s.search(query, o).hits) out.emplace_back(h.id, h.score);
    return out;
}

std::string compare_top10(const TopHits& a, const TopHits& b) {
    if (a.size() != b.size()) return "DIFFERENT";
    bool same = true;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].first != b[i].first) same = false;
        if (!same_score(a[i].second, b[i].second)) return "DIFFERENT";
    }
    if (same) return "same";
    // Order may differ only within runs of equal scores (docids differ after a merge); the
    // last run may also be cut differently by the top-10 boundary.
    std::size_t i = 0;
    while (i < a.size()) {
        std::size_t j = i;
        while (j < a.size() && same_score(a[i].second, a[j].second)) ++j;
        if (j < a.size()) {
            std::multiset<std::string> sa, sb;
            for (std::size_t k = i; k < j; ++k) {
                sa.insert(a[k].first);
                sb.insert(b[k].first);
            }
            if (sa != sb) return "DIFFERENT";
        }
        i = j;
    }
    return "ties";
}

}  // namespace rasd::bench

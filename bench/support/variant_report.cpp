#include "variant_report.hpp"

#include "bench_main.hpp"
#include "format.hpp"

#include <algorithm>
#include <iostream>
#include <string>

namespace rasd::bench::variants {

std::vector<PairResult> compare_pairs(const std::vector<WordPair>& pairs, const ResultSets& before,
                                      const ResultSets& after) {
    std::vector<PairResult> results;
    for (const WordPair& pair : pairs) {
        const IdSet& b1 = before.at(pair.first);
        const IdSet& b2 = before.at(pair.second);
        const IdSet& a1 = after.at(pair.first);
        const IdSet& a2 = after.at(pair.second);
        PairResult r{pair, b1.size(), b2.size(), a1.size(), a2.size(), jaccard(b1, b2), jaccard(a1, a2), true};
        r.after_holds_before = std::includes(a1.begin(), a1.end(), b1.begin(), b1.end()) &&
                               std::includes(a2.begin(), a2.end(), b2.begin(), b2.end());
        results.push_back(std::move(r));
    }
    return results;
}

nlohmann::json print_pair_report(const std::vector<PairResult>& results) {
    std::cout << markdown_row({"kind", "word", "word", "hits before", "Jaccard before", "hits after", "Jaccard after"});
    std::cout << markdown_row({"---", "---", "---", "---:", "---:", "---:", "---:"});
    nlohmann::json pairs = nlohmann::json::array();
    double meet_min = 1.0, meet_before_sum = 0, meet_after_sum = 0, apart_max = 0;
    std::size_t meet = 0, apart = 0;
    for (const PairResult& r : results) {
        std::cout << markdown_row({r.pair.meet ? "meet" : "apart", r.pair.first, r.pair.second,
                                   std::to_string(r.before_first) + " / " + std::to_string(r.before_second),
                                   fixed(r.before, 3),
                                   std::to_string(r.after_first) + " / " + std::to_string(r.after_second),
                                   fixed(r.after, 3)});
        pairs.push_back({{"kind", r.pair.meet ? "meet" : "apart"}, {"first", r.pair.first}, {"second", r.pair.second},
                         {"hits_before", {r.before_first, r.before_second}}, {"jaccard_before", r.before},
                         {"hits_after", {r.after_first, r.after_second}}, {"jaccard_after", r.after}});
        if (r.pair.meet) {
            ++meet;
            meet_min = std::min(meet_min, r.after);
            meet_before_sum += r.before;
            meet_after_sum += r.after;
        } else {
            ++apart;
            apart_max = std::max(apart_max, r.after);
        }
    }
    const double meet_before_mean = meet ? meet_before_sum / static_cast<double>(meet) : 0;
    const double meet_after_mean = meet ? meet_after_sum / static_cast<double>(meet) : 0;
    std::cout << "\nmeet pairs: " << meet << ", mean Jaccard before " << fixed(meet_before_mean, 3) << ", after "
              << fixed(meet_after_mean, 3) << ", least after " << fixed(meet_min, 3) << "\n"
              << "apart pairs: " << apart << ", greatest Jaccard after " << fixed(apart_max, 3) << "\n";
    return {{"bench", "variants"}, {"meet_pairs", meet}, {"apart_pairs", apart},
            {"meet_mean_jaccard_before", meet_before_mean}, {"meet_mean_jaccard_after", meet_after_mean},
            {"meet_min_jaccard_after", meet_min}, {"apart_max_jaccard_after", apart_max}, {"pairs", pairs}};
}

void check_pair_results(const std::vector<PairResult>& results) {
    const auto meet = static_cast<std::size_t>(
        std::count_if(results.begin(), results.end(), [](const PairResult& r) { return r.pair.meet; }));
    check(meet >= kMinMeetPairs, "only " + std::to_string(meet) + " meet pairs (at least " +
                                     std::to_string(kMinMeetPairs) + " wanted)");
    for (const PairResult& r : results) {
        const std::string name = "line " + std::to_string(r.pair.line) + " " + r.pair.first + "/" + r.pair.second;
        check(r.after_holds_before, name + ": an article found before is no longer found");
        if (r.pair.meet) {
            check(r.before_first > 0 && r.before_second > 0, name + ": a spelling not in the text");
            check(r.after >= kMinMeetJaccard, name + ": Jaccard " + fixed(r.after, 3) + " after, below " +
                                                  fixed(kMinMeetJaccard, 2));
        } else {
            check(r.after <= r.before + kMaxApartGain,
                  name + ": merged (Jaccard " + fixed(r.before, 3) + " -> " + fixed(r.after, 3) + ")");
        }
    }
}

}  // namespace rasd::bench::variants

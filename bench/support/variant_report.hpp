#pragma once
// bench_variants' report: per pair, the hits of each spelling and their Jaccard overlap before
// and after (markdown rows), the checks, and the JSON line.

#include "variant_pairs.hpp"
#include "variant_result_sets.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace rasd::bench::variants {

// The least Jaccard overlap a "meet" pair must reach with variants and aliases.
inline constexpr double kMinMeetJaccard = 0.95;
// An "apart" pair must not move closer than this (a merge would bring it to 1).
inline constexpr double kMaxApartGain = 0.01;
// The least number of "meet" pairs a run must hold.
inline constexpr std::size_t kMinMeetPairs = 20;

struct PairResult {
    WordPair pair;
    std::size_t before_first = 0, before_second = 0, after_first = 0, after_second = 0;
    double before = 0, after = 0;  // Jaccard
    bool after_holds_before = true;  // every article found before is still found, both words
};

std::vector<PairResult> compare_pairs(const std::vector<WordPair>& pairs, const ResultSets& before,
                                      const ResultSets& after);

// Prints the table and summary; @return the JSON line's content.
nlohmann::json print_pair_report(const std::vector<PairResult>& results);

// Throws CheckFailed unless: at least kMinMeetPairs meet pairs, each found in the text before
// and at kMinMeetJaccard after; no apart pair gains more than kMaxApartGain; no word loses an
// article it found before.
void check_pair_results(const std::vector<PairResult>& results);

}  // namespace rasd::bench::variants

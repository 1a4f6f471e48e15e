#pragma once
// bench_stories's accuracy phases: the exact shingle sets of a corpus, ground truth by brute
// force (the exact Jaccard of every pair of articles sharing a rare shingle), the pairs rasd's
// detector accepts (MinHash band candidates verified by the estimated Jaccard), and pair
// precision and recall of the detector and of the stories an index formed.

#include <rasd/article.hpp>

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace rasd::bench::stories {

// A shingle held by more articles than this is no ground-truth anchor (boilerplate, common
// phrases): a pair of Jaccard >= 0.5 shares about 100 shingles, some of them rare.
inline constexpr std::size_t kRareShingleArticles = 20;

using Pair = std::pair<std::uint32_t, std::uint32_t>;  // article indexes, first < second

// The exact shingle set (knowledge/story_fingerprint.hpp) of every article, as the indexer
// makes it: the folded words of the body, by the light analyzer.
std::vector<std::vector<std::uint64_t>> shingle_sets(const std::vector<rasd::Article>& articles);

// Every pair sharing a rare shingle, with its exact Jaccard.
std::map<Pair, double> ground_truth(const std::vector<std::vector<std::uint64_t>>& sets);

// The pairs the detector accepts at `threshold`: sharing a band key, estimated Jaccard >= it.
std::vector<Pair> detector_pairs(const std::vector<std::vector<std::uint64_t>>& sets, double threshold);

// Every pair of articles given the same story (`stories[i]` of article i; "" is none).
std::vector<Pair> story_pairs(const std::vector<std::string>& stories);

struct PairScores {
    std::size_t truth = 0;      // pairs with exact Jaccard >= threshold
    std::size_t predicted = 0;  // pairs said to be duplicates
    std::size_t correct = 0;    // of them, with exact Jaccard >= threshold
    std::size_t found = 0;      // true pairs predicted
    double precision() const;
    double recall() const;
};

// Precision and recall of `predicted` against the pairs of exact Jaccard >= `threshold`
// (predicted pairs outside the ground truth are measured exactly).
PairScores score_pairs(const std::vector<Pair>& predicted, const std::map<Pair, double>& truth,
                       const std::vector<std::vector<std::uint64_t>>& sets, double threshold);

// The same against the articles' origins as well: a pair of copies of one origin
// (`origins[i]`, the article copied; "" for none) is a true pair whatever its Jaccard, since
// both re-publish one article (two copies that each left out different sentences of a short text
// can fall under the threshold with each other while each stays near the original); pairs of
// different origins count as in score_pairs().
PairScores score_pairs_with_origins(const std::vector<Pair>& predicted, const std::vector<std::string>& origins,
                                    const std::map<Pair, double>& truth,
                                    const std::vector<std::vector<std::uint64_t>>& sets, double threshold);

}  // namespace rasd::bench::stories

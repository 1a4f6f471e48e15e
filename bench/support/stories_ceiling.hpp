#pragma once
// What partitions of a corpus into stories reach against the Jaccard ground truth, chosen with
// hindsight (every article known, exact Jaccard), and a proof when no partition can reach
// precision and recall of 0.95 together. The truth is not transitive: copies B and C of one
// article A, each leaving out different sentences, can each be near A and not near each other.
// A story holds all three or splits them, so some corpora allow no stories at all with both
// figures at 0.95; this tells a detector's shortfall from the criterion's.
//
// The true pairs are those of ground_truth() at Jaccard >= the threshold. As score_pairs()
// does, the ceiling assumes every other pair is below it (a pair of Jaccard >= 0.6 shares about
// 100 shingles, so it shares a rare one unless the texts are boilerplate held by more than
// kRareShingleArticles articles). Only articles joined by true pairs (a connected group) are
// then worth putting in one story. Every partition of a group of at most
// kExactComponentArticles articles is scored; a larger group is given its two trivial
// partitions (all apart, all together) as reachable and all its true pairs as its bound.

#include "stories_pairs.hpp"

#include <cstddef>
#include <map>
#include <vector>

namespace rasd::bench::stories {

// Bell(10) = 115,975 partitions of a group of 10, about 10 ms; the synthetic sets' groups hold
// 4 to 8 articles.
inline constexpr std::size_t kExactComponentArticles = 10;

struct StoryCeiling {
    // One partition of the corpus, reachable with hindsight; precision -1 when none was found.
    struct Point {
        double precision = -1;
        double recall = -1;
    };
    std::size_t true_pairs = 0;
    std::size_t components = 0;          // groups of two or more articles
    std::size_t bounded_components = 0;  // larger than kExactComponentArticles
    // The partitions found (by weighing wrong pairs against true ones) with the highest
    // precision at recall >= 0.95 and the highest recall at precision >= 0.95. Lower bounds
    // on the best: partitions between those the weights pick are not tried.
    Point best_precision;
    Point best_recall;
    // Proven when false: at the weight `lambda` per wrong pair, no partition has
    // true - lambda * wrong as high as both figures at 0.95 would need (`shortfall` pairs short).
    bool both_possible = true;
    double lambda = 0;
    double shortfall = 0;
    // Whether a partition found reaches both figures at 0.95.
    [[nodiscard]] bool both_reached() const { return best_precision.precision >= 0.95; }
};

// The ceiling of `sets` (shingle sets) against `truth` (ground_truth()) at `threshold`.
[[nodiscard]] StoryCeiling story_ceiling(const std::vector<std::vector<std::uint64_t>>& sets,
                                         const std::map<Pair, double>& truth, double threshold);

}  // namespace rasd::bench::stories

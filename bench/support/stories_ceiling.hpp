#pragma once
// The best pair precision and recall that any partition of a corpus into stories could reach
// against the Jaccard ground truth, found with hindsight (every article known, exact Jaccard).
// The truth is not transitive: copies B and C of one article A, each leaving out different
// sentences, can each be near A and not near each other. A story holds all three or splits
// them, so some corpora allow no stories at all with both figures at 0.95; this tells a
// detector's shortfall from the criterion's.
//
// Only articles joined by true pairs (a connected component of the pairs of Jaccard >= the
// threshold) are worth putting in one story. Every partition of a component of at most
// kExactComponentArticles articles is tried; a larger one is given its two trivial partitions
// (all apart, all together) as what is reachable and all its true pairs as a bound.

#include "stories_pairs.hpp"

#include <cstddef>
#include <map>
#include <vector>

namespace rasd::bench::stories {

// Bell(10) = 115,975 partitions of up to 45 pairs each: well under a second per thousand components.
inline constexpr std::size_t kExactComponentArticles = 10;

struct StoryCeiling {
    std::size_t true_pairs = 0;
    std::size_t components = 0;        // of two or more articles
    std::size_t bounded_components = 0;  // larger than kExactComponentArticles
    // The best partitions found (each reachable): the highest precision with recall >= 0.95,
    // and the highest recall with precision >= 0.95; -1 when none found.
    double precision_at_recall = -1;
    double recall_at_precision = -1;
    // Whether some partition may reach both at 0.95. When false it is proven (certificate): at
    // the weight `lambda`, no partition has true pairs - lambda * wrong pairs above what both
    // at 0.95 would need, which falls short by `shortfall` pairs.
    bool both_possible = true;
    double lambda = 0;
    double shortfall = 0;
};

// The ceiling of `sets` (shingle sets) against `truth` (ground_truth()) at `threshold`; pairs
// outside `truth` inside a component are measured exactly.
[[nodiscard]] StoryCeiling story_ceiling(const std::vector<std::vector<std::uint64_t>>& sets,
                                         const std::map<Pair, double>& truth, double threshold);

}  // namespace rasd::bench::stories

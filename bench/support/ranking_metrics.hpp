#pragma once
// The ranking benchmark's measures of a known-item run: MRR@10, success@1 and success@10, and the
// paired comparison of two runs with a bootstrap interval.

#include <string>
#include <vector>

namespace rasd::bench::ranking {

using Ranks = std::vector<int>;  // 1-based rank of the target in the top 10, 0 = not there

struct Metrics {
    double mrr = 0, s1 = 0, s10 = 0;
};

Metrics metrics(const Ranks& ranks);

// MRR difference of `other` over `base`, query by query, with a bootstrap 95% interval (2000
// resamples, seed kSeed), and how many queries got better and worse.
struct Paired {
    double delta = 0, low = 0, high = 0;
    int better = 0, worse = 0;
};

Paired compare(const Ranks& base, const Ranks& other);

// "  <delta> [<low>, <high>]<gap><better>/<worse>", as the report's comparison columns give it.
std::string paired_text(const Paired& p, const std::string& gap);

// MRR, S@1 and S@10 as three right-aligned columns.
std::string metrics_cells(const Metrics& m);

}  // namespace rasd::bench::ranking

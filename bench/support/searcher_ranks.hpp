#pragma once
// The ranking benchmark's run of rasd::Searcher itself over a query set: the rank of each
// target in the top 10 and the mean time per query (snippets included).

#include "ranking_collection.hpp"
#include "ranking_metrics.hpp"

#include <cstddef>
#include <filesystem>

namespace rasd::bench::ranking {

struct SearcherRun {
    Ranks ranks;
    double mean_ms = 0;
    std::size_t refused = 0;  // queries rasd refused (e.g. only stop words); the first 3 said
};

// With `passage` false, BM25's order alone (SearchOptions::passage).
SearcherRun run_searcher(const Collection& c, const QuerySet& qs, const std::filesystem::path& dir, bool passage = true);

}  // namespace rasd::bench::ranking

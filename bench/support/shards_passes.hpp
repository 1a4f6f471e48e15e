#pragma once
// The sharding benchmark's passes over its query mix: an untimed warm-up pass that compares every
// configuration's answers with one database's, then timed passes, each in a new seeded order,
// every query on all configurations in turn with the first one rotating.

#include "shards_query_mix.hpp"

#include <rasd/searcher.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rasd::bench::shards {

struct Difference {
    std::size_t config = 0, query = 0;
    std::string what;
};

struct WarmupComparison {
    std::vector<Difference> differences;  // failures
    std::vector<Difference> estimates;    // estimated totals that differ within their bounds
    std::vector<std::size_t> differing_queries, differing_estimates;  // per configuration
    std::vector<std::size_t> estimated_totals;  // totals that are estimates (lower < upper)
};

// Every query on every configuration (searchers[0] is (a), the reference).
// @throws CheckFailed if rasd refuses a generated query on (a).
WarmupComparison compare_answers(std::vector<rasd::Searcher>& searchers, const std::vector<BenchQuery>& queries);

struct TimedPasses {
    std::vector<std::vector<std::vector<double>>> ms;  // [configuration][class] -> milliseconds
    double seconds = 0;
    std::string load_before, load_after;
    std::uint64_t checksum = 0;  // hits seen, so nothing is optimized away
};

TimedPasses timed_passes(std::vector<rasd::Searcher>& searchers, const std::vector<BenchQuery>& queries,
                         std::size_t repeat);

}  // namespace rasd::bench::shards

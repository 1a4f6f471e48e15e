#pragma once
// What the sharding benchmark prints: the indexing table with its archive checks, the latency
// tables per configuration and per class, the answer checks, and one JSON line.

#include "corpus.hpp"
#include "shards_configurations.hpp"
#include "shards_indexing.hpp"
#include "shards_passes.hpp"
#include "shards_query_mix.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace rasd::bench::shards {

// The indexing table, its notes and the archive checks; returns its rows for the JSON line.
nlohmann::json print_indexing(const std::vector<Build>& builds, const Corpus& corpus, unsigned threads,
                              const std::vector<std::string>& archive_failures);

// "query mix (seed S): Q queries: word N ..." and where the filters were drawn from.
void print_mix(const std::vector<BenchQuery>& queries, const FilterValues& values);

struct ShardsRun {
    std::string command;
    std::vector<std::string> inputs;
    std::string outdir;
    unsigned threads = 0;
    std::size_t repeat = 0;
    std::string load_at_start;
};

// The latency tables, the answer checks and the JSON line.
void print_report(const ShardsRun& run, const Corpus& corpus, const nlohmann::json& index_rows, const Configurations& configs,
                  const std::vector<BenchQuery>& queries, const FilterValues& values, const WarmupComparison& answers,
                  const TimedPasses& timed);

}  // namespace rasd::bench::shards

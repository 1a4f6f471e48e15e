#pragma once
// What the latency benchmark prints: its query mix, then the markdown tables per class (rasd,
// the baseline, the baseline with snippets), the targets, the checks and one JSON line.

#include "latency_passes.hpp"
#include "latency_query_mix.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rasd::bench::latency {

// The size the targets are stated for (and the default size of the database).
inline constexpr std::size_t kTargetArticles = 500000;

// "query mix (seed S): ..." and the searches per pass of each class.
void print_mix(std::uint32_t seed, std::size_t queries, std::size_t searches, const std::vector<Samples>& samples);

struct LatencyRun {
    std::size_t articles = 0;         // in the database
    std::size_t source_articles = 0;  // read
    std::string database, recipe;
    std::size_t queries = 0, searches_per_pass = 0;
    std::uint32_t seed = 0;
    std::size_t repeat = 0;
    double timed_seconds = 0;
};

// The tables, the targets (missed ones said, never failed), the checks of the warm-up pass and
// the JSON line.
void print_report(const LatencyRun& run, const std::vector<Samples>& samples, const WarmupFindings& findings);

}  // namespace rasd::bench::latency

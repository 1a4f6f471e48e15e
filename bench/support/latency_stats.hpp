#pragma once
// Latencies summarised as nearest-rank percentiles and a mean, as the query benchmarks report
// them.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <vector>

namespace rasd::bench {

struct LatencyStats {
    std::size_t n = 0;
    double p50 = 0, p95 = 0, p99 = 0, mean = 0;  // milliseconds
};

// Nearest-rank percentiles and the mean of `ms`.
LatencyStats latency_stats(std::vector<double> ms);

// As the benchmarks' JSON lines give it.
nlohmann::json stats_json(const LatencyStats& s);

}  // namespace rasd::bench

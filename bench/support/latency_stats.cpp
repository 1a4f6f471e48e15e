#include "latency_stats.hpp"

#include <algorithm>
#include <cmath>

namespace rasd::bench {

LatencyStats latency_stats(std::vector<double> ms) {
    LatencyStats s;
    s.n = ms.size();
    if (ms.empty()) return s;
    std::sort(ms.begin(), ms.end());
    auto at = [&](double p) {
        const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(ms.size())));
        return ms[std::clamp<std::size_t>(rank, 1, ms.size()) - 1];
    };
    s.p50 = at(50);
    s.p95 = at(95);
    s.p99 = at(99);
    double sum = 0;
    for (double x : ms) sum += x;
    s.mean = sum / static_cast<double>(ms.size());
    return s;
}

nlohmann::json stats_json(const LatencyStats& s) {
    return {{"n", s.n}, {"p50_ms", s.p50}, {"p95_ms", s.p95}, {"p99_ms", s.p99}, {"mean_ms", s.mean}};
}

}  // namespace rasd::bench

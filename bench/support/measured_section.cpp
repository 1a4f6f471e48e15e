#include "measured_section.hpp"

#include "process_stats.hpp"

#include <chrono>

namespace rasd::bench {

nlohmann::json measure_section(const std::function<void(nlohmann::json& result)>& work,
                               const std::function<void()>& prepare) {
    nlohmann::json r{{"rss_at_start_kib", proc_status_kib("VmRSS")}};
    if (prepare) prepare();
    const double c0 = process_cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    work(r);
    r["seconds"] = seconds_since(t0);
    r["cpu_seconds"] = process_cpu_seconds() - c0;
    return r;
}

}  // namespace rasd::bench

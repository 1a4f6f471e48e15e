#pragma once
// The measurements a benchmark child reports about its timed section.

#include <nlohmann/json.hpp>

#include <functional>

namespace rasd::bench {

// Runs `work` and returns what it added to the result plus the RSS before it started
// (rss_at_start_kib), its wall time (seconds) and the process's CPU time during it
// (cpu_seconds, all threads). `prepare`, if given, runs after the RSS is taken and before the
// timing starts (an analyzer or term generator made outside the timed loop).
nlohmann::json measure_section(const std::function<void(nlohmann::json& result)>& work,
                               const std::function<void()>& prepare = {});

}  // namespace rasd::bench

#pragma once
// Running one measured piece of a benchmark (an index build, a compaction) in a forked child
// process, so that its peak RSS and CPU time are its own.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>

namespace rasd::bench {

struct ChildOutcome {
    nlohmann::json result = nlohmann::json::object();  // what the child reported
    std::uint64_t maxrss_kib = 0;                      // the child's peak RSS
    double cpu_s = 0.0;  // user + system CPU time of the whole child (all its threads)
};

// Runs `fn` in a forked child and collects its JSON result, peak RSS (ru_maxrss from wait4)
// and CPU time. Call it while the process is single threaded: the child may then allocate and
// start threads freely. An exception in the child is thrown again here with its message; a
// child that dies or reports nothing gives "<what> failed (status N)".
ChildOutcome run_in_child(const std::function<nlohmann::json()>& fn, const std::string& what = "child process");

// run_in_child() for the indexing benchmark: the result also gets the RSS at the child's start
// (if `fn` did not measure it), the bytes it wrote to storage and its whole CPU time
// (child_cpu_total_s); cpu_s is the CPU time of the timed section if the child measured it
// (cpu_seconds), else of the whole child.
ChildOutcome run_measured_in_child(const std::function<nlohmann::json()>& fn);

}  // namespace rasd::bench

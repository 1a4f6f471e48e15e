#pragma once
// Measurements of time and of this process: wall and CPU seconds, memory, bytes written, and the
// machine's load average (the benchmarks run on shared machines and say how busy they were).

#include <chrono>
#include <cstdint>
#include <string>

namespace rasd::bench {

double seconds_since(std::chrono::steady_clock::time_point t0);

// CPU time of the whole process (all threads), user + system.
double process_cpu_seconds();

// A field of /proc/self/status in KiB (e.g. "VmRSS"), 0 if unreadable.
std::uint64_t proc_status_kib(const std::string& key);

// write_bytes of /proc/self/io: bytes this process caused to be sent to storage.
std::uint64_t proc_write_bytes();

// The load average over 1, 5 and 15 minutes, as /proc/loadavg gives it.
std::string loadavg();

}  // namespace rasd::bench

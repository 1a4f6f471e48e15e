#include "process_stats.hpp"

#include <time.h>

#include <fstream>
#include <sstream>

namespace rasd::bench {

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double process_cpu_seconds() {
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

std::uint64_t proc_status_kib(const std::string& key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(key + ":", 0) == 0) {
            std::istringstream fields(line.substr(key.size() + 1));
            std::uint64_t v = 0;
            fields >> v;
            return v;
        }
    }
    return 0;
}

std::uint64_t proc_write_bytes() {
    std::ifstream in("/proc/self/io");
    std::string key;
    std::uint64_t v = 0;
    while (in >> key >> v) {
        if (key == "write_bytes:") return v;
    }
    return 0;
}

std::string loadavg() {
    std::ifstream in("/proc/loadavg");
    std::string a, b, c;
    in >> a >> b >> c;
    return a + " " + b + " " + c;
}

}  // namespace rasd::bench

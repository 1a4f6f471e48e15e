#include "timed_rotation.hpp"

#include "process_stats.hpp"

#include <chrono>

namespace rasd::bench {

double time_ms(const std::function<void()>& work) {
    const auto t0 = std::chrono::steady_clock::now();
    work();
    return seconds_since(t0) * 1000.0;
}

void run_in_rotation(std::size_t first, const std::vector<std::function<void()>>& sides) {
    for (std::size_t k = 0; k < sides.size(); ++k) sides[(first + k) % sides.size()]();
}

}  // namespace rasd::bench

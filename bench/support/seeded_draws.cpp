#include "seeded_draws.hpp"

namespace rasd::bench {

std::uint32_t uniform_below(std::mt19937& rng, std::uint32_t n) {
    const std::uint64_t range = std::uint64_t{1} << 32;
    const std::uint64_t limit = range - range % n;
    for (;;) {
        const std::uint64_t x = rng();
        if (x < limit) return static_cast<std::uint32_t>(x % n);
    }
}

std::size_t uniform_in(std::mt19937& rng, std::size_t lo, std::size_t hi) {
    return lo + uniform_below(rng, static_cast<std::uint32_t>(hi - lo + 1));
}

}  // namespace rasd::bench

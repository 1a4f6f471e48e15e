#pragma once
// Seeded draws that are the same with any standard library: std::uniform_int_distribution's
// and std::shuffle's draws are not specified, so a benchmark's sample would differ between
// builds. These use only std::mt19937's raw 32-bit outputs (rejection sampling).

#include <cstddef>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

namespace rasd::bench {

// j uniform in [0, n).
std::uint32_t uniform_below(std::mt19937& rng, std::uint32_t n);

// j uniform in [lo, hi].
std::size_t uniform_in(std::mt19937& rng, std::size_t lo, std::size_t hi);

// Fisher-Yates: for i from n-1 down to 1, swap i with j uniform in [0, i].
template <typename T>
void shuffle(std::vector<T>& v, std::mt19937& rng) {
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[uniform_below(rng, static_cast<std::uint32_t>(i))]);
}

template <typename T>
const T& pick(const std::vector<T>& v, std::mt19937& rng) {
    return v[uniform_below(rng, static_cast<std::uint32_t>(v.size()))];
}

}  // namespace rasd::bench

#pragma once
// SplitMix64's output function (Steele, Lea and Flood 2014): a well mixed 64-bit value from any
// 64-bit input, the same on every machine and compiler (std::hash is not). Story fingerprints
// derive their hash functions from it, and the benchmarks their seeded choices.

#include <cstdint>

namespace rasd::detail {

[[nodiscard]] constexpr std::uint64_t splitmix64(std::uint64_t x) noexcept {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30U)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27U)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31U);
}

}  // namespace rasd::detail

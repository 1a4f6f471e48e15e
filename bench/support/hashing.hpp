#pragma once
// Stable hashes the benchmarks derive choices from, so a choice is the same in every run and
// with any standard library (std::hash is neither).

#include <cstdint>
#include <string_view>

namespace rasd::bench {

// 64-bit FNV-1a is rasd's own: util/fnv1a.hpp's fnv1a64().

// SplitMix64's output function: a well mixed 64-bit value from any 64-bit input.
std::uint64_t splitmix64(std::uint64_t x);

}  // namespace rasd::bench

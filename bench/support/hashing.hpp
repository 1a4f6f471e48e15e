#pragma once
// Stable hashes the benchmarks derive choices from, so a choice is the same in every run and
// with any standard library (std::hash is neither).

#include "util/splitmix64.hpp"

namespace rasd::bench {

// 64-bit FNV-1a is rasd's own: util/fnv1a.hpp's fnv1a64(); SplitMix64 is util/splitmix64.hpp's.
using rasd::detail::splitmix64;

}  // namespace rasd::bench

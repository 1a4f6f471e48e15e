// libFuzzer entry point for the analyzer: first byte picks light/snowball/none, the rest is analyzed.
// The body is rasd::fuzz::analyzer in fuzz_bodies.hpp (shared with regressions_test.cpp).

#include "fuzz_bodies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return rasd::fuzz::analyzer(data, size);
}

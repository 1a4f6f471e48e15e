// libFuzzer entry point for places: Gazetteer resolve/resolve_exact/nearest and find_dateline_place (BYLINE NUL BODY).
// The body is rasd::fuzz::dateline_place in fuzz_bodies.hpp (shared with regressions_test.cpp).

#include "fuzz_bodies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return rasd::fuzz::dateline_place(data, size);
}

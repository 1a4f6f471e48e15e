// libFuzzer entry point for JSON lines and JSON arrays: rasd::read_json_lines, rasd::detail::read_json_array.
// The body is rasd::fuzz::json_lines in fuzz_bodies.hpp (shared with regressions_test.cpp).

#include "fuzz_bodies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return rasd::fuzz::json_lines(data, size);
}

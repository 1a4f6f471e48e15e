// libFuzzer entry point for rasd-serve's request parsing: parse_request_target, then
// read_search_parameters and the round trip through search_parameters_of and query_string.
// The body is rasd::fuzz::request_target in fuzz_bodies.hpp (shared with regressions_test.cpp).

#include "fuzz_bodies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return rasd::fuzz::request_target(data, size);
}

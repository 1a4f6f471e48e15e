// libFuzzer entry point for the query front end: parse_query_syntax, build_query, and the query run on a 3-article database.
// The body is rasd::fuzz::query in fuzz_bodies.hpp (shared with regressions_test.cpp).

#include "fuzz_bodies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return rasd::fuzz::query(data, size);
}

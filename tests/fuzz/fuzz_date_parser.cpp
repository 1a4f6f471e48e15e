// libFuzzer entry point for dates: parse_date_field, find_date_in_text, find_date_in_url, parse_date_span.
// The body is rasd::fuzz::date_parser in fuzz_bodies.hpp (shared with regressions_test.cpp).

#include "fuzz_bodies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return rasd::fuzz::date_parser(data, size);
}

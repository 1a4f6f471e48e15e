// libFuzzer entry point for stored article data: rasd::schema::StoredArticle::from_data.
// The body is rasd::fuzz::stored_data in fuzz_bodies.hpp (shared with regressions_test.cpp).

#include "fuzz_bodies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return rasd::fuzz::stored_data(data, size);
}

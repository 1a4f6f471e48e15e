// libFuzzer entry point for TREC SGML <DOC> records: rasd::detail::read_trec.
// The body is rasd::fuzz::trec in fuzz_bodies.hpp (shared with regressions_test.cpp).

#include "fuzz_bodies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return rasd::fuzz::trec(data, size);
}

// libFuzzer entry point for the text files people edit: the bytes as a watches file
// (detail::parse_watch_text) and as an archive's alias table (detail::AliasTable::parse).
// The body is rasd::fuzz::watch_and_alias_files in fuzz_bodies.hpp (shared with regressions_test.cpp).

#include "fuzz_bodies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return rasd::fuzz::watch_and_alias_files(data, size);
}

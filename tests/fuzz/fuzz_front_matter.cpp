// libFuzzer entry point for text/Markdown files with front matter or a key: value header: rasd::detail::read_text_file.
// The body is rasd::fuzz::front_matter in fuzz_bodies.hpp (shared with regressions_test.cpp).

#include "fuzz_bodies.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    return rasd::fuzz::front_matter(data, size);
}

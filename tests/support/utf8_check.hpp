#pragma once
// UTF-8 validity as ICU's decoder sees it, for checks on analyzer and reader output. Header-only:
// the fuzz targets (tests/fuzz/fuzz_bodies.hpp) use it without tests/support/'s compiled sources.

#include <unicode/utf8.h>

#include <cstdint>
#include <string_view>

namespace rasd::test {

// Surrogates, overlong forms and truncated sequences are invalid.
inline bool is_valid_utf8(std::string_view s) {
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto length = static_cast<std::int64_t>(s.size());
    std::int64_t i = 0;
    while (i < length) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) return false;
    }
    return true;
}

}  // namespace rasd::test

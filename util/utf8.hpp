#pragma once
// Byte-level helpers for folded UTF-8 words (the stemmer works on bytes; letters are counted
// as UTF-8 lead bytes).

#include <unicode/utf8.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace rasd::detail {

inline constexpr char32_t kReplacementCodePoint = U'\uFFFD';

// The code point at `pos`, advancing `pos` past it, decoded with ICU's U8_NEXT: a malformed or
// truncated sequence yields U+FFFD and clears `*valid` (when given), and scanning always advances.
inline char32_t next_code_point(std::string_view s, std::size_t& pos, bool* valid = nullptr) {
    const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
    auto i = static_cast<int64_t>(pos);
    UChar32 c = 0;
    U8_NEXT(bytes, i, static_cast<int64_t>(s.size()), c);
    pos = static_cast<std::size_t>(i);
    if (c < 0) {
        if (valid) *valid = false;
        return kReplacementCodePoint;
    }
    return static_cast<char32_t>(c);
}

// The longest prefix of `s` of at most `max_bytes` that does not end inside a UTF-8 sequence
// (bytes that are not valid UTF-8 may be cut anywhere: at most 3 bytes are given back).
[[nodiscard]] inline std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    constexpr std::size_t kMaxContinuationBytes = 3;
    std::size_t end = max_bytes;
    while (end > 0 && max_bytes - end < kMaxContinuationBytes && (static_cast<unsigned char>(s[end]) & 0xC0U) == 0x80U) {
        --end;
    }
    return s.substr(0, end);
}

[[nodiscard]] inline std::size_t count_code_points(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0U) != 0x80U;
    return n;
}

// True if `s` holds a code point of the Arabic blocks (U+0600..U+06FF, U+0750..U+077F,
// U+08A0..U+08FF), whose UTF-8 lead bytes are 0xD8..0xDD and 0xE0 0xA2/0xA3.
[[nodiscard]] inline bool has_arabic_letter(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0xD8 && c <= 0xDD) return true;
        if (c == 0xE0 && i + 1 < s.size()) {
            const auto next = static_cast<unsigned char>(s[i + 1]);
            if (next == 0xA2 || next == 0xA3) return true;
        }
    }
    return false;
}

[[nodiscard]] inline bool has_ascii_letter(std::string_view s) {
    for (char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
    }
    return false;
}

}  // namespace rasd::detail

#pragma once
// UTF-8 in standard C++ (no ICU): decoding, encoding, cutting at a byte budget without splitting
// a code point, counting code points, and byte-level script tests for folded words. The hot
// helpers are inline: folding, tokenizing and stemming call them once per character.

#include <cstddef>
#include <string>
#include <string_view>

namespace rasd::detail {

inline constexpr char32_t kReplacementCodePoint = U'\uFFFD';
// The UTF-8 byte order mark some editors put at the start of a text file (U+FEFF).
inline constexpr std::string_view kUtf8ByteOrderMark = "\xEF\xBB\xBF";

// The code point at `pos`, advancing `pos` past it. Decodes exactly as ICU's U8_NEXT does (the
// unit tests compare the two), so every layer reads malformed input the same way: overlong
// forms, surrogates, values above U+10FFFF and truncated sequences yield U+FFFD and clear
// `*valid` (when given). A malformed sequence is consumed up to its first unexpected byte (its
// "maximal subpart", at least one byte), so scanning always advances.
inline char32_t next_code_point(std::string_view s, std::size_t& pos, bool* valid = nullptr) {
    const auto lead = static_cast<unsigned char>(s[pos++]);
    if (lead < 0x80U) return lead;
    std::size_t trail_bytes = 0;
    char32_t c = 0;
    // The first trail byte's range rules out overlong forms (after E0, F0), surrogates (after
    // ED) and values above U+10FFFF (after F4): Unicode's table of well-formed sequences.
    unsigned char low = 0x80U;
    unsigned char high = 0xBFU;
    if (lead >= 0xC2U && lead <= 0xDFU) {
        trail_bytes = 1;
        c = lead & 0x1FU;
    } else if (lead >= 0xE0U && lead <= 0xEFU) {
        trail_bytes = 2;
        c = lead & 0x0FU;
        if (lead == 0xE0U) low = 0xA0U;
        if (lead == 0xEDU) high = 0x9FU;
    } else if (lead >= 0xF0U && lead <= 0xF4U) {
        trail_bytes = 3;
        c = lead & 0x07U;
        if (lead == 0xF0U) low = 0x90U;
        if (lead == 0xF4U) high = 0x8FU;
    }
    bool ok = trail_bytes > 0;  // C0, C1, F5..FF and stray trail bytes lead nothing
    for (std::size_t k = 0; ok && k < trail_bytes; ++k) {
        // The end of `s` reads as 0, which is never a trail byte.
        const unsigned char trail = pos < s.size() ? static_cast<unsigned char>(s[pos]) : 0U;
        ok = trail >= low && trail <= high;
        if (ok) {
            c = (c << 6U) | (trail & 0x3FU);
            ++pos;
            low = 0x80U;
            high = 0xBFU;
        }
    }
    if (ok) return c;
    if (valid) *valid = false;
    return kReplacementCodePoint;
}

// Appends the UTF-8 form of `c`, which must be a Unicode scalar value (not a surrogate, at most
// U+10FFFF): 1 to 4 bytes.
inline void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80U) {
        out.push_back(static_cast<char>(c));
    } else if (c < 0x800U) {
        out.push_back(static_cast<char>(0xC0U | (c >> 6U)));
        out.push_back(static_cast<char>(0x80U | (c & 0x3FU)));
    } else if (c < 0x10000U) {
        out.push_back(static_cast<char>(0xE0U | (c >> 12U)));
        out.push_back(static_cast<char>(0x80U | ((c >> 6U) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | (c & 0x3FU)));
    } else {
        out.push_back(static_cast<char>(0xF0U | (c >> 18U)));
        out.push_back(static_cast<char>(0x80U | ((c >> 12U) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | ((c >> 6U) & 0x3FU)));
        out.push_back(static_cast<char>(0x80U | (c & 0x3FU)));
    }
}

// True if every sequence of `s` decodes (next_code_point() never reports a malformed one).
[[nodiscard]] bool is_valid_utf8(std::string_view s);

// The code points of `s`, each malformed sequence as one U+FFFD (see next_code_point()).
[[nodiscard]] std::u32string to_code_points(std::string_view s);

// `s` with each malformed sequence replaced by U+FFFD (see next_code_point()): valid UTF-8 that
// keeps every well-formed character of `s` where it was.
[[nodiscard]] std::string to_valid_utf8(std::string_view s);

// The longest prefix of `s` of at most `max_bytes` that does not end inside a UTF-8 sequence
// (bytes that are not valid UTF-8 may be cut anywhere: at most 3 bytes are given back).
[[nodiscard]] inline std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes) return s;
    constexpr std::size_t kMaxContinuationBytes = 3;
    std::size_t end = max_bytes;
    while (end > 0 && max_bytes - end < kMaxContinuationBytes &&
           (static_cast<unsigned char>(s[end]) & 0xC0U) == 0x80U) {
        --end;
    }
    return s.substr(0, end);
}

// The number of code points of valid UTF-8 `s` (its bytes that are not continuation bytes).
[[nodiscard]] inline std::size_t count_code_points(std::string_view s) {
    std::size_t n = 0;
    for (const unsigned char c : s) n += (c & 0xC0U) != 0x80U;
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

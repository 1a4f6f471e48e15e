#pragma once
// Text from the data made safe for a terminal: control characters written visibly. An article's
// title holding ESC ] 0 ; ... BEL retitles the terminal window and ESC [ 2 J clears the screen;
// C1 controls (U+0080..U+009F, such as U+009B, the one-character CSI) act the same on terminals
// that honour them. Header-only, so that the executables share it with the libraries.

#include "utf8.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace rasd::detail {

// Whether tab, line feed and carriage return pass through unchanged (a body's line breaks) or
// are escaped like every other control (a one-line field such as a title).
enum class LineBreaks { Keep, Escape };

// `text` with every C0 control (U+0000..U+001F), DEL (U+007F) and C1 control (U+0080..U+009F)
// written as \xNN (its code point in hex: ESC as \x1b, NEL as \x85), and every byte of
// malformed UTF-8 as \xNN too (its value). Everything else, backslashes included, is unchanged.
[[nodiscard]] inline std::string escape_control_characters(std::string_view text,
                                                           LineBreaks line_breaks = LineBreaks::Escape) {
    constexpr char32_t kLastC0 = 0x1F;
    constexpr char32_t kDelete = 0x7F;
    constexpr char32_t kFirstC1 = 0x80;
    constexpr char32_t kLastC1 = 0x9F;
    constexpr std::string_view kHexDigits = "0123456789abcdef";
    auto append_escape = [&](std::string& out, unsigned value) {
        out += "\\x";
        out += kHexDigits[(value >> 4U) & 0xFU];
        out += kHexDigits[value & 0xFU];
    };
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    std::size_t unchanged_from = 0;  // the text since here is copied as one run (a body is mostly one)
    while (pos < text.size()) {
        const std::size_t start = pos;
        bool valid = true;
        const char32_t c = next_code_point(text, pos, &valid);
        const bool line_break = c == U'\t' || c == U'\n' || c == U'\r';
        const bool control = c <= kLastC0 || c == kDelete || (c >= kFirstC1 && c <= kLastC1);
        const bool escaped = !valid || (control && !(line_break && line_breaks == LineBreaks::Keep));
        if (!escaped) continue;
        out.append(text.substr(unchanged_from, start - unchanged_from));
        unchanged_from = pos;
        if (!valid) {
            for (std::size_t i = start; i < pos; ++i) append_escape(out, static_cast<unsigned char>(text[i]));
        } else {
            append_escape(out, static_cast<unsigned>(c));
        }
    }
    out.append(text.substr(unchanged_from));
    return out;
}

}  // namespace rasd::detail

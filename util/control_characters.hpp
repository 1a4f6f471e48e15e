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

// Two lower-case hex digits of `value` (0..255).
inline void append_hex_byte(std::string& out, unsigned value) {
    constexpr std::string_view kHexDigits = "0123456789abcdef";
    out += kHexDigits[(value >> 4U) & 0xFU];
    out += kHexDigits[value & 0xFU];
}

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
    constexpr unsigned char kFirstPrintable = 0x20;
    constexpr unsigned char kFirstFastLead = 0xC3;
    constexpr unsigned char kLastTwoByteLead = 0xDF;
    constexpr unsigned char kTrailMask = 0xC0;
    constexpr unsigned char kTrailBits = 0x80;
    auto append_escape = [&](std::string& out, unsigned value) {
        out += "\\x";
        append_hex_byte(out, value);
    };
    std::string out;
    out.reserve(text.size());
    std::size_t pos = 0;
    std::size_t unchanged_from = 0;  // the text since here is copied as one run (a body is mostly one)
    while (pos < text.size()) {
        // Fast path for what news text is made of: printable ASCII, and two-byte sequences led
        // by C3..DF (U+00C0..U+07FF, accented Latin to Arabic), which can be neither a control
        // nor malformed once their trail byte is one (C1 controls are C2 80..C2 9F). A body is
        // escaped for every hit shown: decoding each character was 3.5% of a query's time.
        const auto lead = static_cast<unsigned char>(text[pos]);
        if (lead >= kFirstPrintable && lead != kDelete) {
            if (lead < kFirstC1) {
                ++pos;
                continue;
            }
            if (lead >= kFirstFastLead && lead <= kLastTwoByteLead && pos + 1 < text.size() &&
                (static_cast<unsigned char>(text[pos + 1]) & kTrailMask) == kTrailBits) {
                pos += 2;
                continue;
            }
        }
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

// Which controls replace_controls() replaces besides DEL and the C1 controls.
enum class C0Controls { Replaced, Kept };

// `text` (UTF-8) with each DEL, C1 control (C2 80..C2 9F) and, unless kept, C0 control replaced
// by what `replacement(out, code_point)` appends: the one walk behind JSON's \u0085 and an HTML
// attribute's &#x1b;. Other bytes, malformed ones included, are copied as they are.
template <typename Replacement>
[[nodiscard]] std::string replace_controls(std::string_view text, C0Controls c0, Replacement replacement) {
    constexpr unsigned char kLastC0 = 0x1F;
    constexpr unsigned char kDelete = 0x7F;
    constexpr unsigned char kC1Lead = 0xC2;  // U+0080..U+00BF are C2 80..C2 BF
    constexpr unsigned char kFirstC1Trail = 0x80;
    constexpr unsigned char kLastC1Trail = 0x9F;
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto byte = static_cast<unsigned char>(text[i]);
        if (byte == kC1Lead && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= kFirstC1Trail &&
            static_cast<unsigned char>(text[i + 1]) <= kLastC1Trail) {
            replacement(out, static_cast<unsigned char>(text[++i]));
        } else if (byte == kDelete || (byte <= kLastC0 && c0 == C0Controls::Replaced)) {
            replacement(out, byte);
        } else {
            out += text[i];
        }
    }
    return out;
}

// At most this much of a value from the data (or of a parser's message) is quoted in a warning
// or an error, so that one bad field cannot fill a terminal or a log.
inline constexpr std::size_t kMaxQuotedBytes = 200;

// `text` made printable (escape_control_characters(): control characters and bytes that are not
// UTF-8 as escapes, so a message never carries raw bytes from the data to a terminal), if that
// fits kMaxQuotedBytes; else its start, cut between characters, and "...", in kMaxQuotedBytes in all.
[[nodiscard]] inline std::string quotable(std::string_view text) {
    std::string printable = escape_control_characters(text);
    if (printable.size() <= kMaxQuotedBytes) return printable;
    // Cut between characters of the text, never inside a character or an escape.
    constexpr std::string_view kEllipsis = "...";
    printable.clear();
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        (void)next_code_point(text, pos);
        const std::string piece = escape_control_characters(text.substr(start, pos - start));
        if (printable.size() + piece.size() > kMaxQuotedBytes - kEllipsis.size()) break;
        printable += piece;
    }
    return printable + std::string(kEllipsis);
}

}  // namespace rasd::detail

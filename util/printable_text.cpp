#include "printable_text.hpp"

#include "utf8.hpp"

#include <array>
#include <cstdio>

namespace rasd::detail {
namespace {

constexpr char32_t kDelete = 0x7F;
constexpr char32_t kFirstC1 = 0x80;
constexpr char32_t kLastC1 = 0x9F;

void append_escape(std::string& out, const char* format, unsigned value) {
    std::array<char, 8> escape{};
    std::snprintf(escape.data(), escape.size(), format, value);
    out += escape.data();
}

}  // namespace

std::string printable_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        bool valid = true;
        const char32_t c = next_code_point(text, pos, &valid);
        if (!valid) {
            for (std::size_t i = start; i < pos; ++i) append_escape(out, "\\x%02x", static_cast<unsigned char>(text[i]));
        } else if (c < 0x20 || c == kDelete) {
            append_escape(out, "\\x%02x", static_cast<unsigned>(c));
        } else if (c >= kFirstC1 && c <= kLastC1) {
            append_escape(out, "\\u%04x", static_cast<unsigned>(c));
        } else {
            out.append(text.substr(start, pos - start));
        }
    }
    return out;
}

}  // namespace rasd::detail

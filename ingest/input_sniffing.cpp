#include "input_sniffing.hpp"

#include "util/utf8.hpp"

namespace rasd::detail {
namespace {

constexpr std::string_view kUtf16LittleEndianMark = "\xFF\xFE";
constexpr std::string_view kUtf16BigEndianMark = "\xFE\xFF";
// Text has hardly any control characters; binary data has them among its bytes at random
// (about 1 in 10).
constexpr std::size_t kBinaryControlShare = 32;  // more than 1 byte in 32
// Text in a one-byte encoding (Windows-1256, ISO 8859-6) is almost all malformed as UTF-8;
// UTF-8 with some damage is almost all well formed.
constexpr std::size_t kMinMalformedSequences = 16;
constexpr std::size_t kMalformedShare = 4;  // more than 1 in 4 of the non-ASCII characters

// C0 controls other than the whitespace ones (tab, line feed, vertical tab, form feed,
// carriage return), and DEL.
bool is_binary_control(unsigned char byte) {
    return (byte < 0x20 && (byte < '\t' || byte > '\r')) || byte == 0x7F;
}

}  // namespace

std::optional<std::string> why_not_a_dump(std::string_view start) {
    if (start.starts_with(kUtf16LittleEndianMark) || start.starts_with(kUtf16BigEndianMark)) {
        return "UTF-16 text, not UTF-8 (convert it first, e.g. iconv -f UTF-16 -t UTF-8)";
    }
    std::size_t controls = 0;
    for (const char c : start) {
        if (c == '\0') return "binary data, not a dump";
        controls += is_binary_control(static_cast<unsigned char>(c)) ? 1 : 0;
    }
    if (controls * kBinaryControlShare > start.size()) return "binary data, not a dump";
    std::size_t non_ascii = 0;
    std::size_t malformed = 0;
    for (std::size_t pos = 0; pos < start.size();) {
        if (static_cast<unsigned char>(start[pos]) < 0x80) {
            ++pos;
            continue;
        }
        bool valid = true;
        (void)next_code_point(start, pos, &valid);
        ++non_ascii;
        malformed += valid ? 0 : 1;
    }
    if (malformed >= kMinMalformedSequences && malformed * kMalformedShare > non_ascii) {
        return "not UTF-8 text (convert it first, e.g. iconv -f CP1256 -t UTF-8 for Windows Arabic)";
    }
    return std::nullopt;
}

}  // namespace rasd::detail

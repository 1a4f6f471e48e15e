#pragma once
// nlohmann::json escapes C0 controls but writes C1 controls (U+0080..U+009F) and DEL as they are,
// which is valid JSON yet reaches a terminal raw. json_controls_escaped() turns them into JSON
// escapes too. Outside strings a JSON text holds ASCII only, so every such sequence is inside a
// string. Header-only: the executables use it too.

#include <string>
#include <string_view>

namespace rasd::detail {

[[nodiscard]] inline std::string json_controls_escaped(std::string_view dumped) {
    constexpr unsigned char kC1Lead = 0xC2;  // U+0080..U+00BF are C2 80..C2 BF
    constexpr unsigned char kLastC1Trail = 0x9F;
    constexpr char kDelete = 0x7F;
    constexpr std::string_view kHexDigits = "0123456789abcdef";
    std::string out;
    out.reserve(dumped.size());
    for (std::size_t i = 0; i < dumped.size(); ++i) {
        const auto byte = static_cast<unsigned char>(dumped[i]);
        if (byte == kC1Lead && i + 1 < dumped.size() && static_cast<unsigned char>(dumped[i + 1]) <= kLastC1Trail) {
            const auto code = static_cast<unsigned char>(dumped[++i]);
            out += "\\u00";
            out += kHexDigits[code >> 4U];
            out += kHexDigits[code & 0xFU];
        } else if (dumped[i] == kDelete) {
            out += "\\u007f";
        } else {
            out += dumped[i];
        }
    }
    return out;
}

}  // namespace rasd::detail

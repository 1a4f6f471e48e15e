#pragma once
// nlohmann::json escapes C0 controls but writes C1 controls (U+0080..U+009F) and DEL as they are,
// which is valid JSON yet reaches a terminal raw. json_controls_escaped() turns them into JSON
// escapes too. Outside strings a JSON text holds ASCII only, so every such sequence is inside a
// string. Header-only: the executables use it too.

#include "control_characters.hpp"

#include <string>
#include <string_view>

namespace rasd::detail {

[[nodiscard]] inline std::string json_controls_escaped(std::string_view dumped) {
    // C0 controls: nlohmann's own escapes already.
    return replace_controls(dumped, C0Controls::Kept, [](std::string& out, unsigned code) {
        out += "\\u00";
        append_hex_byte(out, code);
    });
}

}  // namespace rasd::detail

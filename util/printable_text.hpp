#pragma once
// Text from the data made safe to print on a terminal, as diagnostics quote it: control
// characters (C0, DEL, C1) could move the cursor, clear the screen or retitle the window, and
// bytes that are not UTF-8 show as garbage, so both are written as escapes.

#include <string>
#include <string_view>

namespace rasd::detail {

// `text` with C0 controls and DEL written as \xHH (\x1b for ESC, \x0a for a line feed: a
// diagnostic stays on one line), C1 controls (U+0080..U+009F) as \uHHHH, and each byte of a
// malformed UTF-8 sequence as \xHH. Everything else is copied as it is.
[[nodiscard]] std::string printable_text(std::string_view text);

}  // namespace rasd::detail

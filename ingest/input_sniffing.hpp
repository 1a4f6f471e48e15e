#pragma once
// A look at the start of a file before it is read as a dump. A binary file (an executable, an
// image, UTF-16 text) or text in another encoding, read line by line, would give a warning for
// every line, and as a .txt file it would become an article of garbage: it is refused whole,
// with one line saying why.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rasd::detail {

// How much of the start of a file (decompressed) is looked at.
inline constexpr std::size_t kSniffedBytes = 64 * 1024;

// Why `start`, the first bytes of a file, cannot be a dump: "binary data, not a dump" (a NUL
// byte, or more than 1 byte in 32 a control character other than tab, line feed, vertical tab,
// form feed and carriage return), "UTF-16 text, not UTF-8 (...)" (a UTF-16 byte order mark), or
// "not UTF-8 text (...)" (at least 16 malformed UTF-8 sequences, more than 1 in 4 of the
// characters outside ASCII); nullopt if it may be one.
[[nodiscard]] std::optional<std::string> why_not_a_dump(std::string_view start);

}  // namespace rasd::detail

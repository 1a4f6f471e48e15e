#pragma once
// Reading the data files embedded in rasd (TSV tables, word lists): one record a line, blank
// lines and comment lines skipped, and one form for errors: "NAME:LINE: WHAT".

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::detail {

struct DataLine {
    std::string_view file;  // the name errors give: "gazetteer", "topics", ...
    std::size_t number;     // 1-based, counting every line of the file
    std::string_view text;  // without its '\n', a trailing '\r' and trailing spaces

    // "FILE:NUMBER: what", the form of every error about a data file.
    [[nodiscard]] std::string error(std::string_view what) const;
};

// The lines of `text` that hold data. Blank lines (spaces, tabs, '\r' only) and comment lines
// (the first character other than a space or tab is '#') are skipped. A trailing '\r' (files
// written with CRLF) and trailing spaces are dropped; a trailing TAB is kept, since it ends a
// column and the empty column after it may matter.
[[nodiscard]] std::vector<DataLine> data_lines(std::string_view file, std::string_view text);

// The parts of `s` between `separator`s, each without leading and trailing spaces:
// "a | b|c" -> {"a", "b", "c"}; "" -> {""}; "a|" -> {"a", ""}.
[[nodiscard]] std::vector<std::string_view> split_trimmed(std::string_view s, char separator);

}  // namespace rasd::detail

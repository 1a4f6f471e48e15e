#pragma once
// The watches file's parser on text already in memory (read_watch_file() reads the file and
// hands it here), so that tests and the fuzz target need no file.

#include <rasd/watcher.hpp>

#include <string>
#include <string_view>

namespace rasd::detail {

// Parses `text` as read_watch_file() parses a file, naming `file` in watches' `where` and in
// problems ("FILE:LINE: ...").
// @throws InvalidArgument for a watch name given twice, as read_watch_file().
[[nodiscard]] WatchFile parse_watch_text(const std::string& file, std::string_view text);

}  // namespace rasd::detail

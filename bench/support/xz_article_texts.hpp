#pragma once
// The article texts of an ANT JSON-lines file compressed with xz, decompressed in memory with
// liblzma and parsed before anything is timed (the analyzer benchmark's input: no rasd reader
// in between).

#include <cstddef>
#include <string>
#include <vector>

namespace rasd::bench {

// title + "\n" + abstract + "\n" + text of each JSON line of the .xz file at `path` (possibly
// multi-stream), the first `max_articles` (0 = all). Blank lines are skipped.
// @throws std::runtime_error for an unreadable file, bad xz data or a line that is not JSON.
std::vector<std::string> read_xz_article_texts(const std::string& path, std::size_t max_articles);

}  // namespace rasd::bench

#pragma once
/// @file article_reader.hpp  Reading articles from JSON-lines dumps.

#include <rasd/article.hpp>

#include <cstddef>
#include <functional>
#include <istream>
#include <memory>
#include <string>

namespace rasd {

/// A record that could not be read: where, and why.
struct ReadProblem {
    std::string file;     ///< The input's name ("-" for standard input).
    std::size_t line = 0; ///< 1-based line number.
    std::string reason;   ///< What is wrong, naming the bad value.
    /// "FILE:LINE: REASON", the form every rasd message about input takes.
    [[nodiscard]] std::string message() const;
};

/// Reads one JSON object per line from `input`. Field names are matched case-insensitively
/// against common spellings: id/docno/guid, title/headline, body/text/content,
/// abstract/summary, date/time/published/date_extracted, place/location/dateline,
/// topic/category/cat/section, source/src/site, url/link, author/byline.
/// An article without an id gets a stable one: "url-" + hash of its URL, else "sha-" + hash
/// of its title and body, so reading the same dump twice yields the same ids.
/// Blank lines are skipped silently; a malformed line or one without body text is reported to
/// `on_problem` and skipped. Never throws for bad data.
/// @return the number of articles passed to `on_article`.
std::size_t read_json_lines(std::istream& input, const std::string& name,
                            const std::function<void(Article&&)>& on_article,
                            const std::function<void(const ReadProblem&)>& on_problem);

/// Opens `path` for reading, decompressing on the fly by its extension: `.gz` (gzip), `.xz`
/// (xz/lzma) or `.zst` (zstandard); any other name is read as it is. A corrupt or truncated
/// compressed stream shows as a stream in the bad state once reading reaches the damage.
/// @throws DataError "PATH: cannot open file: REASON" if the file cannot be opened.
[[nodiscard]] std::unique_ptr<std::istream> open_input_file(const std::string& path);

/// The name of `path` without a compression extension (`a.jsonl.xz` -> `a.jsonl`), so callers can
/// choose a reader by the inner extension.
[[nodiscard]] std::string strip_compression_extension(const std::string& path);

}  // namespace rasd

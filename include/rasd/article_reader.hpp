#pragma once
/// @file article_reader.hpp  Reading articles from news dumps: JSON lines, JSON arrays,
/// TREC-style SGML, and folders of text or Markdown files, compressed or not.

#include <rasd/article.hpp>
#include <rasd/export.hpp>

#include <cstddef>
#include <cstdint>
#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rasd {

/// Why input was skipped, for the counts in summaries.
enum class ProblemKind {
    UnreadableInput,  ///< a file or folder that cannot be opened, of an unknown format, not a
                      ///< dump (binary data, another encoding), or given up after 20 malformed
                      ///< records in a row
    CorruptData,      ///< a compressed stream or file that breaks off
    MalformedRecord,  ///< bad JSON, broken SGML, a bad header, a body of a type without text
    EmptyBody,        ///< a record without article text
};

/// "unreadable input", "corrupt data", "malformed record", "empty body".
[[nodiscard]] RASD_EXPORT std::string to_string(ProblemKind kind);

/// A record that could not be read: what kind of problem, where, and why.
struct RASD_EXPORT ReadProblem {
    ProblemKind kind = ProblemKind::MalformedRecord;
    std::string file;     ///< The input's name ("-" for standard input).
    std::size_t line = 0; ///< 1-based line number; 0 when the whole file is concerned.
    std::string reason;   ///< What is wrong, naming the bad value.
    /// "FILE:LINE: REASON" ("FILE: REASON" when line is 0), the form of every input message.
    [[nodiscard]] std::string message() const;
};

/// Which fields of an input record fill which Article field. Names are matched case-insensitively.
/// For title, body and abstract every listed field present is used, joined by a blank line;
/// for the other fields the first non-empty one wins.
class RASD_EXPORT FieldMap {
public:
    /// The common spellings: id/docno/guid, title/headline, body/text/content,
    /// abstract/summary, date/time/published/date_extracted, place/location/dateline,
    /// topic/category/cat/section, source/src/site, url/link, author/byline.
    FieldMap();

    /// Applies an override such as "body=text,abstract" (what `--field` takes).
    /// @throws InvalidArgument naming the bad spec, or the unknown article field and the
    ///         valid ones.
    void set(std::string_view spec);

    /// The Article fields that can be mapped, in `--help` order.
    [[nodiscard]] static std::vector<std::string> article_fields();

    /// Builds an article from a record's fields (keys already lower-cased).
    [[nodiscard]] Article map(const std::map<std::string, std::string>& record) const;

    /// The Article fields that the input field `input_name` (lower-cased) fills, in `--help`
    /// order; none if the map does not read it.
    [[nodiscard]] std::vector<std::string> article_fields_of(std::string_view input_name) const;

private:
    std::map<std::string, std::vector<std::string>> m_input_fields;  // article field -> input field names
};

/// How far reading one file has got, for progress displays.
struct ReadProgress {
    std::string file;              ///< the file being read
    std::uint64_t bytes_read = 0;  ///< bytes of the file consumed so far (compressed bytes)
    std::uint64_t file_size = 0;   ///< the file's size in bytes
};

/// How to read inputs.
struct ReaderOptions {
    FieldMap fields;
    /// Called now and then while a file is read, and once when it is done (bytes_read ==
    /// file_size). Not called for standard input.
    std::function<void(const ReadProgress&)> on_progress;
};

/// The total size in bytes of the files read_articles() would read for `path` (folders are
/// walked); 0 for "-" and for anything unreadable.
[[nodiscard]] RASD_EXPORT std::uint64_t input_size(const std::string& path);

using ArticleSink = std::function<void(Article&&)>;
using ProblemSink = std::function<void(const ReadProblem&)>;

/// Reads one JSON object per line from `input`. Blank lines are skipped silently; a malformed
/// line or a record without body text is reported to `on_problem` and skipped; after 20
/// malformed records in a row the rest of the input is not read (one more problem says so).
/// Invalid UTF-8 in a string is repaired as U+FFFD and a member of a type that holds no text is
/// left out (a body or abstract given as an array of strings is joined with line breaks): the
/// article is kept, with Article::warnings naming the field. An article without an id gets a
/// stable one: "url-" + hash of its URL, else "sha-" + hash of its title and body, so reading
/// the same dump twice yields the same ids. Problems and warnings quote the data with control
/// characters and malformed bytes escaped. Never throws for bad data.
/// @return the number of articles passed to `on_article`.
RASD_EXPORT std::size_t read_json_lines(std::istream& input, const std::string& name,
                                        const ArticleSink& on_article, const ProblemSink& on_problem,
                                        const ReaderOptions& options = {});

/// Reads `path`, which is "-" (JSON lines on standard input), a file, or a folder walked
/// recursively in name order. The format comes from the name, after any compression
/// extension (.gz, .xz, .zst): .jsonl (JSON lines), .json (one array of objects, or JSON
/// lines), .trec/.sgml/.sgm (TREC `<DOC>` records), .txt/.md (one article per file, with an
/// optional `key: value` header or YAML front matter). In folders, files of other types,
/// hidden entries and README/LICENSE/CHANGELOG files are passed over; named directly, files of
/// other types are a problem. A file whose start (decompressed) is binary data, UTF-16 or text
/// in another encoding than UTF-8 is a problem and is not read. Problems (unreadable files,
/// bad records) go to `on_problem`; never throws for bad data.
/// @return the number of articles passed to `on_article`.
RASD_EXPORT std::size_t read_articles(const std::string& path, const ArticleSink& on_article,
                                      const ProblemSink& on_problem, const ReaderOptions& options = {});

/// True if read_articles() knows the format of this file name (compression extensions aside).
[[nodiscard]] RASD_EXPORT bool is_supported_input_name(const std::string& path);

/// Opens `path` for reading, decompressing on the fly by its extension: `.gz` (gzip), `.xz`
/// (xz/lzma) or `.zst` (zstandard); any other name is read as it is. A corrupt or truncated
/// compressed stream shows as a stream in the bad state once reading reaches the damage (a
/// `.zst` cut exactly between two of its frames cannot be told from a whole file).
/// @throws DataError "PATH: cannot open file: REASON" if the file cannot be opened.
[[nodiscard]] RASD_EXPORT std::unique_ptr<std::istream> open_input_file(const std::string& path);

/// The name of `path` without a compression extension (`a.jsonl.xz` -> `a.jsonl`), so callers can
/// choose a reader by the inner extension.
[[nodiscard]] RASD_EXPORT std::string strip_compression_extension(const std::string& path);

}  // namespace rasd

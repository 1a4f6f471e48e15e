#pragma once
// What the readers share: small text helpers, quoting data in messages, handing a record on as
// an article, and the reports every reader makes the same way (record_support.cpp).

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rasd::detail {

[[nodiscard]] std::string lower_ascii(std::string s);
[[nodiscard]] std::string_view trim(std::string_view s);
[[nodiscard]] bool is_blank(std::string_view s);
// 16 hex digits of FNV-1a/64: ids that are the same on every machine and run.
[[nodiscard]] std::string stable_hash(std::string_view text);

}  // namespace rasd::detail

#include "util/control_characters.hpp"

#include <rasd/article_reader.hpp>

#include <map>
#include <vector>

namespace rasd::detail {

using Record = std::map<std::string, std::string>;  // lower-cased source field -> value

// A record (a JSON line, a TREC <DOC>, a text file) larger than this is skipped without being
// read whole: indexing one takes about 35 times its size in memory.
inline constexpr std::size_t kMaxRecordBytes = std::size_t{8} << 20;
inline constexpr std::string_view kRecordTooLong = "record longer than 8 MiB";  // the problem's reason
static_assert(kMaxRecordBytes == 8 * 1024 * 1024, "kRecordTooLong names the limit");


// What a reader noticed in a record besides its values.
struct RecordNotes {
    // For the article (Article::warnings): a field repaired or ignored, e.g. "field 'title':
    // invalid UTF-8 repaired (U+FFFD)".
    std::vector<std::string> warnings;
    // A body field whose value was of a type that holds no text, e.g. "field 'body' is an
    // object, not a string": why the article is skipped if it has no body from another field,
    // else a warning that it was ignored.
    std::string unusable_body;
};

// Maps `record` to an article and hands it on, or reports it (no body, id too long) and skips
// it. Values that are not valid UTF-8 are repaired (each malformed sequence as U+FFFD), with a
// warning on the article for each field the field map reads.
// @return true if the article was handed on.
bool deliver_record(Record record, const std::string& file, std::size_t line, const ReaderOptions& options,
                    RecordNotes notes, const ArticleSink& on_article, const ProblemSink& on_problem);

// "field 'NAME': invalid UTF-8 repaired (U+FFFD)": the warning for a repaired field.
[[nodiscard]] std::string repaired_field_warning(std::string_view field_name);

// A file that is not a dump at all (a log, a CSV, a binary renamed .jsonl) is given up after
// this many malformed records in a row, with one line, instead of a warning for every line.
inline constexpr std::size_t kMaxMalformedInARow = 20;

// Passes a reader's problems on and counts the malformed records in a row.
class MalformedRun {
public:
    explicit MalformedRun(const ProblemSink& on_problem)
        : m_on_problem(on_problem), m_sink([this](const ReadProblem& problem) { report(problem); }) {}
    MalformedRun(const MalformedRun&) = delete;
    MalformedRun& operator=(const MalformedRun&) = delete;

    // The sink to report a file's problems to.
    [[nodiscard]] const ProblemSink& sink() const { return m_sink; }
    // A record was read (handed on, or skipped for a reason other than being malformed).
    void record_read() { m_run = 0; }
    // True, once, when the run reaches kMaxMalformedInARow: then it reports "N malformed records
    // in a row; the rest of the file is not read" at `line`, and the reader stops.
    bool give_up(const std::string& file, std::size_t line);

private:
    void report(const ReadProblem& problem);

    const ProblemSink& m_on_problem;
    ProblemSink m_sink;
    std::size_t m_run = 0;
};

// Bytes of the underlying file consumed by a stream from open_input_file().
[[nodiscard]] std::uint64_t raw_bytes_consumed(std::istream& input);

// Reports a stream that went bad (a decompressor hit damage) after `line`.
void report_if_bad(const std::istream& input, const std::string& file, std::size_t line,
                   const ProblemSink& on_problem);

// The per-format readers read_articles() dispatches to.
std::size_t read_json_array(std::istream& input, const std::string& name, const ArticleSink& on_article,
                            const ProblemSink& on_problem, const ReaderOptions& options);
std::size_t read_trec(std::istream& input, const std::string& name, const ArticleSink& on_article,
                      const ProblemSink& on_problem, const ReaderOptions& options);
// One article per file; `fallback_id` is used when the header names no id and no URL.
std::size_t read_text_file(std::istream& input, const std::string& name, const std::string& fallback_id,
                           const ArticleSink& on_article, const ProblemSink& on_problem,
                           const ReaderOptions& options);

}  // namespace rasd::detail

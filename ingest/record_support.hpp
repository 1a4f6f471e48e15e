#pragma once
// Small text helpers the input readers share.

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

#include <rasd/article_reader.hpp>

#include <map>

namespace rasd::detail {

using Record = std::map<std::string, std::string>;  // lower-cased source field -> value

// A record (a JSON line, a TREC <DOC>, a text file) larger than this is skipped without being
// read whole: indexing one takes about 35 times its size in memory.
inline constexpr std::size_t kMaxRecordBytes = std::size_t{8} << 20;
inline constexpr std::string_view kRecordTooLong = "record longer than 8 MiB";  // the problem's reason
static_assert(kMaxRecordBytes == 8 * 1024 * 1024, "kRecordTooLong names the limit");

// At most this much of a bad value or of a parser's message is quoted in a problem's reason.
inline constexpr std::size_t kMaxQuotedBytes = 200;

// `text` if it fits kMaxQuotedBytes; else its start, cut at a character boundary, and "...", in
// kMaxQuotedBytes in all.
[[nodiscard]] std::string quotable(std::string_view text);

// Maps `record` to an article and hands it on, or reports it (empty body) and skips it.
// @return true if the article was handed on.
bool deliver_record(const Record& record, const std::string& file, std::size_t line,
                    const ReaderOptions& options, const ArticleSink& on_article,
                    const ProblemSink& on_problem);

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

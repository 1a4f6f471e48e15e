// One article per .txt or .md file, with an optional header of metadata: YAML front matter
// between "---" lines, or "key: value" lines up to the first blank line.

#include "bounded_input.hpp"
#include "record_support.hpp"
#include "util/utf8.hpp"

#include <cctype>

namespace rasd::detail {

namespace {

constexpr std::string_view kFrontMatterFence = "---";

// "key: value" with an ASCII key, as headers write them. @return false for any other line.
bool parse_header_line(std::string_view line, Record& record) {
    const std::size_t colon = line.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    for (char c : line.substr(0, colon)) {
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_' && c != '-') return false;
    }
    std::string_view value = trim(line.substr(colon + 1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front()) {
        value = value.substr(1, value.size() - 2);  // YAML quoting
    }
    record[lower_ascii(std::string(line.substr(0, colon)))] = std::string(value);
    return true;
}

std::string_view next_line(std::string_view& rest) {
    const std::size_t newline = rest.find('\n');
    std::string_view line = rest.substr(0, newline);
    rest = newline == std::string_view::npos ? std::string_view() : rest.substr(newline + 1);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

}  // namespace

std::size_t read_text_file(std::istream& input, const std::string& name, const std::string& fallback_id,
                           const ArticleSink& on_article, const ProblemSink& on_problem,
                           const ReaderOptions& options) {
    std::string text;
    if (!read_at_most(input, kMaxRecordBytes, text)) {  // the whole file is the record
        on_problem({ProblemKind::MalformedRecord, name, 0, std::string(kRecordTooLong)});
        return 0;
    }
    report_if_bad(input, name, 0, on_problem);
    std::string_view rest = text;
    if (rest.starts_with(kUtf8ByteOrderMark)) rest.remove_prefix(kUtf8ByteOrderMark.size());

    Record record;
    std::string_view probe = rest;
    if (trim(next_line(probe)) == kFrontMatterFence) {
        rest = probe;
        std::size_t line_number = 1;
        bool closed = false;
        while (!rest.empty()) {
            const std::string_view line = next_line(rest);
            ++line_number;
            if (trim(line) == kFrontMatterFence) {
                closed = true;
                break;
            }
            if (!is_blank(line) && !parse_header_line(line, record)) {
                on_problem({ProblemKind::MalformedRecord, name, line_number, "front matter line is not 'key: value': '" + quotable(line) + "'"});
                return 0;
            }
        }
        if (!closed) {
            on_problem({ProblemKind::MalformedRecord, name, 1, "front matter opened with '---' is not closed"});
            return 0;
        }
    } else {
        // "key: value" lines count as a header only if the very first line is one.
        Record header;
        probe = rest;
        while (!probe.empty()) {
            const std::string_view before = probe;
            const std::string_view line = next_line(probe);
            if (is_blank(line)) break;
            if (!parse_header_line(line, header)) {
                probe = before;
                break;
            }
        }
        if (!header.empty()) {
            record = std::move(header);
            rest = probe;
        }
    }

    // A Markdown "# Heading" on the first line is the title when the header has none.
    std::string body(trim(rest));
    if (body.starts_with("# ")) {
        std::string_view body_view = body;
        const std::string heading(trim(next_line(body_view).substr(2)));
        if (!record.contains("title") && !record.contains("headline")) {
            record["title"] = heading;
            body = std::string(trim(body_view));
        }
    }
    record["body"] = body;
    if (!record.contains("id") && !record.contains("url") && !record.contains("link")) {
        record["id"] = fallback_id;  // a file's path is its natural, stable identity
    }
    return deliver_record(std::move(record), name, 0, options, {}, on_article, on_problem) ? 1 : 0;
}

}  // namespace rasd::detail

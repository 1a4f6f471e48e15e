// TREC-style SGML: <DOC> records holding <TAG>value</TAG> fields. Tolerant, because real
// files (ANT's among them) are not XML: text is unescaped and tags carry stray spaces.

#include "bounded_input.hpp"
#include "record_support.hpp"

#include <cctype>

namespace rasd::detail {

namespace {

constexpr std::string_view kDocOpen = "<doc>";
constexpr std::string_view kDocClose = "</doc>";

bool contains_tag(const std::string& lowered_line, std::string_view tag) {
    return lowered_line.find(tag) != std::string::npos;
}

// Parses the fields of one record. @return an error message, or "" on success.
std::string parse_fields(const std::string& text, Record& record) {
    const std::string lowered = lower_ascii(text);
    std::size_t at = 0;
    while ((at = text.find('<', at)) != std::string::npos) {
        std::size_t name_end = at + 1;
        while (name_end < text.size() &&
               (std::isalnum(static_cast<unsigned char>(text[name_end])) || text[name_end] == '_')) {
            ++name_end;
        }
        if (name_end == at + 1 || name_end >= text.size() || text[name_end] != '>') {
            ++at;  // a lone '<' in running text
            continue;
        }
        const std::string name = lowered.substr(at + 1, name_end - at - 1);
        const std::string closing = "</" + name + ">";
        const std::size_t close = lowered.find(closing, name_end + 1);
        if (close == std::string::npos) {
            return "<" + quotable(std::string_view(text).substr(at + 1, name_end - at - 1)) + "> is not closed";
        }
        record.emplace(name, std::string(trim(std::string_view(text).substr(name_end + 1, close - name_end - 1))));
        at = close + closing.size();
    }
    return {};
}

}  // namespace

std::size_t read_trec(std::istream& input, const std::string& name, const ArticleSink& on_article,
                      const ProblemSink& on_problem, const ReaderOptions& options) {
    std::size_t count = 0;
    std::size_t line_number = 0;
    std::size_t doc_start = 0;  // line of the open <DOC>, 0 when outside a record
    bool doc_too_long = false;  // the open record passed kMaxRecordBytes: its text is dropped
    std::string doc_text;
    std::string line;
    MalformedRun run(on_problem);
    const ProblemSink& report = run.sink();
    BoundedLineReader lines(input, kMaxRecordBytes);
    for (LineStatus status; (status = lines.next(line)) != LineStatus::End;) {
        ++line_number;
        if (run.give_up(name, line_number - 1)) return count;
        if (status == LineStatus::TooLong) {
            // Inside a record, the record is too long; outside, the line may hold one whole.
            if (doc_start == 0) {
                report({ProblemKind::MalformedRecord, name, line_number, std::string(kRecordTooLong)});
            } else {
                doc_too_long = true;
                std::string().swap(doc_text);
            }
            continue;
        }
        const std::string lowered = lower_ascii(line);
        if (contains_tag(lowered, kDocOpen)) {
            if (doc_start != 0) {
                report({ProblemKind::MalformedRecord, name, doc_start,
                        "<DOC> not closed before the next <DOC> at line " + std::to_string(line_number)});
            }
            doc_start = line_number;
            doc_too_long = false;
            doc_text.clear();
            continue;
        }
        if (contains_tag(lowered, kDocClose)) {
            if (doc_start == 0) {
                report({ProblemKind::MalformedRecord, name, line_number, "</DOC> without an open <DOC>"});
                continue;
            }
            Record record;
            if (doc_too_long) {
                report({ProblemKind::MalformedRecord, name, doc_start, std::string(kRecordTooLong)});
            } else if (const std::string error = parse_fields(doc_text, record); !error.empty()) {
                report({ProblemKind::MalformedRecord, name, doc_start, error});
            } else if (deliver_record(std::move(record), name, doc_start, options, {}, on_article, report)) {
                ++count;
                run.record_read();
            }
            doc_start = 0;
            continue;
        }
        if (doc_start == 0 || doc_too_long) continue;
        if (doc_text.size() + line.size() + 1 > kMaxRecordBytes) {
            doc_too_long = true;
            std::string().swap(doc_text);
            continue;
        }
        doc_text.append(line).push_back('\n');
    }
    // A record cut by damage to a compressed file is the damage's, reported once below, not a
    // malformed record of its own.
    if (doc_start != 0 && !input.bad()) {
        report({ProblemKind::MalformedRecord, name, doc_start, "<DOC> not closed before the end of the file"});
    }
    report_if_bad(input, name, line_number + 1, on_problem);
    return count;
}

}  // namespace rasd::detail

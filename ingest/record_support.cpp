// What the readers share (record_support.hpp): text helpers, handing a record on as an article,
// and the reports every reader makes the same way.

#include "record_support.hpp"

#include "util/fnv1a.hpp"
#include "util/control_characters.hpp"
#include "util/utf8.hpp"

#include <array>
#include <cstdio>

namespace rasd::detail {
namespace {

// How much of an over-long id a problem shows.
constexpr std::size_t kShownIdBytes = 40;

// Repairs the values of `record` that are not valid UTF-8; a repaired field that the field
// map reads gets a warning (the others are never used).
void repair_values(Record& record, const FieldMap& fields, RecordNotes& notes) {
    for (auto& [name, value] : record) {
        if (is_valid_utf8(value)) continue;
        value = to_valid_utf8(value);
        if (!fields.article_fields_of(name).empty()) notes.warnings.push_back(repaired_field_warning(name));
    }
}

}  // namespace

std::string lower_ascii(std::string s) {
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    }
    return s;
}

std::string_view trim(std::string_view s) {
    constexpr std::string_view kSpace = " \t\r\n\f\v";
    const std::size_t begin = s.find_first_not_of(kSpace);
    if (begin == std::string_view::npos) return {};
    return s.substr(begin, s.find_last_not_of(kSpace) - begin + 1);
}

std::string stable_hash(std::string_view text) {
    std::array<char, 17> hex{};
    std::snprintf(hex.data(), hex.size(), "%016llx", static_cast<unsigned long long>(fnv1a64(text)));
    return std::string(hex.data());
}

bool is_blank(std::string_view s) { return trim(s).empty(); }

std::string repaired_field_warning(std::string_view field_name) {
    return "field '" + quotable(field_name) + "': invalid UTF-8 repaired (U+FFFD)";
}

bool deliver_record(Record record, const std::string& file, std::size_t line, const ReaderOptions& options,
                    RecordNotes notes, const ArticleSink& on_article, const ProblemSink& on_problem) {
    repair_values(record, options.fields, notes);
    Article article = options.fields.map(record);
    if (article.id.size() > kMaxArticleIdBytes) {
        on_problem({ProblemKind::MalformedRecord, file, line,
                    "id longer than " + std::to_string(kMaxArticleIdBytes) + " bytes: '" +
                        quotable(utf8_prefix(article.id, kShownIdBytes)) + "...'"});
        return false;
    }
    article.origin = line == 0 ? file : file + ":" + std::to_string(line);
    if (is_blank(article.body)) {
        if (!notes.unusable_body.empty()) {
            on_problem({ProblemKind::MalformedRecord, file, line,
                        "article '" + quotable(article.id) + "': " + notes.unusable_body});
        } else {
            on_problem({ProblemKind::EmptyBody, file, line, "article '" + quotable(article.id) + "' has an empty body"});
        }
        return false;
    }
    if (!notes.unusable_body.empty()) notes.warnings.push_back(notes.unusable_body + " (ignored)");
    article.warnings = std::move(notes.warnings);
    on_article(std::move(article));
    return true;
}

void report_if_bad(const std::istream& input, const std::string& file, std::size_t line,
                   const ProblemSink& on_problem) {
    if (input.bad()) {
        // A decompressor that hits damage sets badbit: everything after that point is lost.
        on_problem({ProblemKind::CorruptData, file, line, "read error: corrupt or truncated data; the rest of the file cannot be read"});
    }
}

void MalformedRun::report(const ReadProblem& problem) {
    if (problem.kind == ProblemKind::MalformedRecord) {
        ++m_run;
    } else {
        m_run = 0;
    }
    m_on_problem(problem);
}

bool MalformedRun::give_up(const std::string& file, std::size_t line) {
    if (m_run != kMaxMalformedInARow) return false;
    ++m_run;  // said once
    m_on_problem({ProblemKind::UnreadableInput, file, line,
                  std::to_string(kMaxMalformedInARow) + " malformed records in a row; the rest of the file is not read"});
    return true;
}

}  // namespace rasd::detail

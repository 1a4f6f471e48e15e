// JSON articles over nlohmann::json (Debian's nlohmann-json3-dev): JSON lines and JSON arrays.

#include "bounded_input.hpp"
#include "json_record.hpp"
#include "json_utf8_repair.hpp"
#include "record_support.hpp"

#include "util/utf8.hpp"

#include <nlohmann/json.hpp>

#include <iterator>
#include <sstream>

namespace rasd {
namespace detail {
namespace {

using Json = nlohmann::json;

// The bytes of a record's values: what indexing it would work on.
std::size_t value_bytes(const Record& record) {
    std::size_t bytes = 0;
    for (const auto& [key, value] : record) bytes += value.size();
    return bytes;
}

// Warnings for the members of record `index` that held invalid UTF-8 and that the field map reads.
void note_repairs(const RepairedJson& repaired, std::size_t index, const FieldMap& fields, RecordNotes& notes) {
    for (const RepairedJson::Member& member : repaired.members) {
        if (member.record == index && !fields.article_fields_of(lower_ascii(member.name)).empty()) {
            notes.warnings.push_back(repaired_field_warning(member.name));
        }
    }
}

// Parses `text`; if that fails on invalid UTF-8, parses it repaired, and `repaired` says where
// the repairs were. @throws Json::exception for text that is malformed otherwise.
Json parse_repairing(std::string_view text, RecordDepth depth, RepairedJson& repaired) {
    try {
        return Json::parse(text);
    } catch (const Json::exception&) {
        if (is_valid_utf8(text)) throw;
    }
    repaired = repair_json_utf8(text, depth);
    return Json::parse(repaired.text);
}

// One JSON line -> an article handed on, or a problem. @return 1 if an article was handed on.
std::size_t read_json_line(const std::string& line, const std::string& name, std::size_t line_number,
                           const ReaderOptions& options, NotesGiven& given, const ArticleSink& on_article,
                           MalformedRun& run) {
    RepairedJson repaired;
    Json object;
    try {
        object = parse_repairing(line, RecordDepth::TopLevel, repaired);
    } catch (const Json::exception& e) {
        // nlohmann quotes the bad token, which may be the rest of a huge line.
        run.sink()({ProblemKind::MalformedRecord, name, line_number, "malformed JSON: " + quotable(e.what())});
        return 0;
    }
    if (!object.is_object()) {
        run.sink()({ProblemKind::MalformedRecord, name, line_number,
                    "expected a JSON object, found " + std::string(object.type_name())});
        return 0;
    }
    RecordNotes notes;
    Record record = record_from_json(object, options.fields, given, notes);
    note_repairs(repaired, 0, options.fields, notes);
    if (!deliver_record(std::move(record), name, line_number, options, std::move(notes), on_article, run.sink())) {
        return 0;
    }
    run.record_read();
    return 1;
}

}  // namespace

std::size_t read_json_array(std::istream& input, const std::string& name, const ArticleSink& on_article,
                            const ProblemSink& on_problem, const ReaderOptions& options) {
    const std::string text{std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>()};
    report_if_bad(input, name, 0, on_problem);
    const std::string_view start = trim(text);
    if (!start.empty() && start.front() != '[') {
        std::istringstream lines(text);  // a .json file holding JSON lines
        return read_json_lines(lines, name, on_article, on_problem, options);
    }
    RepairedJson repaired;
    Json array;
    try {
        array = parse_repairing(text, RecordDepth::InArray, repaired);
    } catch (const Json::exception& e) {
        on_problem({ProblemKind::MalformedRecord, name, 0, "malformed JSON: " + quotable(e.what())});
        return 0;
    }
    std::size_t count = 0;
    std::size_t index = 0;
    NotesGiven given;
    MalformedRun run(on_problem);
    for (const Json& element : array) {
        ++index;
        // JSON arrays have no useful line numbers; problems name the element instead.
        const std::string element_name = name + ": element " + std::to_string(index);
        if (!element.is_object()) {
            run.sink()({ProblemKind::MalformedRecord, name, 0, "element " + std::to_string(index) + ": expected a JSON object, found " +
                                     element.type_name()});
        } else {
            RecordNotes notes;
            Record record = record_from_json(element, options.fields, given, notes);
            note_repairs(repaired, index - 1, options.fields, notes);
            if (value_bytes(record) > kMaxRecordBytes) {  // the file is read whole, but not indexed whole
                run.sink()({ProblemKind::MalformedRecord, element_name, 0, std::string(kRecordTooLong)});
            } else if (deliver_record(std::move(record), element_name, 0, options, std::move(notes), on_article,
                                      run.sink())) {
                ++count;
                run.record_read();
            }
        }
        if (run.give_up(element_name, 0)) break;
    }
    return count;
}

}  // namespace detail

std::size_t read_json_lines(std::istream& input, const std::string& name, const ArticleSink& on_article,
                            const ProblemSink& on_problem, const ReaderOptions& options) {
    std::size_t count = 0;
    std::size_t line_number = 0;
    std::string line;
    detail::NotesGiven given;
    detail::MalformedRun run(on_problem);
    detail::BoundedLineReader lines(input, detail::kMaxRecordBytes);
    for (detail::LineStatus status; (status = lines.next(line)) != detail::LineStatus::End;) {
        ++line_number;
        if (status == detail::LineStatus::TooLong) {
            run.sink()({ProblemKind::MalformedRecord, name, line_number, std::string(detail::kRecordTooLong)});
        } else if (!detail::is_blank(line)) {
            count += detail::read_json_line(line, name, line_number, options, given, on_article, run);
        }
        if (run.give_up(name, line_number)) return count;
    }
    detail::report_if_bad(input, name, line_number + 1, on_problem);
    return count;
}

}  // namespace rasd

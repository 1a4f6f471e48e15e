// JSON articles over nlohmann::json (Debian's nlohmann-json3-dev): JSON lines and JSON arrays.

#include "bounded_input.hpp"
#include "record_support.hpp"

#include "util/utf8.hpp"

#include <nlohmann/json.hpp>

#include <iterator>
#include <sstream>

namespace rasd {
namespace detail {
namespace {

using Json = nlohmann::json;

// How much of an over-long id a problem shows.
constexpr std::size_t kShownIdBytes = 40;

// The string and number members of a JSON object, keys lower-cased; nested values are ignored.
Record record_from_json(const Json& object) {
    Record record;
    for (auto it = object.begin(); it != object.end(); ++it) {
        std::string key = lower_ascii(it.key());
        if (record.contains(key)) continue;  // the first spelling of a key wins
        if (it->is_string()) {
            record.emplace(std::move(key), it->get<std::string>());
        } else if (it->is_number()) {
            record.emplace(std::move(key), it->dump());
        }
    }
    return record;
}

// The bytes of a record's values: what indexing it would work on.
std::size_t value_bytes(const Record& record) {
    std::size_t bytes = 0;
    for (const auto& [key, value] : record) bytes += value.size();
    return bytes;
}

}  // namespace

bool deliver_record(const Record& record, const std::string& file, std::size_t line,
                    const ReaderOptions& options, const ArticleSink& on_article,
                    const ProblemSink& on_problem) {
    Article article = options.fields.map(record);
    if (article.id.size() > kMaxArticleIdBytes) {
        on_problem({ProblemKind::MalformedRecord, file, line,
                    "id longer than " + std::to_string(kMaxArticleIdBytes) + " bytes: '" +
                        std::string(utf8_prefix(article.id, kShownIdBytes)) + "...'"});
        return false;
    }
    article.origin = line == 0 ? file : file + ":" + std::to_string(line);
    if (is_blank(article.body)) {
        on_problem({ProblemKind::EmptyBody, file, line, "article '" + article.id + "' has an empty body"});
        return false;
    }
    on_article(std::move(article));
    return true;
}

void report_if_bad(const std::istream& input, const std::string& file, std::size_t line,
                   const ProblemSink& on_problem) {
    if (input.bad()) {
        // A decompressor that hits damage sets badbit: everything after that point is lost.
        on_problem({ProblemKind::CorruptData, file, line, "read error: corrupt or truncated data; the rest of the file is skipped"});
    }
}

std::size_t read_json_array(std::istream& input, const std::string& name, const ArticleSink& on_article,
                            const ProblemSink& on_problem, const ReaderOptions& options) {
    const std::string text{std::istreambuf_iterator<char>(input), std::istreambuf_iterator<char>()};
    report_if_bad(input, name, 0, on_problem);
    const std::string_view start = trim(text);
    if (!start.empty() && start.front() != '[') {
        std::istringstream lines(text);  // a .json file holding JSON lines
        return read_json_lines(lines, name, on_article, on_problem, options);
    }
    Json array;
    try {
        array = Json::parse(text);
    } catch (const Json::exception& e) {
        on_problem({ProblemKind::MalformedRecord, name, 0, "malformed JSON: " + quotable(e.what())});
        return 0;
    }
    std::size_t count = 0;
    std::size_t index = 0;
    for (const Json& element : array) {
        ++index;
        if (!element.is_object()) {
            on_problem({ProblemKind::MalformedRecord, name, 0, "element " + std::to_string(index) + ": expected a JSON object, found " +
                                     element.type_name()});
            continue;
        }
        // JSON arrays have no useful line numbers; problems name the element instead.
        const std::string element_name = name + ": element " + std::to_string(index);
        Record record = record_from_json(element);
        if (value_bytes(record) > kMaxRecordBytes) {  // the file is read whole, but not indexed whole
            on_problem({ProblemKind::MalformedRecord, element_name, 0, std::string(kRecordTooLong)});
            continue;
        }
        count += deliver_record(record, element_name, 0, options, on_article, on_problem);
    }
    return count;
}

}  // namespace detail

std::size_t read_json_lines(std::istream& input, const std::string& name, const ArticleSink& on_article,
                            const ProblemSink& on_problem, const ReaderOptions& options) {
    std::size_t count = 0;
    std::size_t line_number = 0;
    std::string line;
    detail::BoundedLineReader lines(input, detail::kMaxRecordBytes);
    for (detail::LineStatus status; (status = lines.next(line)) != detail::LineStatus::End;) {
        ++line_number;
        if (status == detail::LineStatus::TooLong) {
            on_problem({ProblemKind::MalformedRecord, name, line_number, std::string(detail::kRecordTooLong)});
            continue;
        }
        if (detail::is_blank(line)) continue;
        detail::Json record;
        try {
            record = detail::Json::parse(line);
        } catch (const detail::Json::exception& e) {
            // nlohmann quotes the bad token, which may be the rest of a huge line.
            on_problem({ProblemKind::MalformedRecord, name, line_number, "malformed JSON: " + detail::quotable(e.what())});
            continue;
        }
        if (!record.is_object()) {
            on_problem({ProblemKind::MalformedRecord, name, line_number, "expected a JSON object, found " + std::string(record.type_name())});
            continue;
        }
        count += detail::deliver_record(detail::record_from_json(record), name, line_number, options,
                                        on_article, on_problem);
    }
    detail::report_if_bad(input, name, line_number + 1, on_problem);
    return count;
}

}  // namespace rasd

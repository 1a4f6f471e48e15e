// Source field names -> Article fields, stable ids for articles that have none, and the
// problems readers report.

#include "record_support.hpp"

#include <rasd/article_reader.hpp>
#include <rasd/error.hpp>

#include <algorithm>

namespace rasd {
namespace {

// Article fields whose input fields are all joined (text); the others take the first non-empty one.
bool is_text_field(const std::string& field) {
    return field == "title" || field == "body" || field == "abstract";
}

std::string join_names(const std::vector<std::string>& names) {
    std::string joined;
    for (const std::string& n : names) joined += (joined.empty() ? "" : ", ") + n;
    return joined;
}

}  // namespace

FieldMap::FieldMap()
    : m_input_fields{
          {"id", {"id", "docno", "guid"}},
          {"title", {"title", "headline"}},
          {"body", {"body", "text", "content"}},
          {"abstract", {"abstract", "summary"}},
          {"date", {"date", "time", "published", "date_extracted"}},
          {"place", {"place", "location", "dateline"}},
          {"topic", {"topic", "category", "cat", "section"}},
          {"source", {"source", "src", "site"}},
          {"url", {"url", "link"}},
          {"author", {"author", "byline"}},
      } {}

std::vector<std::string> FieldMap::article_fields() {
    return {"id", "title", "body", "abstract", "date", "place", "topic", "source", "url", "author"};
}

void FieldMap::set(std::string_view spec) {
    const std::size_t equals = spec.find('=');
    if (equals == std::string_view::npos || equals == 0 || equals + 1 == spec.size()) {
        throw InvalidArgument("bad --field '" + std::string(spec) + "' (expected FIELD=NAME[,NAME...])");
    }
    const std::string field = detail::lower_ascii(std::string(spec.substr(0, equals)));
    if (!m_input_fields.contains(field)) {
        throw InvalidArgument("unknown article field '" + field + "' in --field '" + std::string(spec) +
                              "' (valid: " + join_names(article_fields()) + ")");
    }
    std::vector<std::string> names;
    std::string_view rest = spec.substr(equals + 1);
    while (!rest.empty()) {
        const std::size_t comma = rest.find(',');
        const std::string name = detail::lower_ascii(std::string(detail::trim(rest.substr(0, comma))));
        if (name.empty()) throw InvalidArgument("empty source name in --field '" + std::string(spec) + "'");
        names.push_back(name);
        rest = comma == std::string_view::npos ? std::string_view() : rest.substr(comma + 1);
    }
    m_input_fields[field] = std::move(names);
}

Article FieldMap::map(const std::map<std::string, std::string>& record) const {
    auto value_of = [&](const std::string& field) {
        std::string value;
        for (const std::string& name : m_input_fields.at(field)) {
            const auto it = record.find(name);
            if (it == record.end() || detail::trim(it->second).empty()) continue;
            if (!is_text_field(field)) return std::string(detail::trim(it->second));
            value += (value.empty() ? "" : "\n\n") + std::string(detail::trim(it->second));
        }
        return value;
    };
    Article a;
    a.id = value_of("id");
    a.title = value_of("title");
    a.body = value_of("body");
    a.abstract = value_of("abstract");
    a.date = value_of("date");
    a.place = value_of("place");
    a.topic = value_of("topic");
    a.source = value_of("source");
    a.url = value_of("url");
    a.author = value_of("author");
    if (a.id.empty()) {
        a.id = a.url.empty() ? "sha-" + detail::stable_hash(a.title + "\n" + a.body)
                             : "url-" + detail::stable_hash(a.url);
    }
    return a;
}

std::vector<std::string> FieldMap::article_fields_of(std::string_view input_name) const {
    std::vector<std::string> fields;
    for (const std::string& field : article_fields()) {
        const std::vector<std::string>& names = m_input_fields.at(field);
        if (std::find(names.begin(), names.end(), input_name) != names.end()) fields.push_back(field);
    }
    return fields;
}

std::string to_string(ProblemKind kind) {
    switch (kind) {
        case ProblemKind::UnreadableInput: return "unreadable input";
        case ProblemKind::CorruptData: return "corrupt data";
        case ProblemKind::MalformedRecord: return "malformed record";
        case ProblemKind::EmptyBody: return "empty body";
    }
    return "problem";
}

std::string ReadProblem::message() const {
    // A file's name may hold control characters too (it is often made from the data's own names).
    const std::string shown_file = detail::escape_control_characters(file);
    return line == 0 ? shown_file + ": " + reason : shown_file + ":" + std::to_string(line) + ": " + reason;
}

}  // namespace rasd

#include "json_record.hpp"

#include <algorithm>

namespace rasd::detail {
namespace {

using Json = nlohmann::json;

// Article fields whose text may come as a list of paragraphs.
bool takes_paragraphs(const std::vector<std::string>& article_fields) {
    return std::any_of(article_fields.begin(), article_fields.end(),
                       [](const std::string& field) { return field == "body" || field == "abstract"; });
}

// "an object", "an array", "a boolean": a JSON type in a sentence.
std::string a_type(const Json& value) {
    switch (value.type()) {
        case Json::value_t::object: return "an object";
        case Json::value_t::array: return "an array";
        case Json::value_t::boolean: return "a boolean";
        default: return std::string("a ") + value.type_name();
    }
}

bool all_strings(const Json& array) {
    return std::all_of(array.begin(), array.end(), [](const Json& element) { return element.is_string(); });
}

std::string joined_lines(const Json& array) {
    std::string text;
    for (const Json& element : array) {
        text += (text.empty() ? "" : "\n") + element.get<std::string>();
    }
    return text;
}

// Adds "NOTE (WHAT; said once per file)" unless this file has had it.
void note_once(const std::string& note, std::string_view what, NotesGiven& given, RecordNotes& notes) {
    if (given.insert(note).second) notes.warnings.push_back(note + " (" + std::string(what) + "said once per file)");
}

}  // namespace

Record record_from_json(const Json& object, const FieldMap& fields, NotesGiven& given, RecordNotes& notes) {
    Record record;
    for (auto it = object.begin(); it != object.end(); ++it) {
        std::string name = lower_ascii(it.key());
        if (record.contains(name)) continue;  // the first spelling of a name wins
        const Json& value = *it;
        if (value.is_string()) {
            record.emplace(std::move(name), value.get<std::string>());
            continue;
        }
        if (value.is_number()) {
            record.emplace(std::move(name), value.dump());
            continue;
        }
        if (value.is_null()) continue;
        const std::vector<std::string> article_fields = fields.article_fields_of(name);
        if (article_fields.empty()) continue;  // a member the article does not use
        const std::string field = "field '" + quotable(it.key()) + "'";
        if (value.is_array() && all_strings(value) && takes_paragraphs(article_fields)) {
            note_once(field + " is an array of strings, joined with line breaks", "", given, notes);
            record.emplace(std::move(name), joined_lines(value));
            continue;
        }
        const std::string wrong_type = field + " is " + a_type(value) + ", not a string";
        if (std::find(article_fields.begin(), article_fields.end(), "body") != article_fields.end()) {
            notes.unusable_body = wrong_type;  // said with the article, or as why it has no body
        } else {
            note_once(wrong_type, "ignored; ", given, notes);
        }
    }
    return record;
}

}  // namespace rasd::detail

#include "json_utf8_repair.hpp"

#include "util/utf8.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>

namespace rasd::detail {
namespace {

// An open object or array while the text is followed.
struct Container {
    bool is_object = false;
    bool expecting_name = false;  // in an object: the next string is a member's name
    std::size_t index = 0;        // in an array: the element the text is in
    std::string name;             // in an object: the member the text is in
};

// The text of a member's name (between its quotes, escapes and all), decoded.
std::string decoded_name(std::string_view quoted_text) {
    const std::string repaired = to_valid_utf8(quoted_text);
    try {
        return nlohmann::json::parse("\"" + repaired + "\"").get<std::string>();
    } catch (const nlohmann::json::exception&) {
        return repaired;  // a bad escape: the name as written
    }
}

}  // namespace

RepairedJson repair_json_utf8(std::string_view json, RecordDepth depth) {
    RepairedJson repaired;
    const std::size_t record_level = depth == RecordDepth::TopLevel ? 1 : 2;
    std::vector<Container> open;
    for (std::size_t at = 0; at < json.size(); ++at) {
        const char c = json[at];
        if (c == '"') {
            std::size_t end = at + 1;
            while (end < json.size() && json[end] != '"') end += json[end] == '\\' ? 2 : 1;
            if (end >= json.size()) break;  // never closed: the parser will say so
            const std::string_view text = json.substr(at + 1, end - at - 1);
            const bool is_name = !open.empty() && open.back().is_object && open.back().expecting_name;
            if (is_name) open.back().name = decoded_name(text);
            // A record's own member names are not fields of it; names deeper down are.
            const bool in_record = open.size() > record_level || (open.size() == record_level && !is_name);
            if (in_record && open[record_level - 1].is_object && (record_level == 1 || !open[0].is_object) &&
                !is_valid_utf8(text)) {
                RepairedJson::Member member{record_level == 1 ? 0 : open[0].index, open[record_level - 1].name};
                if (std::find(repaired.members.begin(), repaired.members.end(), member) == repaired.members.end()) {
                    repaired.members.push_back(std::move(member));
                }
            }
            at = end;
            continue;
        }
        switch (c) {
            case '{': open.push_back({true, true, 0, {}}); break;
            case '[': open.push_back({false, false, 0, {}}); break;
            case '}':
            case ']':
                if (!open.empty()) open.pop_back();
                break;
            case ',':
                if (!open.empty()) {
                    if (open.back().is_object) {
                        open.back().expecting_name = true;
                    } else {
                        ++open.back().index;
                    }
                }
                break;
            case ':':
                if (!open.empty()) open.back().expecting_name = false;
                break;
            default: break;
        }
    }
    repaired.text = to_valid_utf8(json);
    return repaired;
}

}  // namespace rasd::detail

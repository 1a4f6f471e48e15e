#pragma once
// JSON text whose strings hold bytes that are not UTF-8, made parseable. nlohmann refuses such
// text whole, so one bad byte in a title would lose its article (in a .json array, every
// article of the file); instead the bad bytes are repaired as U+FFFD, and the record members
// they were in are named, so that each article is kept with a warning naming the field.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::detail {

struct RepairedJson {
    // A member of a record that held invalid UTF-8 in its name's value (in a string of it,
    // however deep).
    struct Member {
        std::size_t record = 0;  // the record's index in the array (from 0); 0 for a JSON line
        std::string name;        // the member's name as decoded, repaired itself if need be
        bool operator==(const Member&) const = default;
    };
    std::string text;             // valid UTF-8: every malformed sequence replaced by U+FFFD
    std::vector<Member> members;  // in the order of the text, each once
};

// How deep the records lie in the JSON text.
enum class RecordDepth {
    TopLevel,  // the text is one record: a JSON line
    InArray,   // the text is an array of records: a .json file
};

// Repairs `json`. Bytes that are not UTF-8 outside strings are replaced too (the text stays as
// malformed as it was); members are found by following strings, brackets, commas and colons,
// however malformed the rest.
[[nodiscard]] RepairedJson repair_json_utf8(std::string_view json, RecordDepth depth);

}  // namespace rasd::detail

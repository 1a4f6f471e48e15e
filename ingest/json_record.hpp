#pragma once
// A JSON object -> a Record and its notes. Strings are taken as they are, numbers as their JSON
// text (an id or a year given as a number), null as absent. A member the field map reads but
// whose type holds no text (an object, an array, a boolean) never vanishes without a word: a
// body or abstract given as an array of strings is joined with line breaks; anything else is
// left out; either way the article gets a warning naming the field and the type, once per file
// (a dump that gives every topic as an array says so once, not once per article).

#include "record_support.hpp"

#include <nlohmann/json.hpp>

#include <set>
#include <string>

namespace rasd::detail {

// The notes on field types already given for one file.
using NotesGiven = std::set<std::string>;

// The members of `object` as a Record (names lower-cased; the first spelling of a name wins),
// with notes on the members of a type that holds no text.
[[nodiscard]] Record record_from_json(const nlohmann::json& object, const FieldMap& fields, NotesGiven& given,
                                      RecordNotes& notes);

}  // namespace rasd::detail

#pragma once
// The query language's syntax: a query string becomes a tree of words, phrases, wildcards and
// field:value pairs joined by operators. Pure text work; query_builder.cpp gives it meaning.
//
//   word            free text, analyzed exactly like articles
//   "a phrase"      words in this order (also « » and “ ”)
//   prefix*         words starting with prefix
//   -word  +word    exclude / require (also on phrases, fields and groups)
//   AND OR NOT ( )  boolean operators, in capitals only, so the Arabic و and أو stay words
//   field:value     topic: place: date: source: title: and their Arabic names, with or
//                   without ال: موضوع: مكان: تاريخ: مصدر: عنوان: (value may be "quoted"). Any
//                   other name ("CNN:", "مصرفي:", "author:x") is read as words, as Xapian's
//                   QueryParser reads an unknown prefix: a pasted headline is no error.
//   date:A..B       a date value may be quoted in parts and may run on over spaces while it is
//                   not yet a readable date: date:"مارس 2018".."يونيو 2018", date:مارس 2018..يونيو 2018

#include <rasd/error.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace rasd::detail {

struct QueryNode {
    enum class Kind {
        Word,      // text: one or more words as typed (analyzed later)
        Phrase,    // text: the words between quotes
        Wildcard,  // text: the prefix before '*'
        Field,     // field: canonical name (topic, place, date, source, title); children[0]: value
        And,       // all children
        Or,        // any child
        AndNot,    // children[0] but not children[1]
        Default,   // children joined by the default operator (ranked OR; +required, -excluded)
    };
    enum class Modifier { None, Required, Excluded };

    Kind kind = Kind::Word;
    Modifier modifier = Modifier::None;
    std::string text;
    std::string field;
    std::vector<QueryNode> children;
    // Word: the name before a ':' that is no field ("CNN" of "CNN:"), for --explain.
    std::string not_a_field;
};

// Limits against abusive queries (each a QuerySyntaxError naming the limit): the parser is
// recursive, and every word becomes a Xapian subquery.
inline constexpr std::size_t kMaxQueryBytes = 8192;  // about 4,000 Arabic letters
inline constexpr std::size_t kMaxQueryAtoms = 256;   // words, phrases, wildcards and fields
inline constexpr std::size_t kMaxQueryNesting = 32;  // depth of ( ) groups
// Each wildcard expands to up to kMaxWildcardExpansion terms (query_builder.hpp): a few are
// cheap, hundreds take seconds and tens of megabytes.
inline constexpr std::size_t kMaxQueryWildcards = 8;  // prefix* words, title:prefix* included

// A date value read on over spaces takes at most this many more space-separated parts: a day
// in words with its weekday is up to seven ("يوم الخميس 12 تشرين الأول (أكتوبر) 2022"), a range two such.
inline constexpr std::size_t kMaxDateValueParts = 16;

// The canonical field names and every name accepted for them (English and Arabic; the Arabic
// name also with ال: المكان:).
struct FieldName {
    std::string_view canonical;
    std::string_view arabic;
};
inline constexpr FieldName kQueryFields[] = {
    {"topic", "موضوع"}, {"place", "مكان"}, {"date", "تاريخ"}, {"source", "مصدر"}, {"title", "عنوان"},
};

// The field name `name` is one edit or two (for a name of five letters or more) away from, as
// "place" for "plce" or "مكان" for "مكن"; "" if none is that near.
[[nodiscard]] std::string field_name_near(std::string_view name);

// Parses `query`. An empty or blank query gives a Default node with no children.
// @throws QuerySyntaxError (rasd/error.hpp) with a one-line message naming the problem and where
//         it is, and that place as a byte offset and a column.
[[nodiscard]] QueryNode parse_query_syntax(std::string_view query);

// A readable rendering of a tree, for --explain and tests: (AND a b), "phrase", pre*, place:x.
[[nodiscard]] std::string to_string(const QueryNode& node);

}  // namespace rasd::detail

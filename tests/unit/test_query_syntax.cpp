// The query language's syntax: what each construct parses to, and every syntax error.

#include <doctest/doctest.h>

#include "searcher/query_syntax.hpp"

#include <string>
#include <vector>

namespace {

std::string parsed(const std::string& query) { return rasd::detail::to_string(rasd::detail::parse_query_syntax(query)); }

struct SyntaxCase {
    std::string query;
    std::string tree;
};

struct ErrorCase {
    std::string query;
    std::string message;
};

}  // namespace

TEST_SUITE("query_syntax") {

TEST_CASE("constructs parse to the expected trees") {
    const std::vector<SyntaxCase> table = {
        {"سائق", "سائق"},
        {"سائق سيارة نقل", "(DEFAULT سائق سيارة نقل)"},
        {"\"سيارة نقل\"", "\"سيارة نقل\""},
        {"«سيارة نقل» القاهرة", "(DEFAULT \"سيارة نقل\" القاهرة)"},
        {"مواطن*", "مواطن*"},
        {"الداخلية -رياضة +القاهرة", "(DEFAULT الداخلية -رياضة +القاهرة)"},
        {"a AND b", "(AND a b)"},
        {"a OR b c", "(OR a (DEFAULT b c))"},
        {"a NOT b", "(NOT a b)"},
        {"a AND NOT b", "(NOT a b)"},
        {"NOT رياضة", "(DEFAULT -رياضة)"},
        {"(a OR b) AND c", "(AND (OR a b) c)"},
        {"-(a OR b) c", "(DEFAULT -(OR a b) c)"},
        {"place:القاهرة", "place:القاهرة"},
        {"مكان:القاهرة موضوع:أمن", "(DEFAULT place:القاهرة topic:أمن)"},
        {"تاريخ:\"مارس 2018\"", "date:\"مارس 2018\""},
        {"Date:2018-03..2018-06", "date:2018-03..2018-06"},
        {"title:\"وزير الداخلية\"", "title:\"وزير الداخلية\""},
        {"-place:غزة", "(DEFAULT -place:غزة)"},
        {"و المواطنين أو الأمن", "(DEFAULT و المواطنين أو الأمن)"},  // Arabic و and أو are words
        {"and or not", "(DEFAULT and or not)"},                       // only capitals are operators
        {"الساعة 10:30", "(DEFAULT الساعة 10:30)"},
        {"مسؤول مصرفي: المركزي", "(DEFAULT مسؤول مصرفي: المركزي)"},  // pasted punctuation, not a field
        {"https://news.example.com/x", "https://news.example.com/x"},
        {"", "(DEFAULT)"},
        {"   ", "(DEFAULT)"},
    };
    for (const SyntaxCase& c : table) {
        CAPTURE(c.query);
        CHECK(parsed(c.query) == c.tree);
    }
}

TEST_CASE("every syntax error names the problem and its position") {
    const std::vector<ErrorCase> table = {
        {"\"سيارة نقل", "unbalanced quotes: the \" at position 1 is never closed"},
        {"a «b", "unbalanced quotes: the « at position 3 is never closed"},
        {"(a OR b", "unbalanced brackets: the '(' at position 1 is never closed"},
        {"a OR b)", "unbalanced brackets: the ')' at position 7 has no '('"},
        {"()", "empty brackets at position 1"},
        {"AND", "'AND' at position 1 has nothing before it"},
        {"a OR", "'OR' at position 3 has nothing after it"},
        {"a AND OR b", "'AND' at position 3 has nothing after it"},
        {"NOT", "'NOT' at position 1 has nothing after it"},
        {"author:x", "unknown field 'author:' at position 1 (valid: topic:, place:, date:, source:, title:, موضوع:, مكان:, تاريخ:, مصدر:, عنوان:)"},
        {"place: القاهرة", "field 'place:' at position 1 has no value"},
    };
    for (const ErrorCase& c : table) {
        CAPTURE(c.query);
        CHECK_THROWS_WITH_AS(rasd::detail::parse_query_syntax(c.query), c.message.c_str(), rasd::detail::QuerySyntaxError);
    }
}

TEST_CASE("limits against abusive queries") {
    const std::string deep = std::string(40, '(') + "a" + std::string(40, ')');
    CHECK_THROWS_WITH_AS(rasd::detail::parse_query_syntax(deep), "brackets nested too deep at position 33 (at most 32 levels)",
                         rasd::detail::QuerySyntaxError);
    CHECK_THROWS_WITH_AS(rasd::detail::parse_query_syntax(std::string(10000, '(')),
                         "query too long: 10000 bytes (at most 8192)", rasd::detail::QuerySyntaxError);
    std::string many;
    for (int i = 0; i < 300; ++i) many += "كلمة ";
    CHECK_THROWS_WITH_AS(rasd::detail::parse_query_syntax(many), "query too long: 300 words (at most 256)",
                         rasd::detail::QuerySyntaxError);
    const std::string ok_depth = std::string(32, '(') + "a" + std::string(32, ')');
    CHECK(rasd::detail::to_string(rasd::detail::parse_query_syntax(ok_depth)) == "a");
}

TEST_CASE("syntax errors are usage errors") {
    CHECK_THROWS_AS(rasd::detail::parse_query_syntax("(("), rasd::InvalidArgument);
}

}  // TEST_SUITE

// The query language's syntax: what each construct parses to, and every syntax error.

#include <doctest/doctest.h>

#include "searcher/query_syntax.hpp"

#include <algorithm>
#include <chrono>
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
        {"CNN: تغطية", "(DEFAULT CNN: تغطية)"},                          // a pasted headline
        {"author:x", "(DEFAULT author: x)"},                              // no such field: words
        {"-author:\"a b\" c", "(DEFAULT -author: \"a b\" c)"},
        {"المكان:الجيزة", "place:الجيزة"},                                // the fields with ال
        {"الموضوع:رياضة العنوان:كأس", "(DEFAULT topic:رياضة title:كأس)"},
        {"التاريخ:2018 المصدر:الرصد", "(DEFAULT date:2018 source:الرصد)"},
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
        {"place: القاهرة", "field 'place:' at position 1 has no value"},
        {"place:\"\"", "field 'place:' at position 1 has no value"},
        {"سائق مكان:\"  \"", "field 'مكان:' at position 6 has no value"},
        {"date:", "field 'date:' at position 1 has no value"},
        {"date: 2018", "field 'date:' at position 1 has no value"},
        {"date:\"مارس 2018", "unbalanced quotes: the \" at position 6 is never closed"},
    };
    for (const ErrorCase& c : table) {
        CAPTURE(c.query);
        CHECK_THROWS_WITH_AS(rasd::detail::parse_query_syntax(c.query), c.message.c_str(), rasd::QuerySyntaxError);
    }
}

TEST_CASE("a syntax error carries its place as a byte offset and a column: a limit has none") {
    struct PositionCase {
        std::string query;
        std::size_t byte_offset;
        std::size_t column;
    };
    const std::vector<PositionCase> table = {
        {"a OR", 2, 3},
        {"«سيارة", 0, 1},
        {"كلمة (b", 9, 6},      // four 2-byte letters and a space before the bracket
        {"نقل place:", 7, 5},
    };
    for (const PositionCase& c : table) {
        CAPTURE(c.query);
        try {
            (void)rasd::detail::parse_query_syntax(c.query);
            FAIL("no syntax error");
        } catch (const rasd::QuerySyntaxError& e) {
            CHECK(e.byte_offset() == c.byte_offset);
            CHECK(e.column() == c.column);
            CHECK(std::string(e.what()).find(" at position " + std::to_string(c.column)) != std::string::npos);
        }
    }
    std::string nine;
    for (int i = 0; i < 9; ++i) nine += "مواط" + std::to_string(i) + "* ";
    try {
        (void)rasd::detail::parse_query_syntax(nine);
        FAIL("no limit error");
    } catch (const rasd::QuerySyntaxError& e) {
        CHECK_FALSE(e.byte_offset().has_value());
        CHECK_FALSE(e.column().has_value());
    }
}

TEST_CASE("limits against abusive queries") {
    const std::string deep = std::string(40, '(') + "a" + std::string(40, ')');
    CHECK_THROWS_WITH_AS(rasd::detail::parse_query_syntax(deep), "brackets nested too deep at position 33 (at most 32 levels)",
                         rasd::QuerySyntaxError);
    CHECK_THROWS_WITH_AS(rasd::detail::parse_query_syntax(std::string(10000, '(')),
                         "query too long: 10000 bytes (at most 8192)", rasd::QuerySyntaxError);
    std::string many;
    for (int i = 0; i < 300; ++i) many += "كلمة ";
    CHECK_THROWS_WITH_AS(rasd::detail::parse_query_syntax(many), "query too long: 300 words (at most 256)",
                         rasd::QuerySyntaxError);
    const std::string ok_depth = std::string(32, '(') + "a" + std::string(32, ')');
    CHECK(rasd::detail::to_string(rasd::detail::parse_query_syntax(ok_depth)) == "a");
}

TEST_CASE("at most 8 wildcards, title:prefix* included, while other fields read value* literally") {
    std::string eight;
    for (int i = 0; i < 8; ++i) eight += "مواط" + std::to_string(i) + "* ";
    CHECK_NOTHROW((void)rasd::detail::parse_query_syntax(eight));
    CHECK_THROWS_WITH_AS(rasd::detail::parse_query_syntax(eight + "سيار*"), "too many wildcards: 9 (at most 8)",
                         rasd::QuerySyntaxError);
    CHECK_THROWS_WITH_AS(rasd::detail::parse_query_syntax(eight + "-(title:وزي* OR ب*)"), "too many wildcards: 10 (at most 8)",
                         rasd::QuerySyntaxError);
    CHECK_NOTHROW((void)rasd::detail::parse_query_syntax(eight + "source:abc* place:x*"));
    CHECK(rasd::detail::kMaxQueryWildcards == 8);
}

TEST_CASE("positions stay right far into a long query of multi-byte words") {
    std::string query;
    for (int i = 0; i < 200; ++i) query += "كلمة ";  // 5 characters, 9 bytes each
    CHECK_THROWS_WITH_AS(rasd::detail::parse_query_syntax(query + "a OR"), "'OR' at position 1003 has nothing after it",
                         rasd::QuerySyntaxError);
    CHECK_THROWS_WITH_AS(rasd::detail::parse_query_syntax(query + "(b"),
                         "unbalanced brackets: the '(' at position 1001 is never closed", rasd::QuerySyntaxError);
}

// Lexing must be linear in the query: it once computed every token's column from the start of
// the query (quadratic; a 1 MiB query took 10 s). Sixteen times the tokens must cost far less
// than 256 times the time (measured: about 26 times now, about 120 times with the quadratic
// lexer); the best of several runs is compared, to be fair to a busy machine.
TEST_CASE("lexing time grows linearly with the number of tokens") {
    const auto best_seconds = [](const std::string& query) {
        double best = 1e9;
        for (int run = 0; run < 15; ++run) {
            const auto start = std::chrono::steady_clock::now();
            CHECK_THROWS_AS((void)rasd::detail::parse_query_syntax(query), rasd::QuerySyntaxError);
            best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
        }
        return best;
    };
    // ")" is one byte and one token; the parser then stops at the first one, so lexing dominates.
    constexpr double kGrowth = 16;
    constexpr double kMaxTimeRatio = 56;  // between linear (16, plus cache effects) and quadratic (256)
    const double small = best_seconds(std::string(rasd::detail::kMaxQueryBytes / static_cast<std::size_t>(kGrowth), ')'));
    const double large = best_seconds(std::string(rasd::detail::kMaxQueryBytes, ')'));
    CAPTURE(small);
    CAPTURE(large);
    CHECK(large < kMaxTimeRatio * small);
}

TEST_CASE("syntax errors are usage errors") {
    CHECK_THROWS_AS(rasd::detail::parse_query_syntax("(("), rasd::InvalidArgument);
}

TEST_CASE("a date value joins its quoted parts and runs on over spaces until it reads as a date") {
    const std::vector<SyntaxCase> table = {
        // Quoted ends joined by '..': one value, not date:"مارس 2018" and the words يونيو 2018.
        {"date:\"مارس 2018\"..\"يونيو 2018\"", "date:\"مارس 2018..يونيو 2018\""},
        {"date:\"مارس 2018..يونيو 2018\"", "date:\"مارس 2018..يونيو 2018\""},
        {"date:\"مارس 2018\"..2018-06", "date:\"مارس 2018..2018-06\""},
        {"date:2018-03..\"يونيو 2018\"", "date:\"2018-03..يونيو 2018\""},
        {"date:\"مارس 2018\"..", "date:\"مارس 2018..\""},
        {"date:..\"يونيو 2018\"", "date:\"..يونيو 2018\""},
        // Unquoted month names: the value takes the next parts while it is not yet a date.
        {"date:مارس 2018..يونيو 2018 سائق", "(DEFAULT date:\"مارس 2018..يونيو 2018\" سائق)"},
        {"تاريخ:مارس 2018", "date:\"مارس 2018\""},
        {"تاريخ:كانون الثاني 2018..حزيران 2018", "date:\"كانون الثاني 2018..حزيران 2018\""},
        {"date:جانفي 2017..جوان 2017", "date:\"جانفي 2017..جوان 2017\""},
        {"date:5 مارس 2018 سائق", "(DEFAULT date:\"5 مارس 2018\" سائق)"},
        {"(date:مارس 2018) OR x", "(OR date:\"مارس 2018\" x)"},
        // A range whose '..' stands between spaces is one value.
        {"date:\"مارس 2018\" .. \"يونيو 2018\"", "date:\"مارس 2018 .. يونيو 2018\""},
        {"date:2018 ..2019", "date:\"2018 ..2019\""},
        // A readable value stays as it is: what follows is words.
        {"date:2018 2019", "(DEFAULT date:2018 2019)"},
        {"date:2018.. سائق", "(DEFAULT date:2018.. سائق)"},
        {"date:2018-03..2018-06 AND سائق", "(AND date:2018-03..2018-06 سائق)"},
        // A value that never reads stays as typed, with a '..' after it: the query builder says
        // it cannot read it (never its parts searched as words).
        {"date:مارس سائق", "(DEFAULT date:مارس سائق)"},
        {"date:\"مارس 2018\"..يونيوو 2018", "(DEFAULT date:\"مارس 2018..يونيوو\" 2018)"},
        {"date:\"مارس 2018\" .. يونيوو", "date:\"مارس 2018 .. يونيوو\""},
    };
    for (const SyntaxCase& c : table) {
        CAPTURE(c.query);
        CHECK(parsed(c.query) == c.tree);
    }
}

TEST_CASE("a name that is no field keeps its name for --explain, and a misspelt field is named") {
    const rasd::detail::QueryNode headline = rasd::detail::parse_query_syntax("CNN: تغطية");
    REQUIRE(headline.children.size() == 2);
    CHECK(headline.children[0].not_a_field == "CNN");
    CHECK(headline.children[1].not_a_field.empty());
    CHECK(rasd::detail::field_name_near("plce") == "place");
    CHECK(rasd::detail::field_name_near("Titel") == "title");
    CHECK(rasd::detail::field_name_near("sorce") == "source");
    CHECK(rasd::detail::field_name_near("مكن") == "مكان");
    CHECK(rasd::detail::field_name_near("CNN").empty());
    CHECK(rasd::detail::field_name_near("PWC").empty());
    CHECK(rasd::detail::field_name_near("مصرفي").empty());
    // The wildcard after a name that is no field still counts against the limit.
    std::string eight;
    for (int i = 0; i < 8; ++i) eight += "مواط" + std::to_string(i) + "* ";
    CHECK_THROWS_WITH_AS(rasd::detail::parse_query_syntax(eight + "author:x*"), "too many wildcards: 9 (at most 8)",
                         rasd::QuerySyntaxError);
}

}  // TEST_SUITE

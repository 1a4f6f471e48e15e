// Reading articles from JSON lines: field names, stable ids, bad records, invalid UTF-8 and
// values of the wrong type in one field (the article is kept, with a warning naming the field),
// and files that are not dumps at all (given up after a run of malformed records).

#include <doctest/doctest.h>

#include "util/utf8.hpp"

#include <rasd/article_reader.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

struct ReadResult {
    std::vector<rasd::Article> articles;
    std::vector<std::string> problems;
    std::vector<rasd::ProblemKind> kinds;
};

ReadResult read(const std::string& text) {
    std::istringstream input(text);
    ReadResult result;
    rasd::read_json_lines(
        input, "dump.jsonl", [&](rasd::Article&& a) { result.articles.push_back(std::move(a)); },
        [&](const rasd::ReadProblem& p) {
            result.problems.push_back(p.message());
            result.kinds.push_back(p.kind);
        });
    return result;
}

const std::string kFffd = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

bool has_raw_control_or_malformed_byte(const std::string& text) {
    for (const char c : text) {
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return true;
    }
    return !rasd::detail::is_valid_utf8(text);
}

}  // namespace

TEST_SUITE("json_lines_reader") {

TEST_CASE("common field names map onto the article") {
    const ReadResult r = read(R"({"docno":"a1","headline":"عنوان","text":"نص","cat":"sport","src":"bbc","Link":"http://x/1","byline":"القاهرة - أحمد","date_extracted":"2018-02-01"})");
    REQUIRE(r.articles.size() == 1);
    const rasd::Article& a = r.articles[0];
    CHECK(a.id == "a1");
    CHECK(a.title == "عنوان");
    CHECK(a.body == "نص");
    CHECK(a.topic == "sport");
    CHECK(a.source == "bbc");
    CHECK(a.url == "http://x/1");
    CHECK(a.author == "القاهرة - أحمد");
    CHECK(a.date == "2018-02-01");
}

TEST_CASE("an article without an id gets a stable one from its URL or its content") {
    const std::string with_url = R"({"url":"http://example.com/a","body":"نص"})";
    const std::string without_url = R"({"title":"t","body":"نص"})";
    const ReadResult first = read(with_url + "\n" + without_url);
    const ReadResult second = read(with_url + "\n" + without_url);
    REQUIRE(first.articles.size() == 2);
    CHECK(first.articles[0].id.rfind("url-", 0) == 0);
    CHECK(first.articles[1].id.rfind("sha-", 0) == 0);
    CHECK(first.articles[0].id == second.articles[0].id);
    CHECK(first.articles[1].id == second.articles[1].id);
    CHECK(first.articles[0].id != first.articles[1].id);
}

TEST_CASE("bad records are reported with file and line, and reading goes on") {
    const ReadResult r = read("{\"id\":\"1\",\"body\":\"a\"}\n{broken\n\n[1,2]\n{\"id\":\"4\",\"body\":\"  \"}\n{\"id\":\"5\",\"body\":\"b\"}\n");
    CHECK(r.articles.size() == 2);
    REQUIRE(r.problems.size() == 3);
    CHECK(r.problems[0].rfind("dump.jsonl:2: malformed JSON: ", 0) == 0);
    CHECK(r.problems[1] == "dump.jsonl:4: expected a JSON object, found array");
    CHECK(r.problems[2] == "dump.jsonl:5: article '4' has an empty body");
}

TEST_CASE("an id too long for a Xapian term is a malformed record, not a failed run") {
    const ReadResult r = read("{\"id\":\"" + std::string(300, 'x') + "\",\"body\":\"a\"}\n{\"id\":\"ok\",\"body\":\"b\"}\n");
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].id == "ok");
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].rfind("dump.jsonl:1: id longer than 200 bytes: 'xxxx", 0) == 0);
}

TEST_CASE("invalid UTF-8 in one field is repaired as U+FFFD: the article is kept, with a warning naming the field") {
    const ReadResult r = read("{\"id\":\"1\",\"title\":\"عنوان \xff\xfe هنا\",\"body\":\"نص \xd8\"}\n"
                              "{\"id\":\"2\",\"body\":\"سليم\"}\n");
    CHECK(r.problems.empty());
    REQUIRE(r.articles.size() == 2);
    const rasd::Article& a = r.articles[0];
    CHECK(a.title == "عنوان " + kFffd + kFffd + " هنا");
    CHECK(a.body == "نص " + kFffd);
    CHECK(a.warnings == std::vector<std::string>{"field 'title': invalid UTF-8 repaired (U+FFFD)",
                                                 "field 'body': invalid UTF-8 repaired (U+FFFD)"});
    CHECK(r.articles[1].warnings.empty());
}

TEST_CASE("invalid UTF-8 is named by the field as the dump spells it, deep in a value, and not for unused members") {
    const ReadResult r = read("{\"ID\":\"1\",\"Text\":[\"فقرة \xff\",\"أخرى\"],\"notes\":\"\xff\",\"meta\":{\"x\":\"\xfe\"},\"\xffkey\":\"v\"}\n");
    CHECK(r.problems.empty());
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].body == "فقرة " + kFffd + "\nأخرى");
    CHECK(r.articles[0].warnings ==
          std::vector<std::string>{"field 'Text' is an array of strings, joined with line breaks (said once per file)",
                                   "field 'Text': invalid UTF-8 repaired (U+FFFD)"});
}

TEST_CASE("invalid UTF-8 outside a string is still malformed JSON, quoted without the raw bytes") {
    const ReadResult r = read("{\"id\":\"1\",\"body\":\"a\"\xff}\n");
    CHECK(r.articles.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].rfind("dump.jsonl:1: malformed JSON: ", 0) == 0);
    CHECK_FALSE(has_raw_control_or_malformed_byte(r.problems[0]));
}

TEST_CASE("a title, place or topic of the wrong type is ignored with a warning naming the field and the type") {
    const ReadResult r = read(R"({"id":"1","title":["a","b"],"place":{"city":"القاهرة"},"topic":true,"date":2019,"author":null,"body":"نص"})");
    CHECK(r.problems.empty());
    REQUIRE(r.articles.size() == 1);
    const rasd::Article& a = r.articles[0];
    CHECK(a.title.empty());
    CHECK(a.place.empty());
    CHECK(a.topic.empty());
    CHECK(a.date == "2019");  // a number is read as its JSON text
    CHECK(a.author.empty());  // null is absent, without a word
    CHECK(a.warnings == std::vector<std::string>{
                            "field 'place' is an object, not a string (ignored; said once per file)",
                            "field 'title' is an array, not a string (ignored; said once per file)",
                            "field 'topic' is a boolean, not a string (ignored; said once per file)",
                        });
}

TEST_CASE("a field's type warning is said once per file, not once per article") {
    const ReadResult r = read("{\"id\":\"1\",\"topic\":[\"a\"],\"body\":\"نص\"}\n"
                              "{\"id\":\"2\",\"topic\":[\"b\"],\"body\":\"نص\"}\n"
                              "{\"id\":\"3\",\"topic\":{\"b\":1},\"body\":\"نص\"}\n");
    REQUIRE(r.articles.size() == 3);
    CHECK(r.articles[0].warnings == std::vector<std::string>{"field 'topic' is an array, not a string (ignored; said once per file)"});
    CHECK(r.articles[1].warnings.empty());
    CHECK(r.articles[2].warnings == std::vector<std::string>{"field 'topic' is an object, not a string (ignored; said once per file)"});
    // A new file says it again.
    CHECK(read("{\"id\":\"2\",\"topic\":[\"b\"],\"body\":\"نص\"}\n").articles[0].warnings.size() == 1);
}

TEST_CASE("a body given as an array of strings is joined with line breaks, not reported as empty") {
    const ReadResult r = read(R"({"id":"1","body":["الفقرة الأولى","الفقرة الثانية"],"abstract":["ملخص"]})");
    CHECK(r.problems.empty());
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].body == "الفقرة الأولى\nالفقرة الثانية");
    CHECK(r.articles[0].abstract == "ملخص");
    CHECK(r.articles[0].warnings ==
          std::vector<std::string>{"field 'abstract' is an array of strings, joined with line breaks (said once per file)",
                                   "field 'body' is an array of strings, joined with line breaks (said once per file)"});
}

TEST_CASE("a body of another type skips the article with a message naming the type, or is ignored beside another body field") {
    const ReadResult r = read("{\"id\":\"1\",\"body\":{\"p\":\"نص\"}}\n"
                              "{\"id\":\"2\",\"body\":[\"نص\",3]}\n"
                              "{\"id\":\"3\",\"body\":false}\n"
                              "{\"id\":\"4\",\"body\":{\"p\":\"نص\"},\"text\":\"النص هنا\"}\n");
    CHECK(r.problems == std::vector<std::string>{"dump.jsonl:1: article '1': field 'body' is an object, not a string",
                                                 "dump.jsonl:2: article '2': field 'body' is an array, not a string",
                                                 "dump.jsonl:3: article '3': field 'body' is a boolean, not a string"});
    CHECK(r.kinds == std::vector<rasd::ProblemKind>(3, rasd::ProblemKind::MalformedRecord));
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].id == "4");
    CHECK(r.articles[0].body == "النص هنا");
    CHECK(r.articles[0].warnings == std::vector<std::string>{"field 'body' is an object, not a string (ignored)"});
}

TEST_CASE("bytes from the data never reach a problem raw: control characters and invalid UTF-8 are escaped") {
    // nlohmann quotes what it last read: DEL as it is, and a 2-byte character cut after its
    // first byte.
    const ReadResult r = read("tru\x7f\n"
                              "[\"a\",\xc2\x9b" "2J]\n"
                              "{\"id\":\"\\u001b[2J\",\"body\":\" \"}\n");
    REQUIRE(r.problems.size() == 3);
    CHECK(r.problems[0] == "dump.jsonl:1: malformed JSON: [json.exception.parse_error.101] parse error at line 1, "
                           "column 4: syntax error while parsing value - invalid literal; last read: 'tru\\x7f'");
    CHECK(r.problems[1].ends_with("last read: '\"a\",\\xc2'"));
    CHECK(r.problems[2] == "dump.jsonl:3: article '\\x1b[2J' has an empty body");
    for (const std::string& problem : r.problems) CHECK_FALSE(has_raw_control_or_malformed_byte(problem));
}

TEST_CASE("a file that is not JSON lines is given up after 20 malformed records in a row, with one line") {
    std::string text;
    for (int i = 0; i < 500; ++i) text += "not json " + std::to_string(i) + "\n";
    text += "{\"id\":\"late\",\"body\":\"نص\"}\n";
    const ReadResult r = read(text);
    CHECK(r.articles.empty());
    REQUIRE(r.problems.size() == 21);
    CHECK(r.problems[19].rfind("dump.jsonl:20: malformed JSON: ", 0) == 0);
    CHECK(r.problems[20] == "dump.jsonl:20: 20 malformed records in a row; the rest of the file is not read");
    CHECK(r.kinds[20] == rasd::ProblemKind::UnreadableInput);
}

TEST_CASE("malformed records that are not in one run of 20 are each skipped, and reading goes on") {
    std::string text;
    for (int round = 0; round < 3; ++round) {
        for (int i = 0; i < 19; ++i) text += "{broken\n";
        text += "{\"id\":\"" + std::to_string(round) + "\",\"body\":\" \"}\n";  // empty body: well formed
        text += "\n";                                                                 // blank lines do not count
    }
    text += "{\"id\":\"last\",\"body\":\"نص\"}\n";
    const ReadResult r = read(text);
    REQUIRE(r.articles.size() == 1);
    CHECK(r.articles[0].id == "last");
    CHECK(r.problems.size() == 3 * 20);
}

}  // TEST_SUITE

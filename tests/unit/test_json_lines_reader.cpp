// Reading articles from JSON lines: field names, stable ids, and bad records.

#include <doctest/doctest.h>

#include <rasd/article_reader.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

struct ReadResult {
    std::vector<rasd::Article> articles;
    std::vector<std::string> problems;
};

ReadResult read(const std::string& text) {
    std::istringstream input(text);
    ReadResult result;
    rasd::read_json_lines(
        input, "dump.jsonl", [&](rasd::Article&& a) { result.articles.push_back(std::move(a)); },
        [&](const rasd::ReadProblem& p) { result.problems.push_back(p.message()); });
    return result;
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

TEST_CASE("invalid UTF-8 inside a record is a malformed record") {
    const ReadResult r = read("{\"id\":\"1\",\"body\":\"\xff\"}\n");
    CHECK(r.articles.empty());
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].rfind("dump.jsonl:1: malformed JSON: ", 0) == 0);
}

}  // TEST_SUITE

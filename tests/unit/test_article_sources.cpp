// Every input format read_articles() knows, folders, and field mapping.

#include <doctest/doctest.h>

#include "tests/support/temp_dir.hpp"

#include <rasd/article_reader.hpp>
#include <rasd/error.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

struct Outcome {
    std::vector<rasd::Article> articles;
    std::vector<std::string> problems;
    std::size_t count = 0;
};

Outcome read(const std::string& path, const rasd::ReaderOptions& options = {}) {
    Outcome outcome;
    outcome.count = rasd::read_articles(
        path, [&](rasd::Article&& a) { outcome.articles.push_back(std::move(a)); },
        [&](const rasd::ReadProblem& p) { outcome.problems.push_back(p.message()); }, options);
    return outcome;
}

void write(const std::string& path, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path, std::ios::binary) << text;
}

const std::string kTrec =
    "<DOC>\n<DOCNO>JA-1</DOCNO>\n<URL>http://x/1</URL> \n<SRC>Jawhara FM</SRC>\n<CAT>sport</CAT>\n"
    "<TITLE>الترجي يفوز</TITLE>\n<TIME>2017-01-20T21:43:00+01:00</TIME>\n<ABSTRACT>\n\n</ABSTRACT>\n"
    "<TEXT>\nفاز الترجي 2 < 3 على النجم.\n</TEXT>\n</DOC>\n";

}  // namespace

TEST_SUITE("article_sources") {

TEST_CASE("TREC SGML records with stray spaces and unescaped text") {
    rasd::test::TempDir dir;
    write(dir.path("a.trec"), kTrec + kTrec);
    const Outcome o = read(dir.path("a.trec"));
    CHECK(o.problems.empty());
    REQUIRE(o.articles.size() == 2);
    const rasd::Article& a = o.articles[0];
    CHECK(a.id == "JA-1");
    CHECK(a.url == "http://x/1");
    CHECK(a.source == "Jawhara FM");
    CHECK(a.topic == "sport");
    CHECK(a.title == "الترجي يفوز");
    CHECK(a.date == "2017-01-20T21:43:00+01:00");
    CHECK(a.abstract.empty());
    CHECK(a.body == "فاز الترجي 2 < 3 على النجم.");
    CHECK(a.origin == dir.path("a.trec") + ":1");
}

TEST_CASE("broken TREC records are skipped with the line of their <DOC>") {
    rasd::test::TempDir dir;
    write(dir.path("b.sgml"),
          "<DOC>\n<DOCNO>1</DOCNO>\n<TEXT>no end\n</DOC>\n"   // lines 1-4: <TEXT> not closed
          "<DOC>\n<DOCNO>2</DOCNO>\n"                          // lines 5-6: no </DOC>
          "<DOC>\n<DOCNO>3</DOCNO><TEXT>ok</TEXT>\n</DOC>\n"   // lines 7-9: fine
          "<DOC>\n<DOCNO>4</DOCNO>\n");                        // lines 10-11: cut off
    const Outcome o = read(dir.path("b.sgml"));
    REQUIRE(o.articles.size() == 1);
    CHECK(o.articles[0].id == "3");
    const std::string f = dir.path("b.sgml");
    CHECK(o.problems == std::vector<std::string>{
                            f + ":1: <TEXT> is not closed (record skipped)",
                            f + ":5: <DOC> not closed before the next <DOC> at line 7 (record skipped)",
                            f + ":10: <DOC> not closed before the end of the file (record skipped)",
                        });
}

TEST_CASE("a .json file holding one array of objects") {
    rasd::test::TempDir dir;
    write(dir.path("a.json"), R"([{"id":"1","text":"نص"}, 5, {"id":"3","body":""}])");
    const Outcome o = read(dir.path("a.json"));
    REQUIRE(o.articles.size() == 1);
    CHECK(o.articles[0].body == "نص");
    const std::string f = dir.path("a.json");
    CHECK(o.problems == std::vector<std::string>{f + ": element 2: expected a JSON object, found number",
                                                 f + ": element 3: article '3' has an empty body"});
}

TEST_CASE("a text file with YAML front matter") {
    rasd::test::TempDir dir;
    write(dir.path("news/a.md"),
          "---\nid: md-1\ntitle: \"عنوان الخبر\"\ndate: 2020-03-05\nplace: الإسكندرية\n---\n\nالإسكندرية - نص الخبر.\n");
    const Outcome o = read(dir.path("news/a.md"));
    CHECK(o.problems.empty());
    REQUIRE(o.articles.size() == 1);
    CHECK(o.articles[0].id == "md-1");
    CHECK(o.articles[0].title == "عنوان الخبر");
    CHECK(o.articles[0].date == "2020-03-05");
    CHECK(o.articles[0].place == "الإسكندرية");
    CHECK(o.articles[0].body == "الإسكندرية - نص الخبر.");
}

TEST_CASE("a text file with key: value lines, or none, and a Markdown heading as title") {
    rasd::test::TempDir dir;
    write(dir.path("kv.txt"), "title: خبر\nsource: الرصد\n\nنص الخبر: تفاصيل.\n");
    write(dir.path("plain.md"), "# عنوان من السطر الأول\n\nالنص: هنا.\n");
    Outcome o = read(dir.path("kv.txt"));
    REQUIRE(o.articles.size() == 1);
    CHECK(o.articles[0].title == "خبر");
    CHECK(o.articles[0].source == "الرصد");
    CHECK(o.articles[0].body == "نص الخبر: تفاصيل.");
    CHECK(o.articles[0].id == "file:kv.txt");
    o = read(dir.path("plain.md"));
    REQUIRE(o.articles.size() == 1);
    CHECK(o.articles[0].title == "عنوان من السطر الأول");
    CHECK(o.articles[0].body == "النص: هنا.");
}

TEST_CASE("unclosed front matter is reported") {
    rasd::test::TempDir dir;
    write(dir.path("bad.md"), "---\nid: x\nنص\n");
    const Outcome o = read(dir.path("bad.md"));
    CHECK(o.articles.empty());
    CHECK(o.problems == std::vector<std::string>{dir.path("bad.md") + ":3: front matter line is not 'key: value': 'نص'"});
}

TEST_CASE("folders are walked recursively in name order, hidden, unknown and README files are passed over") {
    rasd::test::TempDir dir;
    write(dir.path("root/b/2.md"), "نص ٢");
    write(dir.path("root/a.jsonl"), "{\"id\":\"j1\",\"body\":\"نص\"}\n");
    write(dir.path("root/b/1.txt"), "نص ١");
    write(dir.path("root/.git/x.md"), "سر");
    write(dir.path("root/notes.pdf"), "%PDF");
    write(dir.path("root/README.md"), "# This dump\n\nWhat it holds.");
    const Outcome o = read(dir.path("root"));
    CHECK(o.problems.empty());
    std::vector<std::string> ids;
    for (const auto& a : o.articles) ids.push_back(a.id);
    CHECK(ids == std::vector<std::string>{"j1", "file:b/1.txt", "file:b/2.md"});
    CHECK(o.count == 3);
}

TEST_CASE("a missing file or an unknown format named directly is a problem") {
    rasd::test::TempDir dir;
    CHECK(read(dir.path("none.jsonl")).problems ==
          std::vector<std::string>{dir.path("none.jsonl") + ": cannot open file: No such file or directory"});
    write(dir.path("x.pdf"), "%PDF");
    const Outcome o = read(dir.path("x.pdf"));
    REQUIRE(o.problems.size() == 1);
    CHECK(o.problems[0].rfind(dir.path("x.pdf") + ": unsupported input format", 0) == 0);
    CHECK(rasd::is_supported_input_name("a.trec.xz"));
    CHECK_FALSE(rasd::is_supported_input_name("a.pdf"));
}

TEST_CASE("--field overrides the default mapping, text fields join, others take the first") {
    rasd::test::TempDir dir;
    write(dir.path("a.jsonl"), R"({"story":"النص","lede":"المقدمة","when":"2019-01-02","id":"1","headline":"h"})" "\n");
    rasd::ReaderOptions options;
    options.fields.set("body=lede,story");
    options.fields.set("date=when");
    options.fields.set("TITLE=missing");
    const Outcome o = read(dir.path("a.jsonl"), options);
    REQUIRE(o.articles.size() == 1);
    CHECK(o.articles[0].body == "المقدمة\n\nالنص");
    CHECK(o.articles[0].date == "2019-01-02");
    CHECK(o.articles[0].title.empty());
}

TEST_CASE("a bad --field names the problem and the valid fields") {
    rasd::FieldMap map;
    CHECK_THROWS_WITH_AS(map.set("headline=title"),
                         "unknown article field 'headline' in --field 'headline=title' (valid: id, title, body, "
                         "abstract, date, place, topic, source, url, author)",
                         rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS(map.set("body"), "bad --field 'body' (expected FIELD=NAME[,NAME...])", rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS(map.set("body=a,,b"), "empty source name in --field 'body=a,,b'", rasd::InvalidArgument);
}

}  // TEST_SUITE

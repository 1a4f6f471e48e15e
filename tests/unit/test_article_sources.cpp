// Every input format read_articles() knows, folders, and field mapping; files that are not
// dumps (binary, UTF-16, another encoding) refused whole with one line; invalid UTF-8 repaired
// in every format.

#include <doctest/doctest.h>

#include "ingest/input_sniffing.hpp"
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
    std::vector<rasd::ProblemKind> kinds;
    std::size_t count = 0;
};

Outcome read(const std::string& path, const rasd::ReaderOptions& options = {}) {
    Outcome outcome;
    outcome.count = rasd::read_articles(
        path, [&](rasd::Article&& a) { outcome.articles.push_back(std::move(a)); },
        [&](const rasd::ReadProblem& p) {
            outcome.problems.push_back(p.message());
            outcome.kinds.push_back(p.kind);
        },
        options);
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

// The start of an ELF executable, as /bin/ls begins.
const std::string kElfStart("\x7f" "ELF\x02\x01\x01\0\0\0\0\0\0\0\0\0\x03\0>\0\x01\0\0\0", 24);

// Arabic news text in Windows-1256, as old dumps were written: "القاهرة - أعلنت الحكومة اليوم".
std::string windows_1256_text(int repeats) {
    const std::string line = "\xC7\xE1\xDE\xC7\xE5\xD1\xC9 - \xC3\xDA\xE1\xE4\xCA \xC7\xE1\xCD\xDF\xE6\xE3\xC9 \xC7\xE1\xED\xE6\xE3\n";
    std::string text;
    for (int i = 0; i < repeats; ++i) text += line;
    return text;
}

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
    // The reason says what is wrong; rasd-index adds "(skipped)" once.
    CHECK(o.problems == std::vector<std::string>{
                            f + ":1: <TEXT> is not closed",
                            f + ":5: <DOC> not closed before the next <DOC> at line 7",
                            f + ":10: <DOC> not closed before the end of the file",
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

TEST_CASE("a binary file is refused with one line, whatever its name: never read as records or indexed as an article") {
    rasd::test::TempDir dir;
    std::string binary = kElfStart;
    for (int i = 0; i < 3000; ++i) binary += static_cast<char>((i * 131 + 7) % 256);
    for (const char* name : {"ls.jsonl", "g.txt", "g.md", "x.trec", "x.json"}) {
        CAPTURE(name);
        write(dir.path(name), binary);
        const Outcome o = read(dir.path(name));
        CHECK(o.articles.empty());
        CHECK(o.problems == std::vector<std::string>{dir.path(name) + ": binary data, not a dump"});
        CHECK(o.kinds == std::vector<rasd::ProblemKind>{rasd::ProblemKind::UnreadableInput});
    }
}

TEST_CASE("a binary file in a folder is passed over with its line, and the rest of the folder is read") {
    rasd::test::TempDir dir;
    write(dir.path("root/a.txt"), "نص الخبر");
    write(dir.path("root/b.txt"), kElfStart + "more");
    write(dir.path("root/c.txt"), "نص آخر");
    const Outcome o = read(dir.path("root"));
    REQUIRE(o.articles.size() == 2);
    CHECK(o.articles[0].id == "file:a.txt");
    CHECK(o.articles[1].id == "file:c.txt");
    CHECK(o.problems == std::vector<std::string>{dir.path("root/b.txt") + ": binary data, not a dump"});
}

TEST_CASE("UTF-16 and Windows-1256 text are refused with a line saying how to convert them") {
    rasd::test::TempDir dir;
    write(dir.path("u16.jsonl"), std::string("\xFF\xFE{\0\"\0i\0d\0\"\0", 12));
    write(dir.path("cp1256.txt"), windows_1256_text(5));
    CHECK(read(dir.path("u16.jsonl")).problems ==
          std::vector<std::string>{dir.path("u16.jsonl") + ": UTF-16 text, not UTF-8 (convert it first, e.g. iconv -f UTF-16 -t UTF-8)"});
    const Outcome o = read(dir.path("cp1256.txt"));
    CHECK(o.articles.empty());
    CHECK(o.problems == std::vector<std::string>{dir.path("cp1256.txt") + ": not UTF-8 text (convert it first, e.g. "
                                                 "iconv -f CP1256 -t UTF-8 for Windows Arabic)"});
}

TEST_CASE("why_not_a_dump: where text ends and binary data begins") {
    using rasd::detail::why_not_a_dump;
    CHECK_FALSE(why_not_a_dump(""));
    CHECK_FALSE(why_not_a_dump("{\"id\":\"1\",\"body\":\"نص\"}\r\n\t\f\v"));
    CHECK(why_not_a_dump(std::string("a\0b", 3)) == "binary data, not a dump");
    // Control characters: 1 in 32 bytes is text with some noise; more is binary.
    const std::string text(31, 'x');
    CHECK_FALSE(why_not_a_dump(text + "\x1b"));
    CHECK(why_not_a_dump(text + "\x1b\x1b") == "binary data, not a dump");
    // Malformed UTF-8: a few bad bytes in UTF-8 text are repaired later, not refused here.
    std::string damaged;
    for (int i = 0; i < 40; ++i) damaged += "القاهرة \xff ";
    CHECK_FALSE(why_not_a_dump(damaged));  // 40 of 320 non-ASCII characters malformed
    CHECK_FALSE(why_not_a_dump(std::string(15, '\xE9')));  // under 16 malformed
    CHECK(why_not_a_dump(windows_1256_text(2)).has_value());
    CHECK(why_not_a_dump(std::string(16, '\xE9')).has_value());
}

TEST_CASE("a .json array with invalid UTF-8 keeps every article, each warned about its own field") {
    rasd::test::TempDir dir;
    write(dir.path("a.json"), "[{\"id\":\"1\",\"body\":\"نص\"},\n {\"id\":\"2\",\"title\":\"\xff\",\"body\":\"نص\"},\n"
                              " {\"id\":\"3\",\"body\":[\"\xfe\"]}]");
    const Outcome o = read(dir.path("a.json"));
    CHECK(o.problems.empty());
    REQUIRE(o.articles.size() == 3);
    CHECK(o.articles[0].warnings.empty());
    CHECK(o.articles[1].title == "\xEF\xBF\xBD");
    CHECK(o.articles[1].warnings == std::vector<std::string>{"field 'title': invalid UTF-8 repaired (U+FFFD)"});
    CHECK(o.articles[2].body == "\xEF\xBF\xBD");
    CHECK(o.articles[2].warnings ==
          std::vector<std::string>{"field 'body' is an array of strings, joined with line breaks (said once per file)",
                                   "field 'body': invalid UTF-8 repaired (U+FFFD)"});
}

TEST_CASE("a .json array of things that are not articles is given up after 20 in a row") {
    rasd::test::TempDir dir;
    std::string array = "[";
    for (int i = 0; i < 100; ++i) array += std::to_string(i) + ",";
    write(dir.path("n.json"), array + "{\"id\":\"late\",\"body\":\"نص\"}]");
    const Outcome o = read(dir.path("n.json"));
    CHECK(o.articles.empty());
    REQUIRE(o.problems.size() == 21);
    CHECK(o.problems[20] == dir.path("n.json") + ": element 20: 20 malformed records in a row; the rest of the file is not read");
}

TEST_CASE("invalid UTF-8 in a TREC record or a text file is repaired, with a warning naming the field") {
    rasd::test::TempDir dir;
    write(dir.path("a.trec"), "<DOC>\n<DOCNO>T-1</DOCNO>\n<HEADLINE>عنوان \xff</HEADLINE>\n<TEXT>نص</TEXT>\n</DOC>\n");
    write(dir.path("b.md"), "---\ntitle: عنوان\n---\nنص \xfe\n");
    Outcome o = read(dir.path("a.trec"));
    CHECK(o.problems.empty());
    REQUIRE(o.articles.size() == 1);
    CHECK(o.articles[0].title == "عنوان \xEF\xBF\xBD");
    CHECK(o.articles[0].warnings == std::vector<std::string>{"field 'headline': invalid UTF-8 repaired (U+FFFD)"});
    o = read(dir.path("b.md"));
    REQUIRE(o.articles.size() == 1);
    CHECK(o.articles[0].body == "نص \xEF\xBF\xBD");
    CHECK(o.articles[0].warnings == std::vector<std::string>{"field 'body': invalid UTF-8 repaired (U+FFFD)"});
}

TEST_CASE("a TREC file of broken records is given up after 20 in a row") {
    rasd::test::TempDir dir;
    std::string text;
    for (int i = 0; i < 50; ++i) text += "</DOC>\n";
    write(dir.path("b.trec"), text + "<DOC>\n<DOCNO>late</DOCNO><TEXT>نص</TEXT>\n</DOC>\n");
    const Outcome o = read(dir.path("b.trec"));
    CHECK(o.articles.empty());
    REQUIRE(o.problems.size() == 21);
    CHECK(o.problems[19] == dir.path("b.trec") + ":20: </DOC> without an open <DOC>");
    CHECK(o.problems[20] == dir.path("b.trec") + ":20: 20 malformed records in a row; the rest of the file is not read");
}

}  // TEST_SUITE

// Limits on what one input record may cost: JSON lines, TREC <DOC> records and text files over
// 8 MiB are skipped without being held whole, and the bad values or parser messages quoted in
// problems are cut to 200 bytes at a character boundary.

#include <doctest/doctest.h>

#include "ingest/bounded_input.hpp"
#include "ingest/record_support.hpp"

#include <rasd/article_reader.hpp>

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace {

using rasd::detail::kMaxRecordBytes;

struct Outcome {
    std::vector<std::string> ids;
    std::vector<std::string> problems;
};

template <typename Read>
Outcome read_with(Read&& read) {
    Outcome outcome;
    read([&](rasd::Article&& a) { outcome.ids.push_back(a.id); },
         [&](const rasd::ReadProblem& p) {
             CHECK(p.kind == rasd::ProblemKind::MalformedRecord);
             outcome.problems.push_back(p.message());
         });
    return outcome;
}

Outcome read_json_lines(const std::string& text) {
    return read_with([&](const rasd::ArticleSink& on_article, const rasd::ProblemSink& on_problem) {
        std::istringstream input(text);
        rasd::read_json_lines(input, "dump.jsonl", on_article, on_problem);
    });
}

Outcome read_trec(const std::string& text) {
    return read_with([&](const rasd::ArticleSink& on_article, const rasd::ProblemSink& on_problem) {
        std::istringstream input(text);
        rasd::detail::read_trec(input, "dump.trec", on_article, on_problem, {});
    });
}

Outcome read_text(const std::string& text) {
    return read_with([&](const rasd::ArticleSink& on_article, const rasd::ProblemSink& on_problem) {
        std::istringstream input(text);
        rasd::detail::read_text_file(input, "a.md", "file:a.md", on_article, on_problem, {});
    });
}

// A JSON line of exactly `bytes` bytes (without its '\n').
std::string json_line_of(const std::string& id, std::size_t bytes) {
    const std::string start = "{\"id\":\"" + id + "\",\"body\":\"";
    const std::string end = "\"}";
    return start + std::string(bytes - start.size() - end.size(), 'x') + end;
}

// Every line std::getline gives, and what BoundedLineReader gives with a limit of `max`.
std::vector<std::string> getline_lines(const std::string& text) {
    std::istringstream input(text);
    std::vector<std::string> lines;
    for (std::string line; std::getline(input, line);) lines.push_back(line);
    return lines;
}

std::vector<std::string> bounded_lines(const std::string& text, std::size_t max) {
    std::istringstream input(text);
    rasd::detail::BoundedLineReader reader(input, max);
    std::vector<std::string> lines;
    std::string line;
    for (rasd::detail::LineStatus status; (status = reader.next(line)) != rasd::detail::LineStatus::End;) {
        lines.push_back(status == rasd::detail::LineStatus::TooLong ? "<too long>" : line);
    }
    return lines;
}

}  // namespace

TEST_SUITE("record_limits") {

TEST_CASE("BoundedLineReader reads lines exactly as std::getline, across chunk boundaries") {
    const std::size_t chunk = rasd::detail::kInputChunkBytes;
    for (const std::size_t length : {std::size_t{0}, std::size_t{1}, chunk - 2, chunk - 1, chunk, chunk + 1, 2 * chunk - 1,
                                     2 * chunk, 3 * chunk + 5}) {
        for (const char* tail : {"", "\n", "\r\n", "\nlast", "\n\n"}) {
            const std::string text = "first\n" + std::string(length, 'a') + tail;
            CAPTURE(length);
            CAPTURE(tail);
            CHECK(bounded_lines(text, 4 * chunk) == getline_lines(text));
        }
    }
    CHECK(bounded_lines("", 10).empty());
    CHECK(bounded_lines("\n", 10) == std::vector<std::string>{""});
}

TEST_CASE("BoundedLineReader drops a line longer than its limit and goes on") {
    const std::size_t chunk = rasd::detail::kInputChunkBytes;
    CHECK(bounded_lines("12345\n123456\nok", 5) == std::vector<std::string>{"12345", "<too long>", "ok"});
    CHECK(bounded_lines("123456", 5) == std::vector<std::string>{"<too long>"});
    const std::string huge(3 * chunk, 'h');
    CHECK(bounded_lines("a\n" + huge + "\nb\n", chunk + 1) == std::vector<std::string>{"a", "<too long>", "b"});
    CHECK(bounded_lines(huge + "\n", 3 * chunk) == std::vector<std::string>{huge});
}

TEST_CASE("read_at_most reads a whole stream up to the limit, and nothing beyond it") {
    std::string text;
    std::istringstream small("abc");
    CHECK(rasd::detail::read_at_most(small, 3, text));
    CHECK(text == "abc");
    std::istringstream exact(std::string(100000, 'e'));
    CHECK(rasd::detail::read_at_most(exact, 100000, text));
    CHECK(text == std::string(100000, 'e'));
    std::istringstream big(std::string(1000000, 'b'));
    CHECK_FALSE(rasd::detail::read_at_most(big, 100000, text));
    CHECK(text.empty());
    CHECK(big.tellg() == 100001);  // one byte past the limit, and no further
}

TEST_CASE("a JSON line over 8 MiB is a malformed record, and the lines around it are read") {
    CHECK(kMaxRecordBytes == 8 * 1024 * 1024);
    const Outcome at_limit = read_json_lines(json_line_of("fits", kMaxRecordBytes) + "\n");
    CHECK(at_limit.problems.empty());
    CHECK(at_limit.ids == std::vector<std::string>{"fits"});

    const Outcome over = read_json_lines("{\"id\":\"1\",\"body\":\"a\"}\n" + json_line_of("big", kMaxRecordBytes + 1) +
                                         "\n{\"id\":\"3\",\"body\":\"c\"}\n");
    CHECK(over.ids == std::vector<std::string>{"1", "3"});
    CHECK(over.problems == std::vector<std::string>{"dump.jsonl:2: record longer than 8 MiB"});
}

TEST_CASE("an element of a JSON array whose values pass 8 MiB is a malformed record") {
    const Outcome o = read_with([&](const rasd::ArticleSink& on_article, const rasd::ProblemSink& on_problem) {
        std::istringstream input("[{\"id\":\"ok\",\"body\":\"" + std::string(kMaxRecordBytes - 2, 'x') +
                                 "\"},\n{\"id\":\"big\",\"body\":\"" + std::string(kMaxRecordBytes - 2, 'x') + "\"}]");
        rasd::detail::read_json_array(input, "dump.json", on_article, on_problem, {});
    });
    CHECK(o.ids == std::vector<std::string>{"ok"});
    CHECK(o.problems == std::vector<std::string>{"dump.json: element 2: record longer than 8 MiB"});
}

TEST_CASE("a TREC record over 8 MiB is a malformed record named by the line of its <DOC>") {
    const std::string line(1000, 'x');
    std::string text = "<DOC>\n<DOCNO>ok-1</DOCNO><TEXT>a</TEXT>\n</DOC>\n<DOC>\n<DOCNO>big</DOCNO>\n<TEXT>\n";
    for (std::size_t size = 0; size <= kMaxRecordBytes; size += line.size() + 1) text += line + "\n";
    text += "</TEXT>\n</DOC>\n<DOC>\n<DOCNO>ok-2</DOCNO><TEXT>b</TEXT>\n</DOC>\n";
    const Outcome o = read_trec(text);
    CHECK(o.ids == std::vector<std::string>{"ok-1", "ok-2"});
    CHECK(o.problems == std::vector<std::string>{"dump.trec:4: record longer than 8 MiB"});

    // One line over 8 MiB outside any record may hold a whole record: it is reported too.
    const Outcome one_line = read_trec("\n" + std::string(kMaxRecordBytes + 1, 'y') + "\n<DOC>\n<TEXT>c</TEXT>\n<DOCNO>ok-3</DOCNO>\n</DOC>\n");
    CHECK(one_line.ids == std::vector<std::string>{"ok-3"});
    CHECK(one_line.problems == std::vector<std::string>{"dump.trec:2: record longer than 8 MiB"});
}

TEST_CASE("a text file over 8 MiB is a malformed record") {
    const std::string header = "title: t\n\n";
    const Outcome at_limit = read_text(header + std::string(kMaxRecordBytes - header.size(), 'z'));
    CHECK(at_limit.problems.empty());
    CHECK(at_limit.ids == std::vector<std::string>{"file:a.md"});
    const Outcome over = read_text(header + std::string(kMaxRecordBytes - header.size() + 1, 'z'));
    CHECK(over.ids.empty());
    CHECK(over.problems == std::vector<std::string>{"a.md: record longer than 8 MiB"});
}

TEST_CASE("quotable() keeps 200 bytes at most, cut at a character boundary") {
    using rasd::detail::quotable;
    CHECK(rasd::detail::kMaxQuotedBytes == 200);
    CHECK(quotable(std::string(200, 'x')) == std::string(200, 'x'));
    CHECK(quotable(std::string(201, 'x')) == std::string(197, 'x') + "...");
    std::string arabic;
    for (int i = 0; i < 100; ++i) arabic += "ب";  // 200 bytes
    CHECK(quotable(arabic) == arabic);
    // 197 bytes would end inside a letter: 98 letters (196 bytes) are kept.
    CHECK(quotable(arabic + "ب") == arabic.substr(0, 196) + "...");
    CHECK(quotable("") == "");
}

TEST_CASE("quotable() writes control characters and bytes that are not UTF-8 as escapes, within the 200 bytes") {
    using rasd::detail::quotable;
    CHECK(quotable("\x1b[2J\xff") == "\\x1b[2J\\xff");
    // 60 ESCs are 240 bytes escaped: cut between escapes, never inside one.
    const std::string escaped = quotable(std::string(60, '\x1b'));
    CHECK(escaped.size() <= rasd::detail::kMaxQuotedBytes);
    CHECK(escaped == [] {
        std::string kept;
        for (int i = 0; i < 49; ++i) kept += "\\x1b";  // 196 bytes, and "..." makes 199
        return kept + "...";
    }());
}

TEST_CASE("a parser's message quoted in a problem is cut to 200 bytes") {
    // nlohmann quotes the bad token, here a 3,000-byte string with a bad escape.
    const std::string line = "{\"id\":\"1\",\"body\":\"" + std::string(3000, 'q') + "\\q\"}";
    std::string parser_message;
    try {
        const nlohmann::json parsed = nlohmann::json::parse(line);
        FAIL("the line parsed: " << parsed.dump().size() << " bytes");
    } catch (const nlohmann::json::exception& e) {
        parser_message = e.what();
    }
    REQUIRE(parser_message.size() > 3000);
    const Outcome o = read_json_lines(line + "\n");
    REQUIRE(o.problems.size() == 1);
    CHECK(o.problems[0] == "dump.jsonl:1: malformed JSON: " + parser_message.substr(0, 197) + "...");
}

TEST_CASE("a bad header line or an unclosed tag quoted in a problem is cut to 200 bytes") {
    const Outcome header = read_text("---\nid: x\n" + std::string(5000, 'y') + "\n---\nنص\n");
    CHECK(header.problems == std::vector<std::string>{"a.md:3: front matter line is not 'key: value': '" +
                                                      std::string(197, 'y') + "...'"});
    const Outcome tag = read_trec("<DOC>\n<" + std::string(5000, 'T') + ">never closed\n</DOC>\n");
    CHECK(tag.problems == std::vector<std::string>{"dump.trec:1: <" + std::string(197, 'T') +
                                                   "...> is not closed"});
}

}  // TEST_SUITE

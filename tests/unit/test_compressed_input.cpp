// Dumps read in place from .gz, .xz and .zst, and damage in them reported, not fatal.

#include <doctest/doctest.h>

#include "tests/support/temp_dir.hpp"

#include <rasd/article_reader.hpp>
#include <rasd/error.hpp>

#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filter/lzma.hpp>
#include <boost/iostreams/filter/zstd.hpp>
#include <boost/iostreams/filtering_stream.hpp>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace io = boost::iostreams;

const std::string kDump = "{\"id\":\"a\",\"body\":\"القاهرة\"}\n{\"id\":\"b\",\"body\":\"بيروت\"}\n";

template <typename Compressor>
std::string compress(const std::string& text, Compressor compressor) {
    std::ostringstream out;
    {
        io::filtering_ostream stream;
        stream.push(compressor);
        stream.push(out);
        stream << text;
    }
    return out.str();
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

struct ReadOutcome {
    std::vector<std::string> ids;
    std::vector<std::string> problems;
};

ReadOutcome read_file(const std::string& path) {
    ReadOutcome outcome;
    auto input = rasd::open_input_file(path);
    rasd::read_json_lines(
        *input, path, [&](rasd::Article&& a) { outcome.ids.push_back(a.id); },
        [&](const rasd::ReadProblem& p) { outcome.problems.push_back(p.message()); });
    return outcome;
}

}  // namespace

TEST_SUITE("compressed_input") {

TEST_CASE("gzip, xz and zstd dumps read like the plain file") {
    rasd::test::TempDir dir;
    write_file(dir.path("d.jsonl"), kDump);
    write_file(dir.path("d.jsonl.gz"), compress(kDump, io::gzip_compressor()));
    write_file(dir.path("d.jsonl.xz"), compress(kDump, io::lzma_compressor()));
    write_file(dir.path("d.jsonl.zst"), compress(kDump, io::zstd_compressor()));
    for (const char* name : {"d.jsonl", "d.jsonl.gz", "d.jsonl.xz", "d.jsonl.zst"}) {
        CAPTURE(name);
        const ReadOutcome outcome = read_file(dir.path(name));
        CHECK(outcome.ids == std::vector<std::string>{"a", "b"});
        CHECK(outcome.problems.empty());
    }
}

TEST_CASE("a corrupt compressed stream is reported with the file and line, not fatal") {
    rasd::test::TempDir dir;
    std::string big;
    for (int i = 0; i < 2000; ++i) big += "{\"id\":\"" + std::to_string(i) + "\",\"body\":\"نص الخبر رقم " + std::to_string(i) + "\"}\n";
    std::string bytes = compress(big, io::gzip_compressor());
    bytes.resize(bytes.size() / 2);  // truncated in the middle
    write_file(dir.path("cut.jsonl.gz"), bytes);
    const ReadOutcome outcome = read_file(dir.path("cut.jsonl.gz"));
    CHECK(outcome.ids.size() < 2000);
    REQUIRE_FALSE(outcome.problems.empty());
    CHECK(outcome.problems.back().find("read error: corrupt or truncated data") != std::string::npos);
    CHECK(outcome.problems.back().rfind(dir.path("cut.jsonl.gz") + ":", 0) == 0);
}

TEST_CASE("a missing file is a DataError naming it") {
    CHECK_THROWS_WITH_AS((void)rasd::open_input_file("/nonexistent/x.jsonl.xz"),
                         "/nonexistent/x.jsonl.xz: cannot open file: No such file or directory",
                         rasd::DataError);
}

TEST_CASE("compression extensions are stripped to find the inner format") {
    CHECK(rasd::strip_compression_extension("a.jsonl.xz") == "a.jsonl");
    CHECK(rasd::strip_compression_extension("a.jsonl.zst") == "a.jsonl");
    CHECK(rasd::strip_compression_extension("a.jsonl") == "a.jsonl");
}

}  // TEST_SUITE

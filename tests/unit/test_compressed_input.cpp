// Dumps read in place from .gz, .xz and .zst, and damage in them reported, not fatal: a cut
// .zst as well as a cut .gz or .xz, though Boost's zstd decompressor ends quietly at a cut.

#include <doctest/doctest.h>

#include "ingest/zstd_frames.hpp"
#include "tests/support/temp_dir.hpp"

#include <rasd/article_reader.hpp>
#include <rasd/error.hpp>

#include <boost/iostreams/filter/gzip.hpp>
#include <boost/iostreams/filter/lzma.hpp>
#include <boost/iostreams/filter/zstd.hpp>
#include <boost/iostreams/filtering_stream.hpp>

#include <array>
#include <cstdint>
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

// `lines` JSON lines of articles "0", "1", ... with bodies of varied words, so that they
// compress to many blocks: about 150 bytes each before compression, 40 after.
std::string numbered_dump(int lines) {
    constexpr std::array<std::string_view, 8> kWords = {"القاهرة", "بيروت", "الخبر", "الحكومة",
                                                        "أعلنت", "اليوم", "مصر", "الرئيس"};
    std::uint32_t state = 12345;
    std::string dump;
    for (int i = 0; i < lines; ++i) {
        std::string body;
        for (int w = 0; w < 8; ++w) {
            state = state * 1103515245U + 12345U;
            body += std::string(kWords[(state >> 16U) % kWords.size()]) + std::to_string((state >> 8U) % 1000) + " ";
        }
        dump += "{\"id\":\"" + std::to_string(i) + "\",\"body\":\"" + body + "\"}\n";
    }
    return dump;
}

// The ids "0" .. "n-1".
std::vector<std::string> first_ids(std::size_t n) {
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < n; ++i) ids.push_back(std::to_string(i));
    return ids;
}

ReadOutcome read_file(const std::string& path) {
    ReadOutcome outcome;
    auto input = rasd::open_input_file(path);
    rasd::read_json_lines(
        *input, path, [&](rasd::Article&& a) { outcome.ids.push_back(a.id); },
        [&](const rasd::ReadProblem& p) { outcome.problems.push_back(p.message()); });
    return outcome;
}

// The same through read_articles(), which looks at the start of the file first.
ReadOutcome read_path(const std::string& path) {
    ReadOutcome outcome;
    rasd::read_articles(
        path, [&](rasd::Article&& a) { outcome.ids.push_back(a.id); },
        [&](const rasd::ReadProblem& p) { outcome.problems.push_back(p.message()); });
    return outcome;
}

// A zstd skippable frame (RFC 8878 3.1.2) holding `data`.
std::string skippable_frame(const std::string& data) {
    std::string frame = "\x50\x2A\x4D\x18";
    for (int shift = 0; shift < 32; shift += 8) frame.push_back(static_cast<char>((data.size() >> shift) & 0xFFU));
    return frame + data;
}

bool scanner_ends_whole(const std::string& bytes, std::size_t piece) {
    rasd::detail::ZstdFrameScanner scanner;
    for (std::size_t at = 0; at < bytes.size(); at += piece) scanner.feed(std::string_view(bytes).substr(at, piece));
    return scanner.at_end_of_frame();
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

TEST_CASE("a .zst cut inside its first block: nothing read, and the cut reported, not a quiet end") {
    rasd::test::TempDir dir;
    const std::string whole = compress(numbered_dump(3000), io::zstd_compressor());
    REQUIRE(whole.size() > 20000);
    const std::string path = dir.path("cut.jsonl.zst");
    write_file(path, whole.substr(0, 1000));
    const std::vector<std::string> expected{path + ":1: read error: corrupt or truncated data; the rest of the file cannot be read"};
    for (const ReadOutcome& outcome : {read_file(path), read_path(path)}) {
        CHECK(outcome.ids.empty());
        CHECK(outcome.problems == expected);
    }
}

TEST_CASE("a .zst cut after some blocks: the articles before the cut are kept, the cut line is not malformed JSON") {
    rasd::test::TempDir dir;
    const std::string whole = compress(numbered_dump(3000), io::zstd_compressor());
    const std::string path = dir.path("cut.jsonl.zst");
    for (const std::size_t cut : {whole.size() / 2, whole.size() * 9 / 10, whole.size() - 1}) {
        CAPTURE(cut);
        write_file(path, whole.substr(0, cut));
        for (const ReadOutcome& outcome : {read_file(path), read_path(path)}) {
            REQUIRE(!outcome.ids.empty());
            // Cut in the frame's end, every article may have been decoded: the cut is still said.
            CHECK(outcome.ids.size() <= 3000);
            if (cut <= whole.size() * 9 / 10) CHECK(outcome.ids.size() < 3000);
            CHECK(outcome.ids == first_ids(outcome.ids.size()));  // every article before the cut, in order
            // One problem: the cut, on the line it broke.
            CHECK(outcome.problems == std::vector<std::string>{path + ":" + std::to_string(outcome.ids.size() + 1) +
                                                               ": read error: corrupt or truncated data; the rest of "
                                                               "the file cannot be read"});
        }
    }
}

TEST_CASE("gzip, xz and zstd cut anywhere: never a malformed line, always the read error last") {
    rasd::test::TempDir dir;
    const std::string dump = numbered_dump(3000);
    const std::vector<std::pair<std::string, std::string>> files = {
        {"c.jsonl.gz", compress(dump, io::gzip_compressor())},
        {"c.jsonl.xz", compress(dump, io::lzma_compressor())},
        {"c.jsonl.zst", compress(dump, io::zstd_compressor())},
    };
    for (const auto& [name, whole] : files) {
        for (const std::size_t cut : {std::size_t{0}, std::size_t{5}, whole.size() / 3, whole.size() * 2 / 3}) {
            CAPTURE(name);
            CAPTURE(cut);
            write_file(dir.path(name), whole.substr(0, cut));
            const ReadOutcome outcome = read_file(dir.path(name));
            CHECK(outcome.ids == first_ids(outcome.ids.size()));
            REQUIRE(outcome.problems.size() == 1);
            CHECK(outcome.problems[0].find(": read error: corrupt or truncated data;") != std::string::npos);
        }
    }
}

TEST_CASE("a .zst of several frames, with a skippable frame, reads whole") {
    rasd::test::TempDir dir;
    const std::string first = "{\"id\":\"a\",\"body\":\"القاهرة\"}\n";
    const std::string second = "{\"id\":\"b\",\"body\":\"بيروت\"}\n";
    write_file(dir.path("f.jsonl.zst"), compress(first, io::zstd_compressor()) + skippable_frame("meta") +
                                            compress(second, io::zstd_compressor()));
    const ReadOutcome outcome = read_path(dir.path("f.jsonl.zst"));
    CHECK(outcome.ids == std::vector<std::string>{"a", "b"});
    CHECK(outcome.problems.empty());
}

TEST_CASE("ZstdFrameScanner: whole frames end a file, any cut inside one does not") {
    using namespace std::string_literals;
    const std::string one_block = compress(kDump, io::zstd_compressor());
    const std::string many_blocks = compress(numbered_dump(2000), io::zstd_compressor());
    // What the zstd program writes for "abc\n": a single-segment frame with its content size and
    // a checksum after the last block; from a pipe, a window descriptor and a checksum; without
    // the checksum.
    const std::string from_file = "\x28\xB5\x2F\xFD\x24\x04\x21\x00\x00" "abc\n" "\x2D\x6E\x4C\x82"s;
    const std::string from_pipe = "\x28\xB5\x2F\xFD\x04\x58\x21\x00\x00" "abc\n" "\x2D\x6E\x4C\x82"s;
    const std::string no_checksum = "\x28\xB5\x2F\xFD\x00\x58\x21\x00\x00" "abc\n"s;
    const std::string skippable = skippable_frame("some metadata");
    for (const std::string& whole : {one_block, many_blocks, from_file, from_pipe, no_checksum, skippable}) {
        CAPTURE(whole.size());
        for (const std::size_t piece : {std::size_t{1}, std::size_t{7}, std::size_t{4096}, whole.size()}) {
            CHECK(scanner_ends_whole(whole, piece));
        }
        const std::size_t step = std::max<std::size_t>(1, whole.size() / 300);
        for (std::size_t cut = 0; cut < whole.size(); cut += step) {
            CAPTURE(cut);
            CHECK_FALSE(scanner_ends_whole(whole.substr(0, cut), 5));
        }
    }
    // Several frames: a file may end after any of them (a cut there cannot be told from a whole
    // file), and nowhere else.
    const std::string frames = one_block + skippable + one_block;
    for (std::size_t cut = 0; cut <= frames.size(); ++cut) {
        CAPTURE(cut);
        const bool frame_end = cut == one_block.size() || cut == one_block.size() + skippable.size() || cut == frames.size();
        CHECK(scanner_ends_whole(frames.substr(0, cut), 3) == frame_end);
    }
    CHECK_FALSE(scanner_ends_whole("", 1));                           // no frame at all
    CHECK_FALSE(scanner_ends_whole("{\"id\":\"a\"}\n", 3));         // not zstd
    CHECK_FALSE(scanner_ends_whole(one_block + "garbage", 64));       // whole frames, then not zstd
}

TEST_CASE("binary data inside a compressed file is refused with one line, as in a plain file") {
    rasd::test::TempDir dir;
    std::string binary("\x7f" "ELF\x02\x01\x01\0\0\0", 10);
    for (int i = 0; i < 5000; ++i) binary += static_cast<char>(i % 256);
    write_file(dir.path("ls.jsonl.gz"), compress(binary, io::gzip_compressor()));
    write_file(dir.path("ls.jsonl.zst"), compress(binary, io::zstd_compressor()));
    for (const char* name : {"ls.jsonl.gz", "ls.jsonl.zst"}) {
        const ReadOutcome outcome = read_path(dir.path(name));
        CHECK(outcome.ids.empty());
        CHECK(outcome.problems == std::vector<std::string>{dir.path(name) + ": binary data, not a dump"});
    }
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

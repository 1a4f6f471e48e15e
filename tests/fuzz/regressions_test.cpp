// The fuzz targets as ordinary tests, without libFuzzer: every seed in tests/fuzz/corpus/NAME/ and
// every reproducer in tests/fuzz/regressions/NAME/ goes through the same body as fuzz_NAME
// (fuzz_bodies.hpp). A failed invariant throws here instead of aborting, so doctest names the
// file; a memory error shows in the ASan+UBSan build of the tests.

#include <doctest/doctest.h>

#include <stdexcept>
#include <string>

#define RASD_FUZZ_FAIL(message) \
    throw std::logic_error(std::string(__FILE__) + ":" + std::to_string(__LINE__) + ": " + (message))
#include "fuzz_bodies.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

#ifndef RASD_FUZZ_DIR
#define RASD_FUZZ_DIR RASD_SOURCE_DIR "/tests/fuzz"
#endif

namespace {

namespace fs = std::filesystem;

using Body = int (*)(const std::uint8_t*, std::size_t);

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// The files of corpus/NAME and regressions/NAME, in name order (either folder may be missing).
std::vector<fs::path> inputs_of(const std::string& name) {
    std::vector<fs::path> files;
    for (const char* folder : {"corpus", "regressions"}) {
        const fs::path dir = fs::path(RASD_FUZZ_DIR) / folder / name;
        if (!fs::is_directory(dir)) continue;
        for (const auto& entry : fs::directory_iterator(dir)) {
            if (entry.is_regular_file()) files.push_back(entry.path());
        }
    }
    std::sort(files.begin(), files.end());
    return files;
}

void run_all(const std::string& name, Body body) {
    const std::vector<fs::path> files = inputs_of(name);
    CHECK_FALSE(files.empty());  // at least the seed corpus
    for (const fs::path& file : files) {
        // One subcase per file, so a crash report (SIGSEGV from a stack overflow...) names it.
        const std::string label = file.parent_path().parent_path().filename().string() + "/" + name + "/" +
                                  file.filename().string();
        SUBCASE(label.c_str()) {
            const std::string bytes = read_bytes(file);
            CHECK_NOTHROW(body(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()));
        }
    }
}

}  // namespace

TEST_SUITE("fuzz_regressions") {

TEST_CASE("fuzz_json_lines inputs") { run_all("json_lines", &rasd::fuzz::json_lines); }
TEST_CASE("fuzz_stored_data inputs") { run_all("stored_data", &rasd::fuzz::stored_data); }
TEST_CASE("fuzz_trec inputs") { run_all("trec", &rasd::fuzz::trec); }
TEST_CASE("fuzz_front_matter inputs") { run_all("front_matter", &rasd::fuzz::front_matter); }
TEST_CASE("fuzz_date_parser inputs") { run_all("date_parser", &rasd::fuzz::date_parser); }
TEST_CASE("fuzz_dateline_place inputs") { run_all("dateline_place", &rasd::fuzz::dateline_place); }
TEST_CASE("fuzz_analyzer inputs") { run_all("analyzer", &rasd::fuzz::analyzer); }
TEST_CASE("fuzz_query inputs") { run_all("query", &rasd::fuzz::query); }
TEST_CASE("fuzz_request_target inputs") { run_all("request_target", &rasd::fuzz::request_target); }
TEST_CASE("fuzz_watch_and_alias_files inputs") {
    run_all("watch_and_alias_files", &rasd::fuzz::watch_and_alias_files);
}

}  // TEST_SUITE

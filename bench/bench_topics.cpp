// bench_topics: accuracy of rasd's topic inference against the section labels of a news dump.
//
// Usage: bench_topics CORPUS.jsonl[.xz|.gz|.zst]
//
//   CORPUS   JSON-lines articles, e.g. an ANT file (shared/data/ant/*.jsonl.xz); decompressed on
//            the fly by rasd's own reader. A missing file prints SKIP and exits 0.
//
// Each article's section label (`cat`, `topic`, `category` or `section`) goes through
// TopicTaxonomy::resolve() to a gold topic; articles whose label maps to no topic are left out
// of the accuracy (their inferred topics are still listed per label). The topic is inferred
// from the light-analyzer stems of title + text. Printed: accuracy overall and per gold topic,
// coverage (share of articles with a non-null inference), the most frequent confusions, and,
// per source label, where its articles went.
// Exit codes: 0 ok or skipped, 2 usage or input error.

#include "bench/support/topic_accuracy.hpp"

#include <rasd/article_reader.hpp>

#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <istream>
#include <memory>
#include <string>
#include <system_error>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: bench_topics CORPUS.jsonl[.xz|.gz|.zst]\n";
        return 2;
    }
    const std::string path = argv[1];
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        std::printf("SKIP: %s not found\n", path.c_str());
        return 0;
    }
    try {
        const std::unique_ptr<std::istream> input = rasd::open_input_file(path);
        const rasd::bench::topics::TopicAccuracy accuracy = rasd::bench::topics::measure_topic_accuracy(*input, path);
        if (input->bad()) {
            std::cerr << "bench_topics: " << path << ": read error (corrupt or truncated input)\n";
            return 2;
        }
        rasd::bench::topics::print_topic_accuracy(path, accuracy);
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "bench_topics: " << e.what() << "\n";
        return 2;
    }
}

// bench_variants: do two spellings of one name find the same articles, and do different words
// stay apart? Transliteration variants (the analyzer) and cross-script aliases (the search) on
// ANT multisource.
//
// Usage: bench_variants [--reuse] [--pairs FILE] [CORPUS.jsonl.xz [WORKDIR]]
//
//   CORPUS   default: ANT multisource (../shared/data/ant/); a missing file prints SKIP, exit 0.
//   WORKDIR  default /tmp/rasd-bench-variants; the archive is WORKDIR/db, rebuilt unless --reuse.
//   --pairs  the pair list (default bench/variants/pairs.tsv): meet|apart<TAB>WORD<TAB>WORD.
//
// Before: for each word, the articles whose title, abstract or body holds its light stem
// without transliteration variants (make_analyzer(Light, Apart)), no aliases: what a one-word
// query found before either existed. After: every article rasd's query building finds in an
// archive rasd-index builds today (variants in the analyzer, rasd's alias table in the search).
// Checks: at least 20 meet pairs, each found in the text before and with Jaccard >= 0.95 after;
// no apart pair gains more than 0.01 Jaccard; no word loses an article.
// Exit codes: 0 ok or skipped, 1 a check failed, 2 usage or input error.

#include "bench/support/archive_build.hpp"
#include "bench/support/bench_main.hpp"
#include "bench/support/corpus.hpp"
#include "bench/support/database_files.hpp"
#include "bench/support/format.hpp"
#include "bench/support/process_stats.hpp"
#include "bench/support/options.hpp"
#include "bench/support/variant_pairs.hpp"
#include "bench/support/variant_report.hpp"
#include "bench/support/variant_result_sets.hpp"

#include <rasd/analyzer_factory.hpp>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace rasd::bench;
using namespace rasd::bench::variants;

int main(int argc, char** argv) {
    bool reuse = false;
    std::string pairs_file = default_pairs_file();
    std::vector<std::string> positional;
    try {
        for (ArgReader args(argc, argv); args.next();) {
            if (args.arg() == "--reuse") {
                reuse = true;
            } else if (args.arg() == "--pairs") {
                pairs_file = args.value();
            } else if (args.arg().starts_with("--")) {
                throw std::invalid_argument("unknown option " + args.arg());
            } else {
                positional.push_back(args.arg());
            }
        }
    } catch (const std::invalid_argument& e) {
        std::cerr << "bench_variants: " << e.what()
                  << "\nusage: bench_variants [--reuse] [--pairs FILE] [CORPUS.jsonl.xz [WORKDIR]]\n";
        return 2;
    }
    const std::string corpus_path = positional.size() > 0 ? positional[0] : default_multisource_corpus();
    const fs::path workdir = positional.size() > 1 ? positional[1] : "/tmp/rasd-bench-variants";
    if (skip_missing_file("bench_variants", corpus_path)) return 0;

    return run_bench_main("bench_variants", [&] {
        const std::vector<WordPair> pairs = read_word_pairs(pairs_file);
        std::vector<std::string> words;
        for (const WordPair& p : pairs) words.insert(words.end(), {p.first, p.second});
        std::cout << "# bench_variants\n\ncommand: " << command_line(argc, argv) << "\ncorpus: " << corpus_path
                  << "\npairs: " << pairs_file << " (" << pairs.size() << ")\nanalyzer: "
                  << rasd::make_analyzer().signature() << " (before: "
                  << rasd::make_analyzer(rasd::StemmerKind::Light, rasd::TransliterationVariants::Apart).signature()
                  << ", no aliases)\n";

        const Corpus corpus = read_corpus({corpus_path}, 0);
        std::cout << "articles: " << corpus.articles.size() << "\n";
        const ResultSets before = baseline_result_sets(corpus, words);

        const fs::path db = workdir / "db";
        if (!reuse || !fs::exists(db)) {
            remove_database_dir(db);
            fs::create_directories(workdir);
            const auto started = std::chrono::steady_clock::now();
            const ArchiveBuild build = build_archive(db, {}, corpus.articles.size(),
                                                     [&](std::size_t i) { return corpus.articles[i]; });
            check(build.indexed == corpus.articles.size(), "indexed " + std::to_string(build.indexed) + " of " +
                                                               std::to_string(corpus.articles.size()));
            std::cout << "archive: " << db.string() << " built in " << fixed(seconds_since(started), 1)
                      << " s\n";
        } else {
            std::cout << "archive: " << db.string() << " (reused)\n";
        }
        const ResultSets after = search_result_sets(db.string(), words);

        std::cout << "\n";
        const std::vector<PairResult> results = compare_pairs(pairs, before, after);
        const nlohmann::json summary = print_pair_report(results);
        check_pair_results(results);
        std::cout << "\nall checks passed\n" << json_line(summary) << "\n";
        return 0;
    });
}

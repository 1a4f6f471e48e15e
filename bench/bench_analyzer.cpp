// bench_analyzer: throughput of rasd::Analyzer (light stemmer) against a baseline of
// Xapian::TermGenerator with Snowball arabic, on the same in-memory article texts.
//
// Usage: bench_analyzer [CORPUS.jsonl.xz [EXPECTED_RASD_TOKENS|- [MAX_ARTICLES]]]
//
//   CORPUS            ANT JSON-lines file compressed with xz (default: the ANT multisource
//                     corpus next to the repo, see bench/support/CMakeLists.txt). Missing
//                     file: SKIP, exit 0.
//   EXPECTED_...      exact rasd token count the run must produce ("-" or "" = don't check).
//   MAX_ARTICLES      only use the first N articles (0 = all), e.g. for callgrind.
//
// Decompression and JSON parsing happen before timing. Each side then runs 3 times,
// alternating (rasd, xapian, rasd, ...), single-threaded; the best time of each is kept.
// Exit codes: 0 ok/skip, 1 self-check failed, 2 usage or input error.

#include "bench/support/analyzer_report.hpp"
#include "bench/support/bench_main.hpp"
#include "bench/support/format.hpp"
#include "bench/support/options.hpp"
#include "bench/support/text_analysis_runs.hpp"
#include "bench/support/xz_article_texts.hpp"

#include <cstdint>
#include <exception>
#include <iostream>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace rasd::bench;
using namespace rasd::bench::analyzer;

constexpr int kRuns = 3;
// rasd's tokens must be within this share of the words Xapian's TermGenerator saw.
constexpr double kMinWordRatio = 0.9, kMaxWordRatio = 1.1;

}  // namespace

int main(int argc, char** argv) {
    const std::string path = argc > 1 ? argv[1] : default_multisource_corpus();
    bool have_expected = false;
    std::uint64_t expected = 0;
    std::size_t max_articles = 0;
    try {
        if (argc > 2 && std::string_view(argv[2]) != "-" && argv[2][0] != '\0') {
            expected = parse_count(argv[2]);
            have_expected = true;
        }
        if (argc > 3) max_articles = static_cast<std::size_t>(parse_count(argv[3]));
    } catch (const std::exception&) {
        std::cerr << "usage: bench_analyzer [CORPUS.jsonl.xz [EXPECTED_RASD_TOKENS|- [MAX_ARTICLES]]]\n";
        return 2;
    }
    if (skip_missing_file("bench_analyzer", path)) return 0;

    return run_bench_main("bench_analyzer", [&] {
        // ---- untimed preparation ------------------------------------------------------
        const std::vector<std::string> texts = read_xz_article_texts(path, max_articles);
        AnalyzerRun run;
        run.corpus = path;
        run.articles = texts.size();
        run.runs = kRuns;
        for (const std::string& t : texts) run.text_bytes += t.size();
        std::cout << "bench_analyzer: " << path << "\n"
                  << "  articles: " << texts.size() << ", text: " << fixed(mib(run.text_bytes), 2) << " MiB ("
                  << run.text_bytes << " bytes)\n";
        check(!texts.empty() && run.text_bytes > 0, "no article text read from " + path);

        // ---- timed runs, alternating; the best of each side kept --------------------------
        run.best_rasd.seconds = run.best_xapian.seconds = std::numeric_limits<double>::infinity();
        for (int i = 0; i < kRuns; ++i) {
            const RasdRun r = run_rasd(texts);
            const XapianRun x = run_xapian(texts);
            std::cout << "  run " << i + 1 << ": rasd " << fixed(r.seconds, 3) << " s (" << r.tokens << " tokens), xapian "
                      << fixed(x.seconds, 3) << " s (" << x.terms << " terms)\n";
            if (i == 0) {
                run.rasd_tokens = r.tokens;
                run.xapian_terms = x.terms;
            }
            check(r.tokens == run.rasd_tokens, "rasd token count differs between runs: " + std::to_string(run.rasd_tokens) +
                                                   " vs " + std::to_string(r.tokens));
            check(x.terms == run.xapian_terms, "xapian term count differs between runs: " + std::to_string(run.xapian_terms) +
                                                   " vs " + std::to_string(x.terms));
            run.rasd_times.push_back(r.seconds);
            run.xapian_times.push_back(x.seconds);
            if (r.seconds < run.best_rasd.seconds) run.best_rasd = r;
            if (x.seconds < run.best_xapian.seconds) run.best_xapian = x;
        }

        // ---- self-checks (untimed) ----------------------------------------------------
        check(run.rasd_tokens > 0, "rasd produced 0 tokens");
        check(run.best_rasd.stems > 0 && run.best_rasd.stems <= run.rasd_tokens,
              "rasd stem count implausible: " + std::to_string(run.best_rasd.stems));
        run.xapian_words = count_xapian_words(texts);
        check(run.xapian_words.wdf_sum > 0, "xapian generated 0 words");
        const double word_ratio = static_cast<double>(run.rasd_tokens) / static_cast<double>(run.xapian_words.wdf_sum);
        check(word_ratio >= kMinWordRatio && word_ratio <= kMaxWordRatio,
              "rasd tokens (" + std::to_string(run.rasd_tokens) + ") not within 10% of xapian words (" +
                  std::to_string(run.xapian_words.wdf_sum) + "), ratio " + fixed(word_ratio, 4));
        if (have_expected) {
            check(run.rasd_tokens == expected,
                  "rasd token count " + std::to_string(run.rasd_tokens) + " != expected " + std::to_string(expected));
        }

        print_report(run);
        return 0;
    });
}

// bench_ranking: ranking quality of rasd as a known-item task on the ANT multisource articles.
// The query is an article's headline, the target is the article, and headlines are left out of
// the index. Reports MRR@10, success@1 and success@10 per stemmer (light, snowball, none), then
// experiments with ranking ideas that need no library change: BM25 parameters (the query
// reproduced with plain Xapian on the rasd database), stop words and proximity of adjacent
// words added to the query, and the lede (the first N words of the body indexed once more,
// through Article.abstract, on top of the library's own lede weighting). Then the library's
// re-ranking by passage: tuned over a grid on the known-item queries and the first half of the
// passage task (long articles queried by 8-12 words from deep in the body, in other
// spellings: bench/support/passage_queries.hpp), reported on the held-out queries and the
// task's second half, with and without it.
//
// Usage: bench_ranking [--reuse] [--only NAME[,NAME...]] [--no-grid]
//                      [CORPUS.jsonl.xz [WORKDIR [JUDGED_CORPUS_DIR]]]
//
//   CORPUS         ANT JSON-lines file (default: ant_multisource_v2.1.jsonl.xz next to the repo,
//                  see bench/support/CMakeLists.txt). Missing file: SKIP, exit 0.
//   WORKDIR        where the databases go (default /tmp/rasd-bench-ranking); one subdirectory
//                  per database variant, removed and rebuilt unless --reuse.
//   JUDGED_CORPUS_DIR  a folder with articles, queries.tsv and qrels.tsv (default: the
//                  repository's corpus/); every variant is also scored on its judgments, in
//                  ordinary use (titles indexed). "-" = skip.
//   --reuse        keep a variant's database if WORKDIR/<variant>.built says it was built from
//                  the same input with the same recipe (for repeated runs while experimenting).
//   --only LIST    build and evaluate only these database variants (names as in the table).
//   --no-grid      skip the BM25 parameter grid.
//
// Query set: every article read whose headline (the `title`, compared as an exact string,
// counted over all articles read) occurs once and has at least 4 whitespace-separated words.
// Their indices (in file order) are shuffled with a Fisher-Yates shuffle driven by
// std::mt19937 seeded with 20261128 (i from n-1 down to 1, j uniform in [0, i] by rejection
// sampling of raw 32-bit outputs, so the sample is the same with any standard library), and
// the first 1000 are the queries.
//
// Queries are made plain free text: the query-syntax characters " « » “ ” „ ( ) : * + - are
// replaced by spaces and the words AND, OR, NOT (capitals) are lower-cased, so a headline such
// as `عاجل: "داعش" يتبنى...` is a bag of words, never a phrase, a field or an exclusion.
//
// Self-checks (exit 1 with "bench_ranking: CHECK FAILED: ..."): exactly 1000 queries; every
// database holds one document per article and each target id; the plain-Xapian reproduction
// of the query, re-ranked by passage as the library does, gives exactly the ranks
// rasd::Searcher gives (and, on the judged corpus, BM25 alone gives exactly the top 10 of the
// Searcher with passage off for every query).
// Exit codes: 0 ok/skip, 1 self-check failed, 2 usage, input or run error.

#include "bench/support/bench_main.hpp"
#include "bench/support/format.hpp"
#include "bench/support/judged_variants.hpp"
#include "bench/support/options.hpp"
#include "bench/support/ranking_collection.hpp"
#include "bench/support/ranking_evaluation.hpp"
#include "bench/support/ranking_report.hpp"
#include "bench/support/ranking_variants.hpp"

#include <rasd/article.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <iostream>
#include <string>
#include <unordered_set>
#include <vector>

namespace fs = std::filesystem;

namespace {

using namespace rasd::bench;
using namespace rasd::bench::ranking;

constexpr const char* kDefaultWorkdir = "/tmp/rasd-bench-ranking";

// The collection as read, and the first checks on it.
void describe_collection(const std::string& path, const Collection& c, const fs::path& workdir) {
    std::size_t words = 0;
    for (std::size_t q : c.queries.docs) words += split_words(c.articles[q].title).size();
    std::cout << "bench_ranking: " << path << "\n"
              << "  articles read: " << c.articles.size() << " (" << c.problems << " records skipped)"
              << ", unique headlines with >= " << kMinHeadlineWords << " words: " << c.candidates
              << ", queries: " << c.queries.docs.size() << " (seed " << kSeed << "), held-out queries: "
              << c.holdout.docs.size() << ", mean headline words: "
              << fixed(c.queries.docs.empty() ? 0.0 : static_cast<double>(words) / static_cast<double>(c.queries.docs.size()), 2)
              << "\n  databases under " << workdir.string() << "\n";
    check(c.queries.docs.size() == kQueries, "expected exactly " + std::to_string(kQueries) + " queries, got " +
                                                 std::to_string(c.queries.docs.size()));
    std::unordered_set<std::string> ids;
    for (const rasd::Article& a : c.articles) ids.insert(a.id);
    check(ids.size() == c.articles.size(), "article ids are not unique: " + std::to_string(ids.size()) + " distinct of " +
                                               std::to_string(c.articles.size()));
    std::size_t changed = 0;
    for (std::size_t q = 0; q < c.queries.docs.size(); ++q) changed += c.queries.texts[q] != c.articles[c.queries.docs[q]].title;
    std::cout << "  headlines changed by the plain-text rewrite (syntax characters, spacing): " << changed << "\n";
}

}  // namespace

int main(int argc, char** argv) {
    bool reuse = false, grid = true;
    std::vector<std::string> only;
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--reuse") {
            reuse = true;
        } else if (arg == "--no-grid") {
            grid = false;
        } else if (arg == "--only" && i + 1 < argc) {
            only = split_list(argv[++i]);
        } else if (arg.starts_with("--")) {
            std::cerr << "usage: bench_ranking [--reuse] [--only NAME[,NAME...]] [--no-grid] "
                         "[CORPUS.jsonl.xz [WORKDIR [JUDGED_CORPUS_DIR|-]]]\n";
            return 2;
        } else {
            positional.push_back(arg);
        }
    }
    const std::string path = positional.size() > 0 ? positional[0] : default_multisource_corpus();
    const fs::path workdir = positional.size() > 1 ? positional[1] : kDefaultWorkdir;
    const std::string judged_dir = positional.size() > 2 ? positional[2] : default_judged_corpus();

    if (skip_missing_file("bench_ranking", path)) return 0;
    std::vector<DbVariant> variants;
    for (const DbVariant& v : all_variants()) {
        if (only.empty() || std::find(only.begin(), only.end(), v.name) != only.end()) variants.push_back(v);
    }
    if (variants.empty()) {
        std::cerr << "bench_ranking: --only matches no variant (names:";
        for (const DbVariant& v : all_variants()) std::cerr << " " << v.name;
        std::cerr << ")\n";
        return 2;
    }

    return run_bench_main("bench_ranking", [&] {
        fs::create_directories(workdir);
        const Collection c = read_collection(path, kQueries);
        describe_collection(path, c, workdir);

        std::vector<VariantResult> results;
        for (const DbVariant& v : variants) results.push_back(evaluate(c, v, workdir, reuse, grid, true));
        print_known_item_report(c, results, grid);

        const nlohmann::json judged = run_judged_phase(judged_dir, results, workdir, grid);
        print_json_line(path, c, results, judged);
        return 0;
    });
}

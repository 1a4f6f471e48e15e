// bench_latency: query latency of rasd::Searcher on a large archive (p50, p95, p99 per query
// class), next to a plain Xapian QueryParser baseline on the same database, in one process and
// one run.
//
// Usage: bench_latency [--articles N] [--db DIR] [--queries Q] [--seed S] [--repeat R]
//                      [--source-articles M] [--no-stories] [INPUT...]
//
//   --articles N   articles in the database (default 500000).
//   --db DIR       where it is built (default /tmp/rasd-bench-latency/db-N); searched is its
//                  compacted copy DIR-compact. A database already there with exactly N articles
//                  made by the same recipe is reused (and said so); otherwise DIR is removed,
//                  rebuilt as 2 shards with rasd::ParallelIndexer (commit every 2000 per
//                  shard) and compacted again, which merges the shards.
//   --queries Q    distinct query strings (default 1000), split evenly over five shapes; each
//                  runs with and without facets, so 2Q searches per side per pass.
//   --seed S       seed of the query mix and of its run order (default 20261201).
//   --repeat R     timed passes after the warm-up pass (default 3).
//   --source-articles M  cycle over only the first M articles read (0 = all), to try the
//                  copy scheme on a small database.
//   --no-stories   build the archive without story detection (rasd-index --no-stories), to see
//                  what detection's band terms and signature values cost the queries.
//   INPUT          what rasd::read_articles() reads (default: the two ANT JSON-lines files next
//                  to the repository, see bench/support/CMakeLists.txt). A missing input:
//                  SKIP, exit 0.
//
// Fresh ids: the archive cycles over the articles read. Article i of the database is copy
// k = i / S of source article i % S (S articles read); its id is "<source id>~k", its date
// field is moved k years back (k mod 20; 29 February becomes the 28th in a common year), so the
// year and month facets spread. Copy 0 is the article as read. Copies k >= 1 leave out a
// deterministic pseudo-random 10% of the body's sentences (hash of id, k and the sentence's
// index), and at least one when the body has two or more, so copies differ in their text too;
// title, abstract, place, topic and source are kept.
// Repeating text inflates every term's frequency about uniformly: the vocabulary does not grow
// with N as a real archive's would, so posting lists are longer and denser than real ones.
//
// Query shapes (from the articles indexed, seeded): single title words; 2-5 word title
// fragments ("headlines", known items); quoted 2-3 word body phrases; text + one filter (the
// source article's own topic, place or year); filters only (topic:, place:, a month range,
// topic + year). rasd runs them through Searcher::search (limit 10, snippets, as the CLI);
// the baseline through a plain Xapian::QueryParser (Stem("arabic"), default BM25Weight), with
// ValueCountMatchSpy on the same slots when facets are asked for; filters only as a boolean
// query, newest first. A second, diagnostic baseline also makes rasd's snippets. An untimed
// warm-up pass runs everything once; then R timed passes, the three sides in rotating order.
// See bench/README.md.
//
// Self-checks (exit 1 with "bench_latency: CHECK FAILED: ..."): every title word finds an
// article; rasd's top 10 holds a copy of the source article for >= 50% of the headlines; topic
// and year facet counts sum to at most the total; filter-only totals equal the baseline's exact
// counts (with facets, and without them up to the 1000 matches rasd counts exactly; above that
// rasd's bounds must hold the exact count). Exit codes: 0 ok/skip (targets missed are
// reported, not failures), 1 check failed, 2 usage, input or run error.

#include "bench/support/article_copies.hpp"
#include "bench/support/bench_main.hpp"
#include "bench/support/corpus.hpp"
#include "bench/support/format.hpp"
#include "bench/support/latency_archive.hpp"
#include "bench/support/latency_passes.hpp"
#include "bench/support/latency_query_mix.hpp"
#include "bench/support/latency_report.hpp"
#include "bench/support/options.hpp"
#include "bench/support/xapian_query_baseline.hpp"

#include <rasd/article.hpp>
#include <rasd/searcher.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace rasd::bench;
using namespace rasd::bench::latency;

constexpr std::size_t kDefaultQueries = 1000;
constexpr std::uint32_t kDefaultSeed = 20261201;
constexpr std::size_t kDefaultRepeat = 3;
constexpr const char* kDefaultDbRoot = "/tmp/rasd-bench-latency";

struct Options {
    std::size_t articles = kTargetArticles;
    std::string db;
    std::size_t queries = kDefaultQueries;
    std::uint32_t seed = kDefaultSeed;
    std::size_t repeat = kDefaultRepeat;
    std::size_t source_articles = 0;
    bool stories = true;
    std::vector<std::string> inputs;
};

Options parse_options(int argc, char** argv) {
    Options o;
    for (ArgReader args(argc, argv); args.next();) {
        const std::string& arg = args.arg();
        if (arg == "--articles") o.articles = parse_count(args.value());
        else if (arg == "--db") o.db = args.value();
        else if (arg == "--queries") o.queries = parse_count(args.value());
        else if (arg == "--seed") o.seed = static_cast<std::uint32_t>(parse_count(args.value()));
        else if (arg == "--repeat") o.repeat = parse_count(args.value());
        else if (arg == "--source-articles") o.source_articles = parse_count(args.value());
        else if (arg == "--no-stories") o.stories = false;
        else if (!arg.empty() && arg[0] == '-') throw std::invalid_argument("unknown option " + arg);
        else o.inputs.push_back(arg);
    }
    if (o.articles == 0 || o.queries < kAllShapes.size() || o.repeat == 0) {
        throw std::invalid_argument("--articles and --repeat must be positive, --queries at least 5");
    }
    if (o.db.empty()) o.db = std::string(kDefaultDbRoot) + "/db-" + std::to_string(o.articles);
    if (o.inputs.empty()) o.inputs = default_ant_inputs();
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    try {
        opt = parse_options(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "bench_latency: " << e.what() << "\n"
                  << "usage: bench_latency [--articles N] [--db DIR] [--queries Q] [--seed S] [--repeat R]\n"
                     "                     [--source-articles M] [--no-stories] [INPUT...]\n";
        return 2;
    }
    if (skip_missing_input("bench_latency", opt.inputs)) return 0;
    return run_bench_main("bench_latency", [&] {
        // 1. The articles (untimed).
        const Corpus read = read_corpus(opt.inputs, opt.source_articles, "read problem (article skipped)");
        const std::vector<rasd::Article>& sources = read.articles;
        check(!sources.empty(), "articles were read");
        for (const rasd::Article& a : sources) {
            check(copy_id(a.id, opt.articles).size() <= rasd::kMaxArticleIdBytes, "copy ids stay within rasd's id limit");
        }
        const std::size_t copies = (opt.articles + sources.size() - 1) / sources.size();
        std::cout << "bench_latency: " << sources.size() << " articles read (" << read.problems << " skipped); database of "
                  << opt.articles << " = up to " << copies << " copies of each\n";

        // 2. The database.
        const std::string made_by = recipe(opt.inputs, sources.size(), opt.articles, opt.stories);
        const std::filesystem::path searched = ensure_database(opt.db, opt.articles, sources, made_by, opt.stories);

        // 3. The query mix, from the articles actually indexed.
        rasd::Searcher searcher(searched.string());
        XapianQueryBaseline baseline(searched.string());
        check(baseline.doccount() == opt.articles, "the database holds --articles articles");
        const std::vector<rasd::Article> indexed(sources.begin(),
                                                 sources.begin() + static_cast<std::ptrdiff_t>(std::min(sources.size(), opt.articles)));
        const std::vector<BenchQuery> queries = make_mix(indexed, baseline.db(), opt.queries, opt.seed);
        const std::vector<Run> runs = make_runs(queries.size(), opt.seed + 1);
        std::vector<Samples> samples = samples_per_class(runs, queries);
        print_mix(opt.seed, queries.size(), runs.size(), samples);

        // 4. Warm-up pass (untimed), which also runs the self-checks; 5. the timed passes.
        const WarmupFindings findings = warm_up(runs, queries, indexed, searcher, baseline, samples);
        const double timed_s = timed_passes(runs, queries, opt.repeat, searcher, baseline, samples);

        // 6. Report, then the checks.
        print_report({opt.articles, sources.size(), searched.string(), made_by, queries.size(), runs.size(), opt.seed,
                      opt.repeat, timed_s},
                     samples, findings);
        check(findings.words_without_hit == 0 && findings.facet_sums_bad == 0 && findings.filter_counts_bad == 0,
              findings.first_failure);
        check(findings.known_item_rate() >= kMinKnownItemRate,
              "only " + fixed(100.0 * findings.known_item_rate(), 1) + "% of the headlines found their article in the top 10");
        return 0;
    });
}

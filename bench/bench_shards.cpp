// bench_shards: what sharding costs and buys. Indexing throughput of rasd::ParallelIndexer into
// an archive of 1, 2 and 4 shards, and query latency of rasd::Searcher against one database,
// against 2 and 4 local shards (the archive's stub), and against the same shards served by
// xapian-tcpsrv on the loopback interface; with self-checks that every configuration gives the
// answers of one database.
//
// Usage: bench_shards [--articles N] [--queries Q] [--repeat R] [--threads T] [--keep]
//                     [OUTDIR [INPUT...]]
//
//   --articles N   index only the first N articles read (default 0 = all).
//   --queries Q    query strings in the mix (default 500), split evenly over four classes.
//   --repeat R     timed passes over the mix after the warm-up pass (default 3).
//   --threads T    ParallelIndexer threads (default 2).
//   --keep         keep the archives (OUTDIR/shards-1, -2, -4) after the run; by default they
//                  are removed at the end.
//   OUTDIR         where the archives go (default /tmp/rasd-bench-shards). Each archive
//                  directory is removed first if present (only if it is a Xapian database or
//                  empty); the xapian-tcpsrv logs go to OUTDIR/tcpsrv-logs. Nothing else in
//                  OUTDIR is touched.
//   INPUT          what rasd::read_articles() reads (default: the two ANT JSON-lines files next
//                  to the repository, see bench/support/CMakeLists.txt). A missing input:
//                  SKIP, exit 0.
//
// Indexing: all articles are read into memory first (not timed). For S = 1, 2, 4 a forked
// child builds a fresh archive with rasd::ParallelIndexer (shards S, where S = 1 is one
// database; T threads; commit every 2000 articles per database), so its wall time, CPU time and
// peak RSS (wait4's ru_maxrss) are its own.
//
// Queries: a seeded mix of four classes drawn from the articles indexed: single title words,
// 2-5 word title fragments, filters only (topic:, place:, topic: + date:YYYY in turn, values from
// the database; a kind without values is left out), and free text (a title word or a 2-3 word
// fragment) with facets. Each runs through one rasd::Searcher per configuration (SearchOptions
// defaults: 10 hits with snippets):
// (a) the 1-database archive, (b) the 2-shard archive's directory, (c) the 4-shard archive's
// directory, (d) the 2 shards served by 2 xapian-tcpsrv on 127.0.0.1, (e) the 4 shards over
// loopback likewise. (d) and (e) are skipped, and said so, without xapian-tcpsrv. An untimed
// warm-up pass runs every query on every configuration; then R timed passes, each in a new
// seeded order of the queries, every query running on all configurations in turn (the first
// one rotating), so that load drifting during the run falls on all alike.
//
// Self-checks (exit 1 with "bench_shards: CHECK FAILED: ..."): every archive holds exactly one
// document per distinct id; in every shard, every id (its Q term) hashes to that shard
// (rasd::shard_of_article) and each document has one id; rasd accepts every generated query; and
// for every query every configuration gives the same top-10 ids in the same order and the same
// scores (relative tolerance 1e-9) as (a), the same facets for the facet class, and the same
// total. Totals are compared exactly, except where (a)'s total is an estimate (more than 1000
// matches without facets): Xapian's estimate depends on how the articles are split, so there
// the two totals' bounds must overlap, and the estimates that differ are listed, not failed.
// Snippets are not compared: over shards Xapian may pick another passage of the same article
// (docs/SCALING.md). Exit codes: 0 ok/skip, 1 check failed, 2 usage, input or run error.

#include "bench/support/bench_main.hpp"
#include "bench/support/corpus.hpp"
#include "bench/support/database_files.hpp"
#include "bench/support/format.hpp"
#include "bench/support/options.hpp"
#include "bench/support/process_stats.hpp"
#include "bench/support/shards_archive_checks.hpp"
#include "bench/support/shards_configurations.hpp"
#include "bench/support/shards_indexing.hpp"
#include "bench/support/shards_passes.hpp"
#include "bench/support/shards_query_mix.hpp"
#include "bench/support/shards_report.hpp"
#include "bench/support/tcp_servers.hpp"

#include <rasd/searcher.hpp>

#include <chrono>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using namespace rasd::bench;
using namespace rasd::bench::shards;

constexpr const char* kDefaultOutdir = "/tmp/rasd-bench-shards";
constexpr std::size_t kDefaultQueries = 500;
constexpr std::size_t kDefaultRepeat = 3;
constexpr unsigned kDefaultThreads = 2;  // the machines these runs are made on have 2 cores

struct Options {
    std::size_t articles = 0;  // 0: all
    std::size_t queries = kDefaultQueries;
    std::size_t repeat = kDefaultRepeat;
    unsigned threads = kDefaultThreads;
    bool keep = false;
    fs::path outdir = kDefaultOutdir;
    std::vector<std::string> inputs;
};

constexpr const char* kUsage =
    "usage: bench_shards [--articles N] [--queries Q] [--repeat R] [--threads T] [--keep] [OUTDIR [INPUT...]]\n";

Options parse_options(int argc, char** argv) {
    Options o;
    std::vector<std::string> positional;
    for (ArgReader args(argc, argv); args.next();) {
        const std::string& arg = args.arg();
        if (arg == "--articles") o.articles = parse_count(args.value());
        else if (arg == "--queries") o.queries = parse_count(args.value());
        else if (arg == "--repeat") o.repeat = parse_count(args.value());
        else if (arg == "--threads") o.threads = static_cast<unsigned>(parse_count(args.value()));
        else if (arg == "--keep") o.keep = true;
        else if (!arg.empty() && arg[0] == '-') throw std::invalid_argument("unknown option " + arg);
        else positional.push_back(arg);
    }
    if (o.queries < kAllClasses.size() || o.repeat == 0 || o.threads == 0) {
        throw std::invalid_argument("--queries must be at least 4, --repeat and --threads at least 1");
    }
    if (!positional.empty()) o.outdir = positional[0];
    o.inputs.assign(positional.size() > 1 ? positional.begin() + 1 : positional.end(), positional.end());
    if (o.inputs.empty()) o.inputs = default_ant_inputs();
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    try {
        opt = parse_options(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "bench_shards: " << e.what() << "\n" << kUsage;
        return 2;
    }
    if (skip_missing_input("bench_shards", opt.inputs)) return 0;
    stop_servers_on_signals();

    const std::string command = command_line(argc, argv);
    const std::string load_at_start = loadavg();
    RemoveAtExit cleanup;  // the archives and server logs, unless --keep
    cleanup.keep = opt.keep;
    return run_bench_main("bench_shards", [&] {
        std::cout << "bench_shards: " << command << "\n  load average at start: " << load_at_start << "\n";

        // 1. The articles, in memory (untimed).
        const auto read0 = std::chrono::steady_clock::now();
        const Corpus corpus = read_corpus(opt.inputs, opt.articles, "read problem (record skipped)");
        if (corpus.articles.empty() || corpus.raw_bytes == 0) throw std::runtime_error("no article read from the inputs");
        std::cout << "  " << corpus.articles.size() << " articles (" << corpus.distinct_ids << " distinct ids, "
                  << corpus.problems << " records skipped), raw text (title+abstract+body) " << fixed(corpus.mib(), 2)
                  << " MiB, read in " << fixed(seconds_since(read0), 1) << " s (not timed)\n";
        for (const std::string& input : opt.inputs) std::cout << "  input: " << input << "\n";
        fs::create_directories(opt.outdir);

        // 2. Indexing: each archive in its own child, then the archives checked.
        std::vector<Build> builds = build_archives(corpus, opt.outdir, opt.threads, cleanup);
        const std::vector<std::string> archive_failures = check_archives(builds, corpus);
        const nlohmann::json index_rows = print_indexing(builds, corpus, opt.threads, archive_failures);
        check(archive_failures.empty(), archive_failures.empty() ? "" : archive_failures.front());

        // 3. The configurations, a searcher each (destroyed before the servers stop).
        TcpServers servers;
        const Configurations configs = configurations(builds, servers, opt.outdir, cleanup);
        std::vector<rasd::Searcher> searchers;
        searchers.reserve(configs.configs.size());
        for (const Config& c : configs.configs) searchers.emplace_back(c.sources);

        // 4. The query mix, from the articles indexed and the 1-database archive's values.
        const FilterValues values = filter_values(builds[0].dir);
        const std::vector<BenchQuery> queries = make_mix(corpus.articles, values, opt.queries);
        print_mix(queries, values);

        // 5. Warm-up pass (untimed): every query on every configuration, answers compared.
        const WarmupComparison answers = compare_answers(searchers, queries);
        // 6. Timed passes.
        const TimedPasses timed = timed_passes(searchers, queries, opt.repeat);

        // 7. Report, then the check of the answers.
        print_report({command, opt.inputs, opt.outdir.string(), opt.threads, opt.repeat, load_at_start}, corpus, index_rows,
                     configs, queries, values, answers, timed);
        const std::vector<Difference>& diffs = answers.differences;
        check(diffs.empty(), diffs.empty() ? "" : std::to_string(diffs.size()) + " answers differ from one database's (first: (" +
                                                      configs.configs[diffs.front().config].key + ") '" +
                                                      queries[diffs.front().query].text + "': " + diffs.front().what + ")");
        return 0;
    });
}

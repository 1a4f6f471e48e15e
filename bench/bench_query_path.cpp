// bench_query_path: the speed of one query through rasd::Searcher on the peer benchmarks'
// known-item task, and a profile of that query feature by feature.
//
// Usage: bench_query_path [--task DIR] [--db DIR] [--threads N] [--csv FILE] [--reuse]
//
//   --task DIR     the known-item task made by ../shared/bench-peers/make_known_item.py
//                  (DIR/corpus.jsonl and DIR/queries.tsv; default /tmp/ki-ant):
//                    xz -dc ../shared/data/ant/ant_multisource_v2.1.jsonl.xz > /tmp/ant.jsonl
//                    ../shared/bench-peers/make_known_item.py /tmp/ant.jsonl /tmp/ki-ant 1000
//                  A missing input: SKIP, exit 0. bench/peers/run.sh makes it and runs the peers too.
//   --db DIR       where the archive is built (default /tmp/rasd-bench-query-path/db; rebuilt
//                  each run).
//   --threads N    indexing threads (default 2, as the figures were measured).
//   --csv FILE     append rasd's row to FILE in the peers' CSV columns (system, docs, corpus_MB,
//                  index_seconds, index_MB, query_count, query_p50_ms, query_p95_ms, MRR@10,
//                  success@1, success@10), as ../shared/bench-peers/run_all.sh --out writes them.
//   --reuse        search the archive an earlier run built at --db from the same task instead of
//                  building it (for profiling; no index time then, and no CSV row).
//
// The task as the peers' --body-only runs it: every article's body (with its date and topic) is
// indexed with rasd::ParallelIndexer, its headline left out; each headline, made plain free
// text (no phrase, field or exclusion: bench/support/ranking_collection.hpp plain_query), is a
// query whose target is its article. index_seconds runs from the first article queued to the
// indexer closed (durable). Then one untimed warm-up pass and one timed pass over the queries;
// each query runs every step of the profile in turn (bench/support/query_path_profile.hpp):
// matching alone (plain Xapian::Enquire on the rasd database with the library's BM25), then
// ties by id, exact totals, the best 10 re-ranked by passage, stored data, snippets, each on
// top of the one before; then the
// library with its default options (10 hits with snippets: the figure compared with the peers),
// with exact totals, with facets, and with the JSON document rasd-search --json prints.
//
// Self-checks (exit 1 with "bench_query_path: CHECK FAILED: ..."): for every query the library's
// hits (default options, exact totals, facets) have the ids, order and scores of the reference
// built step by step (exact totals, passage order); every query's snippets are those a stemmer
// of every word makes; MRR@10 at least 0.6 (a broken build must not look fast).
// Targets (p50 <= 1.0 ms, p95 <= 2.0 ms) are reported, not failed. Exit codes: 0 ok/skip,
// 1 check failed, 2 usage, input or run error.

#include "bench/support/archive_build.hpp"
#include "bench/support/bench_main.hpp"
#include "bench/support/database_files.hpp"
#include "bench/support/format.hpp"
#include "bench/support/known_item_task.hpp"
#include "bench/support/latency_stats.hpp"
#include "bench/support/options.hpp"
#include "bench/support/query_path_profile.hpp"
#include "bench/support/ranking_metrics.hpp"

#include <chrono>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <stdexcept>
#include <string>

namespace {

using namespace rasd::bench;
using query_path::Step;

constexpr double kTargetP50Ms = 1.0;
constexpr double kTargetP95Ms = 2.0;
constexpr double kMinMrr = 0.6;

struct Options {
    std::string task = "/tmp/ki-ant";
    std::string db = "/tmp/rasd-bench-query-path/db";
    unsigned threads = 2;
    std::string csv;
    bool reuse = false;
};

Options parse_options(int argc, char** argv) {
    Options o;
    for (ArgReader args(argc, argv); args.next();) {
        const std::string& arg = args.arg();
        if (arg == "--task") o.task = args.value();
        else if (arg == "--db") o.db = args.value();
        else if (arg == "--threads") o.threads = static_cast<unsigned>(parse_count(args.value()));
        else if (arg == "--csv") o.csv = args.value();
        else if (arg == "--reuse") o.reuse = true;
        else throw std::invalid_argument("unknown argument " + arg);
    }
    if (o.threads == 0) throw std::invalid_argument("--threads must be positive");
    if (o.reuse && !o.csv.empty()) throw std::invalid_argument("--reuse measures no index time: no --csv with it");
    return o;
}

void print_profile(const query_path::Profile& profile) {
    std::cout << "\nprofile of one query (ms; one timed pass; wall time, and the thread's CPU time):\n"
              << markdown_row({"step", "p50", "p95", "mean", "CPU p50", "CPU p95", "CPU mean"})
              << markdown_row({"---", "---", "---", "---", "---", "---", "---"});
    for (std::size_t s = 0; s < query_path::kStepCount; ++s) {
        const LatencyStats wall = latency_stats(profile.ms[s]);
        const LatencyStats cpu = latency_stats(profile.cpu_ms[s]);
        std::cout << markdown_row({query_path::step_name(query_path::kSteps[s]), fixed(wall.p50, 3),
                                   fixed(wall.p95, 3), fixed(wall.mean, 3), fixed(cpu.p50, 3), fixed(cpu.p95, 3),
                                   fixed(cpu.mean, 3)});
    }
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    try {
        opt = parse_options(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "bench_query_path: " << e.what() << "\n"
                  << "usage: bench_query_path [--task DIR] [--db DIR] [--threads N] [--csv FILE] [--reuse]\n";
        return 2;
    }
    const std::string corpus = opt.task + "/corpus.jsonl";
    const std::string queries = opt.task + "/queries.tsv";
    if (skip_missing_file("bench_query_path", corpus) || skip_missing_file("bench_query_path", queries)) return 0;
    return run_bench_main("bench_query_path", [&] {
        const known_item::Task task = known_item::read_task(corpus, queries);
        check(!task.articles.empty() && !task.queries.empty(), "the task has articles and queries");
        std::cout << "bench_query_path: " << command_line(argc, argv) << "\n"
                  << "  " << task.articles.size() << " articles (" << mib_text(task.corpus_bytes, 1) << " MiB), "
                  << task.queries.size() << " queries, headlines left out of the index\n";

        double index_s = 0;
        if (!opt.reuse) {
            remove_database_dir(opt.db);
            const auto t0 = std::chrono::steady_clock::now();
            const ArchiveBuild built = build_archive(opt.db, {0, opt.threads, ArchiveBuildOptions{}.batch},
                                                     task.articles.size(),
                                                     [&](std::size_t i) { return task.articles[i]; });
            index_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
            check(built.indexed == task.articles.size(), "every article was indexed");
            std::cout << "  indexed in " << fixed(index_s, 2) << " s with " << built.threads << " threads";
        } else {
            std::cout << "  searching the archive already at " << opt.db;
        }
        const std::uint64_t index_bytes = dir_bytes(opt.db);
        std::cout << ", " << mib_text(index_bytes, 1) << " MiB\n";

        const query_path::Profile profile = query_path::run_profile(opt.db, task);
        print_profile(profile);
        const std::size_t library = static_cast<std::size_t>(Step::Library);
        const LatencyStats stats = latency_stats(profile.ms[library]);
        const ranking::Metrics quality = ranking::metrics(profile.ranks);
        std::cout << "\nlibrary, default options: p50 " << fixed(stats.p50, 3) << " ms (target <= " << fixed(kTargetP50Ms, 1)
                  << (stats.p50 <= kTargetP50Ms ? ", met" : ", missed") << "), p95 " << fixed(stats.p95, 3)
                  << " ms (target <= " << fixed(kTargetP95Ms, 1) << (stats.p95 <= kTargetP95Ms ? ", met" : ", missed")
                  << "), MRR@10 " << fixed(quality.mrr, 4) << ", S@1 " << fixed(quality.s1, 4) << ", S@10 "
                  << fixed(quality.s10, 4) << "; " << profile.refused << " refused, " << profile.suggested
                  << " looked for a suggestion; CPU time p50 " << fixed(latency_stats(profile.cpu_ms[library]).p50, 3)
                  << " ms, p95 " << fixed(latency_stats(profile.cpu_ms[library]).p95, 3) << " ms\n";
        const std::string row = "rasd," + std::to_string(task.articles.size()) + "," + fixed(mib(task.corpus_bytes), 2) +
                                "," + fixed(index_s, 2) + "," + fixed(mib(index_bytes), 2) + "," +
                                std::to_string(task.queries.size()) + "," + fixed(stats.p50, 3) + "," +
                                fixed(stats.p95, 3) + "," + fixed(quality.mrr, 4) + "," + fixed(quality.s1, 4) + "," +
                                fixed(quality.s10, 4);
        std::cout << "peers row: " << row << "\n";
        if (!opt.csv.empty()) {
            std::ofstream out(opt.csv, std::ios::app);
            out << row << "\n";
            if (!out) throw std::runtime_error(opt.csv + ": cannot be written");
        }
        check(profile.mismatched == 0, std::to_string(profile.mismatched) +
                                           " queries answered differently from the reference; first: " +
                                           profile.first_mismatch);
        check(profile.snippets_differing == 0,
              std::to_string(profile.snippets_differing) + " queries' snippets differ from those of a stemmer of every word (first: " +
                  profile.first_snippet_difference + ")");
        check(quality.mrr >= kMinMrr, "MRR@10 " + fixed(quality.mrr, 4) + " is under " + fixed(kMinMrr, 2));
        return 0;
    });
}

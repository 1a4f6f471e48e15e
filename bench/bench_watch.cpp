// bench_watch: standing queries against batches of new articles on a large archive. The time a
// rasd::Watcher takes to run N watches over a batch of 1,000 new articles, each batch's alerts
// checked against a database of that batch alone, next to running each watch over the whole
// archive (the cost without commit sequences), in one run.
//
// Usage: bench_watch [--articles N] [--watches W] [--batches B] [--batch-size K]
//                    [--baseline-watches C] [--db DIR] [--seed S] [--reuse] [INPUT...]
//
//   --articles N   articles in the archive before the batches (default 500000): copies of the
//                  articles read with fresh ids (bench_latency's scheme, article_copies.hpp),
//                  built with rasd::ParallelIndexer, committing every 2,000.
//   --watches W    standing queries (default 10000), from real headlines (watch_queries.hpp).
//   --batches B    batches committed after the first poll (default 3), each of --batch-size K
//                  articles (default 1000), the next copies in the same sequence.
//   --baseline-watches C   watches run over the whole archive for the baseline (default 1000);
//                  its time per watch times W is the whole-archive run of all W watches.
//   --db DIR       where the archive is built (default /tmp/rasd-bench-watch/db-N), rebuilt
//                  every run unless --reuse; the watch state is DIR.rasd-watch.state (removed
//                  first: every run starts without one).
//   --reuse        keep an archive of this recipe already at DIR (grown to N articles with the
//                  copies that follow, if it holds fewer); the batches are the copies after those
//                  it holds, so their ids are new.
//   INPUT          what rasd::read_articles() reads (default: the two ANT files). Missing: SKIP.
//
// Self-checks (exit 1, "bench_watch: CHECK FAILED: ..."): every batch's alerts equal, watch by
// watch, rasd::Searcher's answers over a database holding only that batch; at least one watch
// alerts; the first poll alerts nothing. Targets (reported, not failures): a batch against W
// watches in at most 10 s, and at least 20 times faster than the whole-archive run.

#include "bench/support/archive_build.hpp"
#include "bench/support/article_copies.hpp"
#include "bench/support/bench_main.hpp"
#include "bench/support/corpus.hpp"
#include "bench/support/database_files.hpp"
#include "bench/support/format.hpp"
#include "bench/support/options.hpp"
#include "bench/support/process_stats.hpp"
#include "bench/support/watch_queries.hpp"
#include "bench/support/watch_rounds.hpp"

#include <rasd/searcher.hpp>
#include <rasd/watcher.hpp>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

using namespace rasd::bench;

constexpr std::size_t kDefaultArticles = 500000;
constexpr std::size_t kDefaultWatches = 10000;
constexpr std::size_t kDefaultBatches = 3;
constexpr std::size_t kDefaultBatchSize = 1000;
constexpr std::size_t kDefaultBaselineWatches = 1000;
constexpr std::uint32_t kDefaultSeed = 20261207;
constexpr double kTargetBatchSeconds = 10.0;
constexpr double kTargetRatio = 20.0;

struct Options {
    std::size_t articles = kDefaultArticles;
    std::size_t watches = kDefaultWatches;
    std::size_t batches = kDefaultBatches;
    std::size_t batch_size = kDefaultBatchSize;
    std::size_t baseline_watches = kDefaultBaselineWatches;
    std::string db;
    std::uint32_t seed = kDefaultSeed;
    bool reuse = false;
    std::vector<std::string> inputs;
};

Options parse_options(int argc, char** argv) {
    Options o;
    for (ArgReader args(argc, argv); args.next();) {
        const std::string& arg = args.arg();
        if (arg == "--articles") o.articles = parse_count(args.value());
        else if (arg == "--watches") o.watches = parse_count(args.value());
        else if (arg == "--batches") o.batches = parse_count(args.value());
        else if (arg == "--batch-size") o.batch_size = parse_count(args.value());
        else if (arg == "--baseline-watches") o.baseline_watches = parse_count(args.value());
        else if (arg == "--db") o.db = args.value();
        else if (arg == "--seed") o.seed = static_cast<std::uint32_t>(parse_count(args.value()));
        else if (arg == "--reuse") o.reuse = true;
        else if (!arg.empty() && arg[0] == '-') throw std::invalid_argument("unknown option " + arg);
        else o.inputs.push_back(arg);
    }
    if (o.articles == 0 || o.watches == 0 || o.batches == 0 || o.batch_size == 0 || o.baseline_watches == 0) {
        throw std::invalid_argument("every count must be positive");
    }
    if (o.db.empty()) o.db = "/tmp/rasd-bench-watch/db-" + std::to_string(o.articles);
    if (o.inputs.empty()) o.inputs = default_ant_inputs();
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    try {
        opt = parse_options(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "bench_watch: " << e.what() << "\n"
                  << "usage: bench_watch [--articles N] [--watches W] [--batches B] [--batch-size K]\n"
                     "                   [--baseline-watches C] [--db DIR] [--seed S] [--reuse] [INPUT...]\n";
        return 2;
    }
    if (skip_missing_input("bench_watch", opt.inputs)) return 0;
    return run_bench_main("bench_watch", [&] {
        std::cout << "bench_watch: " << command_line(argc, argv) << '\n';
        // 1. The articles (untimed).
        const Corpus read = read_corpus(opt.inputs, 0, "read problem (article skipped)");
        const std::vector<rasd::Article>& sources = read.articles;
        check(!sources.empty(), "articles were read");
        auto copy_at = [&](std::size_t i) { return latency::make_copy(sources[i % sources.size()], i / sources.size()); };

        // 2. The archive.
        const std::filesystem::path db(opt.db);
        std::filesystem::remove(db.string() + ".rasd-watch.state");
        auto start = std::chrono::steady_clock::now();
        std::size_t held = 0;  // articles in the archive: copies 0 .. held-1
        if (opt.reuse && std::filesystem::exists(db)) {
            held = rasd::Searcher(db.string()).stats().articles;
            std::cout << "bench_watch: archive of " << held << " articles reused";
            if (held < opt.articles) {  // grown with the copies that follow
                const ArchiveBuild built = build_archive(db, {}, opt.articles - held,
                                                         [&](std::size_t i) { return copy_at(held + i); });
                held += built.indexed;
                std::cout << ", grown to " << held << " in " << fixed(seconds_since(start), 1) << " s";
            }
            std::cout << '\n';
        } else {
            remove_database_dir(db);
            const ArchiveBuild built = build_archive(db, {}, opt.articles, copy_at);
            held = built.indexed;
            std::cout << "bench_watch: archive of " << built.indexed << " articles built in "
                      << fixed(seconds_since(start), 1) << " s (" << built.threads << " threads)\n";
        }

        // 3. The watches, and the first poll, which marks where the archive stands.
        const std::vector<rasd::Watch> watches = headline_watches(sources, opt.watches, opt.seed);
        check(watches.size() == opt.watches, "enough headlines for the watches");
        start = std::chrono::steady_clock::now();
        rasd::Watcher watcher({db.string()}, watches);
        const double open_s = seconds_since(start);
        start = std::chrono::steady_clock::now();
        check(watcher.poll().empty(), "the first poll alerts nothing");
        const double first_poll_s = seconds_since(start);
        std::cout << "bench_watch: " << watches.size() << " watches (" << watcher.problems().size()
                  << " left out); Watcher opened in " << fixed(open_s, 2) << " s, first poll " << fixed(first_poll_s, 2)
                  << " s\n";

        // 4. The batches.
        std::vector<WatchRound> rounds;
        double poll_total = 0;
        std::size_t alerts = 0;
        for (std::size_t b = 0; b < opt.batches; ++b) {
            std::vector<rasd::Article> batch;
            for (std::size_t j = 0; j < opt.batch_size; ++j) batch.push_back(copy_at(held + b * opt.batch_size + j));
            const WatchRound round = run_watch_round(db.string(), watcher, batch, watches, db.parent_path());
            std::cout << "bench_watch: batch " << b + 1 << ": " << round.articles << " articles committed in "
                      << fixed(round.index_s, 2) << " s; poll " << fixed(round.poll_s, 2) << " s, " << round.alerts
                      << " alerts from " << round.watches_alerting << " watches; " << round.mismatches
                      << " watches differ from the batch alone\n";
            check(round.mismatches == 0, "batch " + std::to_string(b + 1) + ": " + round.first_mismatch);
            poll_total += round.poll_s;
            alerts += round.alerts;
            rounds.push_back(round);
        }
        check(alerts > 0, "some watch alerts");
        check(watcher.poll().empty(), "a poll after the batches alerts nothing again");

        // 5. The baseline: each watch over the whole archive.
        const WholeArchiveRun whole = run_whole_archive(db.string(), watches, opt.baseline_watches);
        const double per_batch = poll_total / static_cast<double>(rounds.size());
        const double whole_all = whole.per_watch_s() * static_cast<double>(watches.size());
        const double ratio = per_batch > 0 ? whole_all / per_batch : 0;
        std::cout << "bench_watch: whole archive: " << whole.watches << " watches in " << fixed(whole.seconds, 2)
                  << " s (" << fixed(1000 * whole.per_watch_s(), 2) << " ms each; all " << watches.size() << ": "
                  << fixed(whole_all, 1) << " s)\n";

        // 6. Report.
        std::cout << "\n"
                  << markdown_row({"archive", "watches", "batch", "poll per batch (s)", "alerts per batch",
                                   "whole archive, all watches (s)", "ratio", "load"})
                  << '\n'
                  << markdown_row({std::to_string(held), std::to_string(watches.size()),
                                   std::to_string(opt.batch_size), fixed(per_batch, 2),
                                   fixed(static_cast<double>(alerts) / static_cast<double>(rounds.size()), 0),
                                   fixed(whole_all, 1), fixed(ratio, 1) + "x", loadavg()})
                  << '\n';
        std::cout << "bench_watch: targets: <= " << fixed(kTargetBatchSeconds, 0) << " s per batch: "
                  << (per_batch <= kTargetBatchSeconds ? "met" : "MISSED") << "; >= " << fixed(kTargetRatio, 0)
                  << "x the whole-archive run: " << (ratio >= kTargetRatio ? "met" : "MISSED") << '\n';
        return 0;
    });
}

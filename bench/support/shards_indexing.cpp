#include "shards_indexing.hpp"

#include "archive_build.hpp"
#include "child_process.hpp"
#include "format.hpp"
#include "measured_section.hpp"
#include "process_stats.hpp"

#include <iostream>
#include <utility>

namespace rasd::bench::shards {

namespace {

// In the child: a new archive of `shards` shards (1: one database) with ParallelIndexer.
nlohmann::json build_one(const Corpus& corpus, const std::filesystem::path& dir, std::size_t shards, unsigned threads) {
    ArchiveBuildOptions options;
    options.shards = shards == 1 ? 0 : shards;  // 0: a new archive is one database
    options.threads = threads;
    options.batch = kBatch;
    return measure_section([&](nlohmann::json& r) {  // the time includes closing the databases
        const ArchiveBuild build = build_archive(dir, options, corpus.articles.size(),
                                                 [&](std::size_t i) { return corpus.articles[i]; });
        r["threads"] = build.threads;
        r["shards_reported"] = build.shards;
        r["indexed"] = build.indexed;
        r["metadata_warnings"] = build.metadata_warnings;
    });
}

}  // namespace

std::vector<Build> build_archives(const Corpus& corpus, const std::filesystem::path& outdir, unsigned threads,
                                  RemoveAtExit& cleanup) {
    std::vector<Build> builds;
    for (std::size_t shards : kShardCounts) {
        Build b;
        b.shards = shards;
        b.dir = outdir / ("shards-" + std::to_string(shards));
        remove_database_dir(b.dir);
        cleanup.dirs.push_back(b.dir);
        b.load_before = loadavg();
        std::cout << "  indexing into " << shards << (shards == 1 ? " database" : " shards") << " (" << threads
                  << " threads) ..." << std::flush;
        const ChildOutcome c = run_in_child([&] { return build_one(corpus, b.dir, shards, threads); }, "indexing child");
        b.load_after = loadavg();
        b.child = c.result;
        b.seconds = c.result["seconds"].get<double>();
        b.cpu_seconds = c.result["cpu_seconds"].get<double>();
        b.threads = c.result["threads"].get<unsigned>();
        b.rss_at_start_kib = c.result["rss_at_start_kib"].get<std::uint64_t>();
        b.peak_rss_kib = c.maxrss_kib;
        b.disk_bytes = dir_bytes(b.dir);
        std::cout << " " << fixed(b.seconds, 1) << " s (CPU " << fixed(b.cpu_seconds, 1) << " s)\n";
        builds.push_back(std::move(b));
    }
    return builds;
}

}  // namespace rasd::bench::shards

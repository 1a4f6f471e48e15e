#pragma once
// The sharding benchmark's indexing phase: for 1, 2 and 4 shards, a forked child builds a fresh
// archive of the articles in memory with rasd::ParallelIndexer, so that its wall time, CPU time
// and peak RSS are its own.

#include "corpus.hpp"
#include "database_files.hpp"

#include <nlohmann/json.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rasd::bench::shards {

// The shard counts compared, and the commit size (ParallelIndexerOptions' default).
inline constexpr std::array<std::size_t, 3> kShardCounts = {1, 2, 4};
inline constexpr std::size_t kBatch = 2000;

struct Build {
    std::size_t shards = 0;
    std::filesystem::path dir;
    double seconds = 0, cpu_seconds = 0;
    std::uint64_t peak_rss_kib = 0, rss_at_start_kib = 0;
    std::uint64_t disk_bytes = 0;
    unsigned threads = 0;
    std::vector<std::size_t> shard_articles;  // filled by check_archives()
    std::string load_before, load_after;
    nlohmann::json child;
};

// OUTDIR/shards-S for every S of kShardCounts, each removed first (only if it is a database or
// empty), added to `cleanup`, and built in a child with `threads` threads; progress on stdout.
std::vector<Build> build_archives(const Corpus& corpus, const std::filesystem::path& outdir, unsigned threads,
                                  RemoveAtExit& cleanup);

}  // namespace rasd::bench::shards

#pragma once
// Building an archive as rasd-index does: rasd::ParallelIndexer into one database or a new
// sharded archive, committing in batches.

#include <rasd/article.hpp>

#include <cstddef>
#include <filesystem>
#include <functional>

namespace rasd::bench {

struct ArchiveBuildOptions {
    std::size_t shards = 0;  // 0: a new archive is one database
    unsigned threads = 0;    // 0: one per core
    std::size_t batch = 2000;
    bool stories = true;     // near-duplicate story detection (rasd-index --no-stories: false)
};

struct ArchiveBuild {
    std::size_t indexed = 0;            // articles reported indexed
    std::size_t metadata_warnings = 0;  // warnings of the articles indexed
    unsigned threads = 0;               // threads the indexer used
    std::size_t shards = 0;             // shards of the archive (its stats)
};

// Indexes articles 0 .. count-1 given by `article_at` into `dir`; `after_each` (if any) is called
// with the number of articles queued so far. The indexer is closed when this returns, so a
// timing around it covers closing the databases.
ArchiveBuild build_archive(const std::filesystem::path& dir, const ArchiveBuildOptions& options, std::size_t count,
                           const std::function<rasd::Article(std::size_t)>& article_at,
                           const std::function<void(std::size_t queued)>& after_each = {});

}  // namespace rasd::bench

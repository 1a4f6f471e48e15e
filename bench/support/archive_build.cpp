#include "archive_build.hpp"

#include <rasd/parallel_indexer.hpp>

namespace rasd::bench {

ArchiveBuild build_archive(const std::filesystem::path& dir, const ArchiveBuildOptions& options, std::size_t count,
                           const std::function<rasd::Article(std::size_t)>& article_at,
                           const std::function<void(std::size_t queued)>& after_each) {
    ArchiveBuild build;
    rasd::ParallelIndexerOptions indexer_options;
    indexer_options.indexer.shards = options.shards;
    indexer_options.threads = options.threads;
    indexer_options.batch = options.batch;
    indexer_options.indexer.stories = options.stories;
    rasd::ParallelIndexer indexer(dir.string(), indexer_options, [&](const rasd::Article&, const rasd::IndexedArticle& done) {
        ++build.indexed;
        build.metadata_warnings += done.warnings.size();
    });
    for (std::size_t i = 0; i < count; ++i) {
        indexer.add_or_replace(article_at(i));
        if (after_each) after_each(i + 1);
    }
    indexer.finish();
    build.threads = indexer.threads();
    build.shards = indexer.stats().shards;
    return build;
}

}  // namespace rasd::bench

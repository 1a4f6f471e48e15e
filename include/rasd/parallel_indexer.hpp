#pragma once
/// @file parallel_indexer.hpp  Indexing on several threads, with batched commits.

#include <rasd/article.hpp>
#include <rasd/export.hpp>
#include <rasd/indexer.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace rasd {

/// How a ParallelIndexer works.
struct ParallelIndexerOptions {
    IndexerOptions indexer;    ///< Stemmer, and shards for a new archive.
    /// Threads to use; 0 means one per core (std::thread::hardware_concurrency()).
    /// One database: one thread writes and threads - 1 others analyze, while the calling
    /// thread only queues the articles and reports them (threads = 1: it does everything).
    /// A sharded archive: min(threads, shards) threads each analyze and write their shards.
    unsigned threads = 0;
    /// Commit each database after this many articles written to it (>= 1). A crash loses at
    /// most the uncommitted batch of each database; a smaller batch costs more disk writes.
    std::size_t batch = 2000;
    /// Commit nothing before finish(): no batch commits; every change (additions, replacements,
    /// deletions) waits in one transaction per database, which finish() commits. Destroying the
    /// indexer, or discard(), before finish() leaves the archive exactly as it was, and so does
    /// a crash (a new archive is left empty). For runs that must not leave half a dump behind
    /// (`rasd-index --strict`). Xapian writes waiting changes to disk as they grow.
    bool all_or_nothing = false;
};

/// Called on the thread that calls add_or_replace(), remove() or finish(), once per article
/// added, with the article and what was done with it. With one database the calls come in the
/// order the articles were added; with shards, in each shard's order.
using IndexedCallback = std::function<void(const Article&, const IndexedArticle&)>;

/// Indexes articles like Indexer, on several threads, committing in batches. Articles with the
/// same id always end in the order they were added (the last one wins). Memory stays bounded:
/// add_or_replace() waits while a fixed number of articles is in flight.
/// Use from one thread; only one writer (in any process) may have an archive open.
class RASD_EXPORT ParallelIndexer {
public:
    /// Opens (or creates) the archive at `path` and starts the threads.
    /// @throws as Indexer's constructor; InvalidArgument if options.batch is 0.
    ParallelIndexer(const std::string& path, ParallelIndexerOptions options, IndexedCallback on_indexed);
    /// Stops the threads and commits what was written (with all_or_nothing: drops every change
    /// since the last finish()); articles still queued are dropped. Call finish() to index them
    /// and see write errors.
    ~ParallelIndexer();
    /// Moving hands over the archive, the threads and the queued articles as they are; the
    /// moved-from indexer may only be destroyed or assigned to. Assigning to an indexer first
    /// stops its own threads, as its destructor would.
    ParallelIndexer(ParallelIndexer&&) noexcept;
    ParallelIndexer& operator=(ParallelIndexer&&) noexcept;
    ParallelIndexer(const ParallelIndexer&) = delete;
    ParallelIndexer& operator=(const ParallelIndexer&) = delete;

    /// Queues `article`. May wait for room, and reports finished articles to the callback.
    /// @throws the first error of any earlier article (InvalidArgument for an empty id or
    /// body, DatabaseError on a write failure), after which the indexer is unusable; or any
    /// exception thrown by the callback.
    void add_or_replace(Article article);

    /// Waits for every queued article, then deletes the article with `id`.
    /// @return false if there was none.
    bool remove(const std::string& id);

    /// Indexes every queued article and commits. The indexer stays usable.
    /// @throws as add_or_replace(), or DatabaseError if the commit fails.
    void finish();

    /// With all_or_nothing: drops the queued articles and every change since the last finish()
    /// (or since the indexer was opened), so the archive is as it was then. The indexer stays
    /// usable. @throws InvalidArgument without all_or_nothing (batches may be committed already).
    void discard();

    /// The archive's counts (after finish(): everything added so far).
    [[nodiscard]] IndexStats stats();

    /// Threads in use, including the calling one.
    [[nodiscard]] unsigned threads() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace rasd

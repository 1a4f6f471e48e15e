// ParallelIndexer: articles flow from the calling thread to worker threads through bounded
// queues. With one database, workers only prepare (analysis, metadata, the Xapian document) and
// one writer thread writes, in input order: Xapian has one writer per database, and writing is
// most of the indexing time, so the writer does nothing else; the calling thread reads the input,
// queues and reports. With shards, each worker prepares and writes the shards it owns, so the
// writes run in parallel too (bench/RESULTS.md).

#include "archive_writers.hpp"
#include "article_preparer.hpp"
#include "database_writer.hpp"
#include "archive/shard_layout.hpp"

#include <rasd/error.hpp>
#include <rasd/parallel_indexer.hpp>

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace rasd {
namespace {

// Articles in flight per worker: enough to keep every thread busy, small enough that memory
// does not depend on the input's size.
constexpr std::size_t kQueuedPerWorker = 64;

unsigned resolve_threads(unsigned requested) {
    if (requested != 0) return requested;
    return std::max(1U, std::thread::hardware_concurrency());
}

}  // namespace

struct RASD_NO_EXPORT ParallelIndexer::Impl {
    struct Job {
        std::uint64_t sequence = 0;
        std::size_t shard = 0;
        Article article;
        detail::PreparedArticle prepared;
        std::exception_ptr error;
    };

    IndexedCallback on_indexed;
    std::size_t batch;
    bool all_or_nothing = false;  // the writers commit nothing before finish()
    bool deletions_only = false;
    StemmerKind stemmer;
    bool detect_stories = true;
    std::vector<std::unique_ptr<detail::DatabaseWriter>> writers;  // one per shard
    std::vector<std::size_t> written_since_commit;                 // per shard
    std::unique_ptr<detail::ArticlePreparer> own_preparer;         // when the caller prepares
    unsigned thread_count = 1;

    // Shared with the workers, guarded by `mutex`.
    std::mutex mutex;
    std::condition_variable work_ready;       // a queue got a job, or stopping
    std::condition_variable progress;         // a job finished or was written, or a queue got room
    std::condition_variable to_write;         // one database: a job finished, or stopping
    std::vector<std::deque<Job>> queues;      // one per worker
    std::map<std::uint64_t, Job> finished;    // by sequence number
    std::deque<Job> written;                  // one database: written, in input order, to report
    std::exception_ptr failure;               // first worker error: the indexer stops
    bool stopping = false;
    std::vector<std::thread> workers;
    std::thread writer_thread;                // one database with workers: writes in input order
    std::uint64_t next_to_write = 0;          // the writer thread's next job

    // The caller's bookkeeping.
    std::uint64_t next_sequence = 0;
    std::size_t in_flight = 0;

    // The workers hold `this`: they must be gone before the members they use.
    ~Impl() { stop_workers(); }

    bool sharded() const { return writers.size() > 1; }
    bool has_workers() const { return !workers.empty(); }
    std::size_t capacity() const { return kQueuedPerWorker * std::max<std::size_t>(1, workers.size()); }

    void start_workers() {
        const std::size_t count = sharded() ? std::min<std::size_t>(thread_count, writers.size())
                                            : (thread_count > 1 ? thread_count - 1 : 0);
        queues.resize(std::max<std::size_t>(1, count));
        for (std::size_t w = 0; w < count; ++w) workers.emplace_back([this, w] { work(w); });
        if (count > 0 && !sharded()) writer_thread = std::thread([this] { write_in_order(); });
    }

    void stop_workers() {
        {
            std::lock_guard lock(mutex);
            stopping = true;
            for (auto& queue : queues) queue.clear();
            written.clear();
        }
        work_ready.notify_all();
        to_write.notify_all();
        for (std::thread& worker : workers) worker.join();
        workers.clear();
        if (writer_thread.joinable()) writer_thread.join();
    }

    // A worker: prepare its jobs (and with shards, write them), then hand them back.
    void work(std::size_t worker) {
        detail::ArticlePreparer preparer(stemmer, detect_stories);
        for (;;) {
            Job job;
            {
                std::unique_lock lock(mutex);
                work_ready.wait(lock, [&] { return stopping || !queues[worker].empty(); });
                if (stopping) return;
                job = std::move(queues[worker].front());
                queues[worker].pop_front();
            }
            progress.notify_all();  // room in the queue
            try {
                job.prepared = preparer.prepare(job.article);
                if (sharded()) write(job);
            } catch (...) {
                job.error = std::current_exception();
            }
            {
                std::lock_guard lock(mutex);
                if (job.error && !failure) failure = job.error;
                finished.emplace(job.sequence, std::move(job));
            }
            progress.notify_all();
            if (!sharded()) to_write.notify_one();
        }
    }

    // The writer thread (one database): writes the finished jobs in input order and hands them
    // to the calling thread to report. The first error stops the indexer.
    void write_in_order() {
        for (;;) {
            Job job;
            {
                std::unique_lock lock(mutex);
                to_write.wait(lock, [&] {
                    return stopping || failure || (!finished.empty() && finished.begin()->first == next_to_write);
                });
                if (stopping || failure) return;
                job = std::move(finished.extract(finished.begin()).mapped());
                ++next_to_write;
            }
            try {
                write(job);
            } catch (...) {
                job.error = std::current_exception();
            }
            {
                std::lock_guard lock(mutex);
                if (job.error && !failure) failure = job.error;
                written.push_back(std::move(job));
            }
            progress.notify_all();
        }
    }

    // Writes a prepared job to its shard, committing every `batch` articles of that shard.
    void write(Job& job) {
        detail::DatabaseWriter& writer = *writers[job.shard];
        job.prepared.result.replaced = writer.write(job.prepared);
        if (++written_since_commit[job.shard] >= batch) {
            writer.end_batch();
            written_since_commit[job.shard] = 0;
        }
    }

    void report(Job& job) {
        --in_flight;
        if (on_indexed) on_indexed(job.article, job.prepared.result);
    }

    // Takes the jobs that can be reported now: written, in input order (one database), or
    // finished (shards). Waits for one first when `wait` is set. After an error, the articles
    // written before it are still reported (they will be committed), then the error is thrown.
    std::vector<Job> take_finished(bool wait) {
        std::unique_lock lock(mutex);
        auto ready = [&] { return failure || (sharded() ? !finished.empty() : !written.empty()); };
        if (wait) progress.wait(lock, ready);
        std::vector<Job> jobs;
        if (sharded()) {
            if (failure) std::rethrow_exception(failure);
            while (!finished.empty()) jobs.push_back(std::move(finished.extract(finished.begin()).mapped()));
            return jobs;
        }
        for (; !written.empty() && !written.front().error; written.pop_front()) jobs.push_back(std::move(written.front()));
        if (jobs.empty() && failure) std::rethrow_exception(failure);
        return jobs;
    }

    // Reports written jobs; waits until fewer than `limit` are in flight.
    void settle(std::size_t limit) {
        do {
            std::vector<Job> jobs = take_finished(in_flight >= limit && in_flight > 0);
            for (Job& job : jobs) report(job);
        } while (in_flight >= limit && in_flight > 0);
    }

    void add(Article&& article) {
        if (deletions_only) throw InvalidArgument(detail::kOpenedForDeletionsOnly);
        detail::validate_article(article);
        Job job;
        job.sequence = next_sequence++;
        job.shard = detail::shard_of(article.id, writers.size());
        job.article = std::move(article);
        if (!has_workers()) {  // one thread: prepare and write here
            job.prepared = own_preparer->prepare(job.article);
            ++in_flight;
            write(job);
            report(job);
            return;
        }
        const std::size_t worker = sharded() ? job.shard % workers.size() : job.sequence % workers.size();
        {
            std::unique_lock lock(mutex);
            if (failure) std::rethrow_exception(failure);
            queues[worker].push_back(std::move(job));
        }
        ++in_flight;
        work_ready.notify_all();
        settle(capacity());
    }

    void drain() {
        if (has_workers()) settle(1);
    }
};

ParallelIndexer::ParallelIndexer(const std::string& path, ParallelIndexerOptions options, IndexedCallback on_indexed)
    : m_impl(std::make_unique<Impl>()) {
    if (options.batch == 0) throw InvalidArgument("batch must be at least 1");
    Impl& impl = *m_impl;
    impl.on_indexed = std::move(on_indexed);
    impl.batch = options.batch;
    impl.all_or_nothing = options.all_or_nothing;
    impl.deletions_only = options.indexer.deletions_only;
    impl.stemmer = options.indexer.stemmer;
    impl.detect_stories = options.indexer.stories;
    impl.thread_count = resolve_threads(options.threads);
    impl.own_preparer = std::make_unique<detail::ArticlePreparer>(options.indexer.stemmer, options.indexer.stories);
    impl.writers = detail::open_archive_writers(
        path, options.indexer.shards, impl.own_preparer->analyzer_signature(),
        {.deletions_only = options.indexer.deletions_only,
         .all_or_nothing = options.all_or_nothing,
         .aliases = detail::alias_table_to_keep(options.indexer)},
        options.indexer.stories);
    impl.written_since_commit.assign(impl.writers.size(), 0);
    impl.start_workers();
}

// The Impl stays where it is when the handle moves, so the workers' `this` stays valid.
ParallelIndexer::~ParallelIndexer() = default;
ParallelIndexer::ParallelIndexer(ParallelIndexer&&) noexcept = default;
ParallelIndexer& ParallelIndexer::operator=(ParallelIndexer&&) noexcept = default;

void ParallelIndexer::add_or_replace(Article article) { m_impl->add(std::move(article)); }

bool ParallelIndexer::remove(const std::string& id) {
    m_impl->drain();
    return m_impl->writers[detail::shard_of(id, m_impl->writers.size())]->remove(id);
}

void ParallelIndexer::finish() {
    m_impl->drain();
    for (std::size_t shard = 0; shard < m_impl->writers.size(); ++shard) {
        m_impl->writers[shard]->commit();
        m_impl->written_since_commit[shard] = 0;
    }
}

void ParallelIndexer::discard() {
    Impl& impl = *m_impl;
    if (!impl.all_or_nothing) {
        throw InvalidArgument("discard() needs all_or_nothing: without it, batches may be committed already");
    }
    // The workers stop with their queues dropped; writing workers (shards) finish the job in hand
    // first, so no writer is in use when its transaction is cancelled.
    impl.stop_workers();
    {
        std::lock_guard lock(impl.mutex);
        // The writer thread may have handed on the job in its hands after stop_workers() cleared
        // `written`: a stale job reported later would count in_flight below zero.
        impl.finished.clear();
        impl.written.clear();
        impl.failure = nullptr;
        impl.stopping = false;
    }
    impl.next_to_write = impl.next_sequence;
    impl.in_flight = 0;
    for (std::size_t shard = 0; shard < impl.writers.size(); ++shard) {
        impl.writers[shard]->discard();
        impl.written_since_commit[shard] = 0;
    }
    impl.start_workers();
}

IndexStats ParallelIndexer::stats() {
    m_impl->drain();
    IndexStats stats;
    for (const auto& writer : m_impl->writers) stats.articles += writer->article_count();
    stats.analyzer = m_impl->writers.front()->analyzer_signature();
    stats.shards = m_impl->writers.size();
    return stats;
}

unsigned ParallelIndexer::threads() const {
    return static_cast<unsigned>(std::max<std::size_t>(1, m_impl->workers.size() + (m_impl->sharded() ? 0 : 1)));
}

}  // namespace rasd

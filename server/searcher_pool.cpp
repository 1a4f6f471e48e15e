#include "server/searcher_pool.hpp"

#include <memory>

namespace rasd::serve {
namespace {

// The worker thread's Searcher and the pool it belongs to (a process runs one pool, but a
// Searcher is never handed to another pool's callers).
struct ThreadSearcher {
    const SearcherPool* pool = nullptr;
    std::unique_ptr<Searcher> searcher;
};
thread_local ThreadSearcher t_searcher;

}  // namespace

SearcherPool::SearcherPool(std::vector<std::string> sources, SearcherOptions options)
    : m_sources(std::move(sources)), m_options(options) {}

Searcher& SearcherPool::current() {
    if (t_searcher.pool != this || !t_searcher.searcher) {
        t_searcher.searcher = std::make_unique<Searcher>(m_sources, m_options);
        t_searcher.pool = this;
    } else {
        t_searcher.searcher->reopen();
    }
    return *t_searcher.searcher;
}

void SearcherPool::drop_current() {
    if (t_searcher.pool == this) t_searcher.searcher.reset();
}

}  // namespace rasd::serve

#pragma once
// One rasd::Searcher per worker thread (a Searcher is not shared between threads), each opened
// on the thread's first request and brought to the archive's latest commit before every
// request, so that new commits are answered without a restart.

#include <rasd/error.hpp>
#include <rasd/searcher.hpp>

#include <string>
#include <utility>
#include <vector>

namespace rasd::serve {

class SearcherPool {
public:
    SearcherPool(std::vector<std::string> sources, SearcherOptions options);

    // The calling thread's Searcher at the latest commit. A Searcher that failed (a shard gone)
    // is dropped, so the next request opens the sources again.
    // @throws what the Searcher's constructor and reopen() throw.
    [[nodiscard]] Searcher& current();

    // Runs `use` with the calling thread's Searcher; a failure drops that Searcher.
    template <typename Use>
    auto with_searcher(Use&& use) -> decltype(use(std::declval<Searcher&>())) {
        try {
            return use(current());
        } catch (const DatabaseError&) {
            drop_current();
            throw;
        }
    }

private:
    void drop_current();

    std::vector<std::string> m_sources;
    SearcherOptions m_options;
};

}  // namespace rasd::serve

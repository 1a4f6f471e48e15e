// The thread-safety contract: one Indexer per database; many Searchers, one per thread, searching
// while the Indexer commits; reopen() picks up the latest commit.

#include <doctest/doctest.h>

#include "tests/support/article_builder.hpp"
#include "tests/support/scratch_archive.hpp"

#include <rasd/error.hpp>
#include <rasd/indexer.hpp>
#include <rasd/searcher.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace {

constexpr int kArticles = 300;
constexpr int kCommitEvery = 20;
constexpr int kReaders = 3;

rasd::Article numbered_article(int n) {
    const std::string number = std::to_string(n);
    return rasd::test::ArticleBuilder("n-" + number)
        .title("خبر رقم " + number)
        .body("أعلنت وزارة الداخلية اليوم تفاصيل الواقعة رقم " + number + " فى القاهرة.");
}

}  // namespace

TEST_SUITE("concurrency") {

TEST_CASE("searchers in several threads run while the indexer commits, and never fail") {
    const rasd::test::ScratchArchive archive;
    rasd::Indexer indexer = archive.open_indexer();
    indexer.add_or_replace(numbered_article(0));
    indexer.commit();

    std::atomic<bool> writing{true};
    std::atomic<int> failures{0};
    std::atomic<int> searches{0};
    std::vector<std::thread> readers;
    for (int r = 0; r < kReaders; ++r) {
        readers.emplace_back([&] {
            rasd::Searcher searcher = archive.open_searcher();  // one Searcher per thread
            std::size_t last_seen = 0;
            while (writing) {
                try {
                    searcher.reopen();
                    rasd::SearchOptions options;
                    options.limit = 1000;
                    const std::size_t seen = searcher.search("الداخلية", options).hits.size();
                    // Commits only add articles: a later search never sees fewer.
                    if (seen < last_seen || seen % kCommitEvery > 1) {
                        ++failures;
                        MESSAGE("saw " << seen << " after " << last_seen);
                    }
                    last_seen = seen;
                    ++searches;
                } catch (const rasd::Error& e) {
                    ++failures;
                    MESSAGE(std::string(e.what()));
                }
            }
        });
    }
    for (int n = 1; n < kArticles; ++n) {
        indexer.add_or_replace(numbered_article(n));
        if (n % kCommitEvery == 0) indexer.commit();
    }
    indexer.commit();
    writing = false;
    for (std::thread& t : readers) t.join();

    CHECK(failures == 0);
    CHECK(searches > 0);
    rasd::Searcher searcher = archive.open_searcher();
    rasd::SearchOptions options;
    options.limit = 1000;
    CHECK(searcher.search("الداخلية", options).hits.size() == kArticles);
}

TEST_CASE("reopen() makes a new commit visible to an open searcher") {
    const rasd::test::ScratchArchive archive;
    rasd::Indexer indexer = archive.open_indexer();
    indexer.add_or_replace(numbered_article(1));
    indexer.commit();
    rasd::Searcher searcher = archive.open_searcher();
    CHECK(searcher.search("الواقعة").hits.size() == 1);
    indexer.add_or_replace(numbered_article(2));
    indexer.commit();
    CHECK(searcher.search("الواقعة").hits.size() == 1);  // still the revision it opened
    searcher.reopen();
    CHECK(searcher.search("الواقعة").hits.size() == 2);
}

}  // TEST_SUITE

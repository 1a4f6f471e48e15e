#pragma once
// A throwaway archive for one test: a temporary directory, removed at scope exit, holding an
// archive at path() written with the given options (stemmer, shard count).
//
//     const ScratchArchive archive({ArticleBuilder("a").title("..."), ...});
//     rasd::Searcher searcher = archive.open_searcher();
//
// Tests that check the Indexer itself take one with open_indexer() instead of index().

#include "temp_dir.hpp"

#include <rasd/article.hpp>
#include <rasd/indexer.hpp>
#include <rasd/searcher.hpp>

#include <string>
#include <vector>

namespace rasd::test {

class ScratchArchive {
public:
    // An empty directory: nothing exists at path() until an indexer is opened.
    explicit ScratchArchive(rasd::IndexerOptions options = {});
    // An archive holding `articles`, committed.
    explicit ScratchArchive(const std::vector<rasd::Article>& articles, rasd::IndexerOptions options = {});

    // Where the archive is: "db" inside the scratch directory.
    [[nodiscard]] const std::string& path() const { return m_path; }
    // Another path inside the scratch directory, for a second archive or a missing one.
    [[nodiscard]] std::string scratch_path(const std::string& name) const { return m_dir.path(name); }

    // The archive's writer, with the options given at construction.
    [[nodiscard]] rasd::Indexer open_indexer() const;
    // Adds or replaces `articles` and commits; the writer is closed again on return.
    void index(const std::vector<rasd::Article>& articles) const;
    [[nodiscard]] rasd::Searcher open_searcher() const;

private:
    TempDir m_dir;
    std::string m_path;
    rasd::IndexerOptions m_options;
};

}  // namespace rasd::test

#include "scratch_archive.hpp"

namespace rasd::test {

ScratchArchive::ScratchArchive(rasd::IndexerOptions options) : m_path(m_dir.path("db")), m_options(options) {}

ScratchArchive::ScratchArchive(const std::vector<rasd::Article>& articles, rasd::IndexerOptions options)
    : ScratchArchive(options) {
    index(articles);
}

rasd::Indexer ScratchArchive::open_indexer() const { return rasd::Indexer(m_path, m_options); }

void ScratchArchive::index(const std::vector<rasd::Article>& articles) const {
    rasd::Indexer indexer = open_indexer();
    for (const rasd::Article& article : articles) indexer.add_or_replace(article);
    indexer.commit();
}

rasd::Searcher ScratchArchive::open_searcher() const { return rasd::Searcher(m_path); }

}  // namespace rasd::test

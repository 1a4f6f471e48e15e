#include "archive_writers.hpp"
#include "article_preparer.hpp"
#include "database_writer.hpp"
#include "archive/shard_layout.hpp"

#include <rasd/error.hpp>
#include <rasd/indexer.hpp>

#include <memory>
#include <vector>

namespace rasd {

std::size_t shard_of_article(const std::string& id, std::size_t shards) { return detail::shard_of(id, shards); }

struct RASD_NO_EXPORT Indexer::Impl {
    detail::ArticlePreparer preparer;
    bool deletions_only = false;
    std::vector<std::unique_ptr<detail::DatabaseWriter>> writers;  // one per shard

    detail::DatabaseWriter& writer_for(const std::string& id) {
        return *writers[detail::shard_of(id, writers.size())];
    }
};

Indexer::Indexer(const std::string& path, IndexerOptions options)
    : m_impl(std::make_unique<Impl>(Impl{detail::ArticlePreparer(options.stemmer, options.stories), options.deletions_only, {}})) {
    m_impl->writers = detail::open_archive_writers(path, options.shards, m_impl->preparer.analyzer_signature(),
                                                   {.deletions_only = options.deletions_only,
                                                    .aliases = detail::alias_table_to_keep(options)},
                                                   options.stories);
}

Indexer::~Indexer() = default;
Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

IndexedArticle Indexer::add_or_replace(const Article& article) {
    if (m_impl->deletions_only) throw InvalidArgument(detail::kOpenedForDeletionsOnly);
    detail::PreparedArticle prepared = m_impl->preparer.prepare(article);
    prepared.result.replaced = m_impl->writer_for(article.id).write(prepared);
    return std::move(prepared.result);
}

bool Indexer::remove(const std::string& id) { return m_impl->writer_for(id).remove(id); }

void Indexer::commit() {
    for (auto& writer : m_impl->writers) writer->commit();
}

IndexStats Indexer::stats() const {
    IndexStats stats;
    for (const auto& writer : m_impl->writers) stats.articles += writer->article_count();
    stats.analyzer = m_impl->writers.front()->analyzer_signature();
    stats.shards = m_impl->writers.size();
    return stats;
}

}  // namespace rasd

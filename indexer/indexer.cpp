#include "article_document.hpp"
#include "schema.hpp"
#include "xapian_error.hpp"

#include <rasd/indexer.hpp>

#include <filesystem>

namespace rasd {

struct Indexer::Impl {
    Xapian::WritableDatabase database;
    Analyzer analyzer;
    std::string path;
    std::unique_ptr<Analyzer> light_analyzer;  // for topic inference when `analyzer` is not light
    detail::SpellingCounts spelling;           // words since the last commit

    void flush_spelling() {
        for (const auto& [word, articles] : spelling) database.add_spelling(word, articles);
        spelling.clear();
    }

    detail::LightStems light_stems(const Article& article, const detail::AnalyzedArticle& analyzed) {
        if (analyzer.name() == to_string(StemmerKind::Light)) return detail::stems_of(analyzed);
        if (!light_analyzer) light_analyzer = std::make_unique<Analyzer>(make_analyzer(StemmerKind::Light));
        return detail::stems_of(detail::analyze_article(article, *light_analyzer));
    }
};

namespace {

// Records the analyzer in a new database, or checks that an existing one used the same.
void check_or_record_analyzer(Xapian::WritableDatabase& database, const Analyzer& analyzer,
                              const std::string& path) {
    const std::string recorded = database.get_metadata(schema::kAnalyzerKey);
    if (recorded.empty()) {
        if (database.get_doccount() != 0) {
            throw AnalyzerMismatchError(path + ": not a rasd database (documents without analyzer metadata)");
        }
        database.set_metadata(schema::kAnalyzerKey, analyzer.signature());
        database.set_metadata(schema::kSchemaVersionKey, schema::kSchemaVersion);
        return;
    }
    const std::string schema_version = database.get_metadata(schema::kSchemaVersionKey);
    if (schema_version != schema::kSchemaVersion) {
        throw AnalyzerMismatchError(path + ": database has schema version " + schema_version + ", this rasd writes " +
                                    schema::kSchemaVersion + "; rebuild it into a new directory");
    }
    if (recorded != analyzer.signature()) {
        throw AnalyzerMismatchError(path + ": database was built with analyzer '" + recorded +
                                    "', refusing to add articles analyzed with '" +
                                    analyzer.signature() + "'");
    }
}

}  // namespace

Indexer::Indexer(const std::string& path, IndexerOptions options) {
    m_impl = detail::translate_xapian_errors(path, [&] {
        std::error_code ignored;
        std::filesystem::create_directories(path, ignored);
        auto impl = std::make_unique<Impl>(
            Impl{Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN), make_analyzer(options.stemmer), path, nullptr, {}});
        check_or_record_analyzer(impl->database, impl->analyzer, path);
        return impl;
    });
}

Indexer::~Indexer() {
    if (!m_impl) return;
    try {
        m_impl->flush_spelling();
        m_impl->database.close();  // commits pending changes, releases the lock
    } catch (const Xapian::Error&) {
        // A destructor must not throw; an explicit commit() reports write errors.
    }
}

Indexer::Indexer(Indexer&&) noexcept = default;
Indexer& Indexer::operator=(Indexer&&) noexcept = default;

IndexedArticle Indexer::add_or_replace(const Article& article) {
    if (article.id.empty()) throw InvalidArgument("article has an empty id");
    if (article.id.size() > kMaxArticleIdBytes) {
        throw InvalidArgument("article id longer than " + std::to_string(kMaxArticleIdBytes) + " bytes");
    }
    if (article.body.empty()) throw InvalidArgument("article '" + article.id + "' has an empty body");
    return detail::translate_xapian_errors(m_impl->path, [&] {
        const detail::AnalyzedArticle analyzed = detail::analyze_article(article, m_impl->analyzer);
        detail::ArticleMetadata metadata = detail::extract_metadata(article, m_impl->light_stems(article, analyzed));
        const std::string term = detail::id_term(article.id);
        IndexedArticle result;
        result.replaced = m_impl->database.term_exists(term);
        m_impl->database.replace_document(term, detail::make_document(article, analyzed, metadata));
        detail::collect_spelling_words(analyzed, m_impl->spelling);
        result.date = detail::iso_date(metadata.date);
        result.date_source = std::move(metadata.date_source);
        if (!metadata.place_chain.empty()) {
            result.place = metadata.place_chain.front()->arabic;
            result.place_id = metadata.place_chain.front()->id;
        }
        result.place_source = std::move(metadata.place_source);
        if (metadata.topic) result.topic = metadata.topic->id;
        result.topic_source = std::move(metadata.topic_source);
        result.warnings = std::move(metadata.warnings);
        return result;
    });
}

bool Indexer::remove(const std::string& id) {
    return detail::translate_xapian_errors(m_impl->path, [&] {
        const std::string term = detail::id_term(id);
        if (!m_impl->database.term_exists(term)) return false;
        m_impl->database.delete_document(term);
        return true;
    });
}

void Indexer::commit() {
    detail::translate_xapian_errors(m_impl->path, [&] {
        m_impl->flush_spelling();
        m_impl->database.commit();
    });
}

IndexStats Indexer::stats() const {
    return detail::translate_xapian_errors(m_impl->path, [&] {
        return IndexStats{m_impl->database.get_doccount(),
                          m_impl->database.get_metadata(schema::kAnalyzerKey)};
    });
}

}  // namespace rasd

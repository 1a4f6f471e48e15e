#pragma once
// The CPU-heavy half of indexing an article, which needs no database: analysis, metadata
// extraction and building the Xapian document. Separate from the write so that several threads
// can prepare articles while one thread per database writes them.

#include "article_document.hpp"

#include <rasd/analyzer_factory.hpp>
#include <rasd/article.hpp>
#include <rasd/indexer.hpp>

#include <xapian.h>

#include <memory>
#include <optional>
#include <string>

namespace rasd::detail {

// An article ready to be written: its unique id term, its document, its spelling words, and what
// was extracted (IndexedArticle::replaced is set by the write).
struct PreparedArticle {
    std::string id_term;
    Xapian::Document document;
    SpellingCounts spelling;
    // The MinHash signature of the body's words; none without story detection or words.
    std::optional<MinHashes> signature;
    IndexedArticle result;
};

// @throws InvalidArgument if the article cannot be indexed: an empty or too long id, or an
// empty body. Cheap, so callers can check before queuing an article for another thread.
void validate_article(const Article& article);

// One per thread: an Analyzer keeps ICU state that must not be shared.
class ArticlePreparer {
public:
    // `detect_stories`: compute each article's story fingerprint (IndexerOptions::stories).
    explicit ArticlePreparer(StemmerKind stemmer, bool detect_stories = true);

    // The signature of the analyzer that produces the terms (recorded in every database).
    [[nodiscard]] std::string analyzer_signature() const { return m_analyzer.signature(); }

    // @throws InvalidArgument if the id is empty or too long, or the body is empty.
    [[nodiscard]] PreparedArticle prepare(const Article& article);

private:
    LightStems light_stems(const Article& article, const AnalyzedArticle& analyzed);

    Analyzer m_analyzer;
    bool m_detect_stories = true;
    std::unique_ptr<Analyzer> m_light_analyzer;  // topic inference reads light stems; made on demand
};

}  // namespace rasd::detail

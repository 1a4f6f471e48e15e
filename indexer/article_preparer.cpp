#include "article_preparer.hpp"

#include "archive/term_codec.hpp"

#include <rasd/error.hpp>

namespace rasd::detail {

ArticlePreparer::ArticlePreparer(StemmerKind stemmer, bool detect_stories)
    : m_analyzer(make_analyzer(stemmer)), m_detect_stories(detect_stories) {}

LightStems ArticlePreparer::light_stems(const Article& article, const AnalyzedArticle& analyzed) {
    if (m_analyzer.name() == to_string(StemmerKind::Light)) return stems_of(analyzed);
    if (!m_light_analyzer) m_light_analyzer = std::make_unique<Analyzer>(make_analyzer(StemmerKind::Light));
    return stems_of(analyze_article(article, *m_light_analyzer));
}

void validate_article(const Article& article) {
    if (article.id.empty()) throw InvalidArgument("article has an empty id");
    if (article.id.size() > kMaxArticleIdBytes) {
        throw InvalidArgument("article id longer than " + std::to_string(kMaxArticleIdBytes) + " bytes");
    }
    if (article.body.empty()) throw InvalidArgument("article '" + article.id + "' has an empty body");
}

PreparedArticle ArticlePreparer::prepare(const Article& article) {
    validate_article(article);

    const AnalyzedArticle analyzed = analyze_article(article, m_analyzer);
    ArticleMetadata metadata =
        extract_metadata(article, light_stems(article, analyzed), {analyzed.title, analyzed.body});
    PreparedArticle prepared;
    prepared.id_term = schema::id_term(article.id);
    prepared.document = make_document(article, analyzed, metadata);
    collect_spelling_words(analyzed, prepared.spelling);
    if (m_detect_stories) {
        const std::vector<std::uint64_t> shingles = shingle_hashes(fingerprint_words(analyzed));
        if (shingles.size() >= kMinStoryShingles) {
            prepared.signature = minhash_signature(shingles);
            add_fingerprint(prepared.document, *prepared.signature);
        }
    }

    IndexedArticle& result = prepared.result;
    result.date = schema::iso_date(metadata.date);
    result.date_evidence = metadata.date_evidence;
    if (!metadata.place_chain.empty()) {
        result.place = metadata.place_chain.front()->arabic;
        result.place_id = metadata.place_chain.front()->id;
    }
    result.place_evidence = metadata.place_evidence;
    if (metadata.topic) result.topic = metadata.topic->id;
    result.topic_evidence = metadata.topic_evidence;
    result.warnings = article.warnings;
    for (std::string& warning : metadata.warnings) result.warnings.push_back(std::move(warning));
    return prepared;
}

}  // namespace rasd::detail

#include "article_document.hpp"

#include "archive/schema.hpp"
#include "archive/xapian_analysis.hpp"

#include <rasd/analysis/text_folding.hpp>

#include <nlohmann/json.hpp>

#include <cctype>
#include <unordered_set>

namespace rasd::detail {
namespace {

void add_boolean(Xapian::Document& document, const std::string& prefix, const std::string& value) {
    if (value.empty()) return;
    // Omega convention: a ':' separates an X-prefix from a value that starts with a capital.
    const bool needs_colon = prefix.size() > 1 && std::isupper(static_cast<unsigned char>(value[0]));
    document.add_boolean_term(prefix + (needs_colon ? ":" : "") + value);
}

// Numbers make no useful suggestions.
bool has_letter(const std::string& word) {
    for (unsigned char c : word) {
        if (c >= 0x80 || (c >= 'a' && c <= 'z')) return true;
    }
    return false;
}

// Xapian terms stop at 245 bytes; a source name longer than this is cut (at a character boundary).
constexpr std::size_t kMaxSourceTermBytes = 100;

std::string utf8_truncate(std::string text, std::size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    std::size_t end = max_bytes;
    while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) --end;
    text.resize(end);
    return text;
}

}  // namespace

std::string iso_date(const std::string& yyyymmdd) {
    if (yyyymmdd.size() != 8) return {};
    return yyyymmdd.substr(0, 4) + "-" + yyyymmdd.substr(4, 2) + "-" + yyyymmdd.substr(6, 2);
}

std::string id_term(const std::string& id) { return schema::kIdPrefix + id; }

AnalyzedArticle analyze_article(const Article& article, Analyzer& analyzer) {
    return {analyzer.analyze(article.title), analyzer.analyze(article.abstract), analyzer.analyze(article.body)};
}

LightStems stems_of(const AnalyzedArticle& analyzed) {
    LightStems stems;
    stems.reserve(analyzed.title.size() + analyzed.abstract.size() + analyzed.body.size());
    for (const auto* tokens : {&analyzed.title, &analyzed.abstract, &analyzed.body}) {
        for (const Token& token : *tokens) {
            if (!token.is_stop_word) stems.push_back(token.stem);
        }
    }
    return stems;
}

Xapian::Document make_document(const Article& article, const AnalyzedArticle& analyzed,
                               const ArticleMetadata& metadata) {
    Xapian::Document document;
    document.add_boolean_term(id_term(article.id));
    document.add_value(schema::kIdSlot, article.id);
    document.add_value(schema::kDateIdSlot,
                       (metadata.date.empty() ? std::string(schema::kUndatedSortKey) : metadata.date) + article.id);

    Xapian::termpos position = add_tokens(document, analyzed.title, "", schema::kTitleWdf, 0);
    add_tokens(document, analyzed.title, schema::kTitlePrefix, 1, 0);
    if (!analyzed.abstract.empty()) {
        position = add_tokens(document, analyzed.abstract, "", 1, position + schema::kFieldPositionGap);
    }
    if (!analyzed.body.empty()) {
        position = add_tokens(document, analyzed.body, "", 1, position + schema::kFieldPositionGap,
                              schema::kLedeWords, schema::kLedeWdf);
    }

    // Every level of the place, so a filter on مصر finds an article from دار السلام.
    for (const Place* place : metadata.place_chain) add_boolean(document, schema::kPlacePrefix, place->id);
    if (!metadata.place_chain.empty()) document.add_value(schema::kCountrySlot, metadata.place_chain.back()->id);
    if (const Place* city = city_level(metadata.place_chain)) document.add_value(schema::kCitySlot, city->id);
    if (metadata.topic) {
        add_boolean(document, schema::kTopicPrefix, metadata.topic->id);
        document.add_value(schema::kTopicSlot, metadata.topic->id);
    }
    add_boolean(document, schema::kSourcePrefix, utf8_truncate(fold_text(article.source), kMaxSourceTermBytes));
    if (const std::string& date = metadata.date; !date.empty()) {
        document.add_value(schema::kDateSlot, date);
        document.add_boolean_term(schema::kYearPrefix + date.substr(0, 4));
        document.add_boolean_term(schema::kMonthPrefix + date.substr(0, 6));
        document.add_boolean_term(schema::kDayPrefix + date);
        document.add_value(schema::kYearSlot, date.substr(0, 4));
        document.add_value(schema::kMonthSlot, date.substr(0, 4) + "-" + date.substr(4, 2));
    }

    const nlohmann::json data = {
        {"id", article.id},         {"title", article.title},   {"body", article.body},
        {"abstract", article.abstract}, {"date", iso_date(metadata.date)},
        {"date_given", article.date},
        {"place", metadata.place_chain.empty() ? article.place : metadata.place_chain.front()->arabic},
        {"place_id", metadata.place_chain.empty() ? "" : metadata.place_chain.front()->id},
        {"place_given", article.place},
        {"topic", metadata.topic ? metadata.topic->id : ""},
        {"topic_label", metadata.topic ? metadata.topic->arabic : ""},
        {"topic_source", to_string(metadata.topic_evidence)},
        {"topic_given", article.topic},   {"source", article.source}, {"url", article.url},
        {"author", article.author},
    };
    document.set_data(data.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    return document;
}

void collect_spelling_words(const AnalyzedArticle& analyzed, SpellingCounts& counts) {
    std::unordered_set<std::string_view> seen;
    for (const Token& token : analyzed.title) {
        if (token.is_stop_word || !has_letter(token.folded)) continue;
        if (seen.insert(token.folded).second) ++counts[token.folded];
    }
}

Article stored_article(const Xapian::Document& document) {
    const nlohmann::json data = nlohmann::json::parse(document.get_data(), nullptr, false);
    Article a;
    if (!data.is_object()) return a;
    auto get = [&](const char* key) { return data.value(key, std::string()); };
    a.id = get("id");
    a.title = get("title");
    a.body = get("body");
    a.abstract = get("abstract");
    a.date = get("date");
    a.place = get("place");
    a.topic = get("topic");
    a.source = get("source");
    a.url = get("url");
    a.author = get("author");
    return a;
}

}  // namespace rasd::detail

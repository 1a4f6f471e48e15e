#include "article_document.hpp"

#include "archive/schema.hpp"
#include "archive/stored_article.hpp"
#include "archive/term_codec.hpp"
#include "archive/xapian_analysis.hpp"
#include "util/utf8.hpp"

#include <unordered_set>

namespace rasd::detail {
namespace {

// Numbers make no useful suggestions.
bool has_letter(const std::string& word) {
    for (unsigned char c : word) {
        if (c >= 0x80 || (c >= 'a' && c <= 'z')) return true;
    }
    return false;
}

// Adds `term` unless its `value` is empty: an article without a source gets no source term.
void add_boolean_term(Xapian::Document& document, const std::string& term, const std::string& value) {
    if (!value.empty()) document.add_boolean_term(term);
}

// What the document data keeps: the article's fields as given, and what rasd made of them.
schema::StoredArticle stored_fields(const Article& article, const ArticleMetadata& metadata) {
    const Place* place = metadata.place_chain.empty() ? nullptr : metadata.place_chain.front();
    schema::StoredArticle stored;
    stored.id = article.id;
    stored.title = article.title;
    stored.body = article.body;
    stored.abstract = article.abstract;
    stored.date = schema::iso_date(metadata.date);
    stored.date_given = article.date;
    stored.place = place ? place->arabic : article.place;
    stored.place_id = place ? place->id : "";
    stored.place_given = article.place;
    stored.topic = metadata.topic ? metadata.topic->id : "";
    stored.topic_label = metadata.topic ? metadata.topic->arabic : "";
    stored.topic_source = to_string(metadata.topic_evidence);
    stored.topic_given = article.topic;
    stored.source = article.source;
    stored.url = article.url;
    stored.author = article.author;
    for (const ArticlePlace& found : metadata.places) {
        stored.places.push_back({found.place->id, found.place->arabic, to_string(found.evidence)});
    }
    return stored;
}

}  // namespace

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
    using schema::WordField;
    Xapian::Document document;
    document.add_boolean_term(schema::id_term(article.id));
    document.add_value(schema::kIdSlot, schema::id_value(article.id));
    document.add_value(schema::kDateIdSlot, schema::date_id_value(metadata.date, article.id));

    Xapian::termpos position = add_tokens(document, analyzed.title, WordField::All, schema::kTitleWdf, 0);
    add_tokens(document, analyzed.title, WordField::Title, 1, 0);
    if (!analyzed.abstract.empty()) {
        position = add_tokens(document, analyzed.abstract, WordField::All, 1, position + schema::kFieldPositionGap);
    }
    if (!analyzed.body.empty()) {
        position = add_tokens(document, analyzed.body, WordField::All, 1, position + schema::kFieldPositionGap,
                              schema::kLedeWords, schema::kLedeWdf);
    }

    // Every level of every place, so a filter on مصر finds an article from دار السلام.
    std::vector<std::string> place_ids;
    for (const ArticlePlace& found : metadata.places) {
        for (const Place* level : Gazetteer::builtin().chain(*found.place)) {
            if (std::find(place_ids.begin(), place_ids.end(), level->id) == place_ids.end()) {
                place_ids.push_back(level->id);
            }
        }
    }
    for (const Place* level : metadata.place_chain) {
        if (std::find(place_ids.begin(), place_ids.end(), level->id) == place_ids.end()) place_ids.push_back(level->id);
    }
    for (const std::string& id : place_ids) add_boolean_term(document, schema::place_term(id), id);
    // The countries, strongest first, one per country slot: facets count each article once for
    // every country it is about.
    std::size_t country_slot = 0;
    for (const ArticlePlace& found : metadata.places) {
        if (found.place->kind != "country" || country_slot == schema::kCountrySlots.size()) continue;
        document.add_value(schema::kCountrySlots[country_slot++], schema::country_value(found.place->id));
    }
    if (country_slot == 0 && !metadata.place_chain.empty()) {
        document.add_value(schema::kCountrySlot, schema::country_value(metadata.place_chain.back()->id));
    }
    if (const Place* city = city_level(metadata.place_chain)) {
        document.add_value(schema::kCitySlot, schema::city_value(city->id));
    }
    if (metadata.topic) {
        add_boolean_term(document, schema::topic_term(metadata.topic->id), metadata.topic->id);
        document.add_value(schema::kTopicSlot, schema::topic_value(metadata.topic->id));
    }
    const std::string source_term = schema::source_term(article.source);  // folded and cut
    add_boolean_term(document, source_term, schema::source_of_term(source_term));
    if (const std::string source = schema::source_value(article.source); !source.empty()) {
        document.add_value(schema::kSourceSlot, source);
    }
    if (const std::string& date = metadata.date; !date.empty()) {
        document.add_value(schema::kDateSlot, schema::date_value(date));
        document.add_boolean_term(schema::year_term(date));
        document.add_boolean_term(schema::month_term(date));
        document.add_boolean_term(schema::day_term(date));
        document.add_value(schema::kYearSlot, schema::year_value(date));
        document.add_value(schema::kMonthSlot, schema::month_value(date));
    }

    // The facet slots' values again in one, read back from the slots so the two cannot differ.
    schema::FacetSlotValues facets{.topic = document.get_value(schema::kTopicSlot),
                                   .countries = {},
                                   .city = document.get_value(schema::kCitySlot),
                                   .source = document.get_value(schema::kSourceSlot),
                                   .month = document.get_value(schema::kMonthSlot)};
    for (std::size_t i = 0; i < schema::kCountrySlots.size(); ++i) {
        facets.countries[i] = document.get_value(schema::kCountrySlots[i]);
    }
    if (const std::string value = schema::facets_value(facets); !value.empty()) {
        document.add_value(schema::kFacetsSlot, value);
    }

    const std::string data = stored_fields(article, metadata).to_data();
    document.add_value(schema::kContentDigestSlot, schema::content_digest_value(data));
    document.set_data(data);
    return document;
}

std::vector<std::string_view> fingerprint_words(const AnalyzedArticle& analyzed) {
    std::vector<std::string_view> words;
    words.reserve(analyzed.body.size());
    for (const Token& token : analyzed.body) words.push_back(token.folded);
    return words;
}

void add_fingerprint(Xapian::Document& document, const MinHashes& signature) {
    document.add_value(schema::kSignatureSlot, schema::signature_value(signature));
    for (const std::uint64_t key : band_keys(signature)) document.add_boolean_term(schema::band_term(key));
}

void set_story(Xapian::Document& document, const std::string& story_id) {
    document.add_value(schema::kStorySlot, schema::story_value(story_id));
    document.add_boolean_term(schema::story_term(story_id));
}

void collect_spelling_words(const AnalyzedArticle& analyzed, SpellingCounts& counts) {
    std::unordered_set<std::string_view> seen;
    for (const Token& token : analyzed.title) {
        if (token.is_stop_word || !has_letter(token.folded)) continue;
        if (seen.insert(token.folded).second) ++counts[token.folded];
    }
}

}  // namespace rasd::detail

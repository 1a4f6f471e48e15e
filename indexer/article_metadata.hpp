#pragma once
// What rasd extracts from an article before indexing it: the date it was published (from the
// date field, else the URL, else the opening words), the places the story is about (the place
// field, else knowledge/place_finder.hpp's reading of dateline, title, lede and body) and its
// topic, with a note for anything it could not read.

#include "knowledge/gazetteer.hpp"
#include "knowledge/place_finder.hpp"
#include "knowledge/topics.hpp"

#include <rasd/analysis/token.hpp>

#include <rasd/article.hpp>
#include <rasd/indexer.hpp>

#include <span>
#include <string>
#include <vector>

namespace rasd::detail {

struct ArticleMetadata {
    std::string date;                   // "YYYYMMDD", or "" when no date was found
    DateEvidence date_evidence = DateEvidence::None;
    std::vector<const Place*> place_chain;  // the primary place, then its parents up to the country
    PlaceEvidence place_evidence = PlaceEvidence::None;  // where the primary place was found
    std::vector<ArticlePlace> places;   // every place the story is about: countries, then cities
    const Topic* topic = nullptr;       // rasd's topic, or nullptr
    TopicEvidence topic_evidence = TopicEvidence::None;
    std::vector<std::string> warnings;  // e.g. "unparseable date 'غدا'"
};

// The article's words as the `light` analyzer stems them, which is what topic inference reads.
using LightStems = std::vector<std::string>;

// The analyzer's tokens of the title and the body, which the place finder reads. Without them
// places come from the place field and the dateline only.
struct ArticleTokens {
    std::span<const Token> title;
    std::span<const Token> body;
};

// Date and places from the article's fields and text; the topic from its topic field (mapped
// onto rasd's taxonomy), else inferred from `light_stems` (title, abstract and body).
[[nodiscard]] ArticleMetadata extract_metadata(const Article& article, const LightStems& light_stems,
                                               const ArticleTokens& tokens = {},
                                               const Gazetteer& gazetteer = Gazetteer::builtin(),
                                               const TopicTaxonomy& topics = TopicTaxonomy::builtin());

// The place to show and to facet by "city": the nearest place in the chain that is a city,
// governorate or region (a district reports its city); nullptr when the chain is only a country.
[[nodiscard]] const Place* city_level(const std::vector<const Place*>& chain);

}  // namespace rasd::detail

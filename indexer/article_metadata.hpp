#pragma once
// What rasd extracts from an article before indexing it: the date it was published (from the
// date field, else the URL, else the opening words) and the place it was reported from (the
// place field, else the dateline of the body or byline), with a note for anything it could not
// read.

#include "gazetteer.hpp"

#include <rasd/article.hpp>

#include <string>
#include <vector>

namespace rasd::detail {

struct ArticleMetadata {
    std::string date;                   // "YYYYMMDD", or "" when no date was found
    std::string date_source;            // "field", "url", "text" or ""
    std::vector<const Place*> place_chain;  // the place, then its parents up to the country; empty if none
    std::string place_source;           // "field", "dateline" or ""
    std::vector<std::string> warnings;  // e.g. "unparseable date 'غدا'"
};

[[nodiscard]] ArticleMetadata extract_metadata(const Article& article,
                                               const Gazetteer& gazetteer = Gazetteer::builtin());

// The place to show and to facet by "city": the nearest place in the chain that is a city,
// governorate or region (a district reports its city); nullptr when the chain is only a country.
[[nodiscard]] const Place* city_level(const std::vector<const Place*>& chain);

}  // namespace rasd::detail

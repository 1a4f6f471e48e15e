#pragma once
// What rasd extracts from an article before indexing it: the date it was published (from the
// date field, else the URL, else the opening words), with a note for anything it could not read.

#include <rasd/article.hpp>

#include <string>
#include <vector>

namespace rasd::detail {

struct ArticleMetadata {
    std::string date;                   // "YYYYMMDD", or "" when no date was found
    std::string date_source;            // "field", "url", "text" or ""
    std::vector<std::string> warnings;  // e.g. "unparseable date 'غدا'"
};

[[nodiscard]] ArticleMetadata extract_metadata(const Article& article);

}  // namespace rasd::detail

#pragma once
// What a search asks for besides its query text, as rasd-search's flags and rasd-serve's URL
// parameters give it, and the SearchOptions it means: one mapping for both programs.

#include <rasd/searcher.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace rasd::cli {

// Hits per page and hits to skip: beyond this a value is a typo (or a wrapped-around -1).
inline constexpr std::size_t kMaxHits = 1'000'000;

struct SearchRequest {
    std::size_t limit = 10;
    std::size_t offset = 0;
    std::string sort = "relevance";
    std::vector<std::string> topics, places, sources;
    std::string from, to;
    bool facets = false;
    bool explain = false;
    bool collapse = false;  // one hit per story (docs/STORIES.md)
    bool relax = true;      // a phrase that finds nothing is searched as its words
    bool exact_total = false;  // count free text's matches exactly up to kExactTotalUpTo
    bool passage = true;    // relevance order re-ranks the best hits by their best passage
    bool snippets = true;   // each hit carries a snippet
    std::string story;      // list this story (a story id or any of its articles' ids)
    std::string like;       // articles like this article id

    // True if a topic, place, source or date limit is given (a search may then have no words).
    [[nodiscard]] bool has_filters() const;
};

// `query` with the request's filters (--topic, --place, --source, --from/--to, or the API's
// parameters) written in the query's syntax: what was searched, as the text's "for:" line and
// JSON's "searched" give it ("اللاجئين place:لبنان date:2018-05..").
[[nodiscard]] std::string searched_for(const std::string& query, const SearchRequest& request);

// The library's options for `request`, with the library's default highlight marks.
// @throws rasd::InvalidArgument for an unknown sort order.
[[nodiscard]] SearchOptions search_options(const SearchRequest& request);

}  // namespace rasd::cli

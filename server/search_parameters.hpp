#pragma once
// The URL parameters of a search (/api/search and the page at /) read into the query text and
// the cli::SearchRequest that rasd-search's flags fill: q is the QUERY, topic, place and source
// are --topic, --place and --source (repeatable), from, to, sort, limit and offset the flags of
// the same name, facets=1 --facets, explain=1 --explain, collapse=1 --collapse, story=ID
// --story and like=ID --like (docs/API.md).

#include "cli/search_request.hpp"
#include "server/request_target.hpp"

#include <cstddef>
#include <string>

namespace rasd::serve {

// Most hits one request may ask for: rasd-search allows 1,000,000, a shared server does not
// render that many per request.
inline constexpr std::size_t kMaxHitsPerRequest = 1000;

struct SearchParameters {
    std::string query;  // q, "" when absent
    cli::SearchRequest request;
};

// @throws RequestError for an unknown or repeated parameter, a limit or offset that is not a
//         whole number in range, or a facets, explain or collapse other than 0 or 1.
[[nodiscard]] SearchParameters read_search_parameters(const QueryParameters& parameters);

// The parameters that give `search` back (the page's links), without the defaults.
[[nodiscard]] QueryParameters search_parameters_of(const SearchParameters& search);

// "name=value&..." percent-encoded.
[[nodiscard]] std::string query_string(const QueryParameters& parameters);

}  // namespace rasd::serve

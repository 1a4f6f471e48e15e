#pragma once
// The search page at "/", rendered on the server: the results with their highlighted words,
// the facet sidebar and the date histogram (links that filter), sorting, paging and the
// "هل تقصد" suggestion.

#include "server/error_report.hpp"
#include "server/search_parameters.hpp"

#include <rasd/searcher.hpp>

#include <string>

namespace rasd::serve {

// The library's options for the page's search: the request's, with facets and <mark> marks.
[[nodiscard]] SearchOptions page_search_options(const SearchParameters& search);

struct SearchPage {
    const SearchParameters& search;
    const SearchResults* results = nullptr;      // null before a search or after an error
    const ErrorReport* error = nullptr;          // what went wrong, if something did
};

[[nodiscard]] std::string search_page_html(const SearchPage& page);

}  // namespace rasd::serve

#pragma once
// Which answer a request gets: the request's target decoded strictly (request_target.hpp),
// then the API, the pages or a built-in asset by path; everything else is a 404. The HTTP
// library only carries bytes to and from here.

#include "server/api_handlers.hpp"
#include "server/searcher_pool.hpp"

#include <string_view>

namespace rasd::serve {

// Answers a GET (or HEAD) of `target`, the request line's target as sent.
[[nodiscard]] Reply route(SearcherPool& pool, std::string_view target);

// The reply to a method other than GET and HEAD (405), as JSON under /api/, else as a page.
[[nodiscard]] Reply method_not_allowed(std::string_view target);

// The JSON error document (docs/API.md) of a request the HTTP library refused before routing
// it with `status` (a request line or header it cannot read: 400; a body or target too long:
// 413, 414), whose path is therefore unknown.
[[nodiscard]] Reply unreadable_request(int status);

}  // namespace rasd::serve

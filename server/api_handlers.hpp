#pragma once
// The JSON API (docs/API.md): /api/search, /api/article/ID, /api/stats and /healthz, each a
// function from the decoded request to a reply, errors included.

#include "server/request_target.hpp"
#include "server/searcher_pool.hpp"

#include <string>

namespace rasd::serve {

struct Reply {
    int status = 200;
    std::string content_type;
    std::string body;
};

inline constexpr const char* kJsonType = "application/json; charset=utf-8";

// The document `rasd-search --json` prints for the same query and flags (search_parameters.hpp).
[[nodiscard]] Reply search_api(SearcherPool& pool, const QueryParameters& parameters);

// The whole stored article; 404 when the archive has no such id.
[[nodiscard]] Reply article_api(SearcherPool& pool, const std::string& id, const QueryParameters& parameters);

// What `rasd-index --stats --json` prints, without "db".
[[nodiscard]] Reply stats_api(SearcherPool& pool, const QueryParameters& parameters);

// {"status":"ok","articles":N} once the archive answers; 503 with the error otherwise.
[[nodiscard]] Reply health_api(SearcherPool& pool, const QueryParameters& parameters);

// {"error":{"status":S,"message":M[,"position":P]}} for the error being handled (report_error()).
[[nodiscard]] Reply json_error(const std::exception_ptr& error);

// @throws RequestError unless `parameters` is empty (for the paths that take none).
void expect_no_parameters(const QueryParameters& parameters);

}  // namespace rasd::serve

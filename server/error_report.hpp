#pragma once
// What went wrong with a request, as an HTTP status and a message, whatever threw: the API
// answers it as JSON, the page shows it.

#include <cstddef>
#include <exception>
#include <optional>
#include <string>

namespace rasd::serve {

struct ErrorReport {
    int status = 500;
    std::string message;
    std::optional<std::size_t> position;  // the 1-based character column of a query error
};

// 400 for a bad request or query (RequestError, rasd::InvalidArgument, with the position of a
// rasd::QuerySyntaxError), 503 for a shard that does not answer (rasd::ShardUnavailableError),
// the RequestError's own status, 500 for everything else.
[[nodiscard]] ErrorReport report_error(const std::exception_ptr& error);

}  // namespace rasd::serve

#pragma once
// The parts of a request's target (path and query string), decoded strictly: a '%' not followed
// by two hex digits, or bytes that are not UTF-8 once decoded, are a bad request, never a guess.

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rasd::serve {

// A request the server refuses, with the HTTP status to answer (400 unless said otherwise).
class RequestError : public std::runtime_error {
public:
    explicit RequestError(const std::string& message, int status = 400)
        : std::runtime_error(message), m_status(status) {}
    [[nodiscard]] int status() const noexcept { return m_status; }

private:
    int m_status;
};

using QueryParameters = std::vector<std::pair<std::string, std::string>>;

struct RequestTarget {
    std::string path;          // decoded
    QueryParameters parameters;  // decoded, in order; '+' is a space
};

// Splits and decodes a request target ("/api/search?q=%D8%B3&limit=5").
// @throws RequestError naming the bad percent-encoding or the parameter that is not UTF-8.
[[nodiscard]] RequestTarget parse_request_target(std::string_view target);

// `text` percent-encoded for a URL's query string or path segment (every byte but unreserved
// ASCII letters, digits and -._~).
[[nodiscard]] std::string percent_encode(std::string_view text);

}  // namespace rasd::serve

// rasd-serve's reading of requests: targets decoded strictly, search parameters mapped onto
// rasd-search's flags, --listen addresses.

#include <doctest/doctest.h>

#include "server/listen_address.hpp"
#include "server/request_target.hpp"
#include "server/search_parameters.hpp"

#include <rasd/error.hpp>

#include <string>

using rasd::serve::RequestError;
using rasd::serve::parse_request_target;

namespace {

// The message of the RequestError that parsing `target` throws, or "" if none.
std::string target_error(const std::string& target) {
    try {
        (void)parse_request_target(target);
    } catch (const RequestError& e) {
        CHECK(e.status() == 400);
        return e.what();
    }
    return "";
}

std::string parameters_error(const std::string& target) {
    try {
        (void)rasd::serve::read_search_parameters(parse_request_target(target).parameters);
    } catch (const RequestError& e) {
        CHECK(e.status() == 400);
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("request targets: percent-encoding, '+' and UTF-8") {
    const rasd::serve::RequestTarget t =
        parse_request_target("/api/search?q=%D8%B3%D8%A7%D8%A6%D9%82+%D9%86%D9%82%D9%84&topic=a%2Bb&empty&=x");
    CHECK(t.path == "/api/search");
    REQUIRE(t.parameters.size() == 4);
    CHECK(t.parameters[0] == std::pair<std::string, std::string>("q", "سائق نقل"));
    CHECK(t.parameters[1] == std::pair<std::string, std::string>("topic", "a+b"));
    CHECK(t.parameters[2] == std::pair<std::string, std::string>("empty", ""));
    CHECK(t.parameters[3] == std::pair<std::string, std::string>("", "x"));
    CHECK(parse_request_target("/article/a%2Fb+c").path == "/article/a/b+c");  // '+' is a space only in queries
}

TEST_CASE("request targets: malformed ones are named") {
    const struct {
        const char* target;
        const char* message;
    } cases[] = {
        {"/api/search?q=%ZZ", "bad percent-encoding in the parameter 'q' at byte 1: '%' must be followed by two hex digits"},
        {"/api/search?q=ab%4", "bad percent-encoding in the parameter 'q' at byte 3: '%' must be followed by two hex digits"},
        {"/api/search?q=%", "bad percent-encoding in the parameter 'q' at byte 1: '%' must be followed by two hex digits"},
        {"/a%G0", "bad percent-encoding in the path at byte 3: '%' must be followed by two hex digits"},
        {"/api/search?%ZZ=1", "bad percent-encoding in the query string at byte 1: '%' must be followed by two hex digits"},
        {"/api/search?q=%FF", "the parameter 'q' is not valid UTF-8"},
        {"/api/search?q=%D8", "the parameter 'q' is not valid UTF-8"},   // a cut sequence
        {"/api/search?q=%C0%AF", "the parameter 'q' is not valid UTF-8"},  // overlong '/'
        {"/%ED%A0%80", "the path is not valid UTF-8"},                   // a surrogate
    };
    for (const auto& c : cases) {
        CAPTURE(c.target);
        CHECK(target_error(c.target) == c.message);
    }
}

TEST_CASE("search parameters map onto rasd-search's flags") {
    const rasd::serve::SearchParameters s = rasd::serve::read_search_parameters(
        parse_request_target("/?q=x&topic=sports&topic=security&place=eg&source=S&from=2019&to=2020-03&sort=newest"
                             "&limit=25&offset=50&facets=1&explain=0&relax=0&exact_total=1&passage=0&snippets=0")
            .parameters);
    CHECK(s.query == "x");
    CHECK(s.request.topics == std::vector<std::string>{"sports", "security"});
    CHECK(s.request.places == std::vector<std::string>{"eg"});
    CHECK(s.request.sources == std::vector<std::string>{"S"});
    CHECK(s.request.from == "2019");
    CHECK(s.request.to == "2020-03");
    CHECK(s.request.sort == "newest");
    CHECK(s.request.limit == 25);
    CHECK(s.request.offset == 50);
    CHECK(s.request.facets);
    CHECK_FALSE(s.request.explain);
    CHECK_FALSE(s.request.relax);
    CHECK(rasd::cli::search_options(s.request).relax_phrases == false);
    CHECK(rasd::cli::search_options(s.request).exact_total);
    CHECK_FALSE(rasd::cli::search_options(rasd::serve::read_search_parameters(parse_request_target("/?q=x").parameters)
                                              .request)
                    .exact_total);
    CHECK_FALSE(s.request.passage);
    CHECK(rasd::cli::search_options(s.request).passage == false);
    CHECK(rasd::serve::read_search_parameters(parse_request_target("/?q=x").parameters).request.relax);
    CHECK(rasd::serve::read_search_parameters(parse_request_target("/?q=x").parameters).request.passage);
    CHECK_FALSE(s.request.snippets);
    CHECK_FALSE(rasd::cli::search_options(s.request).snippets);
    CHECK(rasd::serve::read_search_parameters(parse_request_target("/?q=x").parameters).request.snippets);
    CHECK(rasd::serve::read_search_parameters(parse_request_target("/?q=x&snippets=1").parameters).request.snippets);
    // And back to a query string for the page's links, defaults left out.
    CHECK(rasd::serve::query_string(rasd::serve::search_parameters_of(s)) ==
          "q=x&topic=sports&topic=security&place=eg&source=S&from=2019&to=2020-03&sort=newest&limit=25&offset=50&facets=1&relax=0&exact_total=1&passage=0&snippets=0");
}

TEST_CASE("search parameters: unknown, repeated and out-of-range ones are refused") {
    const struct {
        const char* target;
        const char* message;
    } cases[] = {
        {"/?q=x&bogus=1", "unknown parameter 'bogus' (valid: q, topic, place, source, from, to, sort, limit, offset, facets, explain, collapse, relax, exact_total, passage, snippets, story, like)"},
        {"/?q=x&q=y", "parameter 'q' given twice"},
        {"/?limit=-1", "limit must be a whole number from 0 to 1000, got '-1'"},
        {"/?limit=1001", "limit must be a whole number from 0 to 1000, got '1001'"},
        {"/?offset=1000001", "offset must be a whole number from 0 to 1000000, got '1000001'"},
        {"/?limit=ten", "limit must be a whole number from 0 to 1000, got 'ten'"},
        {"/?facets=yes", "facets must be 0 or 1, got 'yes'"},
        {"/?snippets=no", "snippets must be 0 or 1, got 'no'"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.target);
        CHECK(parameters_error(c.target) == c.message);
    }
}

TEST_CASE("--listen addresses") {
    CHECK(rasd::serve::parse_listen_address("127.0.0.1:8080").host == "127.0.0.1");
    CHECK(rasd::serve::parse_listen_address("127.0.0.1:8080").port == 8080);
    CHECK(rasd::serve::parse_listen_address("[::1]:0").host == "::1");
    CHECK(rasd::serve::parse_listen_address(":9000").host == "127.0.0.1");
    CHECK_THROWS_WITH_AS((void)rasd::serve::parse_listen_address("localhost"),
                         "--listen must be HOST:PORT, e.g. 127.0.0.1:8080; got 'localhost' (no port)",
                         rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS((void)rasd::serve::parse_listen_address("127.0.0.1:70000"),
                         "--listen must be HOST:PORT, e.g. 127.0.0.1:8080; got '127.0.0.1:70000' (the port is above 65535)",
                         rasd::InvalidArgument);
}

#include "server/router.hpp"

#include "server/article_page.hpp"
#include "server/assets.hpp"
#include "server/error_report.hpp"
#include "server/html_text.hpp"
#include "server/page_layout.hpp"
#include "server/search_page.hpp"

#include <rasd/error.hpp>

#include <optional>

namespace rasd::serve {
namespace {

constexpr int kNotFound = 404;
constexpr int kMethodNotAllowed = 405;
constexpr const char* kHtmlType = "text/html; charset=utf-8";
constexpr std::string_view kApiPrefix = "/api/";
constexpr std::string_view kArticleApiPrefix = "/api/article/";
constexpr std::string_view kArticlePagePrefix = "/article/";
constexpr std::string_view kAssetPrefix = "/assets/";

bool is_api(std::string_view path) { return path.starts_with(kApiPrefix) || path == "/healthz"; }

Reply html_error(const std::exception_ptr& error) {
    const ErrorReport report = report_error(error);
    const std::string main = "<main class=\"article\"><p class=\"error\" role=\"alert\">" + html_text(report.message) +
                             "</p><p><a href=\"/\">رصد</a></p></main>";
    return {report.status, kHtmlType, page_html({"رصد", "", "relevance", main})};
}

// The search page; a query error is shown on the page, with its status.
Reply search_page(SearcherPool& pool, const QueryParameters& parameters) {
    const SearchParameters search = read_search_parameters(parameters);
    std::optional<SearchResults> results;
    std::optional<ErrorReport> error;
    try {
        pool.with_searcher([&](Searcher& s) {
            const cli::SearchRequest& r = search.request;
            if (!r.story.empty() || !r.like.empty()) {
                SearchOptions options = page_search_options(search);
                options.facets = false;  // a story or its related coverage: a list, not a search
                results = r.story.empty() ? s.like(r.like, options) : s.story(r.story, options);
            } else if (!search.query.empty() || r.has_filters()) {
                results = s.search(search.query, page_search_options(search));
            }
            return 0;
        });
    } catch (...) {
        error = report_error(std::current_exception());
    }
    const std::string html =
        search_page_html({search, results ? &*results : nullptr, error ? &*error : nullptr});
    return {error ? error->status : 200, kHtmlType, html};
}

Reply article_page(SearcherPool& pool, const std::string& id, const QueryParameters& parameters) {
    expect_no_parameters(parameters);
    const std::optional<ArchivedArticle> found = pool.with_searcher([&](Searcher& s) { return s.article(id); });
    if (!found) throw RequestError("لا مقال بالمعرّف '" + id + "'", kNotFound);
    return {200, kHtmlType, article_page_html(*found)};
}

Reply asset(std::string_view name, const QueryParameters& parameters) {
    expect_no_parameters(parameters);
    const std::optional<Asset> found = builtin_asset(name);
    if (!found) throw RequestError("no such file", kNotFound);
    return {200, std::string(found->content_type), std::string(found->content)};
}

}  // namespace

Reply route(SearcherPool& pool, std::string_view target) {
    const bool api = is_api(target.substr(0, target.find('?')));
    try {
        const RequestTarget request = parse_request_target(target);
        const std::string& path = request.path;
        const QueryParameters& parameters = request.parameters;
        if (path == "/api/search") return search_api(pool, parameters);
        if (path == "/api/stats") return stats_api(pool, parameters);
        if (path == "/healthz") return health_api(pool, parameters);
        if (path.starts_with(kArticleApiPrefix)) {
            return article_api(pool, path.substr(kArticleApiPrefix.size()), parameters);
        }
        if (path == "/") return search_page(pool, parameters);
        if (path.starts_with(kArticlePagePrefix)) {
            return article_page(pool, path.substr(kArticlePagePrefix.size()), parameters);
        }
        if (path.starts_with(kAssetPrefix)) return asset(std::string_view(path).substr(kAssetPrefix.size()), parameters);
        throw RequestError("no such page", kNotFound);
    } catch (...) {
        return api ? json_error(std::current_exception()) : html_error(std::current_exception());
    }
}

Reply method_not_allowed(std::string_view target) {
    const RequestError error("only GET and HEAD are served", kMethodNotAllowed);
    const auto thrown = std::make_exception_ptr(error);
    return is_api(target.substr(0, target.find('?'))) ? json_error(thrown) : html_error(thrown);
}

Reply unreadable_request(int status) {
    constexpr int kPayloadTooLarge = 413;
    constexpr int kUriTooLong = 414;
    constexpr int kBadRequest = 400;
    const char* message = "the request cannot be served";
    if (status == kBadRequest) message = "malformed request: its request line or a header cannot be read";
    if (status == kPayloadTooLarge) message = "the request body is too large";
    if (status == kUriTooLong) message = "the request target is too long";
    return json_error(std::make_exception_ptr(RequestError(message, status)));
}

}  // namespace rasd::serve

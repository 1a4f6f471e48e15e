#include "server/api_handlers.hpp"

#include "cli/search_json.hpp"
#include "server/error_report.hpp"
#include "server/search_parameters.hpp"

#include <rasd/error.hpp>

#include <nlohmann/json.hpp>

namespace rasd::serve {
namespace {

constexpr int kNotFound = 404;
constexpr std::size_t kStatsTop = 10;

Reply json_reply(const nlohmann::json& document, int status = 200) {
    return {status, kJsonType, cli::json_text(document) + "\n"};
}

// Runs `answer`, turning whatever it throws into the JSON error of report_error().
template <typename Answer>
Reply answered(Answer&& answer) {
    try {
        return answer();
    } catch (...) {
        return json_error(std::current_exception());
    }
}

}  // namespace

void expect_no_parameters(const QueryParameters& parameters) {
    if (!parameters.empty()) throw RequestError("unknown parameter '" + parameters.front().first + "' (this path takes none)");
}

Reply json_error(const std::exception_ptr& error) {
    const ErrorReport report = report_error(error);
    nlohmann::json body = {{"status", report.status}, {"message", report.message}};
    if (report.position) body["position"] = *report.position;
    return json_reply({{"error", body}}, report.status);
}

// rasd-search --json prints a single query's document with "qid": "1" (the query's number in
// a batch of one): the same bytes here.
Reply search_api(SearcherPool& pool, const QueryParameters& parameters) {
    return answered([&] {
        const SearchParameters search = read_search_parameters(parameters);
        const cli::SearchRequest& r = search.request;
        const bool story_or_like = !r.story.empty() || !r.like.empty();
        if (story_or_like) {
            // As rasd-search's --story and --like: an article id, no query, filters or order.
            if (!r.story.empty() && !r.like.empty()) throw RequestError("give either story or like, not both");
            if (!search.query.empty() || r.has_filters() || r.facets || r.sort != cli::SearchRequest{}.sort) {
                throw RequestError(std::string(r.story.empty() ? "like" : "story") + " takes no q, filters, facets or sort");
            }
        } else if (search.query.empty() && !r.has_filters()) {
            throw RequestError("no query given: q or a filter (topic, place, source, from, to) is needed");
        }
        const SearchOptions options = cli::search_options(r);
        const SearchResults results = pool.with_searcher([&](Searcher& s) {
            if (!r.story.empty()) return s.story(r.story, options);
            if (!r.like.empty()) return s.like(r.like, options);
            return s.search(search.query, options);
        });
        nlohmann::json document = cli::results_json(results, search.request);
        document["qid"] = "1";
        return json_reply(document);
    });
}

Reply article_api(SearcherPool& pool, const std::string& id, const QueryParameters& parameters) {
    return answered([&] {
        expect_no_parameters(parameters);
        const std::optional<ArchivedArticle> found = pool.with_searcher([&](Searcher& s) { return s.article(id); });
        if (!found) throw RequestError("no article with id '" + id + "'", kNotFound);
        const ArchivedArticle& a = *found;
        nlohmann::json places = nlohmann::json::array();
        for (const HitPlace& place : a.places) {
            places.push_back({{"id", place.id}, {"name", place.name}, {"evidence", place.evidence}});
        }
        return json_reply({{"id", a.id},
                           {"title", a.title},
                           {"body", a.body},
                           {"abstract", a.abstract},
                           {"date", a.date},
                           {"date_given", a.date_given},
                           {"place", a.place},
                           {"place_id", a.place_id},
                           {"place_given", a.place_given},
                           {"places", places},
                           {"topic", a.topic},
                           {"topic_label", a.topic_label},
                           {"topic_given", a.topic_given},
                           {"source", a.source},
                           {"url", a.url},
                           {"author", a.author}});
    });
}

Reply stats_api(SearcherPool& pool, const QueryParameters& parameters) {
    return answered([&] {
        expect_no_parameters(parameters);
        return json_reply(cli::stats_json(pool.with_searcher([](Searcher& s) { return s.stats(kStatsTop); })));
    });
}

Reply health_api(SearcherPool& pool, const QueryParameters& parameters) {
    return answered([&] {
        expect_no_parameters(parameters);
        // Any failure to read the archive is "not ready", the status a load balancer acts on.
        try {
            // article_count() is constant time: a probe polled often must not count the archive.
            const std::size_t articles = pool.with_searcher([](Searcher& s) { return s.article_count(); });
            return json_reply({{"status", "ok"}, {"articles", articles}});
        } catch (const DatabaseError& e) {
            throw RequestError(e.what(), 503);
        }
    });
}

}  // namespace rasd::serve

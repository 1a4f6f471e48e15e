#include "cli/search_request.hpp"

namespace rasd::cli {

bool SearchRequest::has_filters() const {
    return !topics.empty() || !places.empty() || !sources.empty() || !from.empty() || !to.empty();
}

SearchOptions search_options(const SearchRequest& request) {
    SearchOptions options;
    options.limit = request.limit;
    options.offset = request.offset;
    options.sort = parse_sort_order(request.sort);
    options.topics = request.topics;
    options.places = request.places;
    options.sources = request.sources;
    options.from = request.from;
    options.to = request.to;
    options.facets = request.facets;
    options.collapse = request.collapse;
    options.relax_phrases = request.relax;
    options.exact_total = request.exact_total;
    options.passage = request.passage;
    options.snippets = request.snippets;
    return options;
}

std::string searched_for(const std::string& query, const SearchRequest& request) {
    std::string text = query;
    auto add = [&](const char* field, const std::string& value) {
        const bool quoted = value.find_first_of(" \t") != std::string::npos;
        text += (text.empty() ? "" : " ") + std::string(field) + ":" + (quoted ? "\"" + value + "\"" : value);
    };
    for (const std::string& topic : request.topics) add("topic", topic);
    for (const std::string& place : request.places) add("place", place);
    for (const std::string& source : request.sources) add("source", source);
    if (!request.from.empty() || !request.to.empty()) add("date", request.from + ".." + request.to);
    return text;
}

}  // namespace rasd::cli

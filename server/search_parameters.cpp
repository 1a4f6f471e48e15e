#include "server/search_parameters.hpp"

#include "cli/whole_number_option.hpp"

#include <boost/program_options/errors.hpp>

#include <set>

namespace rasd::serve {
namespace {

const char* const kValidNames =
    "q, topic, place, source, from, to, sort, limit, offset, facets, explain, collapse, relax, exact_total, passage, "
    "snippets, story, like";

std::size_t whole_number(const std::string& name, const std::string& value, std::size_t max) {
    try {
        return static_cast<std::size_t>(cli::parse_whole_number(name, value, 0, max));
    } catch (const boost::program_options::error& e) {
        throw RequestError(e.what());
    }
}

bool switch_value(const std::string& name, const std::string& value) {
    if (value == "1") return true;
    if (value == "0" || value.empty()) return false;
    throw RequestError(name + " must be 0 or 1, got '" + value + "'");
}

}  // namespace

SearchParameters read_search_parameters(const QueryParameters& parameters) {
    SearchParameters search;
    cli::SearchRequest& r = search.request;
    std::set<std::string> seen;
    for (const auto& [name, value] : parameters) {
        const bool repeatable = name == "topic" || name == "place" || name == "source";
        if (!repeatable && !seen.insert(name).second) throw RequestError("parameter '" + name + "' given twice");
        if (name == "q") {
            search.query = value;
        } else if (name == "topic") {
            r.topics.push_back(value);
        } else if (name == "place") {
            r.places.push_back(value);
        } else if (name == "source") {
            r.sources.push_back(value);
        } else if (name == "from") {
            r.from = value;
        } else if (name == "to") {
            r.to = value;
        } else if (name == "sort") {
            r.sort = value;
        } else if (name == "limit") {
            r.limit = whole_number(name, value, kMaxHitsPerRequest);
        } else if (name == "offset") {
            r.offset = whole_number(name, value, cli::kMaxHits);
        } else if (name == "facets") {
            r.facets = switch_value(name, value);
        } else if (name == "explain") {
            r.explain = switch_value(name, value);
        } else if (name == "collapse") {
            r.collapse = switch_value(name, value);
        } else if (name == "relax") {
            r.relax = switch_value(name, value);
        } else if (name == "exact_total") {
            r.exact_total = switch_value(name, value);
        } else if (name == "passage") {
            r.passage = switch_value(name, value);
        } else if (name == "snippets") {
            r.snippets = switch_value(name, value);
        } else if (name == "story" || name == "like") {
            // As rasd-search --story "": an empty id would quietly be no story at all.
            if (value.empty()) throw RequestError(name + " needs an article id, not an empty value");
            (name == "story" ? r.story : r.like) = value;
        } else {
            throw RequestError("unknown parameter '" + name + "' (valid: " + kValidNames + ")");
        }
    }
    return search;
}

QueryParameters search_parameters_of(const SearchParameters& search) {
    const cli::SearchRequest& r = search.request;
    const cli::SearchRequest defaults;
    QueryParameters out;
    if (!search.query.empty()) out.emplace_back("q", search.query);
    for (const std::string& topic : r.topics) out.emplace_back("topic", topic);
    for (const std::string& place : r.places) out.emplace_back("place", place);
    for (const std::string& source : r.sources) out.emplace_back("source", source);
    if (!r.from.empty()) out.emplace_back("from", r.from);
    if (!r.to.empty()) out.emplace_back("to", r.to);
    if (r.sort != defaults.sort) out.emplace_back("sort", r.sort);
    if (r.limit != defaults.limit) out.emplace_back("limit", std::to_string(r.limit));
    if (r.offset != defaults.offset) out.emplace_back("offset", std::to_string(r.offset));
    if (r.facets) out.emplace_back("facets", "1");
    if (r.explain) out.emplace_back("explain", "1");
    if (r.collapse) out.emplace_back("collapse", "1");
    if (!r.relax) out.emplace_back("relax", "0");
    if (r.exact_total) out.emplace_back("exact_total", "1");
    if (!r.passage) out.emplace_back("passage", "0");
    if (!r.snippets) out.emplace_back("snippets", "0");
    if (!r.story.empty()) out.emplace_back("story", r.story);
    if (!r.like.empty()) out.emplace_back("like", r.like);
    return out;
}

std::string query_string(const QueryParameters& parameters) {
    std::string out;
    for (const auto& [name, value] : parameters) {
        out += (out.empty() ? "" : "&") + percent_encode(name) + "=" + percent_encode(value);
    }
    return out;
}

}  // namespace rasd::serve

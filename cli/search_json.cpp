#include "cli/search_json.hpp"

namespace rasd::cli {
namespace {

nlohmann::json facet_json(const std::vector<FacetValue>& values) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& v : values) list.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
    return list;
}

nlohmann::json term_counts_json(const std::vector<TermCount>& counts) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& c : counts) list.push_back({{"value", c.value}, {"label", c.label}, {"articles", c.articles}});
    return list;
}

nlohmann::json stories_json(const std::vector<StorySize>& stories) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& s : stories) {
        list.push_back({{"story", s.story}, {"title", s.title}, {"source", s.source}, {"articles", s.articles}});
    }
    return list;
}

}  // namespace

nlohmann::json stats_json(const ArchiveStats& stats) {
    return {
        {"articles", stats.articles},
        {"analyzer", stats.analyzer},
        {"first_date", stats.first_date},
        {"last_date", stats.last_date},
        {"top_topics", term_counts_json(stats.top_topics)},
        {"top_places", term_counts_json(stats.top_places)},
        {"top_sources", term_counts_json(stats.top_sources)},
        {"stories", stats.stories},
        {"stories_with_copies", stats.stories_with_copies},
        {"largest_stories", stories_json(stats.largest_stories)},
    };
}

nlohmann::json results_json(const SearchResults& r, const SearchRequest& request) {
    const bool asked_for_stories = request.collapse || !request.story.empty() || !request.like.empty();
    nlohmann::json hits = nlohmann::json::array();
    for (const SearchHit& hit : r.hits) {
        hits.push_back({{"rank", hit.rank}, {"id", hit.id}, {"score", hit.score}, {"title", hit.title},
                        {"date", hit.date}, {"place", hit.place}, {"places", places_json(hit.places)}, {"topic", hit.topic},
                        {"source", hit.source}, {"url", hit.url}, {"snippet", hit.snippet}});
        if (asked_for_stories) hits.back()["story"] = hit.story;
        if (request.collapse) {
            hits.back()["copies"] = hit.copies;
            hits.back()["copy_sources"] = hit.copy_sources;
            // Only when the time limit passed before this hit's copies were counted.
            if (!hit.copies_counted) hits.back()["copies_counted"] = false;
        }
    }
    nlohmann::json facets = nlohmann::json::object();
    if (r.has_facets) {
        facets = {{"topic", facet_json(r.facets.topic)},   {"country", facet_json(r.facets.country)},
                  {"city", facet_json(r.facets.city)},     {"year", facet_json(r.facets.year)},
                  {"month", facet_json(r.facets.month)},   {"source", facet_json(r.facets.source)}};
    }
    nlohmann::json document = {
        {"query", r.query},
        {"total", {{"estimated", r.total.estimated}, {"lower", r.total.lower}, {"upper", r.total.upper}}},
        {"hits", hits},
        {"facets", facets},
        {"suggestion", r.suggestion.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.suggestion)},
    };
    if (r.partial) {
        document["partial"] = true;
        document["unavailable"] = r.unavailable;
    }
    if (r.cut_short) document["cut_short"] = true;
    if (!r.notes.empty()) document["notes"] = r.notes;
    if (!r.relaxed_phrases.empty()) document["relaxed"] = r.relaxed_phrases;
    if (request.explain) document["explain"] = r.explanation;
    if (!request.story.empty()) {
        document["story"] = r.query;
        // What the text's "first published by SOURCE on DATE" says, for scripts.
        if (const SearchHit* first = first_published(r)) {
            document["first_published"] = {{"id", first->id}, {"source", first->source}, {"date", first->date}};
        }
    }
    if (!request.like.empty()) document["like"] = r.query;
    if (request.story.empty() && request.like.empty()) document["searched"] = searched_for(r.query, request);
    return document;
}

}  // namespace rasd::cli

#include "hit_output.hpp"

#include "util/bidi_controls.hpp"
#include "util/control_characters.hpp"
#include "util/json_controls.hpp"

#include <algorithm>

namespace rasd::cli {

std::string shown(const std::string& text) {
    return rasd::detail::with_bidi_controls_closed(rasd::detail::escape_control_characters(text));
}

std::string shown_snippet(std::string snippet, const std::string& highlight_start, const std::string& highlight_end) {
    std::replace_if(snippet.begin(), snippet.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    std::string out;
    std::size_t at = 0;
    while (at < snippet.size()) {
        const std::size_t start = highlight_start.empty() ? std::string::npos : snippet.find(highlight_start, at);
        const std::size_t end = highlight_end.empty() ? std::string::npos : snippet.find(highlight_end, at);
        const std::size_t mark = std::min(start, end);
        out += shown(snippet.substr(at, mark == std::string::npos ? std::string::npos : mark - at));
        if (mark == std::string::npos) break;
        const std::string& marker = mark == start ? highlight_start : highlight_end;
        out += marker;
        at = mark + marker.size();
    }
    return out;
}

nlohmann::json places_json(const std::vector<HitPlace>& places) {
    nlohmann::json list = nlohmann::json::array();
    for (const HitPlace& place : places) {
        list.push_back({{"id", place.id}, {"name", place.name}, {"evidence", place.evidence}});
    }
    return list;
}

std::string json_text(const nlohmann::json& document) {
    return rasd::detail::json_controls_escaped(
        document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

const SearchHit* first_published(const SearchResults& story) {
    if (story.hits.empty() || story.hits.front().rank != 1) return nullptr;
    const auto dated =
        std::find_if(story.hits.begin(), story.hits.end(), [](const SearchHit& hit) { return !hit.date.empty(); });
    return dated != story.hits.end() ? &*dated : &story.hits.front();
}

}  // namespace rasd::cli

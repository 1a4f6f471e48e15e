#pragma once
// How the executables write an article they found (a search hit, an alert): its text made safe
// for a terminal, its snippet on one line with the highlight marks kept, its places and the JSON
// text, so that rasd-search and rasd-watch spell the same fields the same way.

#include <rasd/searcher.hpp>

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace rasd::cli {

// A terminal's bold, around the matched words of a snippet when the output is a terminal.
inline constexpr const char* kBoldOn = "\033[1m";
inline constexpr const char* kBoldOff = "\033[0m";

// Text from the data or the query, safe for a terminal: control characters written visibly
// (util/control_characters.hpp), bidi embeddings and isolates closed (util/bidi_controls.hpp).
[[nodiscard]] std::string shown(const std::string& text);

// A snippet on one line, its highlight marks kept: the library writes the body's control
// characters visibly already, and the rest is escaped again here all the same.
[[nodiscard]] std::string shown_snippet(std::string snippet, const std::string& highlight_start,
                                        const std::string& highlight_end);

// [{"id", "name", "evidence"}, ...] of a hit's places.
[[nodiscard]] nlohmann::json places_json(const std::vector<HitPlace>& places);

// The article of a story's list (`--story`, earliest first) that published the story first: the
// earliest dated one, since undated articles sort first, or the first one when none is dated.
// nullptr when the list does not start at the story's first article (an --offset past it).
[[nodiscard]] const SearchHit* first_published(const SearchResults& story);

// The JSON text of `document` on one line, C1 controls and DEL escaped too
// (util/json_controls.hpp), invalid UTF-8 replaced.
[[nodiscard]] std::string json_text(const nlohmann::json& document);

}  // namespace rasd::cli

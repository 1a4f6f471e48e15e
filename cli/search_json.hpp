#pragma once
// The JSON documents of an answer and of an archive's counts, as `rasd-search --json` prints it and `rasd-index --stats --json`
// print them and rasd-serve's /api/search and /api/stats return them: one implementation, so
// that the programs give the very same bytes.

#include "cli/search_request.hpp"

#include <rasd/searcher.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace rasd::cli {

// The answer to `request` as JSON: query, total, hits, facets, suggestion, and
// partial/unavailable, notes, explain (when asked for) and the story keys (with --collapse,
// --story or --like only, so that other answers stay as they were) when they apply (docs/CLI.md,
// "JSON output").
[[nodiscard]] nlohmann::json results_json(const SearchResults& results, const SearchRequest& request);

// What an archive holds (Searcher::stats) as `rasd-index --stats --json` prints it, without
// its "db": articles, analyzer, first_date, last_date, top_topics, top_places, top_sources,
// stories, stories_with_copies, largest_stories.
[[nodiscard]] nlohmann::json stats_json(const ArchiveStats& stats);

// `document` on one line, invalid UTF-8 replaced, and C1 controls and DEL written as JSON
// escapes (nlohmann::json writes them raw, which is valid JSON yet reaches a terminal raw).
[[nodiscard]] std::string json_text(const nlohmann::json& document);

}  // namespace rasd::cli

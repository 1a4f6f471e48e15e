#pragma once
// The JSON documents of an answer and of an archive's counts, as `rasd-search --json` prints it and `rasd-index --stats --json`
// print them and rasd-serve's /api/search and /api/stats return them: one implementation, so
// that the programs give the very same bytes.

#include "cli/hit_output.hpp"
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

// json_text(), the JSON text of a document on one line, is in cli/hit_output.hpp.

}  // namespace rasd::cli

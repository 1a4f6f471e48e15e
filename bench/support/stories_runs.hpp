#pragma once
// bench_stories's timed phases: indexing the same articles with and without story detection
// (throughput, and the story each article was given), and rasd-search's queries with and
// without --collapse on the archive with stories.

#include "latency_stats.hpp"

#include <rasd/article.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace rasd::bench::stories {

struct IndexingRun {
    double seconds = 0;
    std::vector<std::string> stories;  // per article, in input order ("" without detection)
    double articles_per_second(std::size_t articles) const;
};

// Indexes `articles` into a new database at `dir` (removed first) with ParallelIndexer on
// `threads` threads, story detection on or off.
IndexingRun index_articles(const std::filesystem::path& dir, const std::vector<rasd::Article>& articles,
                           bool stories, unsigned threads);

struct CollapseLatency {
    LatencyStats plain;
    LatencyStats collapsed;
    std::size_t queries = 0;
    std::size_t plain_hits = 0;      // over every query
    std::size_t collapsed_hits = 0;
    std::size_t copies_shown = 0;    // SearchHit::copies summed over the collapsed pages
};

// `queries` one-word queries (a content word of a title, drawn with a fixed seed) against the
// archive at `dir`, each run plain and collapsed (in turn, the first side rotating), 10 hits.
CollapseLatency collapse_latency(const std::filesystem::path& dir, const std::vector<rasd::Article>& articles,
                                 std::size_t queries);

}  // namespace rasd::bench::stories

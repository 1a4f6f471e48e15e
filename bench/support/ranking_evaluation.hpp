#pragma once
// One database variant of the ranking benchmark, built and evaluated: rasd::Searcher's ranks,
// the plain-Xapian reproduction checked against them, the BM25 grid, the common cell, the query
// shapes and the held-out queries.

#include "bm25_parameters.hpp"
#include "ranking_collection.hpp"
#include "ranking_metrics.hpp"
#include "ranking_passage.hpp"
#include "ranking_variants.hpp"
#include "searcher_ranks.hpp"

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace rasd::bench::ranking {

struct ShapeResult {
    std::string name;
    Metrics at_default, at_best, holdout_best;
};

struct VariantResult {
    DbVariant variant;
    double index_s = 0;
    std::size_t docs = 0;
    SearcherRun searcher;
    double direct_ms = 0;
    Metrics grid_best;
    Bm25 best;
    std::map<std::pair<double, double>, Metrics> grid;  // (k1, b) -> metrics
    std::vector<ShapeResult> shapes;                    // query-shape experiments
    // For paired comparisons: "searcher", "xapian-defaults", "best-bm25", "common", and with
    // held-out queries "holdout-default", "holdout-best", "holdout-common".
    std::map<std::string, Ranks> ranks;
    Metrics holdout_default, holdout_best;  // on the held-out queries
    // Re-ranking by passage (with held-out queries only): tuned and reported by plain Xapian,
    // and the passage task's held-out half through rasd::Searcher without and with it.
    bool has_passage = false;
    PassageTuning passage;
    std::size_t passage_queries = 0;  // in each half of the passage task
    SearcherRun passage_task_off, passage_task_on;
};

// Builds (or reuses) WORKDIR/<variant> and evaluates it; with `grid`, over the BM25 grid too.
// With `verbose`, a line of its results on stdout.
// @throws CheckFailed if the database does not hold every article and target once, or if the
// reproduction ranks a target differently from rasd::Searcher.
VariantResult evaluate(const Collection& c, const DbVariant& v, const std::filesystem::path& workdir, bool reuse, bool grid,
                       bool verbose);

}  // namespace rasd::bench::ranking

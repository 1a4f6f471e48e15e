#pragma once
// The ranking benchmark's passage phase: BM25's best re-ranked by their best passage
// (searcher/passage_ranking.hpp), tuned over a grid of candidates x window x weight on two
// tuning sets, the known-item queries and the first half of the passage task
// (passage_queries.hpp). The best cell: among the cells of at most 10 candidates (each costs a
// position-list lookup per query term), the one of the highest known-item MRR@10. Then the best cell and the library's parameters run on the held-out known-item
// queries and the passage task's held-out half, each against BM25 alone.

#include "bm25_parameters.hpp"
#include "direct_ranking.hpp"
#include "ranking_metrics.hpp"

#include "searcher/passage_ranking.hpp"

#include <vector>

namespace rasd::bench::ranking {

struct PassageCell {
    rasd::detail::PassageParameters parameters;
    Metrics known_item, passage;  // on the two tuning sets
};

// One held-out set: BM25 alone, the library's parameters, the best cell.
struct PassageHeldOut {
    Metrics off, library, best;
    Ranks off_ranks, library_ranks;
    double off_ms = 0, library_ms = 0;  // mean per query, plain Xapian, without snippets
    double reranking_ms = 0;            // CPU time of the re-ranking itself (library's parameters)
};

struct PassageTuning {
    std::vector<PassageCell> grid;
    PassageCell off{};   // BM25 alone on the tuning sets (its parameters unused)
    PassageCell best{};
    PassageHeldOut known_item, passage;
};

struct PassageSets {
    DirectRunner& known_item_tune;
    DirectRunner& known_item_holdout;
    DirectRunner& passage_tune;
    DirectRunner& passage_holdout;
};

// Tunes and reports at BM25 `w`.
PassageTuning tune_passage(const PassageSets& sets, const Bm25& w);

}  // namespace rasd::bench::ranking

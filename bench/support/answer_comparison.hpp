#pragma once
// What the sharding benchmark compares between configurations: a search's total, top-10 ids
// and scores, and facets (snippets are not compared: over shards Xapian may pick another passage
// of the same article, docs/SCALING.md).

#include "shards_query_mix.hpp"

#include <rasd/searcher.hpp>

#include <cstddef>
#include <string>
#include <utility>
#include <vector>

namespace rasd::bench::shards {

// rasd counts matches exactly up to this many without facets when asked (SearchOptions::
// exact_total, which every query of this benchmark sets); above it a total is Xapian's estimate.
inline constexpr std::size_t kExactTotalUpTo = rasd::kExactTotalUpTo;

struct Answer {
    std::string error;  // what search() threw, "" if it answered
    rasd::MatchTotal total;
    std::vector<std::pair<std::string, double>> top;  // id, score
    bool has_facets = false;
    rasd::Facets facets;
    bool partial = false;
};

// SearchOptions' defaults (10 hits with snippets, as rasd-search), with facets for the facet
// class.
rasd::SearchOptions search_options(const BenchQuery& q);

Answer answer_of(rasd::Searcher& searcher, const BenchQuery& q);

// How an answer differs from the 1-database answer.
struct Comparison {
    std::string difference;  // what differs that must not: "" if nothing
    // The 1-database total is an estimate (more than kExactTotalUpTo matches), the other
    // differs, and both bounds hold the true count: "" if not. Xapian's estimate depends on how
    // the articles are split (a remote shard counts up to kExactTotalUpTo of its own matches, so
    // it is often exact where one database estimates).
    std::string estimate;
};

Comparison compare(const Answer& want, const Answer& got);

}  // namespace rasd::bench::shards

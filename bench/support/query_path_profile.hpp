#pragma once
// bench_query_path's profile of one query, feature by feature: the steps of rasd::Searcher's
// query path rebuilt one on top of the other from rasd's own parts (the query builder, the
// library's BM25 parameters, the hit and snippet code), then the library itself with its default
// options, with facets, and with its JSON document as rasd-search --json prints it.

#include "known_item_task.hpp"

#include <rasd/searcher.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace rasd::bench::query_path {

// The steps, each adding one feature to the one before (docs in query_path_profile.cpp).
enum class Step {
    Build,            // parse and build the Xapian query (aliases included)
    Match,            // plain Xapian::Enquire, library BM25, top 10, Xapian's estimate
    TieById,          // + ties broken by the article id value
    ExactTotal,       // + totals counted exactly up to 1,000 matches (check_at_least)
    Passage,          // + the best 10 re-ranked by passage (passage_ranking.hpp)
    StoredData,       // + each hit's stored data read and parsed into a SearchHit
    Snippets,         // + a snippet for each hit
    Library,          // rasd::Searcher::search, default options (10 hits with snippets)
    LibraryExact,     // the same with SearchOptions::exact_total
    LibraryNoSnippets,  // the same without snippets (SearchOptions::snippets off, as a TREC run)
    LibraryFacets,    // the same with facets
    LibraryJson,      // default options, then the JSON document as rasd-search --json prints it
};
inline constexpr Step kSteps[] = {Step::Build,      Step::Match,    Step::TieById, Step::ExactTotal,
                                  Step::Passage,    Step::StoredData, Step::Snippets, Step::Library,
                                  Step::LibraryExact, Step::LibraryNoSnippets, Step::LibraryFacets,
                                  Step::LibraryJson};
inline constexpr std::size_t kStepCount = std::size(kSteps);

// What each step is, one line for the report.
std::string step_name(Step step);

struct Profile {
    std::vector<std::vector<double>> ms;  // per step (kSteps order), per query: milliseconds
    // The same in CPU time of the thread: on a loaded machine, what the step itself costs
    // (wall time adds the time spent waiting for a core).
    std::vector<std::vector<double>> cpu_ms;
    std::vector<int> ranks;               // rank of each query's target in the library's top 10, 0 = not there
    std::size_t refused = 0;              // queries the library refused (nothing to search)
    std::size_t suggested = 0;            // answers that looked for a spelling suggestion
    std::size_t mismatched = 0;           // queries whose library answer differs from the reference
    std::string first_mismatch;           // what differed, for the check's message
    // Queries whose snippets differ from those of a stemmer that stems every word (the library's
    // leaves out the words that cannot match), checked in the warm-up pass; the first one's id.
    std::size_t snippets_differing = 0;
    std::string first_snippet_difference;
};

// Runs every step over every query of `task` against the archive `db`: one untimed warm-up
// pass, then one timed pass (each query runs every step in kSteps order). The reference of the
// self-check is the snippets step (exact totals, passage order) with its hits: the library's
// answers must hold the same ids, in the same order, with the same scores. The warm-up pass also
// makes each query's snippets with a stemmer of every word, to compare with the library's.
Profile run_profile(const std::string& db, const known_item::Task& task);

}  // namespace rasd::bench::query_path

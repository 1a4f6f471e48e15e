#pragma once
// The latency benchmark's passes over its query mix: every query with and without facets, in a
// seeded order; an untimed warm-up pass that also gathers the self-checks, then timed passes in
// which rasd, the baseline and the baseline with snippets take turns going first.

#include "latency_query_mix.hpp"
#include "xapian_query_baseline.hpp"

#include <rasd/article.hpp>
#include <rasd/searcher.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rasd::bench::latency {

// rasd counts the matches of a query with filters exactly up to this many without facets;
// above it the total is Xapian's estimate within its bounds.
inline constexpr std::size_t kRasdExactUpTo = rasd::kExactTotalUpTo;
// Share of the headlines whose article must be in rasd's top 10.
inline constexpr double kMinKnownItemRate = 0.5;

// One search of a pass: a query of the mix, with or without facets.
struct Run {
    std::size_t query = 0;
    bool facets = false;
};

// Every query with and without facets, shuffled with `seed` (classes interleaved, so drifting
// load hits all alike).
std::vector<Run> make_runs(std::size_t queries, std::uint32_t seed);

// What one class of queries measured.
struct Samples {
    std::vector<double> rasd_ms, base_ms, snip_ms;  // snip: the baseline plus snippets
    double rasd_matches = 0, base_matches = 0;      // sums over the warm-up pass
    std::size_t queries = 0;                        // searches per pass
};

// Samples per class (class_index()), with the searches per pass counted.
std::vector<Samples> samples_per_class(const std::vector<Run>& runs, const std::vector<BenchQuery>& queries);

// rasd-search's defaults: limit 10, snippets of 200 bytes; facets as asked.
rasd::SearchOptions rasd_options(bool facets);

// The self-checks of the warm-up pass (bench/README.md, bench_latency, "Self-checks").
struct WarmupFindings {
    std::size_t headlines = 0, headlines_found = 0;  // headlines without facets; their article in the top 10
    std::size_t words_without_hit = 0;
    std::size_t facet_sums_bad = 0;     // facet results whose topic or year counts exceed the total
    std::size_t filter_counts_bad = 0;  // filter-only totals that disagree with the exact count
    std::size_t filter_estimates = 0;   // filter-only, no facets, over kRasdExactUpTo matches
    std::size_t filter_estimates_off = 0;
    double worst_estimate_error = 0;
    std::string first_failure;  // the first failed check, for CHECK FAILED
    double known_item_rate() const;
};

// The untimed warm-up pass: every run once on both sides; match counts added to `samples`.
// @throws CheckFailed if rasd refuses a generated query.
WarmupFindings warm_up(const std::vector<Run>& runs, const std::vector<BenchQuery>& queries,
                       const std::vector<rasd::Article>& indexed, rasd::Searcher& searcher,
                       XapianQueryBaseline& baseline, std::vector<Samples>& samples);

// `repeat` timed passes, each search timed alone on the three sides, which go first in turn;
// the load average before and after and the time taken are printed.
// @return the seconds the passes took.
double timed_passes(const std::vector<Run>& runs, const std::vector<BenchQuery>& queries, std::size_t repeat,
                    rasd::Searcher& searcher, XapianQueryBaseline& baseline, std::vector<Samples>& samples);

}  // namespace rasd::bench::latency

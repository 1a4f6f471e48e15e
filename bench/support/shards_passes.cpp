#include "shards_passes.hpp"

#include "answer_comparison.hpp"
#include "bench_main.hpp"
#include "process_stats.hpp"
#include "seeded_draws.hpp"
#include "timed_rotation.hpp"

#include <chrono>
#include <functional>
#include <random>
#include <utility>

namespace rasd::bench::shards {

WarmupComparison compare_answers(std::vector<rasd::Searcher>& searchers, const std::vector<BenchQuery>& queries) {
    WarmupComparison w;
    w.differing_queries.assign(searchers.size(), 0);
    w.differing_estimates.assign(searchers.size(), 0);
    w.estimated_totals.assign(searchers.size(), 0);
    for (std::size_t q = 0; q < queries.size(); ++q) {
        const Answer want = answer_of(searchers[0], queries[q]);
        if (!want.error.empty()) throw CheckFailed("rasd refused the generated query '" + queries[q].text + "': " + want.error);
        if (want.total.lower != want.total.upper) ++w.estimated_totals[0];
        for (std::size_t c = 1; c < searchers.size(); ++c) {
            const Answer got = answer_of(searchers[c], queries[q]);
            if (got.error.empty() && got.total.lower != got.total.upper) ++w.estimated_totals[c];
            Comparison cmp = compare(want, got);
            if (!cmp.difference.empty()) {
                ++w.differing_queries[c];
                w.differences.push_back({c, q, std::move(cmp.difference)});
            }
            if (!cmp.estimate.empty()) {
                ++w.differing_estimates[c];
                w.estimates.push_back({c, q, std::move(cmp.estimate)});
            }
        }
    }
    return w;
}

TimedPasses timed_passes(std::vector<rasd::Searcher>& searchers, const std::vector<BenchQuery>& queries,
                         std::size_t repeat) {
    TimedPasses t;
    t.ms.assign(searchers.size(), std::vector<std::vector<double>>(kAllClasses.size()));
    std::vector<std::size_t> order(queries.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::mt19937 order_rng(kSeed + 1);
    t.load_before = loadavg();
    const auto timed0 = std::chrono::steady_clock::now();
    for (std::size_t pass = 0; pass < repeat; ++pass) {
        shuffle(order, order_rng);
        for (std::size_t i = 0; i < order.size(); ++i) {
            const BenchQuery& q = queries[order[i]];
            const rasd::SearchOptions options = search_options(q);
            std::vector<std::function<void()>> sides;
            for (std::size_t c = 0; c < searchers.size(); ++c) {
                sides.emplace_back([&, c] {
                    rasd::SearchResults r;  // freed after the timing, as a caller would use it
                    t.ms[c][static_cast<std::size_t>(q.cls)].push_back(
                        time_ms([&] { r = searchers[c].search(q.text, options); }));
                    t.checksum += r.hits.size();
                });
            }
            run_in_rotation(i + pass, sides);
        }
    }
    t.seconds = seconds_since(timed0);
    t.load_after = loadavg();
    return t;
}

}  // namespace rasd::bench::shards

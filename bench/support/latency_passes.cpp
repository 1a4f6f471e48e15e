#include "latency_passes.hpp"

#include "article_copies.hpp"
#include "bench_main.hpp"
#include "format.hpp"
#include "process_stats.hpp"
#include "seeded_draws.hpp"
#include "timed_rotation.hpp"

#include <rasd/error.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iostream>
#include <random>

namespace rasd::bench::latency {

std::vector<Run> make_runs(std::size_t queries, std::uint32_t seed) {
    std::vector<Run> runs;
    for (std::size_t q = 0; q < queries; ++q) {
        runs.push_back({q, false});
        runs.push_back({q, true});
    }
    std::mt19937 order(seed);
    shuffle(runs, order);
    return runs;
}

std::vector<Samples> samples_per_class(const std::vector<Run>& runs, const std::vector<BenchQuery>& queries) {
    std::vector<Samples> samples(kClasses);
    for (const Run& r : runs) ++samples[class_index(queries[r.query].shape, r.facets)].queries;
    return samples;
}

rasd::SearchOptions rasd_options(bool facets) {
    rasd::SearchOptions o;
    o.limit = kPageSize;
    o.snippet_length = kSnippetBytes;
    o.facet_limit = kFacetLimit;
    o.facets = facets;
    return o;
}

double WarmupFindings::known_item_rate() const {
    return headlines == 0 ? 0.0 : static_cast<double>(headlines_found) / static_cast<double>(headlines);
}

WarmupFindings warm_up(const std::vector<Run>& runs, const std::vector<BenchQuery>& queries,
                       const std::vector<rasd::Article>& indexed, rasd::Searcher& searcher,
                       XapianQueryBaseline& baseline, std::vector<Samples>& samples) {
    WarmupFindings f;
    auto note = [&](std::size_t& counter, const std::string& what) {
        if (counter++ == 0 && f.first_failure.empty()) f.first_failure = what;
    };
    for (const Run& r : runs) {
        const BenchQuery& q = queries[r.query];
        rasd::SearchResults res;
        try {
            res = searcher.search(q.rasd, rasd_options(r.facets));
        } catch (const rasd::InvalidArgument& e) {
            throw CheckFailed("rasd refused a generated query (" + std::string(e.what()) + ")");
        }
        const XapianQueryBaseline::Outcome base = baseline.run(q, r.facets);
        Samples& s = samples[class_index(q.shape, r.facets)];
        s.rasd_matches += static_cast<double>(res.total.estimated);
        s.base_matches += static_cast<double>(base.matches);
        if (q.shape == Shape::Word && res.hits.empty()) note(f.words_without_hit, "title word '" + q.rasd + "' found nothing");
        if (q.shape == Shape::Headline && !r.facets) {
            ++f.headlines;
            const std::string& want = indexed[q.source].id;
            if (std::any_of(res.hits.begin(), res.hits.end(), [&](const rasd::SearchHit& h) { return source_id(h.id) == want; })) {
                ++f.headlines_found;
            }
        }
        if (r.facets) {
            std::size_t topics = 0, years = 0;
            for (const auto& v : res.facets.topic) topics += v.count;
            for (const auto& v : res.facets.year) years += v.count;
            if (!res.has_facets || topics > res.total.estimated || years > res.total.estimated) {
                note(f.facet_sums_bad, "facet counts of '" + q.rasd + "' exceed its total");
            }
        }
        if (q.shape == Shape::Filter) {
            // Exact with facets (rasd counts the whole match set) and up to kRasdExactUpTo
            // without; above that, an estimate whose bounds must hold the exact count.
            const Xapian::doccount exact = baseline.exact_count(q.filter);
            const bool must_be_exact = r.facets || exact <= kRasdExactUpTo;
            const bool ok = must_be_exact ? res.total.estimated == exact
                                          : res.total.lower <= exact && exact <= res.total.upper;
            if (!ok) {
                note(f.filter_counts_bad, "'" + q.rasd + "'" + (r.facets ? " with facets" : "") + ": rasd counts " +
                                              std::to_string(res.total.estimated) + " [" + std::to_string(res.total.lower) +
                                              ", " + std::to_string(res.total.upper) + "], Xapian exactly " +
                                              std::to_string(exact));
            }
            if (!must_be_exact) {
                ++f.filter_estimates;
                if (res.total.estimated != exact) {
                    ++f.filter_estimates_off;
                    const double off = std::abs(static_cast<double>(res.total.estimated) - exact) / exact;
                    f.worst_estimate_error = std::max(f.worst_estimate_error, off);
                }
            }
        }
    }
    return f;
}

double timed_passes(const std::vector<Run>& runs, const std::vector<BenchQuery>& queries, std::size_t repeat,
                    rasd::Searcher& searcher, XapianQueryBaseline& baseline, std::vector<Samples>& samples) {
    std::cout << "\n  load average before the timed passes: " << loadavg() << "\n";
    std::uint64_t sink = 0;
    const auto timed0 = std::chrono::steady_clock::now();
    for (std::size_t pass = 0; pass < repeat; ++pass) {
        for (std::size_t i = 0; i < runs.size(); ++i) {
            const Run& r = runs[i];
            const BenchQuery& q = queries[r.query];
            Samples& s = samples[class_index(q.shape, r.facets)];
            auto time_rasd = [&] {
                rasd::SearchResults res;  // freed after the timing, as a caller would use it
                s.rasd_ms.push_back(time_ms([&] { res = searcher.search(q.rasd, rasd_options(r.facets)); }));
                sink += res.hits.size();
            };
            auto time_base = [&] { s.base_ms.push_back(time_ms([&] { sink += baseline.run(q, r.facets).sink; })); };
            auto time_snip = [&] { s.snip_ms.push_back(time_ms([&] { sink += baseline.run(q, r.facets, true).sink; })); };
            run_in_rotation(i + pass, {time_rasd, time_base, time_snip});
        }
    }
    const double timed_s = seconds_since(timed0);
    std::cout << "  load average after: " << loadavg() << "; timed passes took " << fixed(timed_s, 1) << " s (" << repeat
              << " passes; checksum " << sink % 1000 << ")\n";
    return timed_s;
}

}  // namespace rasd::bench::latency

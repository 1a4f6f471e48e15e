#include "latency_report.hpp"

#include "format.hpp"
#include "latency_stats.hpp"

#include <nlohmann/json.hpp>

#include <iostream>
#include <utility>

namespace rasd::bench::latency {

namespace {

constexpr double kTargetP95Ms = 50.0;    // free text with facets, at kTargetArticles
constexpr double kTargetMaxRatio = 3.0;  // every class's p95 over the baseline's

struct Row {
    std::string name;
    const Samples* samples;
    LatencyStats rasd, base, snip;
    double rasd_matches = 0, base_matches = 0;  // means; 0 for the pooled row
    bool pooled = false;
};

std::string ms(double v) { return fixed(v, 2); }

// One row per class, in the order of the shapes, each without then with facets.
std::vector<Row> class_rows(const std::vector<Samples>& samples) {
    std::vector<Row> table;
    for (Shape shape : kAllShapes) {
        for (bool f : {false, true}) {
            const Samples& s = samples[class_index(shape, f)];
            const auto queries = static_cast<double>(s.queries);
            table.push_back({class_name(shape, f), &s, latency_stats(s.rasd_ms), latency_stats(s.base_ms),
                             latency_stats(s.snip_ms), s.rasd_matches / queries, s.base_matches / queries});
        }
    }
    return table;
}

// Every free-text class with facets together: the p95 target.
Samples pooled_free_text_facets(const std::vector<Samples>& samples) {
    Samples pooled;
    for (Shape shape : kAllShapes) {
        if (shape == Shape::Filter) continue;
        const Samples& s = samples[class_index(shape, true)];
        for (auto [from, to] : {std::pair{&s.rasd_ms, &pooled.rasd_ms}, std::pair{&s.base_ms, &pooled.base_ms},
                                std::pair{&s.snip_ms, &pooled.snip_ms}}) {
            to->insert(to->end(), from->begin(), from->end());
        }
    }
    return pooled;
}

void print_latency_row(const Row& r) {
    std::vector<std::string> cells = {r.name,           std::to_string(r.rasd.n),     ms(r.rasd.p50), ms(r.rasd.p95),
                                      ms(r.rasd.p99),   ms(r.rasd.mean),              ms(r.base.p50), ms(r.base.p95),
                                      ms(r.base.p99),   ms(r.base.mean),              ms(r.rasd.p50 / r.base.p50),
                                      ms(r.rasd.p95 / r.base.p95)};
    if (r.pooled) {
        cells.insert(cells.end(), {"", ""});
    } else {
        cells.insert(cells.end(), {fixed(r.rasd_matches, 0), fixed(r.base_matches, 0)});
    }
    std::cout << markdown_row(cells);
}

void print_snippet_row(const Row& r) {
    std::cout << markdown_row({r.name, ms(r.snip.p50), ms(r.snip.p95), ms(r.rasd.p50 / r.snip.p50), ms(r.rasd.p95 / r.snip.p95)});
}

}  // namespace

void print_mix(std::uint32_t seed, std::size_t queries, std::size_t searches, const std::vector<Samples>& samples) {
    std::cout << "\n  query mix (seed " << seed << "): " << queries << " query strings, each with and without facets = "
              << searches << " searches per side per pass\n";
    for (Shape s : kAllShapes) {
        for (bool f : {false, true}) std::cout << "    " << lpad(class_name(s, f), 20) << samples[class_index(s, f)].queries << "\n";
    }
}

void print_report(const LatencyRun& run, const std::vector<Samples>& samples, const WarmupFindings& findings) {
    const std::vector<Row> table = class_rows(samples);
    const Samples pooled = pooled_free_text_facets(samples);
    Row pooled_row{"**free text + facets**", &pooled, latency_stats(pooled.rasd_ms), latency_stats(pooled.base_ms),
                   latency_stats(pooled.snip_ms), 0, 0, true};

    std::cout << "\n## Latency at " << run.articles << " articles (ms; " << run.repeat << " timed passes)\n\n"
              << "| class | n | rasd p50 | rasd p95 | rasd p99 | rasd mean | base p50 | base p95 | base p99 | base mean "
                 "| ratio p50 | ratio p95 | rasd matches | base matches |\n"
              << "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (const Row& r : table) print_latency_row(r);
    print_latency_row(pooled_row);
    std::cout << "\n  base: plain Xapian QueryParser (Stem(\"arabic\")), get_mset(0, 10), stored data of the hits read;\n"
                 "  facet classes add ValueCountMatchSpy on slots 1-5 over the whole match set. ratio: rasd / base.\n"
                 "  matches: mean get_matches_estimated() in the warm-up pass (exact with facets and for filters only;\n"
                 "  without facets rasd counts exactly up to "
              << kRasdExactUpTo << " and the baseline estimates).\n";

    std::cout << "\n### Diagnostic: the baseline plus snippets made as rasd makes them (ms)\n\n"
              << "| class | base+snippets p50 | base+snippets p95 | rasd / (base+snippets) p50 | rasd / (base+snippets) p95 |\n"
              << "|---|---:|---:|---:|---:|\n";
    for (const Row& r : table) print_snippet_row(r);
    print_snippet_row(pooled_row);

    bool ratios_met = true;
    const Row* worst = &table.front();
    for (const Row& r : table) {
        const double ratio = r.rasd.p95 / r.base.p95;
        if (ratio > kTargetMaxRatio) ratios_met = false;
        if (ratio > worst->rasd.p95 / worst->base.p95) worst = &r;
    }
    const bool p95_met = pooled_row.rasd.p95 < kTargetP95Ms;
    std::cout << "\n  targets:\n"
              << "    free text with facets, p95 < " << fixed(kTargetP95Ms, 0) << " ms at " << run.articles
              << " articles: " << ms(pooled_row.rasd.p95) << " ms: " << (p95_met ? "met" : "NOT MET") << "\n"
              << "    every class p95 <= " << fixed(kTargetMaxRatio, 0) << "x the baseline's: worst " << worst->name << " "
              << ms(worst->rasd.p95 / worst->base.p95) << "x: " << (ratios_met ? "met" : "NOT MET") << "\n";
    if (run.articles < kTargetArticles) {
        std::cout << "    (the targets are stated for " << kTargetArticles << " articles; this run has " << run.articles << ")\n";
    }

    std::cout << "\n  checks:\n"
              << "    title words without a hit: " << findings.words_without_hit << "\n"
              << "    headlines with a copy of their article in rasd's top 10: " << findings.headlines_found << "/"
              << findings.headlines << " (" << fixed(100.0 * findings.known_item_rate(), 1) << "%, need "
              << fixed(100.0 * kMinKnownItemRate, 0) << "%)\n"
              << "    facet results whose topic or year counts exceed the total: " << findings.facet_sums_bad << "\n"
              << "    filter-only totals that disagree with Xapian's exact count: " << findings.filter_counts_bad << "\n"
              << "    (filter-only without facets over " << kRasdExactUpTo << " matches: " << findings.filter_estimates
              << " searches, of which " << findings.filter_estimates_off << " estimated rather than exact, worst off by "
              << fixed(100.0 * findings.worst_estimate_error, 1) << "%)\n";

    nlohmann::json rows = nlohmann::json::array();
    for (const Row& r : table) {
        rows.push_back({{"class", r.name}, {"queries", r.samples->queries}, {"rasd", stats_json(r.rasd)},
                        {"baseline", stats_json(r.base)}, {"baseline_snippets", stats_json(r.snip)},
                        {"ratio_p50", r.rasd.p50 / r.base.p50}, {"ratio_p95", r.rasd.p95 / r.base.p95},
                        {"rasd_mean_matches", r.rasd_matches}, {"baseline_mean_matches", r.base_matches}});
    }
    const nlohmann::json j = {{"bench", "latency"},
                              {"articles", run.articles},
                              {"source_articles", run.source_articles},
                              {"database", run.database},
                              {"recipe", run.recipe},
                              {"queries", run.queries},
                              {"searches_per_pass", run.searches_per_pass},
                              {"seed", run.seed},
                              {"repeat", run.repeat},
                              {"classes", rows},
                              {"free_text_facets",
                               {{"rasd", stats_json(pooled_row.rasd)}, {"baseline", stats_json(pooled_row.base)},
                                {"baseline_snippets", stats_json(pooled_row.snip)}}},
                              {"target_p95_met", p95_met},
                              {"target_ratio_met", ratios_met},
                              {"known_item_rate", findings.known_item_rate()},
                              {"filter_estimates", findings.filter_estimates},
                              {"filter_estimates_off", findings.filter_estimates_off},
                              {"timed_seconds", run.timed_seconds}};
    std::cout << "\n" << json_line(j) << "\n";
}

}  // namespace rasd::bench::latency

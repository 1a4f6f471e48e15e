#include "shards_report.hpp"

#include "answer_comparison.hpp"
#include "format.hpp"
#include "latency_stats.hpp"
#include "process_stats.hpp"

#include <algorithm>
#include <array>
#include <iostream>

namespace rasd::bench::shards {

namespace {

// A report lists at most this many differences.
constexpr std::size_t kDifferencesShown = 20;

struct Row {
    LatencyStats all;
    std::array<LatencyStats, kAllClasses.size()> by_class;
};

std::vector<Row> latency_rows(const TimedPasses& timed) {
    std::vector<Row> rows(timed.ms.size());
    for (std::size_t c = 0; c < timed.ms.size(); ++c) {
        std::vector<double> pooled;
        for (std::size_t k = 0; k < kAllClasses.size(); ++k) {
            rows[c].by_class[k] = latency_stats(timed.ms[c][k]);
            pooled.insert(pooled.end(), timed.ms[c][k].begin(), timed.ms[c][k].end());
        }
        rows[c].all = latency_stats(pooled);
    }
    return rows;
}

std::string ms2(double v) { return fixed(v, 2); }
std::string ratio(double v, double base) { return base > 0 ? fixed(v / base, 2) : std::string("-"); }

// n, p50, p95, p99, mean and the ratios to (a)'s p50, p95 and mean.
std::vector<std::string> latency_cells(const LatencyStats& s, const LatencyStats& base) {
    return {std::to_string(s.n),  ms2(s.p50),           ms2(s.p95),           ms2(s.p99),
            ms2(s.mean),          ratio(s.p50, base.p50), ratio(s.p95, base.p95), ratio(s.mean, base.mean)};
}

void print_latency_tables(const std::vector<Config>& configs, const std::vector<Row>& rows, std::size_t queries,
                          std::size_t repeat) {
    std::cout << "\n## Query latency: " << queries << " queries × " << repeat
              << " timed passes per configuration (ms; rasd::Searcher, 10 hits with snippets)\n\n"
              << "| configuration | n | p50 | p95 | p99 | mean | × (a) p50 | × (a) p95 | × (a) mean |\n"
              << "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    const Row& base = rows[0];
    for (std::size_t c = 0; c < configs.size(); ++c) {
        std::vector<std::string> cells = {"(" + configs[c].key + ") " + configs[c].name};
        for (std::string& cell : latency_cells(rows[c].all, base.all)) cells.push_back(std::move(cell));
        std::cout << markdown_row(cells);
    }
    std::cout << "\n### Per query class (ms)\n\n"
              << "| class | configuration | n | p50 | p95 | p99 | mean | × (a) p50 | × (a) p95 | × (a) mean |\n"
              << "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
    for (std::size_t k = 0; k < kAllClasses.size(); ++k) {
        for (std::size_t c = 0; c < configs.size(); ++c) {
            std::vector<std::string> cells = {class_name(kAllClasses[k]), "(" + configs[c].key + ") " + configs[c].name};
            for (std::string& cell : latency_cells(rows[c].by_class[k], base.by_class[k])) cells.push_back(std::move(cell));
            std::cout << markdown_row(cells);
        }
    }
}

void print_answer_checks(const std::vector<Config>& configs, const std::vector<BenchQuery>& queries,
                         const WarmupComparison& answers) {
    std::cout << "\n  answer checks (warm-up pass, against (a)):\n";
    for (std::size_t c = 1; c < configs.size(); ++c) {
        std::cout << "    (" << configs[c].key << ") " << lpad(configs[c].name, 28) << " answers differing: "
                  << answers.differing_queries[c] << "/" << queries.size() << "; estimated totals differing within bounds: "
                  << answers.differing_estimates[c] << "; totals that are estimates: " << answers.estimated_totals[c]
                  << " (in (a): " << answers.estimated_totals[0] << ")\n";
    }
    auto list = [&](const std::vector<Difference>& found, const char* tag) {
        for (std::size_t i = 0; i < found.size() && i < kDifferencesShown; ++i) {
            const Difference& d = found[i];
            std::cout << "    " << tag << " (" << configs[d.config].key << ") " << class_name(queries[d.query].cls) << " '"
                      << queries[d.query].text << "': " << d.what << "\n";
        }
        if (found.size() > kDifferencesShown) {
            std::cout << "    ... and " << found.size() - kDifferencesShown << " more (all in the JSON line)\n";
        }
    };
    list(answers.differences, "DIFF");
    if (!answers.estimates.empty()) {
        std::cout << "  estimated totals (more than " << kExactTotalUpTo
                  << " matches without facets) that differ from (a)'s, every count within both answers' bounds\n"
                     "  (not a failure: Xapian estimates from how the articles are split):\n";
    }
    list(answers.estimates, "EST ");
}

nlohmann::json config_rows(const std::vector<Config>& configs, const std::vector<Row>& rows, const WarmupComparison& answers) {
    const Row& base = rows[0];
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t c = 0; c < configs.size(); ++c) {
        nlohmann::json classes = nlohmann::json::object();
        for (std::size_t k = 0; k < kAllClasses.size(); ++k) {
            const LatencyStats& s = rows[c].by_class[k];
            const LatencyStats& b = base.by_class[k];
            classes[class_name(kAllClasses[k])] = {{"latency", stats_json(s)},
                                                   {"ratio_p50", s.p50 / b.p50},
                                                   {"ratio_p95", s.p95 / b.p95},
                                                   {"ratio_mean", s.mean / b.mean}};
        }
        const LatencyStats& s = rows[c].all;
        out.push_back({{"key", configs[c].key},
                       {"name", configs[c].name},
                       {"sources", configs[c].sources},
                       {"shards", configs[c].shards},
                       {"remote", configs[c].remote},
                       {"latency", stats_json(s)},
                       {"ratio_p50", s.p50 / base.all.p50},
                       {"ratio_p95", s.p95 / base.all.p95},
                       {"ratio_mean", s.mean / base.all.mean},
                       {"classes", classes},
                       {"answers_differing", answers.differing_queries[c]},
                       {"estimates_differing", answers.differing_estimates[c]},
                       {"estimated_totals", answers.estimated_totals[c]}});
    }
    return out;
}

nlohmann::json difference_rows(const std::vector<Config>& configs, const std::vector<BenchQuery>& queries,
                               const std::vector<Difference>& found) {
    nlohmann::json out = nlohmann::json::array();
    for (const Difference& d : found) {
        out.push_back({{"config", configs[d.config].key},
                       {"class", class_name(queries[d.query].cls)},
                       {"query", queries[d.query].text},
                       {"what", d.what}});
    }
    return out;
}

}  // namespace

nlohmann::json print_indexing(const std::vector<Build>& builds, const Corpus& corpus, unsigned threads,
                              const std::vector<std::string>& archive_failures) {
    const double raw_mib = mib(corpus.raw_bytes);
    const double base_seconds = builds.front().seconds;
    const auto articles = static_cast<double>(corpus.articles.size());
    std::cout << "\n## Indexing: " << corpus.articles.size() << " articles, " << fixed(raw_mib, 2)
              << " MiB of text, ParallelIndexer with " << threads << " threads, commit every " << kBatch << "\n\n"
              << "| shards | threads used | s | articles/s | MiB/s | speed-up | CPU s | peak RSS MiB (+ over start) "
                 "| on disk MiB (× raw) | articles per shard |\n"
              << "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";
    nlohmann::json index_rows = nlohmann::json::array();
    for (const Build& b : builds) {
        const double peak = static_cast<double>(b.peak_rss_kib) / 1024.0;
        const double start = static_cast<double>(b.rss_at_start_kib) / 1024.0;
        std::string per_shard;
        for (std::size_t n : b.shard_articles) per_shard += (per_shard.empty() ? "" : " / ") + std::to_string(n);
        std::cout << markdown_row({std::to_string(b.shards), std::to_string(b.threads), fixed(b.seconds, 1),
                                   fixed(articles / b.seconds, 0), fixed(raw_mib / b.seconds, 2),
                                   fixed(base_seconds / b.seconds, 2), fixed(b.cpu_seconds, 1),
                                   fixed(peak, 0) + " (+" + fixed(peak - start, 0) + ")",
                                   fixed(mib(b.disk_bytes), 1) + " (" +
                                       fixed(static_cast<double>(b.disk_bytes) / static_cast<double>(corpus.raw_bytes), 2) + ")",
                                   per_shard});
        index_rows.push_back({{"shards", b.shards},
                              {"threads", b.threads},
                              {"seconds", b.seconds},
                              {"articles_per_s", articles / b.seconds},
                              {"mib_per_s", raw_mib / b.seconds},
                              {"speedup", base_seconds / b.seconds},
                              {"cpu_seconds", b.cpu_seconds},
                              {"peak_rss_kib", b.peak_rss_kib},
                              {"rss_at_start_kib", b.rss_at_start_kib},
                              {"disk_bytes", b.disk_bytes},
                              {"shard_articles", b.shard_articles},
                              {"metadata_warnings", b.child["metadata_warnings"]},
                              {"load_before", b.load_before},
                              {"load_after", b.load_after}});
    }
    std::cout << "\n  speed-up: seconds with 1 database / seconds. CPU s: user + system of all the child's threads.\n"
                 "  peak RSS: the child's ru_maxrss, which includes the articles it inherited in memory.\n"
                 "  load average before -> after each build:";
    for (const Build& b : builds) std::cout << "  " << b.shards << ": " << b.load_before << " -> " << b.load_after << ";";
    std::cout << "\n  archive checks: " << (archive_failures.empty() ? "ok" : "FAILED") << "\n";
    for (const std::string& f : archive_failures) std::cout << "    FAIL " << f << "\n";
    return index_rows;
}

void print_mix(const std::vector<BenchQuery>& queries, const FilterValues& values) {
    std::cout << "\n  query mix (seed " << kSeed << "): " << queries.size() << " queries:";
    for (QueryClass cls : kAllClasses) {
        std::cout << " " << class_name(cls) << " "
                  << std::count_if(queries.begin(), queries.end(), [&](const BenchQuery& q) { return q.cls == cls; });
    }
    std::cout << "\n  filters drawn from " << values.topics.size() << " topics, " << values.places.size()
              << " places (of the " << kFilterPlaceChoices << " most frequent, named in Arabic), " << values.years.size()
              << " years\n";
}

void print_report(const ShardsRun& run, const Corpus& corpus, const nlohmann::json& index_rows, const Configurations& configs,
                  const std::vector<BenchQuery>& queries, const FilterValues& values, const WarmupComparison& answers,
                  const TimedPasses& timed) {
    const std::vector<Row> rows = latency_rows(timed);
    print_latency_tables(configs.configs, rows, queries.size(), run.repeat);
    std::cout << "\n  classes: word = one title word; headline = 2-5 consecutive title words; filter = topic:, place:\n"
                 "  or topic: + date:YYYY alone (newest first); text+facets = a title word or 2-3 title words, with\n"
                 "  facets (over remote shards rasd counts facets in a match of their own). Percentiles: nearest rank.\n"
              << "  load average before the timed passes: " << timed.load_before << "; after: " << timed.load_after
              << "; timed passes took " << fixed(timed.seconds, 1) << " s (checksum " << timed.checksum % 1000 << ")\n";
    if (!configs.remote_note.empty()) std::cout << "  NOTE: " << configs.remote_note << "\n";
    print_answer_checks(configs.configs, queries, answers);

    const nlohmann::json j = {
        {"bench", "shards"},
        {"command", run.command},
        {"inputs", run.inputs},
        {"outdir", run.outdir},
        {"articles", corpus.articles.size()},
        {"distinct_ids", corpus.distinct_ids},
        {"raw_bytes", corpus.raw_bytes},
        {"threads", run.threads},
        {"batch", kBatch},
        {"indexing", index_rows},
        {"queries", queries.size()},
        {"filter_values", {{"topics", values.topics.size()}, {"places", values.places.size()}, {"years", values.years.size()}}},
        {"seed", kSeed},
        {"repeat", run.repeat},
        {"configurations", config_rows(configs.configs, rows, answers)},
        {"remote_skipped", configs.remote_note},
        {"differences", difference_rows(configs.configs, queries, answers.differences)},
        {"estimate_differences", difference_rows(configs.configs, queries, answers.estimates)},
        {"timed_seconds", timed.seconds},
        {"load_at_start", run.load_at_start},
        {"load_before_queries", timed.load_before},
        {"load_after_queries", timed.load_after},
        {"load_at_end", loadavg()}};
    std::cout << "\n  load average at the end: " << loadavg() << "\n";
    std::cout << "\n" << json_line(j) << "\n";
}

}  // namespace rasd::bench::shards

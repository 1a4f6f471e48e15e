#include "index_report.hpp"

#include "database_files.hpp"
#include "format.hpp"

#include <iostream>
#include <utility>

using nlohmann::json;

namespace rasd::bench::indexing {

namespace {

// The baseline: the mean MiB/s (and CPU MiB/s) of the plain Xapian runs (first and last).
struct Baseline {
    double mibs = 0, cpu_mibs = 0;
    bool present = false;
};

Baseline baseline(const std::vector<Outcome>& outcomes, double raw_mib) {
    Baseline b;
    int runs = 0;
    for (const Outcome& o : outcomes) {
        if (o.variant.kind != Kind::Xapian || o.variant.flush_threshold != 0) continue;
        b.mibs += raw_mib / o.seconds();
        b.cpu_mibs += raw_mib / o.min_cpu();
        ++runs;
    }
    b.present = runs > 0;
    if (b.present) {
        b.mibs /= runs;
        b.cpu_mibs /= runs;
    }
    return b;
}

// "<MiB> (<ratio to the raw text>)" of a database.
std::string size_cell(std::uint64_t bytes, double raw) {
    return mib_text(bytes) + " (" + fixed(static_cast<double>(bytes) / raw, 2) + ")";
}

// The throughput table; returns its rows for the JSON line.
json print_throughput(const Corpus& corpus, const std::vector<Outcome>& outcomes) {
    const double raw = static_cast<double>(corpus.raw_bytes);
    const double mib = corpus.mib();
    const auto articles = static_cast<double>(corpus.articles.size());
    const Baseline base = baseline(outcomes, mib);
    std::cout << "\n  (seconds: the fastest round; CPU s: the lowest CPU time of the rounds)"
              << "\n  variant               seconds  articles/s   MiB/s  x base   CPU s  CPU MiB/s  x base"
                 "  peak RSS MiB (+ over start)  DB MiB (x raw)  compact MiB (x raw)  compact s\n";
    json rows = json::array();
    for (const Outcome& o : outcomes) {
        const double s = o.seconds();
        const double mibs = mib / s;
        const double ratio = base.present ? mibs / base.mibs : 0.0;
        const double cpu_mibs = mib / o.min_cpu();
        const double cpu_ratio = base.present ? cpu_mibs / base.cpu_mibs : 0.0;
        const double peak = static_cast<double>(o.max_rss_kib) / 1024.0;
        const double start = static_cast<double>(o.run.result["rss_at_start_kib"].get<std::uint64_t>()) / 1024.0;
        std::cout << "  " << lpad(o.variant.name, 20) << rpad(fixed(s, 1), 9) << rpad(fixed(articles / s, 0), 12)
                  << rpad(fixed(mibs, 2), 8) << rpad(base.present ? fixed(ratio, 2) : "-", 8) << rpad(fixed(o.min_cpu(), 1), 8)
                  << rpad(fixed(cpu_mibs, 2), 11) << rpad(base.present ? fixed(cpu_ratio, 2) : "-", 8)
                  << rpad(fixed(peak, 0) + " (+" + fixed(peak - start, 0) + ")", 29);
        if (writes_db(o.variant.kind)) {
            std::cout << rpad(size_cell(o.before.total, raw), 16) << rpad(size_cell(o.after.total, raw), 21)
                      << rpad(o.variant.kind == Kind::RasdShards ? "(merge)" : fixed(o.compact_s, 1), 11);
        }
        std::cout << "\n";
        json row = {
            {"variant", o.variant.name},
            {"what", o.variant.what},
            {"seconds", s},
            {"articles_per_s", articles / s},
            {"mib_per_s", mibs},
            {"ratio_to_baseline", ratio},
            {"cpu_mib_per_s", cpu_mibs},
            {"cpu_ratio_to_baseline", cpu_ratio},
            {"peak_rss_kib", o.max_rss_kib},
            {"all_seconds", o.all_seconds},
            {"all_cpu_s", o.all_cpu},
            {"cpu_s", o.min_cpu()},
            {"load_before", o.load_before},
            {"load_after", o.load_after},
            {"child", o.run.result},
        };
        if (writes_db(o.variant.kind)) {
            row["db_before"] = dir_size_json(o.before);
            row["db_after"] = dir_size_json(o.after);
            row["compact_seconds"] = o.compact_s;
            row["compact_peak_rss_kib"] = o.compact_maxrss_kib;
        }
        rows.push_back(row);
    }
    return rows;
}

void print_shard_timings(const Corpus& corpus, const std::vector<Outcome>& outcomes) {
    for (const Outcome& o : outcomes) {
        if (o.variant.kind != Kind::RasdShards) continue;
        const json& r = o.run.result;
        std::cout << "  " << o.variant.name << ": build " << fixed(r["build_seconds"].get<double>(), 1) << " s (shards "
                  << r["shard_articles"].dump() << " articles, " << fixed(r["shard_seconds"][0].get<double>(), 1) << " / "
                  << fixed(r["shard_seconds"][r["shard_seconds"].size() - 1].get<double>(), 1) << " s), merge "
                  << fixed(r["merge_seconds"].get<double>(), 1) << " s, total " << fixed(r["seconds"].get<double>(), 1)
                  << " s; build alone " << fixed(corpus.mib() / r["build_seconds"].get<double>(), 2) << " MiB/s\n";
    }
}

void print_rounds_and_load(const std::vector<Outcome>& outcomes, std::size_t repeat) {
    if (repeat > 1) {
        std::cout << "  every round, wall s / CPU s:";
        for (const Outcome& o : outcomes) {
            std::cout << "\n    " << lpad(o.variant.name, 20);
            for (std::size_t k = 0; k < o.all_seconds.size(); ++k) {
                std::cout << (k ? ",  " : "") << fixed(o.all_seconds[k], 1) << " / " << fixed(o.all_cpu[k], 1);
            }
        }
        std::cout << "\n";
    }
    std::cout << "  load average (1/5/15 min) before/after each variant (its fastest round):";
    for (const Outcome& o : outcomes) std::cout << "\n    " << lpad(o.variant.name, 20) << o.load_before << "  ->  " << o.load_after;
    std::cout << "\n";
}

void print_table_sizes(const std::vector<Outcome>& outcomes) {
    std::cout << "\n  tables (MiB)                      postlist  position  termlist   docdata  spelling     other     total\n";
    for (const Outcome& o : outcomes) {
        if (!writes_db(o.variant.kind)) continue;
        const std::vector<std::pair<std::string, const DirSize*>> dbs = {{o.variant.name, &o.before},
                                                                         {o.final_dir.filename().string(), &o.after}};
        for (const auto& [name, size] : dbs) {
            const auto t = glass_table_sizes(*size);
            std::cout << "  " << lpad(name, 32);
            for (const char* table : kGlassTables) std::cout << rpad(mib_text(t.at(table)), 10);
            std::cout << rpad(mib_text(size->total), 10) << "\n";
        }
    }
    std::cout << "  (files per database, bytes, are in the JSON line: db_before/db_after)\n";
}

void print_analysis_counts(const std::vector<Outcome>& outcomes) {
    for (const Outcome& o : outcomes) {
        if (o.variant.kind != Kind::RasdAnalysis) continue;
        const json& r = o.run.result;
        std::cout << "  analysis-rasd: " << r["tokens"].get<std::uint64_t>() << " tokens, " << r["stems"].get<std::uint64_t>()
                  << " stems\n";
    }
}

}  // namespace

void print_report(const IndexRun& run, const Corpus& corpus, const std::vector<Outcome>& outcomes, const CheckList& checks,
                  const json& comparisons) {
    const json rows = print_throughput(corpus, outcomes);
    print_shard_timings(corpus, outcomes);
    print_rounds_and_load(outcomes, run.repeat);
    print_table_sizes(outcomes);
    print_analysis_counts(outcomes);
    std::cout << "\n  checks:\n";
    checks.print(std::cout, "    ");

    const json j = {
        {"bench", "index"},
        {"inputs", run.inputs},
        {"outdir", run.outdir},
        {"articles", corpus.articles.size()},
        {"distinct_ids", corpus.distinct_ids},
        {"raw_bytes", corpus.raw_bytes},
        {"raw_mib", corpus.mib()},
        {"runs", rows},
        {"top10_comparisons", comparisons},
        {"checks_failed", checks.failures().size()},
    };
    std::cout << "\n" << json_line(j) << "\n";
}

}  // namespace rasd::bench::indexing

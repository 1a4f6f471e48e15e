#include "index_rounds.hpp"

#include "format.hpp"
#include "indexing_runs.hpp"
#include "process_stats.hpp"

#include <algorithm>
#include <iostream>
#include <utility>

namespace fs = std::filesystem;

namespace rasd::bench::indexing {

namespace {

// One run of `v`, and the compaction of what it wrote.
Outcome run_once(const Variant& v, const Corpus& corpus, const fs::path& outdir) {
    Outcome o;
    o.variant = v;
    o.load_before = loadavg();
    const fs::path dir = outdir / v.name;
    const fs::path compact_dir = outdir / (v.name + "-compact");
    if (writes_db(v.kind)) {
        fresh_dir(dir);
        fresh_dir(compact_dir);
    }
    o.run = run_measured_in_child([&] { return run_variant(v, corpus, dir, compact_dir); });
    o.load_after = loadavg();
    std::cout << " " << fixed(o.seconds(), 1) << " s (CPU " << fixed(o.run.cpu_s, 1) << " s)";
    if (writes_db(v.kind)) {
        o.before = dir_size(dir);
        o.final_dir = compact_dir;
        if (v.kind != Kind::RasdShards) {  // the shards were merged into compact_dir already
            o.written_dir = dir;
            const ChildOutcome c = run_measured_in_child([&] { return compact_measured(dir, compact_dir); });
            o.compact_s = c.result["seconds"].get<double>();
            o.compact_maxrss_kib = c.maxrss_kib;
            std::cout << ", compacted in " << fixed(o.compact_s, 1) << " s";
        }
        o.after = dir_size(compact_dir);
    }
    std::cout << "\n";
    return o;
}

}  // namespace

double Outcome::seconds() const { return run.result["seconds"].get<double>(); }

double Outcome::min_cpu() const { return *std::min_element(all_cpu.begin(), all_cpu.end()); }

std::vector<Outcome> run_rounds(const std::vector<Variant>& plan, const Corpus& corpus, const fs::path& outdir,
                                std::size_t repeat) {
    std::vector<Outcome> outcomes(plan.size());
    for (std::size_t round = 1; round <= repeat; ++round) {
        for (std::size_t i = 0; i < plan.size(); ++i) {
            const Variant& v = plan[i];
            std::cout << "  running " << v.name << " (" << v.what << ")";
            if (repeat > 1) std::cout << ", round " << round << "/" << repeat;
            std::cout << " ..." << std::flush;
            Outcome o = run_once(v, corpus, outdir);
            // Keep the fastest round; remember every round's times and the highest peak RSS.
            Outcome& kept = outcomes[i];
            const bool first = round == 1;
            std::vector<double> all_seconds = first ? std::vector<double>{} : kept.all_seconds;
            std::vector<double> all_cpu = first ? std::vector<double>{} : kept.all_cpu;
            const std::uint64_t max_rss = first ? 0 : kept.max_rss_kib;
            all_seconds.push_back(o.seconds());
            all_cpu.push_back(o.run.cpu_s);
            if (first || o.seconds() < kept.seconds()) kept = std::move(o);
            kept.all_seconds = std::move(all_seconds);
            kept.all_cpu = std::move(all_cpu);
            kept.max_rss_kib = std::max(max_rss, kept.run.maxrss_kib);
        }
    }
    return outcomes;
}

}  // namespace rasd::bench::indexing

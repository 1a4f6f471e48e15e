#pragma once
// The indexing benchmark's timed rounds: every variant in its own child process, then its
// database compacted in another, `repeat` rounds in turn; each variant's fastest round is kept.

#include "child_process.hpp"
#include "corpus.hpp"
#include "database_files.hpp"
#include "index_variants.hpp"

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rasd::bench::indexing {

struct Outcome {
    Variant variant;
    ChildOutcome run;
    std::string load_before, load_after;
    // Databases: before compaction (single writer) or the shards; after compaction / merged.
    DirSize before;
    DirSize after;
    std::filesystem::path final_dir;    // the database to check and compare
    std::filesystem::path written_dir;  // the database as written (single writer) or "" (shards)
    double compact_s = 0;
    std::uint64_t compact_maxrss_kib = 0;
    std::vector<double> all_seconds;  // every round's wall time
    std::vector<double> all_cpu;      // every round's CPU time
    std::uint64_t max_rss_kib = 0;    // the highest peak RSS over the rounds

    double seconds() const;  // of the fastest round
    double min_cpu() const;  // the lowest CPU time of the rounds (it need not be the fastest round's)
};

// Runs `plan` `repeat` times in turn; OUTDIR/<variant> and OUTDIR/<variant>-compact are written
// afresh for each variant that writes a database. A line per run on stdout.
std::vector<Outcome> run_rounds(const std::vector<Variant>& plan, const Corpus& corpus, const std::filesystem::path& outdir,
                                std::size_t repeat);

}  // namespace rasd::bench::indexing

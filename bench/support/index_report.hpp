#pragma once
// What the indexing benchmark prints after its rounds: the throughput table against the plain
// Xapian baseline, the shard timings, every round's times, the load averages, the Glass table
// sizes, the analysis counts, the checks and one JSON line.

#include "check_list.hpp"
#include "corpus.hpp"
#include "index_rounds.hpp"

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace rasd::bench::indexing {

struct IndexRun {
    std::vector<std::string> inputs;
    std::string outdir;
    std::size_t repeat = 1;
};

// `comparisons`: database -> query -> verdict of its top 10 against the reference database's.
void print_report(const IndexRun& run, const Corpus& corpus, const std::vector<Outcome>& outcomes, const CheckList& checks,
                  const nlohmann::json& comparisons);

}  // namespace rasd::bench::indexing

#pragma once
// What the ranking benchmark prints about its known-item task: the table per variant (rasd and
// Xapian's defaults, paired against `light`), the BM25 grids, the held-out queries, every variant
// at the common cell, the query shapes; and the JSON line that ends the run.

#include "ranking_collection.hpp"
#include "ranking_evaluation.hpp"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace rasd::bench::ranking {

void print_known_item_report(const Collection& c, const std::vector<VariantResult>& results, bool grid);

// `judged`: what the judged corpus gave (null if it was skipped).
void print_json_line(const std::string& corpus, const Collection& c, const std::vector<VariantResult>& results,
                     const nlohmann::json& judged);

}  // namespace rasd::bench::ranking

#pragma once
// The ranking benchmark's judged-corpus phase: every variant evaluated (at the library's and its
// ANT-tuned BM25 parameters, and over the grid) on the judged corpus, plus two title weights of
// `light`, each printed as it comes, then the grids.

#include "ranking_evaluation.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <string>
#include <vector>

namespace rasd::bench::ranking {

// Runs the phase on `judged_dir` (its databases under WORKDIR/judged) unless it is "-"; says so
// and skips it if the folder has no queries.tsv and qrels.tsv.
// @return what the JSON line gives of it, null if skipped.
nlohmann::json run_judged_phase(const std::string& judged_dir, const std::vector<VariantResult>& results,
                                const std::filesystem::path& workdir, bool grid);

}  // namespace rasd::bench::ranking

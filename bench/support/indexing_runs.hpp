#pragma once
// What each variant of the indexing benchmark does, measured (measure_section: RSS at the start,
// wall and CPU seconds of the timed section). Meant to run in a child process of its own.

#include "corpus.hpp"
#include "index_variants.hpp"

#include <nlohmann/json.hpp>

#include <filesystem>

namespace rasd::bench::indexing {

// Runs `v` over `corpus`: a variant that writes a database writes `dir`; the shard variant
// writes its shards under `dir` and merges them into `merged`.
nlohmann::json run_variant(const Variant& v, const Corpus& corpus, const std::filesystem::path& dir,
                           const std::filesystem::path& merged);

// Compacts `src` into `dst` (Compactor::FULL), measured.
nlohmann::json compact_measured(const std::filesystem::path& src, const std::filesystem::path& dst);

}  // namespace rasd::bench::indexing

#pragma once
// Whether two databases of the same articles rank a query alike: their top-10 ids and scores.

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace rasd::bench {

using TopHits = std::vector<std::pair<std::string, double>>;  // id, score

// Top-10 ids and scores of `query` through rasd::Searcher on `db`.
TopHits top10(const std::filesystem::path& db, const std::string& query);

// "same" (ids in the same order), "ties" (same ids and scores, order differs only among equal
// scores), or "DIFFERENT".
std::string compare_top10(const TopHits& a, const TopHits& b);

}  // namespace rasd::bench

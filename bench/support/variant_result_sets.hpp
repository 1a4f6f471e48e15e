#pragma once
// bench_variants' result sets: the articles a one-word query finds, before transliteration
// variants and aliases (the light stems alone, from the articles in memory) and with them
// (rasd's query building over the archive, every match).

#include "bench/support/corpus.hpp"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace rasd::bench::variants {

using IdSet = std::set<std::string>;
using ResultSets = std::map<std::string, IdSet>;  // word -> ids of the articles it finds

// For each of `words`, the articles whose title, abstract or body holds its stem under the light
// analyzer without transliteration variants ("light-apart"): what a one-word query found before
// variants and aliases (no alias table was applied then).
ResultSets baseline_result_sets(const Corpus& corpus, const std::vector<std::string>& words);

// For each of `words`, every article rasd's query building finds in the archive at `dir`
// (the analyzer it records, its variants, rasd's alias table and the archive's own), as
// rasd::Searcher would, without ranking.
ResultSets search_result_sets(const std::string& dir, const std::vector<std::string>& words);

// |a ∩ b| / |a ∪ b|; 1 when both are empty.
double jaccard(const IdSet& a, const IdSet& b);

}  // namespace rasd::bench::variants

#pragma once
// Words drawn from an article's text for benchmark queries: single content words and runs of
// consecutive words, plain Arabic only, so that no query parser sees syntax in them.

#include <rasd/analysis/analyzer.hpp>

#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::bench {

// Arabic letters and diacritics only (hamza to sukun, tatweel included), so the word is no query
// syntax and every parser splits it the same way. `letters` gets the letters (no tatweel, no
// diacritics).
bool is_plain_arabic(std::string_view w, std::size_t* letters);

struct SampledWord {
    std::string surface;
    bool stop = false;
    std::size_t letters = 0;
};

// The runs of consecutive plain-Arabic words of a text (adjacent positions), as surfaces.
std::vector<std::vector<SampledWord>> plain_runs(rasd::Analyzer& analyzer, std::string_view text);

// A run of `min_words`..`max_words` consecutive words of `text` with at least one that is not a
// stop word (rasd refuses a query of stop words only); "" if the text has none.
std::string fragment(rasd::Analyzer& analyzer, std::string_view text, std::size_t min_words, std::size_t max_words,
                     std::mt19937& rng);

// One word of `text` that is no stop word and has `min_letters` letters or more; "" if none.
std::string content_word(rasd::Analyzer& analyzer, std::string_view text, std::size_t min_letters, std::mt19937& rng);

}  // namespace rasd::bench

#pragma once
// The ranking benchmark's passage task: long articles queried by a passage from deep in their
// body, written in other spellings. A query is 8 to 12 consecutive words taken after the first
// 60% of the body of an article of at least kMinLongBodyWords words, each word respelled (with
// probability 1/2) as Arabic news also writes it: a transliteration variant of
// analyzers/data/variants_ar.tsv (الأمريكي as الأميركي), else final ي/ى swapped, final ة as ه,
// an initial أ/إ as ا, ؤ and ئ swapped.

#include "ranking_collection.hpp"

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>

namespace rasd::bench::ranking {

inline constexpr std::size_t kPassageQueries = 500;
inline constexpr std::uint32_t kPassageSeed = 20261207;
inline constexpr std::size_t kMinLongBodyWords = 400;
inline constexpr std::size_t kMinPassageWords = 8, kMaxPassageWords = 12;
inline constexpr double kDeepFrom = 0.6;  // the passage starts after this share of the body

// `text` with each word respelled with probability 1/2 (draws from `rng`).
std::string vary_spelling(std::string_view text, std::mt19937& rng);

// `count` queries over the long articles of `c` (a seeded sample, kPassageSeed), as plain free
// text (plain_query()); fewer when there are fewer long articles.
QuerySet passage_queries(const Collection& c, std::size_t count);

}  // namespace rasd::bench::ranking

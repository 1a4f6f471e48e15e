#pragma once
// Near-duplicate detection for stories (docs/STORIES.md): an article's text as a set of word
// shingles, estimated by MinHash (Broder 1997), with locality-sensitive band keys so that an
// archive finds the articles a new one may duplicate by looking up a few terms. Pure computation:
// no Xapian; archive/term_codec.hpp spells the signature and band keys in the database.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::detail {

// Word shingles of this many consecutive folded words. 3 rather than 5: a reprint's edits (a
// changed word, a dropped sentence) cost fewer shared shingles; measured in bench/RESULTS.md.
inline constexpr std::size_t kShingleWords = 3;
// Two articles are in one story when the Jaccard similarity of their shingle sets is at least
// this (estimated from the signatures). Chosen with bench_stories (bench/RESULTS.md).
inline constexpr double kStoryJaccard = 0.6;
// A body with fewer distinct shingles than this (about a sentence and a half) gets no
// fingerprint and so no copies: on ANT, unrelated opinion columns whose body is only a
// disclaimer ("** جميع المقالات المنشورة تمثل رأي كتابها فقط.", 5 shingles) formed one false
// story of 11. A reprint worth folding is longer than one line.
inline constexpr std::size_t kMinStoryShingles = 20;
// MinHash values per signature; each is kept to its 16 middle bits (b-bit MinHash: a false
// agreement has probability 2^-16, far below the estimate's own error of about 0.04 at 0.6).
inline constexpr std::size_t kMinHashes = 128;
// LSH: the first kBands * kRowsPerBand values, in bands of kRowsPerBand. A pair of similarity s
// shares a band with probability 1 - (1 - s^2)^10: 0.988 at 0.6, 0.94 at 0.5, 0.10 at 0.1. Each
// band is a term that is new to the archive for most articles (an entry of its own in Xapian's
// posting table): 10 bands of 2 rows are half the terms of 21 of 3, with the same measured pair
// precision and recall at 0.6, paid for with more candidates to verify (bench/RESULTS.md).
inline constexpr std::size_t kBands = 10;
inline constexpr std::size_t kRowsPerBand = 2;
static_assert(kBands * kRowsPerBand <= kMinHashes);

using MinHashes = std::array<std::uint16_t, kMinHashes>;

// The distinct hashes (64-bit, sorted) of the shingles of `words` of `size` words each; a text
// shorter than `size` words is one shingle of all its words; no words, no shingles.
[[nodiscard]] std::vector<std::uint64_t> shingle_hashes(const std::vector<std::string_view>& words,
                                                        std::size_t size = kShingleWords);

// The exact Jaccard similarity of two sorted sets of hashes (0 when both are empty).
[[nodiscard]] double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b);

// The MinHash signature of a non-empty shingle set.
[[nodiscard]] MinHashes minhash_signature(const std::vector<std::uint64_t>& shingles);

// The fraction of signature values two signatures agree on: an estimate of their Jaccard.
[[nodiscard]] double estimated_jaccard(const MinHashes& a, const MinHashes& b);

// One key per band: the band's number in the top 16 bits and its kRowsPerBand 16-bit values
// below (kRowsPerBand <= 3), so two keys are equal exactly when the band agrees.
using BandKeys = std::array<std::uint64_t, kBands>;
[[nodiscard]] BandKeys band_keys(const MinHashes& signature);

}  // namespace rasd::detail

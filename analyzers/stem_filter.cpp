#include "arabic_chars.hpp"

#include <rasd/analysis/stem_filter.hpp>
#include <rasd/analysis/text_folding.hpp>

#include "util/utf8.hpp"

#include <algorithm>
#include <array>

namespace rasd {
namespace {

namespace ar = detail::arabic;

// The letters a filter checks: hamza to yeh (two bytes each in UTF-8), one bit each.
constexpr std::size_t kLetterCount = ar::kYeh - ar::kHamza + 1;
static_assert(kLetterCount <= 64, "one bit per letter in a std::uint64_t");
constexpr std::uint8_t kNotChecked = 0xFF;

// For each letter from hamza to yeh, the bit of the one letter folding makes of it (أ gives ا,
// ة gives ه), or kNotChecked when folding makes anything else of it (tatweel, dropped). Taken
// from fold_text() itself, so the filter can never disagree with the analyzer's folding.
const std::array<std::uint8_t, kLetterCount>& folded_letter_bits() {
    static const std::array<std::uint8_t, kLetterCount> bits = [] {
        std::array<std::uint8_t, kLetterCount> table{};
        for (std::size_t i = 0; i < kLetterCount; ++i) {
            std::string letter;
            detail::append_utf8(letter, static_cast<char32_t>(ar::kHamza + i));
            const std::u32string folded = detail::to_code_points(fold_text(letter));
            const bool one_letter = folded.size() == 1 && ar::in_range(folded[0], ar::kHamza, ar::kYeh) &&
                                    folded[0] != ar::kTatweel;
            table[i] = one_letter ? static_cast<std::uint8_t>(folded[0] - ar::kHamza) : kNotChecked;
        }
        return table;
    }();
    return bits;
}

// The folded letters of `word` as bits; false when a character is not a letter the table checks.
bool folded_letters(std::string_view word, std::uint64_t& letters) {
    const auto& bits = folded_letter_bits();
    letters = 0;
    for (std::size_t at = 0; at < word.size();) {
        const char32_t c = detail::next_code_point(word, at);
        if (!ar::in_range(c, ar::kHamza, ar::kYeh)) return false;
        const std::uint8_t bit = bits[c - ar::kHamza];
        if (bit == kNotChecked) return false;
        letters |= std::uint64_t{1} << bit;
    }
    return true;
}

// Whether `word` starts with لل, after at most و or ف: ل + ال with the article's alef dropped
// (للبحرين is ل + البحرين). A place's stem that keeps its article (البحرين,
// data/place_stems_ar.tsv) holds an alef such a word lacks.
bool elides_an_article_alef(std::string_view word) {
    std::size_t at = 0;
    auto next = [&]() -> char32_t { return at < word.size() ? detail::next_code_point(word, at) : U'\0'; };
    char32_t c = next();
    if (c == ar::kWaw || c == ar::kFeh) c = next();
    return c == ar::kLam && next() == ar::kLam;
}

}  // namespace

StemFilter StemFilter::of_spellings(const std::vector<std::string>& spellings) {
    StemFilter filter;
    if (std::any_of(spellings.begin(), spellings.end(), [](const std::string& s) { return s.empty(); })) {
        return filter;
    }
    filter.m_every_word_passes = false;
    for (const std::string& spelling : spellings) {
        std::uint64_t letters = 0;
        // A spelling of letters a checked word cannot hold (Latin, digits) is never part of one.
        if (folded_letters(spelling, letters)) filter.m_letter_sets.push_back(letters);
    }
    return filter;
}

bool StemFilter::may_stem_to_one(std::string_view word) const {
    if (m_every_word_passes || word.empty()) return true;
    std::uint64_t letters = 0;
    if (!folded_letters(word, letters)) return true;
    if (elides_an_article_alef(word)) letters |= std::uint64_t{1} << folded_letter_bits()[ar::kAlef - ar::kHamza];
    return std::any_of(m_letter_sets.begin(), m_letter_sets.end(),
                       [letters](std::uint64_t needed) { return (needed & ~letters) == 0; });
}

}  // namespace rasd

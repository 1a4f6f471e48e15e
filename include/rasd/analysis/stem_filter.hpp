#pragma once
/// @file stem_filter.hpp  Telling, from a word's letters alone, that it cannot stem to any of a
/// few stems.

#include <rasd/export.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rasd {

/// Made by Analyzer::stem_filter() for a set of stems. A snippet asks whether each word of a body
/// stems to one of the query's stems; stemming every word was most of a snippet's cost, and
/// nearly all of them lack some letter of every stem asked for, which needs no stemming to see.
///
/// Words of basic Arabic letters (hamza to yeh) are checked by their folded letters; any other
/// word passes. Cheap to copy; safe to share between threads.
class RASD_EXPORT StemFilter {
public:
    /// A filter every word passes.
    StemFilter() = default;

    /// False only when the analyzer that made this filter certainly gives `word` a stem that is
    /// none of the stems it was made for.
    [[nodiscard]] bool may_stem_to_one(std::string_view word) const;

    /// The filter for stems that are each a run of letters taken from a folded word (the analyzer's
    /// stem, before or after its variants). A stem given as "" makes every word pass.
    [[nodiscard]] static StemFilter of_spellings(const std::vector<std::string>& spellings);

private:
    bool m_every_word_passes = true;
    // The folded Arabic letters of each spelling, one bit per letter from hamza; a spelling
    // with any other character can never be a part of a word this filter checks, and has none.
    std::vector<std::uint64_t> m_letter_sets;
};

}  // namespace rasd

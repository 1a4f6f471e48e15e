#pragma once
// The edit distance behind every "did you mean" (gazetteer and topic names, title stems).
//
// Optimal string alignment (the restricted Damerau-Levenshtein distance): inserting, deleting
// or substituting one code point, or swapping two adjacent ones, costs 1, and no substring is
// edited twice. Chosen over plain Levenshtein because a swapped pair is the commonest typo
// ("sprot", "Alexandira") and should weigh as one edit, not two; nearest() of the topics was
// already specified this way. Distances are over code points, so an Arabic letter (2 bytes)
// counts as one edit like a Latin one.

#include <cstddef>
#include <string_view>

namespace rasd::detail {

// The distance between `a` and `b` if it is at most `max`, else max + 1. Gives up as soon as
// every alignment costs more than `max` (a length gap above `max`, or a whole row of the table
// above it), so a small bound keeps long strings cheap.
[[nodiscard]] std::size_t bounded_edit_distance(std::u32string_view a, std::u32string_view b, std::size_t max);

}  // namespace rasd::detail

#pragma once
// Folding with an offset map: the internal form of fold_text() that word breaking runs on.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::detail {

// Folded text as UTF-16 (what ICU's BreakIterator reads) plus, for every UTF-16 unit, the byte
// range of the original text it came from. A deleted mark or tatweel extends the range of the
// unit before it, so a word's range covers its diacritics.
struct FoldedText {
    std::u16string units;
    std::vector<std::size_t> source_begin;  // one entry per unit
    std::vector<std::size_t> source_end;    // one entry per unit
};

// Folds `text` (see rasd::fold_text for the rules), keeping the offset map.
[[nodiscard]] FoldedText fold_with_offsets(std::string_view text);

// UTF-16 range [begin, end) of `folded` as UTF-8.
[[nodiscard]] std::string utf16_to_utf8(const std::u16string& units, std::size_t begin, std::size_t end);

}  // namespace rasd::detail

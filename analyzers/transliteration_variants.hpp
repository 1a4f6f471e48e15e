#pragma once
// Transliteration variants of foreign names and words (الأميركي/الأمريكي, ترامب/ترمب,
// جوجل/غوغل/قوقل): groups of light stems that spell one foreign word, each mapped to the
// group's first stem. The table (data/variants_ar.tsv, embedded by CMake) was mined from news
// text with spelling rules and every group checked by reading its words in context; a rule
// applied blindly (drop every ي or و) would join Arabic words that only look alike, which a
// curated list cannot do. docs/ANALYSIS.md tells how it was made.

#include "util/string_map.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace rasd::detail {

class VariantTable {
public:
    // Parses `text`: one group a line, light stems separated by `|`, the first the one every
    // other becomes; '#' starts a comment, on a line of its own or after the stems.
    // @throws rasd::DataError "NAME:LINE: WHAT" for a group of fewer than two stems, a stem that
    //         is not a folded Arabic word (fold_text() must leave it unchanged), or a stem given
    //         twice.
    static VariantTable parse(std::string_view name, std::string_view text);

    // rasd's table (parsed once, on first use).
    static const VariantTable& builtin();

    // The stem `stem` is indexed under: its group's first stem, or `stem` itself.
    [[nodiscard]] std::string_view canonical(std::string_view stem) const;

    // The other stems of the group `canonical` heads (none when it heads no group).
    [[nodiscard]] const std::vector<std::string>& variants_of(std::string_view canonical) const;

    [[nodiscard]] std::size_t size() const { return m_canonical.size(); }

private:
    StringMap<std::string> m_canonical;             // variant -> first stem of its group
    StringMap<std::vector<std::string>> m_variants;  // first stem of a group -> the others
};

}  // namespace rasd::detail

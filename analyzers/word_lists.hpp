#pragma once
// The word lists that ship inside rasd_analysis (embedded from analyzers/data/ at build time).

#include "util/string_map.hpp"

#include <cstddef>
#include <string>
#include <string_view>

namespace rasd::detail {

// Looked up by std::string_view: the stemmer and the analyzer test every word against these.
using WordSet = StringSet;

// Parses a word list: one entry per line, '#' starts a comment line, blank lines ignored.
[[nodiscard]] WordSet parse_word_list(std::string_view text);

// Arabic (Savoy/CLEF, plus rasd's additions) and English (Snowball) stop words, folded.
[[nodiscard]] const WordSet& stop_words();

// Folded words whose first letter looks like a clitic but belongs to the word (فرنسا، وزير).
[[nodiscard]] const WordSet& protected_words();

// Place names whose light stem would be a common word's (data/place_stems_ar.tsv): each folded
// form, as it stands after a one-letter clitic, and the stem it keeps (البحريني -> البحرين).
using StemTable = StringMap<std::string>;
// Forms longer than this many bytes are refused by parse_place_stems(), so a longer word is no
// place form and the stemmer can look one up from a buffer of this size.
inline constexpr std::size_t kMaxPlaceFormBytes = 64;
[[nodiscard]] StemTable parse_place_stems(std::string_view text);
[[nodiscard]] const StemTable& place_stems();

}  // namespace rasd::detail

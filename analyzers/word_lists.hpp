#pragma once
// The word lists that ship inside rasd_analysis (embedded from analyzers/data/ at build time).

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace rasd::detail {

using WordSet = std::unordered_set<std::string>;

// Parses a word list: one entry per line, '#' starts a comment line, blank lines ignored.
[[nodiscard]] WordSet parse_word_list(std::string_view text);

// Arabic (Savoy/CLEF, plus rasd's additions) and English (Snowball) stop words, folded.
[[nodiscard]] const WordSet& stop_words();

// Folded words whose first letter looks like a clitic but belongs to the word (فرنسا، وزير).
[[nodiscard]] const WordSet& protected_words();

// Place names whose light stem would be a common word's (data/place_stems_ar.tsv): each folded
// form, as it stands after a one-letter clitic, and the stem it keeps (البحريني -> البحرين).
using StemTable = std::unordered_map<std::string, std::string>;
[[nodiscard]] StemTable parse_place_stems(std::string_view text);
[[nodiscard]] const StemTable& place_stems();

}  // namespace rasd::detail

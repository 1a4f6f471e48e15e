#pragma once
// The word lists that ship inside rasd_analysis (embedded from analyzers/data/ at build time).

#include <string>
#include <string_view>
#include <unordered_set>

namespace rasd::detail {

using WordSet = std::unordered_set<std::string>;

// Parses a word list: one entry per line, '#' starts a comment line, blank lines ignored.
[[nodiscard]] WordSet parse_word_list(std::string_view text);

// Arabic (Savoy/CLEF, plus rasd's additions) and English (Snowball) stop words, folded.
[[nodiscard]] const WordSet& stop_words();

// Folded words whose first letter looks like a clitic but belongs to the word (فرنسا، وزير).
[[nodiscard]] const WordSet& protected_words();

}  // namespace rasd::detail

#include "word_lists.hpp"

#include "util/data_lines.hpp"

namespace rasd::detail {

extern const std::string_view kStopwordsArabicText;
extern const std::string_view kStopwordsEnglishText;
extern const std::string_view kProtectedArabicText;

WordSet parse_word_list(std::string_view text) {
    WordSet words;
    for (const DataLine& line : data_lines("word list", text)) words.emplace(line.text);
    return words;
}

const WordSet& stop_words() {
    static const WordSet words = [] {
        WordSet all = parse_word_list(kStopwordsArabicText);
        all.merge(parse_word_list(kStopwordsEnglishText));
        return all;
    }();
    return words;
}

const WordSet& protected_words() {
    static const WordSet words = parse_word_list(kProtectedArabicText);
    return words;
}

}  // namespace rasd::detail

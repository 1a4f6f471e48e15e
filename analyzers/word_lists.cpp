#include "word_lists.hpp"

namespace rasd::detail {

extern const std::string_view kStopwordsArabicText;
extern const std::string_view kStopwordsEnglishText;
extern const std::string_view kProtectedArabicText;

WordSet parse_word_list(std::string_view text) {
    WordSet words;
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
            line.remove_suffix(1);
        }
        if (line.empty() || line.front() == '#') continue;
        words.emplace(line);
    }
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

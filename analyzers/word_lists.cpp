#include "word_lists.hpp"

#include "util/data_lines.hpp"

#include <rasd/analysis/text_folding.hpp>
#include <rasd/error.hpp>

#include <string>
#include <vector>

namespace rasd::detail {

extern const std::string_view kStopwordsArabicText;
extern const std::string_view kStopwordsEnglishText;
extern const std::string_view kProtectedArabicText;
extern const std::string_view kPlaceStemsArabicText;

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

StemTable parse_place_stems(std::string_view text) {
    StemTable stems;
    for (const DataLine& line : data_lines("place stems", text)) {
        const std::vector<std::string_view> columns = split_trimmed(line.text, '\t');
        if (columns.size() != 2 || columns[0].empty()) throw DataError(line.error("expected STEM<TAB>FORM|FORM..."));
        for (const std::string_view form : split_trimmed(columns[1], '|')) {
            if (form.empty() || fold_text(form) != form) {
                throw DataError(line.error("'" + std::string(form) + "' is not a folded word"));
            }
            if (form.size() > kMaxPlaceFormBytes) {
                throw DataError(line.error("'" + std::string(form) + "' is longer than " +
                                           std::to_string(kMaxPlaceFormBytes) + " bytes"));
            }
            if (!stems.emplace(form, columns[0]).second) {
                throw DataError(line.error("'" + std::string(form) + "' is given twice"));
            }
        }
    }
    return stems;
}

const StemTable& place_stems() {
    static const StemTable stems = parse_place_stems(kPlaceStemsArabicText);
    return stems;
}

}  // namespace rasd::detail

#include "vocabulary_suggestion.hpp"

#include "archive/term_codec.hpp"

#include <unicode/unistr.h>

#include <algorithm>
#include <vector>

namespace rasd::detail {
namespace {

std::u32string code_points(const std::string& utf8) {
    const icu::UnicodeString text = icu::UnicodeString::fromUTF8(utf8);
    std::u32string out;
    for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) out.push_back(static_cast<char32_t>(text.char32At(i)));
    return out;
}

// Levenshtein distance, giving up (returning limit + 1) once every path costs more than `limit`.
unsigned bounded_edit_distance(const std::u32string& a, const std::u32string& b, unsigned limit) {
    const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (gap > limit) return limit + 1;
    std::vector<unsigned> previous(b.size() + 1), current(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = static_cast<unsigned>(j);
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = static_cast<unsigned>(i);
        unsigned row_best = current[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const unsigned substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0U : 1U);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
            row_best = std::min(row_best, current[j]);
        }
        if (row_best > limit) return limit + 1;
        std::swap(previous, current);
    }
    return previous[b.size()];
}

}  // namespace

std::string closest_title_stem(const Xapian::Database& database, const std::string& stem) {
    const std::u32string wanted = code_points(stem);
    if (wanted.size() < 2) return {};
    std::string first_letter;
    icu::UnicodeString(static_cast<UChar32>(wanted[0])).toUTF8String(first_letter);
    const std::string scan = schema::word_term(first_letter, schema::WordField::Title);
    std::string best;
    unsigned best_distance = kMaxSuggestionEdits + 1;
    Xapian::doccount best_frequency = 0;
    for (auto term = database.allterms_begin(scan); term != database.allterms_end(scan); ++term) {
        const std::string candidate = schema::word_of_term(*term, schema::WordField::Title);
        if (candidate == stem) return {};
        const unsigned distance = bounded_edit_distance(wanted, code_points(candidate), kMaxSuggestionEdits);
        const Xapian::doccount frequency = term.get_termfreq();
        if (distance < best_distance || (distance == best_distance && frequency > best_frequency)) {
            best = candidate;
            best_distance = distance;
            best_frequency = frequency;
        }
    }
    return best_distance <= kMaxSuggestionEdits ? best : std::string();
}

}  // namespace rasd::detail

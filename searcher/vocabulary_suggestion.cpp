#include "vocabulary_suggestion.hpp"

#include "archive/term_codec.hpp"
#include "util/edit_distance.hpp"
#include "util/utf8.hpp"

#include <algorithm>
#include <vector>

namespace rasd::detail {

std::string closest_title_stem(const Xapian::Database& database, const std::string& stem) {
    const std::u32string wanted = to_code_points(stem);
    if (wanted.size() < 2) return {};
    std::string first_letter;
    append_utf8(first_letter, wanted[0]);
    const std::string scan = schema::word_term(first_letter, schema::WordField::Title);
    std::string best;
    std::size_t best_distance = kMaxSuggestionEdits + 1;
    Xapian::doccount best_frequency = 0;
    for (auto term = database.allterms_begin(scan); term != database.allterms_end(scan); ++term) {
        const std::string candidate = schema::word_of_term(*term, schema::WordField::Title);
        if (candidate == stem) return {};
        const std::size_t distance = bounded_edit_distance(wanted, to_code_points(candidate), kMaxSuggestionEdits);
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

#pragma once
// The places that datelines and place fields of Arabic news name: countries, Egyptian
// governorates, cities and districts, each with its parent, looked up by any of its spellings.
// The built-in list is indexer/data/gazetteer.tsv (its header documents the columns and how
// shared names such as طرابلس or عمان are decided), embedded in the library at build time.

#include "util/string_map.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::detail {

struct Place {
    std::string id;         // ASCII slug: "eg", "eg-cairo", "eg-cairo-dar-el-salam"
    std::string arabic;     // display name, as written in the TSV
    std::string english;
    std::string kind;       // "country", "governorate", "city", "district" or "region"
    std::string parent_id;  // empty for a country
    std::vector<std::string> variants;  // the other spellings, as written in the TSV
};

class Gazetteer {
public:
    // The embedded indexer/data/gazetteer.tsv, parsed on first use (thread-safe).
    static const Gazetteer& builtin();

    // Parses TSV rows `id<TAB>parent_id<TAB>kind<TAB>arabic_name<TAB>english_name<TAB>variants`
    // (variants `|`-separated and optional; blank lines and lines starting with '#' skipped).
    // @throws rasd::DataError "gazetteer:LINE: WHAT" on a malformed row, a bad id or kind, a
    // duplicate id, a parent not defined on an earlier line, a spelling of more than 4 words, or
    // a spelling that folds to the same key as a spelling of another place.
    explicit Gazetteer(std::string_view tsv);

    // The place named `name` in any listed spelling: compared after fold_text() (so diacritics,
    // hamza seats, ة/ه, ى/ي and Latin case do not matter), with '-' ',' '(' ')' read as spaces.
    // If the exact name is unknown, a leading word في/محافظة/مدينة/ولاية/منطقة/إمارة/حي/مركز/
    // قرية/بلدة/in, a leading ب/و/ل on the first word (بالقاهرة, للقاهرة → القاهرة), and a
    // leading ال (added or dropped) are tolerated, up to three such steps:
    // "في القاهرة", "محافظة القاهرة", "بمدينة العريش". nullptr if nothing matches.
    [[nodiscard]] const Place* resolve(std::string_view name) const;

    // Like resolve() but with no tolerance: only a listed spelling (after folding) matches.
    // For datelines, where a name stands bare and "بالقاهرة -" is not one.
    [[nodiscard]] const Place* resolve_exact(std::string_view name) const;

    // `place`, then its parent, and so on up to the country: دار السلام → القاهرة → مصر.
    [[nodiscard]] std::vector<const Place*> chain(const Place& place) const;

    // The place with this id, or nullptr.
    [[nodiscard]] const Place* find(std::string_view id) const;

    // Up to `n` spellings closest to `name` (bounded_edit_distance() between normalized forms),
    // one per place, closest first, for "did you mean" messages. None when normalize(name) is
    // more than kNearestSlackBytes longer than the longest spelling: nothing is near then, and
    // the edit distances would cost time in proportion to the name's length.
    [[nodiscard]] std::vector<std::string> nearest(std::string_view name, std::size_t n) const;
    static constexpr std::size_t kNearestSlackBytes = 3;

    // The length in bytes of the longest normalized spelling.
    [[nodiscard]] std::size_t longest_spelling_bytes() const { return m_longest_key_bytes; }

    [[nodiscard]] std::size_t size() const { return m_places.size(); }

    // All places in file order.
    [[nodiscard]] const std::vector<Place>& places() const { return m_places; }

    // The lookup key of a spelling: fold_text(), separators read as spaces, '.' and apostrophes
    // dropped, spaces collapsed and trimmed. Two spellings with the same key are the same name.
    [[nodiscard]] static std::string normalize(std::string_view name);

    // A spelling may have at most this many words.
    static constexpr std::size_t kMaxNameWords = 4;

private:
    using Index = StringMap<std::size_t>;  // id or key -> index into m_places

    struct Spelling {
        std::u32string key;    // normalized, as code points (for nearest())
        std::string text;      // as written in the TSV
        std::size_t place;     // index into m_places
    };

    [[nodiscard]] const Place* lookup(std::string_view key) const;

    std::vector<Place> m_places;
    Index m_by_id;
    Index m_by_key;
    std::vector<Spelling> m_spellings;
    std::size_t m_longest_key_bytes = 0;  // of the normalized spellings, for nearest()
};

}  // namespace rasd::detail

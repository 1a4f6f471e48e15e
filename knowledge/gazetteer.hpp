#pragma once
// The places that datelines and place fields of Arabic news name: countries, Egyptian
// governorates, cities and districts, each with its parent, looked up by any of its spellings.
// The built-in list is knowledge/data/gazetteer.tsv (its header documents the columns and how
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
    std::string kind;       // "country", "governorate", "city", "district", "region" or "landmark"
    std::string parent_id;  // empty for a country
    std::vector<std::string> variants;  // the other spellings, as written in the TSV
    // Nationality adjectives (nisba), masculine singular without ال, as written in the TSV:
    // "مصري". Every inflection (مصرية، مصريون، مصريين، مصريات، مصريان, with or without ال)
    // names the place too, in running text only.
    std::vector<std::string> demonyms;
    // The name is also a common word or another place's name (صور "pictures", جدة "grandmother"):
    // running text names this place only with a cue (مدينة صور، صور اللبنانية); a dateline or a
    // place field names it on its own.
    bool needs_context = false;
};

class Gazetteer {
public:
    // The embedded knowledge/data/gazetteer.tsv, parsed on first use (thread-safe).
    static const Gazetteer& builtin();

    // Parses TSV rows `id<TAB>parent_id<TAB>kind<TAB>arabic_name<TAB>english_name<TAB>variants
    // <TAB>demonyms<TAB>flags` (variants and demonyms `|`-separated; the last three columns
    // optional; flags empty or "context"; blank lines and lines starting with '#' skipped).
    // @throws rasd::DataError "gazetteer:LINE: WHAT" on a malformed row, a bad id or kind, a
    // duplicate id, a parent not defined on an earlier line, a spelling of more than 4 words, or
    // a spelling that folds to the same key as a spelling of another place, or a demonym form
    // that two places claim.
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

    // The place whose normalized spelling is exactly `key` (a normalize() result), or nullptr.
    [[nodiscard]] const Place* find_by_key(std::string_view key) const { return lookup(key); }

    // Whether some spelling's normalized key starts with the word `word` (normalized): lets a
    // scan of running text skip the words no place name can start with.
    [[nodiscard]] bool starts_some_name(std::string_view word) const {
        const auto it = m_mention_starts.find(word);
        return it != m_mention_starts.end() && (it->second & kStartsName) != 0;
    }

    // starts_some_name(word) or find_by_demonym(word) != nullptr, in one lookup: most words of
    // running text are neither.
    [[nodiscard]] bool may_start_mention(std::string_view word) const {
        return m_mention_starts.find(word) != m_mention_starts.end();
    }

    // The place whose demonym `word` (normalized, one word) is an inflection of: "المصريين",
    // "سورية" (also the country's spelling: find_by_key() sees it first), or nullptr.
    [[nodiscard]] const Place* find_by_demonym(std::string_view word) const;

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
    Index m_by_demonym;   // every inflection of every demonym -> place
    // First words of spelling keys and demonym forms -> kStartsName | kIsDemonym.
    static constexpr std::size_t kStartsName = 1;
    static constexpr std::size_t kIsDemonym = 2;
    Index m_mention_starts;
    std::vector<Spelling> m_spellings;
    std::size_t m_longest_key_bytes = 0;  // of the normalized spellings, for nearest()
};

}  // namespace rasd::detail

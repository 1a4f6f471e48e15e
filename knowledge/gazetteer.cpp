#include "gazetteer.hpp"

#include "analyzers/arabic_chars.hpp"
#include "util/data_lines.hpp"
#include "util/edit_distance.hpp"
#include "util/spaces_and_dashes.hpp"
#include "util/utf8.hpp"

#include <rasd/analysis/text_folding.hpp>
#include <rasd/error.hpp>

#include <algorithm>
#include <array>
#include <limits>
#include <utility>

namespace rasd::detail {

extern const std::string_view kGazetteerText;

namespace {


// Input of more words than this cannot be a name even after dropping "في مدينة".
constexpr std::size_t kMaxInputWords = Gazetteer::kMaxNameWords + 3;
// resolve(): how many tolerated rewrites ("و" + "في" + "مدينة") may stack up.
constexpr int kMaxRewriteSteps = 3;

constexpr auto kKinds = std::to_array<std::string_view>(
    {"country", "governorate", "city", "district", "region", "landmark"});

// The flag of a name that is also a common word or another place's name.
constexpr std::string_view kNeedsContextFlag = "context";

// Endings a nisba takes after its masculine singular -ي, as normalize() leaves them (ة → ه):
// مصري، مصرية، مصريون، مصريين، مصريات، مصريان.
constexpr auto kDemonymEndings = std::to_array<std::string_view>({"", "ه", "ون", "ين", "ات", "ان"});

// Words that may stand before a name, as normalize() leaves them: "في القاهرة",
// "محافظة القاهرة", "ولاية صفاقس", "إمارة دبي", "حي الزمالك", "in Cairo".
constexpr auto kLeadingWords = std::to_array<std::string_view>(
    {"في", "محافظه", "مدينه", "ولايه", "منطقه", "اماره", "حي", "مركز", "قريه", "بلده", "in"});

constexpr std::string_view kDefiniteArticle = "ال";   // ال
constexpr std::string_view kLamLam = "لل";            // لل = ل + ال: للقاهرة → القاهرة
// Single-letter proclitics dropped from the first word: بالقاهرة, وبيروت, لمصر.
constexpr auto kProclitics = std::to_array<std::string_view>({"ب", "و", "ل"});

// ---- Keys ---------------------------------------------------------------------------------

// Characters read as a space between words: white space, hyphens and dashes, and punctuation.
bool is_separator(char32_t c) {
    switch (c) {
        case U'-': case U',': case U'(': case U')': case U'[': case U']': case U'/':
        case U'"': case U':': case U';': case U'!': case U'?':
        case arabic::kArabicComma: case arabic::kArabicSemicolon: case arabic::kArabicQuestionMark:
        case U'\u00AB': case U'\u00BB':  // « »
        case U'\u201C': case U'\u201D':  // “ ”
            return true;
        default:
            return unicode::is_white_space(c) || unicode::is_unicode_hyphen(c) || unicode::is_unicode_dash(c);
    }
}

// Characters dropped inside words: "Sana'a" = "Sanaa", "St. Petersburg" = "St Petersburg".
bool is_dropped(char32_t c) {
    return c == U'.' || c == U'\'' || c == U'`' || c == U'\u2018' || c == U'\u2019' ||
           c == U'\u02BC' || c == U'\u02BB';
}

std::size_t count_words(std::string_view key) {
    return key.empty() ? 0 : 1 + static_cast<std::size_t>(std::count(key.begin(), key.end(), ' '));
}

bool starts_with_arabic_letter(std::string_view word) {
    if (word.size() < 2) return false;
    const auto lead = static_cast<unsigned char>(word[0]);
    return lead == 0xD8 || lead == 0xD9;  // U+0600..U+067F: the basic Arabic letters
}

// The tolerated rewrites of a normalized key, most specific first (see resolve()).
std::vector<std::string> rewrites(const std::string& key) {
    std::vector<std::string> out;
    const std::size_t space = key.find(' ');
    const std::string_view first = std::string_view(key).substr(0, space);
    const std::string_view rest =
        space == std::string::npos ? std::string_view() : std::string_view(key).substr(space);

    if (!rest.empty() &&
        std::find(kLeadingWords.begin(), kLeadingWords.end(), first) != kLeadingWords.end()) {
        out.emplace_back(rest.substr(1));
    }
    auto add_word = [&](std::string word) {
        if (count_code_points(word) >= 2) out.push_back(word.append(rest));
    };
    if (first.starts_with(kLamLam)) {
        add_word(std::string(kDefiniteArticle).append(first.substr(kLamLam.size())));
    }
    for (const std::string_view clitic : kProclitics) {
        if (first.starts_with(clitic)) add_word(std::string(first.substr(clitic.size())));
    }
    if (first.starts_with(kDefiniteArticle)) {
        add_word(std::string(first.substr(kDefiniteArticle.size())));
    } else if (starts_with_arabic_letter(first)) {
        add_word(std::string(kDefiniteArticle).append(first));
    }
    return out;
}

bool is_slug(std::string_view id) {
    if (id.empty() || id.front() == '-' || id.back() == '-') return false;
    char previous = 0;
    for (const char c : id) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
        if (!ok || (c == '-' && previous == '-')) return false;
        previous = c;
    }
    return true;
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

}  // namespace

// ---- Gazetteer ----------------------------------------------------------------------------

const Gazetteer& Gazetteer::builtin() {
    static const Gazetteer gazetteer(kGazetteerText);
    return gazetteer;
}

std::string Gazetteer::normalize(std::string_view name) {
    const std::string folded = fold_text(name);
    std::string out;
    out.reserve(folded.size());
    bool pending_space = false;
    for (std::size_t pos = 0; pos < folded.size();) {
        const char32_t c = next_code_point(folded, pos);
        if (is_separator(c)) {
            pending_space = !out.empty();
        } else if (!is_dropped(c)) {
            if (pending_space) out.push_back(' ');
            pending_space = false;
            append_utf8(out, c);
        }
    }
    return out;
}

Gazetteer::Gazetteer(std::string_view tsv) {
    std::vector<std::size_t> line_of_place;
    for (const DataLine& line : data_lines("gazetteer", tsv)) {
        if (!is_valid_utf8(line.text)) throw DataError(line.error("invalid UTF-8"));

        const std::vector<std::string_view> fields = split_trimmed(line.text, '\t');
        if (fields.size() < 5 || fields.size() > 8) {
            throw DataError(line.error("expected 5 to 8 TAB-separated columns (id, parent_id, kind, "
                                       "arabic_name, english_name, variants, demonyms, flags), found " +
                                       std::to_string(fields.size())));
        }
        const std::string_view id = fields[0];
        const std::string_view parent_id = fields[1];
        const std::string_view kind = fields[2];

        if (!is_slug(id)) {
            throw DataError(line.error("bad id " + quoted(id) + " (use lower-case ASCII letters, digits and '-')"));
        }
        if (const auto it = m_by_id.find(id); it != m_by_id.end()) {
            throw DataError(line.error("duplicate id " + quoted(id) + " (first on line " +
                                       std::to_string(line_of_place[it->second]) + ")"));
        }
        if (std::find(kKinds.begin(), kKinds.end(), kind) == kKinds.end()) {
            throw DataError(line.error("unknown kind " + quoted(kind) +
                                       " (country, governorate, city, district, region or landmark)"));
        }
        if (kind == "country" && !parent_id.empty()) {
            throw DataError(line.error("country " + quoted(id) + " has a parent " + quoted(parent_id)));
        }
        if (kind != "country" && parent_id.empty()) {
            throw DataError(line.error(std::string(kind) + " " + quoted(id) + " has no parent"));
        }
        if (!parent_id.empty() && !m_by_id.contains(parent_id)) {
            throw DataError(line.error("unknown parent " + quoted(parent_id) +
                                       " (a parent must be defined on an earlier line)"));
        }
        if (fields.size() == 8 && !fields[7].empty() && fields[7] != kNeedsContextFlag) {
            throw DataError(line.error("unknown flag " + quoted(fields[7]) + " (empty or 'context')"));
        }
        if (fields[3].empty()) throw DataError(line.error("empty arabic_name"));
        if (fields[4].empty()) throw DataError(line.error("empty english_name"));

        Place place{std::string(id), std::string(fields[3]), std::string(fields[4]),
                    std::string(kind), std::string(parent_id), {}, {}, false};
        std::vector<std::string_view> spellings = {fields[3], fields[4]};
        if (fields.size() >= 6 && !fields[5].empty()) {
            for (const std::string_view text : split_trimmed(fields[5], '|')) {
                if (text.empty()) throw DataError(line.error("empty variant in " + quoted(fields[5])));
                place.variants.emplace_back(text);
                spellings.push_back(text);
            }
        }

        const std::size_t index = m_places.size();
        place.needs_context = fields.size() == 8 && fields[7] == kNeedsContextFlag;
        if (fields.size() >= 7 && !fields[6].empty()) {
            for (const std::string_view text : split_trimmed(fields[6], '|')) {
                const std::string key = normalize(text);
                if (key.empty() || key.find(' ') != std::string::npos) {
                    throw DataError(line.error("demonym " + quoted(text) + " is not one word"));
                }
                place.demonyms.emplace_back(text);
                for (const std::string_view ending : kDemonymEndings) {
                    for (const std::string_view article : {std::string_view(), kDefiniteArticle}) {
                        std::string form = std::string(article) + key + std::string(ending);
                        m_mention_starts[form] |= kIsDemonym;
                        const auto [it, inserted] = m_by_demonym.try_emplace(form, index);
                        if (!inserted && it->second != index) {
                            throw DataError(line.error("demonym form " + quoted(form) +
                                                       " already names " + quoted(m_places[it->second].id)));
                        }
                    }
                }
            }
        }
        for (const std::string_view text : spellings) {
            std::string key = normalize(text);
            if (key.empty()) throw DataError(line.error("spelling " + quoted(text) + " has no letters"));
            if (count_words(key) > kMaxNameWords) {
                throw DataError(line.error("spelling " + quoted(text) + " has more than " +
                                           std::to_string(kMaxNameWords) + " words"));
            }
            const auto [it, inserted] = m_by_key.try_emplace(key, index);
            if (!inserted && it->second != index) {
                const Place& other = m_places[it->second];
                throw DataError(line.error("spelling " + quoted(text) + " (folded " + quoted(key) +
                                           ") already names " + quoted(other.id) + " (line " +
                                           std::to_string(line_of_place[it->second]) + ")"));
            }
            if (inserted) {
                m_mention_starts[key.substr(0, key.find(' '))] |= kStartsName;
                m_longest_key_bytes = std::max(m_longest_key_bytes, key.size());
                m_spellings.push_back({to_code_points(key), std::string(text), index});
            }
        }
        m_by_id.emplace(place.id, index);
        m_places.push_back(std::move(place));
        line_of_place.push_back(line.number);
    }
}

const Place* Gazetteer::lookup(std::string_view key) const {
    const auto it = m_by_key.find(key);
    return it == m_by_key.end() ? nullptr : &m_places[it->second];
}

const Place* Gazetteer::find_by_demonym(std::string_view word) const {
    const auto it = m_by_demonym.find(word);
    return it == m_by_demonym.end() ? nullptr : &m_places[it->second];
}

const Place* Gazetteer::resolve_exact(std::string_view name) const {
    const std::string key = normalize(name);
    if (key.empty() || count_words(key) > kMaxNameWords) return nullptr;
    return lookup(key);
}

const Place* Gazetteer::resolve(std::string_view name) const {
    std::string key = normalize(name);
    if (key.empty() || count_words(key) > kMaxInputWords) return nullptr;
    if (const Place* place = lookup(key)) return place;

    // Breadth first, so the fewest rewrites win: "بالقاهرة" → "القاهرة" before "قاهرة".
    std::vector<std::string> seen = {key};
    std::vector<std::string> frontier = {std::move(key)};
    for (int step = 0; step < kMaxRewriteSteps && !frontier.empty(); ++step) {
        std::vector<std::string> next;
        for (const std::string& candidate : frontier) {
            for (std::string& rewritten : rewrites(candidate)) {
                if (std::find(seen.begin(), seen.end(), rewritten) != seen.end()) continue;
                if (const Place* place = lookup(rewritten)) return place;
                seen.push_back(rewritten);
                next.push_back(std::move(rewritten));
            }
        }
        frontier = std::move(next);
    }
    return nullptr;
}

std::vector<const Place*> Gazetteer::chain(const Place& place) const {
    std::vector<const Place*> out = {&place};
    // Parents precede their children in the TSV, so there is no cycle; the bound is a guard.
    while (!out.back()->parent_id.empty() && out.size() <= m_places.size()) {
        const Place* parent = find(out.back()->parent_id);
        if (parent == nullptr) break;
        out.push_back(parent);
    }
    return out;
}

const Place* Gazetteer::find(std::string_view id) const {
    const auto it = m_by_id.find(id);
    return it == m_by_id.end() ? nullptr : &m_places[it->second];
}

std::vector<std::string> Gazetteer::nearest(std::string_view name, std::size_t n) const {
    if (n == 0) return {};
    const std::string key = normalize(name);
    if (key.size() > m_longest_key_bytes + kNearestSlackBytes) return {};
    const std::u32string query = to_code_points(key);
    constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
    // Per place: the closest spelling (the first listed on a tie: Arabic, English, variants).
    std::vector<std::pair<std::size_t, std::size_t>> best(m_places.size(), {kNone, kNone});
    for (std::size_t s = 0; s < m_spellings.size(); ++s) {
        const Spelling& spelling = m_spellings[s];
        const std::size_t closest = best[spelling.place].first;
        if (closest == 0) continue;
        // Only a spelling closer than the place's closest so far counts: the bound lets the
        // distance give up as soon as it cannot be.
        const std::size_t distance = bounded_edit_distance(query, spelling.key, closest - 1);
        if (distance < closest) best[spelling.place] = {distance, s};
    }
    std::vector<std::pair<std::size_t, std::size_t>> ranked;  // (distance, spelling)
    for (const auto& entry : best) {
        if (entry.second != kNone) ranked.push_back(entry);
    }
    const std::size_t count = std::min(n, ranked.size());
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(count),
                      ranked.end());
    std::vector<std::string> out;
    out.reserve(count);
    for (std::size_t i = 0; i < count; ++i) out.push_back(m_spellings[ranked[i].second].text);
    return out;
}

}  // namespace rasd::detail

#include "place_finder.hpp"

#include "dateline.hpp"
#include "outlets.hpp"

#include "util/control_characters.hpp"
#include "util/utf8.hpp"

#include <rasd/analysis/text_folding.hpp>

#include <algorithm>
#include <array>
#include <cstdint>
#include <map>
#include <optional>

namespace rasd::detail {
namespace {

// ---- Weights (docs/PLACES.md gives the measurements behind them) --------------------------
// A mention in the title says what the story is about; the lede (the first kLedeTokens words
// of the body) says it almost as strongly; a mention deeper in the body is background unless
// it recurs.
constexpr double kTitleWeight = 3.0;
constexpr double kLedeWeight = 2.0;
constexpr double kBodyWeight = 0.5;
constexpr std::size_t kLedeTokens = 50;
// Deeper than this the body is not read: places there are background.
constexpr std::size_t kBodyScanTokens = 600;
// Mentions counted per place and zone: repetition adds, but a list of ten mentions of one
// country in a long body must not outweigh a title.
constexpr int kMaxTitleMentions = 2;
constexpr int kMaxLedeMentions = 3;
constexpr int kMaxBodyMentions = 4;
// A reporter's or agency's dateline: as strong as a title mention and a lede mention together.
constexpr double kDatelineWeight = 4.0;
// A bureau's office line (an outlet's credit after a city that is not one of the source's own
// desks: "القاهرة - العربية.نت") whose country the text alone makes a country of the story makes
// the bureau's city a place of the story too (just enough: a city needs kMinCityScore). A desk
// counts for nothing (see PlaceFinder::find).
constexpr double kConfirmedOfficeWeight = 2.0;
// A country is one the story is about when it scores at least this (one title mention, or a
// dateline, or a lede mention and a body mention) and at least this share of the best.
// bench/RESULTS.md "Places" gives precision and recall at 2.0, 2.5 and 3.0 on both halves of the
// judged set.
constexpr double kMinCountryScore = 2.5;
constexpr double kMinShareOfBest = 0.3;
// A city is where the story happens when it scores this on its own (one lede mention).
constexpr double kMinCityScore = 2.0;

// ---- Words, as fold_text() leaves them ----------------------------------------------------
constexpr std::string_view kDefiniteArticle = "ال";
constexpr std::string_view kLamLam = "لل";  // ل + ال: للقاهرة
constexpr std::string_view kAlef = "ا";
constexpr std::string_view kLam = "ل";
// Proclitics: a conjunction, then a preposition: وبالقاهرة، فلبنان، ولسوريا، كالعراق.
constexpr auto kConjunctions = std::to_array<std::string_view>({"و", "ف"});
constexpr auto kPrepositions = std::to_array<std::string_view>({"ب", "ل", "ك"});
// A stripped word keeps at least this many code points (so "لبنان" never becomes "بنان").
constexpr std::size_t kMinStemCodePoints = 3;

// Words that make a context-flagged name a place: "مدينة صور", "ميناء الحديدة".
constexpr auto kPlaceCues = std::to_array<std::string_view>(
    {"مدينه", "محافظه", "ميناء", "العاصمه", "عاصمه", "بلده", "ولايه", "اماره", "منطقه", "قضاء",
     "مطار", "شمال", "جنوب", "شرق", "غرب", "وسط"});

// Given names after which a definite nisba is a family name: "محمد المصري", "احمد الجزائري".
constexpr auto kGivenNames = std::to_array<std::string_view>(
    {"محمد", "احمد", "علي", "حسن", "حسين", "محمود", "مصطفي", "عمر", "خالد", "ابراهيم", "يوسف",
     "عبدالله", "عبد", "سعيد", "سعد", "صالح", "طارق", "ياسر", "وليد", "هشام", "كريم", "سامي",
     "عادل", "عماد", "ماجد", "فهد", "ناصر", "منصور", "رامي", "زياد", "فادي", "جمال", "كمال",
     "نبيل", "هاني", "عمرو", "شريف", "ايمن", "اسامه", "مروان", "بن", "ابن", "ابو", "ام", "فاطمه",
     "مريم", "نور", "ليلي", "سلمي", "هند", "رانيا", "دينا", "منى", "هدي", "سارة", "ساره"});

// عُمان with a damma on its first letter is the sultanate; folding drops the damma, so the
// surface form is checked before the folded name (bare عمان is Amman: see the gazetteer).
constexpr std::string_view kOmanWithDamma = "عُمان";
constexpr std::string_view kOmanId = "om";


bool contains(std::span<const std::string_view> list, std::string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

// Characters Gazetteer::normalize() drops inside a word ("sana'a", "st."): a token holding one
// is normalized before it is compared.
constexpr const char* kDroppedInKeys = ".'`";

// The readings of a word without its proclitics, most likely first: the word itself, then
// with a conjunction and/or a preposition removed (ل before ال written لل: للقاهره → القاهره).
// Views into the word, except the لل reading, which is built in `lam_lam`.
class CliticReadings {
public:
    explicit CliticReadings(std::string_view word) {
        add(word, word.size());
        std::string_view after_conjunction[2] = {word, {}};
        std::size_t bases = 1;
        for (const std::string_view conjunction : kConjunctions) {
            if (word.starts_with(conjunction)) {
                after_conjunction[bases++] = word.substr(conjunction.size());
                add(after_conjunction[1], word.size());
                break;
            }
        }
        for (std::size_t b = 0; b < bases; ++b) {
            const std::string_view rest = after_conjunction[b];
            for (const std::string_view preposition : kPrepositions) {
                if (!rest.starts_with(preposition)) continue;
                if (preposition == kLam && rest.starts_with(kLamLam) && m_lam_lam.empty()) {
                    m_lam_lam.assign(kAlef).append(rest.substr(preposition.size()));
                    add(m_lam_lam, word.size());
                }
                add(rest.substr(preposition.size()), word.size());
            }
        }
    }
    [[nodiscard]] std::span<const std::string_view> all() const { return {m_readings.data(), m_count}; }

private:
    void add(std::string_view reading, std::size_t word_size) {
        if (m_count == m_readings.size()) return;
        if (reading.size() != word_size && count_code_points(reading) < kMinStemCodePoints) return;
        for (std::size_t i = 0; i < m_count; ++i) {
            if (m_readings[i] == reading) return;
        }
        m_readings[m_count++] = reading;
    }

    std::array<std::string_view, 8> m_readings{};
    std::size_t m_count = 0;
    std::string m_lam_lam;
};

// ---- Mentions -----------------------------------------------------------------------------

enum class Zone { title, lede, body };

struct Score {
    double own = 0;  // this place's own mentions and dateline
    std::size_t first_mention = SIZE_MAX;  // order of its first mention: ties go to the earlier
    int mentions[3] = {0, 0, 0};
    std::optional<PlaceEvidence> best_evidence;
    void note(PlaceEvidence evidence) {
        if (!best_evidence || evidence < *best_evidence) best_evidence = evidence;
    }
};

class MentionScanner {
public:
    MentionScanner(const Gazetteer& gazetteer, std::map<const Place*, Score>& scores)
        : m_gazetteer(gazetteer), m_scores(scores) {}

    void scan(std::span<const Token> tokens, Zone zone) {
        std::vector<std::string_view> keys;
        std::vector<std::string> normalized;  // the few keys that differ from the folded form
        normalized.reserve(tokens.size());
        keys.reserve(tokens.size());
        for (const Token& token : tokens) {
            if (token.folded.find_first_of(kDroppedInKeys) == std::string::npos) {
                keys.push_back(token.folded);
            } else {
                normalized.push_back(Gazetteer::normalize(token.folded));
                keys.push_back(normalized.back());
            }
        }
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            const std::size_t used = match_at(tokens, keys, i, zone);
            if (used > 1) i += used - 1;
        }
    }

private:
    // Tries the names (longest first) and nationality adjectives starting at token i; returns
    // the number of tokens used (0 when none).
    std::size_t match_at(std::span<const Token> tokens, const std::vector<std::string_view>& keys,
                         std::size_t i, Zone zone) {
        if (tokens[i].surface.starts_with(kOmanWithDamma)) {
            if (const Place* oman = m_gazetteer.find(kOmanId)) {
                add(oman, zone);
                return 1;
            }
        }
        if (tokens[i].is_stop_word) return 0;  // no name starts with في، من، ...
        const CliticReadings readings(keys[i]);
        for (const std::string_view first : readings.all()) {
            if (!m_gazetteer.may_start_mention(first)) continue;
            if (m_gazetteer.starts_some_name(first)) {
                const std::size_t longest = std::min(Gazetteer::kMaxNameWords, keys.size() - i);
                for (std::size_t n = longest; n >= 1; --n) {
                    std::string key(first);
                    for (std::size_t k = 1; k < n; ++k) key.append(" ").append(keys[i + k]);
                    const Place* place = m_gazetteer.find_by_key(key);
                    if (place == nullptr) continue;
                    if (place->needs_context && !has_cue(keys, i, n, *place)) continue;
                    add(place, zone);
                    return n;
                }
            }
            if (const Place* country = m_gazetteer.find_by_demonym(first)) {
                // An adjective follows its noun: an indefinite nisba opening the text is a
                // name ("كوبي براينت"), and so is a definite one after a given name.
                if (i == 0 && !first.starts_with(kDefiniteArticle)) return 1;
                if (is_family_name(keys, i, first, *country)) return 1;
                add(country, zone);
                return 1;
            }
        }
        return 0;
    }

    // The country a word names as a country name or nationality adjective, if any.
    const Place* country_named(std::string_view word) const {
        const CliticReadings readings(word);
        for (const std::string_view reading : readings.all()) {
            const Place* place = m_gazetteer.find_by_key(reading);
            if (place == nullptr) place = m_gazetteer.find_by_demonym(reading);
            if (place != nullptr) return country_of(*place);
        }
        return nullptr;
    }

    const Place* country_of(const Place& place) const { return m_gazetteer.chain(place).back(); }

    // A context-flagged name counts after a place word (مدينة صور), or next to its own
    // country's name or adjective (صور اللبنانية، العاصمة الأردنية عمان).
    bool has_cue(const std::vector<std::string_view>& keys, std::size_t i, std::size_t n,
                 const Place& place) const {
        const Place* country = country_of(place);
        if (i > 0) {
            const CliticReadings previous(keys[i - 1]);
            for (const std::string_view reading : previous.all()) {
                if (contains(kPlaceCues, reading)) return true;
            }
            if (country != &place && country_named(keys[i - 1]) == country) return true;
        }
        if (i + n < keys.size() && country != &place && country_named(keys[i + n]) == country) {
            return true;
        }
        return false;
    }

    // "محمد المصري": a definite masculine nisba right after a given name is a family name.
    bool is_family_name(const std::vector<std::string_view>& keys, std::size_t i, std::string_view word,
                        const Place& country) const {
        if (i == 0 || !word.starts_with(kDefiniteArticle) || !contains(kGivenNames, keys[i - 1])) {
            return false;
        }
        const std::string_view bare = std::string_view(word).substr(kDefiniteArticle.size());
        const bool masculine_singular =
            std::any_of(country.demonyms.begin(), country.demonyms.end(),
                        [&](const std::string& demonym) { return fold_text(demonym) == bare; });
        return masculine_singular;
    }

    void add(const Place* place, Zone zone) {
        static constexpr double kWeights[] = {kTitleWeight, kLedeWeight, kBodyWeight};
        static constexpr int kCaps[] = {kMaxTitleMentions, kMaxLedeMentions, kMaxBodyMentions};
        static constexpr PlaceEvidence kEvidence[] = {PlaceEvidence::Title, PlaceEvidence::Lede,
                                                      PlaceEvidence::Body};
        const auto z = static_cast<std::size_t>(zone);
        Score& score = m_scores[place];
        score.first_mention = std::min(score.first_mention, m_mentions++);
        if (score.mentions[z] >= kCaps[z]) return;
        ++score.mentions[z];
        score.own += kWeights[z];
        score.note(kEvidence[z]);
    }

    const Gazetteer& m_gazetteer;
    std::map<const Place*, Score>& m_scores;
    std::size_t m_mentions = 0;
};

// A dateline on one of the source's own desks is an office line whoever signs it: Sky News
// Arabia's reporters in Abu Dhabi file world news too.
bool is_desk_of(const Outlet* outlet, const Place& place) {
    return outlet != nullptr &&
           std::find(outlet->desks.begin(), outlet->desks.end(), place.id) != outlet->desks.end();
}

}  // namespace

bool credits_an_outlet_office(std::string_view text) {
    const std::string folded = outlet_name_key(text.substr(0, std::min(text.size(), kDatelineWindowBytes)));
    // A whole word or words: "cnn" in "(cnn)", not inside a longer Latin word.
    const auto is_word_char = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
    for (const Outlet& outlet : known_outlets()) {
        for (const std::string_view name : outlet.names) {
            if (name.empty()) continue;
            const std::size_t at = folded.find(name);
            if (at == std::string::npos) continue;
            const bool starts_word = at == 0 || !is_word_char(folded[at - 1]);
            const std::size_t end = at + name.size();
            const bool ends_word = end >= folded.size() || !is_word_char(folded[end]);
            if (starts_word && ends_word) return true;
        }
    }
    return false;
}

PlaceFinderInput place_finder_input(const Article& article, std::span<const Token> title_tokens,
                                    std::span<const Token> body_tokens, const Topic* filed_under) {
    return {article.place,
            article.author,
            article.body,
            article.source,
            title_tokens,
            body_tokens,
            filed_under != nullptr && filed_under->id == kInternationalTopicId};
}

PlaceFinder::PlaceFinder(const Gazetteer& gazetteer) : m_gazetteer(gazetteer) {}

FoundPlaces PlaceFinder::find(const PlaceFinderInput& input) const {
    FoundPlaces found;
    if (!input.place_field.empty()) {
        if (const Place* place = m_gazetteer.resolve(input.place_field)) {
            const Place* country = m_gazetteer.chain(*place).back();
            found.places.push_back({country, PlaceEvidence::Field, kDatelineWeight});
            if (country != place) found.places.push_back({place, PlaceEvidence::Field, kDatelineWeight});
            found.primary = place;
            return found;
        }
        found.warnings.push_back("unknown place '" + detail::quotable(input.place_field) +
                                 "' (not in the gazetteer)");
    }

    // The dateline: the body's own if it has one, else the byline's. Its credit (what follows
    // the place) tells an outlet's office from a reporter or an agency.
    const Place* dateline_place = nullptr;
    bool office = false;
    std::size_t body_start = 0;  // the body's words start after its dateline
    const Outlet* outlet = outlet_of_source(input.source);
    if (const auto dateline = read_body_dateline(input.body, m_gazetteer)) {
        dateline_place = m_gazetteer.find(dateline->place_id);
        office = credits_an_outlet_office(input.body.substr(dateline->name_end));
        body_start = dateline->name_end;
    } else if (const auto byline = read_byline_dateline(input.byline, m_gazetteer)) {
        dateline_place = m_gazetteer.find(byline->place_id);
        office = credits_an_outlet_office(input.byline.substr(byline->name_end));
    }
    // The source's own desk: where the outlet sits, not where the story happened. It counted as
    // a confirmed office once, and so made Sky News Arabia's Abu Dhabi a place of its stories from
    // Dubai or Doha whenever they named the Emirates.
    const bool desk = dateline_place != nullptr && is_desk_of(outlet, *dateline_place);
    if (desk) office = true;

    std::map<const Place*, Score> scores;
    MentionScanner scanner(m_gazetteer, scores);
    scanner.scan(input.title, Zone::title);
    std::span<const Token> body = input.body_tokens;
    while (!body.empty() && body.front().byte_begin < body_start) body = body.subspan(1);
    const std::size_t lede_end = std::min(kLedeTokens, body.size());
    scanner.scan(body.first(lede_end), Zone::lede);
    const std::size_t body_end = std::min(kBodyScanTokens, body.size());
    scanner.scan(body.subspan(lede_end, body_end - lede_end), Zone::body);

    // Roll every place's score up its chain: a city's mention is evidence for its country.
    std::map<const Place*, Score> rolled;
    auto roll_up = [&](const Place* place, const Score& score) {
        for (const Place* level : m_gazetteer.chain(*place)) {
            Score& total = rolled[level];
            total.own += score.own;
            total.first_mention = std::min(total.first_mention, score.first_mention);
            if (score.best_evidence) total.note(*score.best_evidence);
        }
    };
    for (const auto& [place, score] : scores) roll_up(place, score);

    if (dateline_place != nullptr) {
        const Place* dateline_country = m_gazetteer.chain(*dateline_place).back();
        Score dateline;
        dateline.note(PlaceEvidence::Dateline);
        if (!office) {
            dateline.own = kDatelineWeight;
        } else if (const auto it = rolled.find(dateline_country);
                   !desk && it != rolled.end() && it->second.own >= kMinCountryScore) {
            // The text alone makes the story about the office's country.
            dateline.own = kConfirmedOfficeWeight;
        } else {
            found.office_dateline_ignored = true;
        }
        if (dateline.own > 0) {
            scores[dateline_place].own += dateline.own;
            scores[dateline_place].note(PlaceEvidence::Dateline);
            roll_up(dateline_place, dateline);
        }
    }

    // Countries: above the floor and near enough the best, strongest first.
    std::vector<ArticlePlace> countries;
    for (const auto& [place, score] : rolled) {
        if (place->kind == "country" && score.own >= kMinCountryScore) {
            countries.push_back({place, *score.best_evidence, score.own});
        }
    }
    // Heavier first; on a tie, the one the text names first ("بين لبنان وإسرائيل").
    const auto first_mention = [&](const ArticlePlace& p) {
        const auto it = rolled.find(p.place);
        return it == rolled.end() ? SIZE_MAX : it->second.first_mention;
    };
    const auto by_weight = [&](const ArticlePlace& a, const ArticlePlace& b) {
        if (a.weight != b.weight) return a.weight > b.weight;
        if (first_mention(a) != first_mention(b)) return first_mention(a) < first_mention(b);
        return a.place->id < b.place->id;
    };
    std::sort(countries.begin(), countries.end(), by_weight);
    if (!countries.empty()) {
        const double floor = countries.front().weight * kMinShareOfBest;
        std::erase_if(countries, [&](const ArticlePlace& c) { return c.weight < floor; });
    }
    if (countries.size() > kMaxCountries) countries.resize(kMaxCountries);

    // A local outlet's world news names its places, or has none: Jawhara FM's stories on
    // Macron's cabinet or NASA's planets are not in Tunisia.
    if (countries.empty() && !input.filed_as_international) {
        if (outlet != nullptr && !outlet->home_country.empty()) {
            if (const Place* home = m_gazetteer.find(outlet->home_country)) {
                countries.push_back({home, PlaceEvidence::Source, 0});
            }
        }
    }

    // Cities (any level below the country) in those countries, on their own mentions.
    std::vector<ArticlePlace> cities;
    for (const auto& [place, score] : scores) {
        if (place->kind == "country" || place->kind == "landmark" || score.own < kMinCityScore) continue;
        const Place* country = m_gazetteer.chain(*place).back();
        const bool in_story = std::any_of(countries.begin(), countries.end(),
                                          [&](const ArticlePlace& c) { return c.place == country; });
        if (in_story) cities.push_back({place, *score.best_evidence, score.own});
    }
    std::sort(cities.begin(), cities.end(), by_weight);

    found.places = countries;
    found.places.insert(found.places.end(), cities.begin(), cities.end());
    if (!countries.empty()) {
        found.primary = countries.front().place;
        for (const ArticlePlace& city : cities) {
            if (m_gazetteer.chain(*city.place).back() == countries.front().place) {
                found.primary = city.place;
                break;
            }
        }
    }
    return found;
}

}  // namespace rasd::detail

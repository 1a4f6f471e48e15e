#pragma once
// Geotagging: the places a news story is *about*, each with its evidence and a weight, decided
// from the place field, the dateline, and the gazetteer names and nationality adjectives in the
// title, the lede and the body. docs/PLACES.md gives the rules and the measurements that set
// the weights.
//
// Why not just the dateline: in real dumps a byline or opening dateline mostly names the
// outlet's own office ("أبوظبي - سكاي نيوز عربية" on every Sky News Arabia story), which says
// where the reporter sat, not where the story happened. An office dateline counts only when the
// text also puts the story there; a reporter's or agency's dateline ("القاهرة - رويترز") counts.

#include "gazetteer.hpp"
#include "topics.hpp"

#include <rasd/analysis/token.hpp>
#include <rasd/article.hpp>
#include <rasd/evidence.hpp>

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::detail {

struct ArticlePlace {
    const Place* place = nullptr;
    PlaceEvidence evidence = PlaceEvidence::Body;  // the strongest evidence for it
    double weight = 0;                             // the score it reached (countries: rolled up)
};

// What the finder reads of an article. Tokens are the analyzer's (their folded forms are
// compared); the body's tokens are in reading order and include the lede.
struct PlaceFinderInput {
    std::string_view place_field;  // the dump's explicit place: it wins when it resolves
    std::string_view byline;       // Article::author
    std::string_view body;         // for the body's opening dateline
    std::string_view source;       // the outlet, for its office datelines and home country
    std::span<const Token> title;
    std::span<const Token> body_tokens;
    // The source filed the story under international news (its section label): then the
    // outlet's home country is no fallback for a story that names no place of its own.
    bool filed_as_international = false;
};

// The input for `article` whose title and body the analyzer gave as these tokens; `filed_under`
// is the topic its section label names (TopicTaxonomy::resolve of Article::topic), or nullptr.
[[nodiscard]] PlaceFinderInput place_finder_input(const Article& article,
                                                  std::span<const Token> title_tokens,
                                                  std::span<const Token> body_tokens, const Topic* filed_under);

struct FoundPlaces {
    // The countries the story is about (at most kMaxCountries, strongest first), then the
    // cities or regions within them that it happens in (strongest first).
    std::vector<ArticlePlace> places;
    // The place to display: the field's place, else the strongest city of the strongest
    // country, else the strongest country; nullptr when the story has no place.
    const Place* primary = nullptr;
    // The dateline named only the outlet's office: the source's own desk, or a bureau the text
    // did not confirm.
    bool office_dateline_ignored = false;
    std::vector<std::string> warnings;  // e.g. "unknown place 'X' (not in the gazetteer)"
};

class PlaceFinder {
public:
    explicit PlaceFinder(const Gazetteer& gazetteer = Gazetteer::builtin());

    [[nodiscard]] FoundPlaces find(const PlaceFinderInput& input) const;

    // At most this many countries per story.
    static constexpr std::size_t kMaxCountries = 3;

private:
    const Gazetteer& m_gazetteer;
};

// True when a byline or dateline credits the outlet itself ("سكاي نيوز عربية", "العربية.نت",
// "(CNN)", "«الشرق الأوسط»", "فرانس 24") rather than a reporter or a news agency: the line then
// names the outlet's office. `text` is the byline, or the opening of the body.
[[nodiscard]] bool credits_an_outlet_office(std::string_view text);

}  // namespace rasd::detail

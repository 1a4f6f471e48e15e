#include "dateline.hpp"

#include "analyzers/arabic_chars.hpp"
#include "util/spaces_and_dashes.hpp"
#include "util/utf8.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace rasd::detail {
namespace {

// A place name before the dash, paren or colon: 1 to this many words.
constexpr std::size_t kMaxNameWords = 3;
// The country after "NAME،": "الولايات المتحدة الأمريكية" has 3 words.
constexpr std::size_t kMaxQualifierWords = 4;
// Enough tokens for "(" NAME ")" and NAME "،" QUALIFIER TERMINATOR.
constexpr std::size_t kMaxTokens = kMaxNameWords + kMaxQualifierWords + 3;

// News agency tags as Gazetteer::normalize leaves them: "(قنا)" opening a body is Qatar News
// Agency, not the Egyptian city. Listed in full so that a place added later cannot be mistaken
// for a tag either.
constexpr auto kAgencyTags = std::to_array<std::string_view>({
    "قنا", "واس", "وام", "كونا", "سانا", "بنا", "وفا", "ومع", "واج", "تاب", "سونا", "سبا", "بترا",
    "واع", "رويترز", "ا ف ب", "ا ب", "د ب ا", "ا ش ا", "شينخوا", "الاناضول", "cnn", "afp", "ap",
    "reuters", "dpa", "mena", "spa", "wam", "kuna", "qna", "sana",
});

enum class CharClass { Space, Ignorable, Hyphen, Dash, Open, Close, Ornate, Colon, Comma, Word };

CharClass classify(char32_t c) {
    if (unicode::is_white_space(c)) return CharClass::Space;
    if (c == U'-' || unicode::is_unicode_hyphen(c) || c == arabic::kTatweel) return CharClass::Hyphen;
    if (unicode::is_unicode_dash(c)) return CharClass::Dash;
    switch (c) {
        case U'\u00AD': case arabic::kArabicLetterMark: case U'\uFEFF':  // soft hyphen, ALM, BOM
            return CharClass::Ignorable;
        case U'(': case U'\uFF08':
            return CharClass::Open;
        case U')': case U'\uFF09':
            return CharClass::Close;
        case U'\uFD3E': case U'\uFD3F':  // ornate parentheses: which opens depends on the writer
            return CharClass::Ornate;
        case U':': case U'\uFF1A':
            return CharClass::Colon;
        case U',': case arabic::kArabicComma: case U'\uFF0C':
            return CharClass::Comma;
        default:
            break;
    }
    // Zero-width and bidi format characters: part of a word inside one, skipped between.
    if ((c >= U'\u200B' && c <= U'\u200F') || (c >= U'\u202A' && c <= U'\u202E') ||
        (c >= U'\u2060' && c <= U'\u2064') || (c >= U'\u2066' && c <= U'\u2069')) {
        return CharClass::Ignorable;
    }
    return CharClass::Word;
}

enum class TokenKind { Word, Dash, Open, Close, Ornate, Colon, Comma };

struct Token {
    TokenKind kind;
    std::string_view text;  // the word, for Word tokens
    std::size_t end = 0;    // byte offset just past the token in the text
};

// Words and punctuation of the window. A hyphen or tatweel run between two word characters
// belongs to the word ("روستوف-اون-دون", "القاهـــرة"); elsewhere it is a dash ("دبي ـ",
// "القاهرة- أحمد").
std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    const auto class_at = [&text](std::size_t pos) {
        return pos < text.size() ? classify(next_code_point(text, pos)) : CharClass::Space;
    };
    // The end of the run of hyphens and tatweels starting at `pos`.
    const auto hyphen_run_end = [&text](std::size_t pos) {
        while (pos < text.size()) {
            std::size_t next = pos;
            if (classify(next_code_point(text, next)) != CharClass::Hyphen) break;
            pos = next;
        }
        return pos;
    };
    std::size_t pos = 0;
    while (pos < text.size() && tokens.size() < kMaxTokens) {
        const std::size_t start = pos;
        const std::size_t count_before = tokens.size();
        switch (classify(next_code_point(text, pos))) {
            case CharClass::Space:
            case CharClass::Ignorable:
                break;
            case CharClass::Hyphen:
                pos = hyphen_run_end(pos);
                tokens.push_back({TokenKind::Dash, {}});
                break;
            case CharClass::Dash: tokens.push_back({TokenKind::Dash, {}}); break;
            case CharClass::Open: tokens.push_back({TokenKind::Open, {}}); break;
            case CharClass::Close: tokens.push_back({TokenKind::Close, {}}); break;
            case CharClass::Ornate: tokens.push_back({TokenKind::Ornate, {}}); break;
            case CharClass::Colon: tokens.push_back({TokenKind::Colon, {}}); break;
            case CharClass::Comma: tokens.push_back({TokenKind::Comma, {}}); break;
            case CharClass::Word: {
                while (pos < text.size()) {
                    const CharClass next = class_at(pos);
                    if (next == CharClass::Word || next == CharClass::Ignorable) {
                        next_code_point(text, pos);
                    } else if (next == CharClass::Hyphen) {
                        const std::size_t run_end = hyphen_run_end(pos);
                        if (run_end >= text.size() || class_at(run_end) != CharClass::Word) break;
                        pos = run_end;
                    } else {
                        break;
                    }
                }
                tokens.push_back({TokenKind::Word, text.substr(start, pos - start)});
                break;
            }
        }
        if (tokens.size() > count_before) tokens.back().end = pos;
    }
    return tokens;
}

// Joins the words tokens[first, first + count) with single spaces.
std::string join_words(const std::vector<Token>& tokens, std::size_t first, std::size_t count) {
    std::string out;
    for (std::size_t i = first; i < first + count; ++i) {
        if (!out.empty()) out.push_back(' ');
        out.append(tokens[i].text);
    }
    return out;
}

// The number of Word tokens from `first` on.
std::size_t count_words(const std::vector<Token>& tokens, std::size_t first) {
    std::size_t i = first;
    while (i < tokens.size() && tokens[i].kind == TokenKind::Word) ++i;
    return i - first;
}

bool is_terminator(TokenKind kind) {
    return kind == TokenKind::Dash || kind == TokenKind::Open || kind == TokenKind::Ornate ||
           kind == TokenKind::Colon;
}

bool is_agency_tag(const std::string& name) {
    const std::string key = Gazetteer::normalize(name);
    return std::find(kAgencyTags.begin(), kAgencyTags.end(), key) != kAgencyTags.end();
}

// The dateline of `place` whose name (and qualifier) ends with tokens[last].
std::optional<Dateline> dateline_of(const Place* place, const std::vector<Token>& tokens,
                                    std::size_t last) {
    if (place == nullptr) return std::nullopt;
    return Dateline{place->id, tokens[last].end};
}

std::optional<Dateline> find_dateline(std::string_view text, const Gazetteer& gazetteer,
                                      bool allow_parenthesized) {
    const std::vector<Token> tokens = tokenize(utf8_prefix(text, kDatelineWindowBytes));
    if (tokens.empty()) return std::nullopt;

    // "(صبيا) ..."
    if (tokens[0].kind == TokenKind::Open || tokens[0].kind == TokenKind::Ornate) {
        if (!allow_parenthesized) return std::nullopt;
        const std::size_t words = count_words(tokens, 1);
        if (words == 0 || words > kMaxNameWords || 1 + words >= tokens.size()) return std::nullopt;
        const TokenKind closing = tokens[1 + words].kind;
        if (closing != TokenKind::Close && closing != TokenKind::Ornate) return std::nullopt;
        const std::string name = join_words(tokens, 1, words);
        if (is_agency_tag(name)) return std::nullopt;
        return dateline_of(gazetteer.resolve_exact(name), tokens, 1 + words);
    }

    const std::size_t words = count_words(tokens, 0);
    if (words == 0 || words > kMaxNameWords || words >= tokens.size()) return std::nullopt;
    const std::string name = join_words(tokens, 0, words);
    const TokenKind after = tokens[words].kind;
    if (is_terminator(after)) return dateline_of(gazetteer.resolve_exact(name), tokens, words - 1);
    if (after != TokenKind::Comma) return std::nullopt;

    // "دبي، الإمارات العربية المتحدة (CNN)--": the qualifier must be a place as well.
    const std::size_t first = words + 1;
    const std::size_t qualifier_words = count_words(tokens, first);
    if (qualifier_words == 0 || qualifier_words > kMaxQualifierWords ||
        first + qualifier_words >= tokens.size() ||
        !is_terminator(tokens[first + qualifier_words].kind)) {
        return std::nullopt;
    }
    const std::string qualifier = join_words(tokens, first, qualifier_words);
    if (gazetteer.resolve_exact(qualifier) == nullptr) return std::nullopt;
    // "طرابلس، لبنان" is the spelling "طرابلس لبنان" of Lebanese Tripoli.
    const std::size_t last = first + qualifier_words - 1;
    if (const Place* place = gazetteer.resolve_exact(name + " " + qualifier)) {
        return dateline_of(place, tokens, last);
    }
    return dateline_of(gazetteer.resolve_exact(name), tokens, last);
}

std::optional<std::string> id_of(const std::optional<Dateline>& dateline) {
    if (!dateline) return std::nullopt;
    return dateline->place_id;
}

}  // namespace

std::optional<Dateline> read_body_dateline(std::string_view body, const Gazetteer& gazetteer) {
    return find_dateline(body, gazetteer, /*allow_parenthesized=*/true);
}

std::optional<Dateline> read_byline_dateline(std::string_view byline, const Gazetteer& gazetteer) {
    return find_dateline(byline, gazetteer, /*allow_parenthesized=*/false);
}

std::optional<std::string> find_body_dateline(std::string_view body, const Gazetteer& gazetteer) {
    return id_of(read_body_dateline(body, gazetteer));
}

std::optional<std::string> find_byline_dateline(std::string_view byline,
                                                const Gazetteer& gazetteer) {
    return id_of(read_byline_dateline(byline, gazetteer));
}

std::optional<std::string> find_dateline_place(std::string_view byline, std::string_view body,
                                               const Gazetteer& gazetteer) {
    if (auto place = find_body_dateline(body, gazetteer)) return place;
    return find_byline_dateline(byline, gazetteer);
}

}  // namespace rasd::detail

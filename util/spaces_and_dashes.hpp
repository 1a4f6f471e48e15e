#pragma once
// The one table of spaces, hyphens and dashes beyond ASCII. Raw text (datelines) meets all of
// them; folded text still meets those NFKC leaves alone (U+0085, U+1680, U+2028, U+2029, the
// hyphen U+2010, the dashes U+2012..U+2015 and U+2212).

#include <algorithm>
#include <array>
#include <string_view>

namespace rasd::detail::unicode {

// White_Space code points above ASCII: next line, no-break space, Ogham space mark, the
// typographic spaces U+2000..U+200A, line and paragraph separators, narrow no-break space,
// medium mathematical space, ideographic space.
inline constexpr auto kSpaces = std::to_array<char32_t>({
    U'\u0085', U'\u00A0', U'\u1680', U'\u2000', U'\u2001', U'\u2002', U'\u2003', U'\u2004',
    U'\u2005', U'\u2006', U'\u2007', U'\u2008', U'\u2009', U'\u200A', U'\u2028', U'\u2029',
    U'\u202F', U'\u205F', U'\u3000',
});

// Hyphens that join words as ASCII '-' does: hyphen, non-breaking hyphen (in ascending order,
// as are the dashes: the first entry bounds a quick rejection).
inline constexpr auto kHyphens = std::to_array<char32_t>({U'\u2010', U'\u2011'});

inline constexpr char32_t kEnDash = U'\u2013';
inline constexpr char32_t kEmDash = U'\u2014';
// Their UTF-8 forms, for grammars that match folded text token by token.
inline constexpr std::string_view kEnDashUtf8 = "\u2013";
inline constexpr std::string_view kEmDashUtf8 = "\u2014";

// Dashes that separate: figure dash, en dash, em dash, horizontal bar, minus sign, small em
// dash, small hyphen-minus, fullwidth hyphen-minus.
inline constexpr auto kDashes = std::to_array<char32_t>({
    U'\u2012', kEnDash, kEmDash, U'\u2015', U'\u2212', U'\uFE58', U'\uFE63', U'\uFF0D',
});

// The spaces are in ascending order and only the first two lie below U+1680, so most non-ASCII
// text (Arabic letters among it) is answered without a search.
inline constexpr char32_t kOghamSpaceMark = U'\u1680';
static_assert(std::is_sorted(kSpaces.begin(), kSpaces.end()) && kSpaces[2] == kOghamSpaceMark);

[[nodiscard]] constexpr bool is_unicode_space(char32_t c) {
    if (c < kOghamSpaceMark) return c == kSpaces[0] || c == kSpaces[1];
    return std::find(kSpaces.begin(), kSpaces.end(), c) != kSpaces.end();
}

// ASCII white space (space, \t, \n, \v, \f, \r) or a space of kSpaces.
[[nodiscard]] constexpr bool is_white_space(char32_t c) {
    return c == U' ' || (c >= U'\t' && c <= U'\r') || is_unicode_space(c);
}

static_assert(std::is_sorted(kHyphens.begin(), kHyphens.end()) && std::is_sorted(kDashes.begin(), kDashes.end()));

[[nodiscard]] constexpr bool is_unicode_hyphen(char32_t c) {
    return c >= kHyphens.front() && std::find(kHyphens.begin(), kHyphens.end(), c) != kHyphens.end();
}

[[nodiscard]] constexpr bool is_unicode_dash(char32_t c) {
    return c >= kDashes.front() && std::find(kDashes.begin(), kDashes.end(), c) != kDashes.end();
}

}  // namespace rasd::detail::unicode

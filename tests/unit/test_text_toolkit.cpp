// The internal text toolkit (util/): UTF-8 decoding (checked against ICU's U8_NEXT), encoding,
// cutting and counting; the table of Unicode spaces and dashes; the bounded edit distance;
// FNV-1a; transparent string maps; data-file lines and their error form; text made printable.

#include <doctest/doctest.h>

#include "util/control_characters.hpp"
#include "util/counted_nouns.hpp"
#include "util/data_lines.hpp"
#include "util/edit_distance.hpp"
#include "util/fnv1a.hpp"
#include "util/spaces_and_dashes.hpp"
#include "util/string_map.hpp"
#include "util/utf8.hpp"

#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace {

using namespace rasd::detail;

// Code points and validity as util's decoder reads `s`.
std::pair<std::u32string, bool> decoded(std::string_view s) {
    std::u32string out;
    bool valid = true;
    for (std::size_t pos = 0; pos < s.size();) out.push_back(next_code_point(s, pos, &valid));
    return {out, valid};
}

// How a decoder reads a string: its code points (U+FFFD for each malformed sequence) and the
// byte length of each sequence. util's decoder must read every string as ICU's U8_NEXT does.
struct Reading {
    std::u32string code_points;
    std::vector<std::size_t> lengths;
};

Reading icu_reading(std::string_view s) {
    Reading reading;
    const auto* bytes = reinterpret_cast<const std::uint8_t*>(s.data());
    const auto length = static_cast<std::int64_t>(s.size());
    for (std::int64_t i = 0; i < length;) {
        const std::int64_t begin = i;
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        reading.code_points.push_back(c < 0 ? kReplacementCodePoint : static_cast<char32_t>(c));
        reading.lengths.push_back(static_cast<std::size_t>(i - begin));
    }
    return reading;
}

Reading util_reading(std::string_view s) {
    Reading reading;
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t begin = pos;
        reading.code_points.push_back(next_code_point(s, pos));
        reading.lengths.push_back(pos - begin);
    }
    return reading;
}

bool same_reading(std::string_view s) {
    const Reading icu = icu_reading(s);
    const Reading util = util_reading(s);
    return util.code_points == icu.code_points && util.lengths == icu.lengths;
}

std::string bytes_of(std::initializer_list<unsigned> values) {
    std::string s;
    for (const unsigned v : values) s.push_back(static_cast<char>(v));
    return s;
}

}  // namespace

TEST_SUITE("text_toolkit") {

// ---- UTF-8 ---------------------------------------------------------------------------------

TEST_CASE("next_code_point decodes Arabic, Latin and 3- and 4-byte sequences") {
    struct Case {
        std::string text;
        std::u32string code_points;
    };
    const std::vector<Case> table = {
        {"", U""},
        {"Cairo", U"Cairo"},
        {"مصر", U"\u0645\u0635\u0631"},
        {"القاهرة", U"\u0627\u0644\u0642\u0627\u0647\u0631\u0629"},
        {"ـ", U"\u0640"},                        // tatweel
        {"€5", U"\u20AC" U"5"},                  // 3 bytes
        {"\u2013", U"\u2013"},                   // en dash, 3 bytes
        {"😀م", U"\U0001F600\u0645"},            // 4 bytes, then 2
        {"\U0010FFFF", U"\U0010FFFF"},           // the last code point
    };
    for (const Case& c : table) {
        CAPTURE(c.text);
        const auto [code_points, valid] = decoded(c.text);
        CHECK(code_points == c.code_points);
        CHECK(valid);
        CHECK(is_valid_utf8(c.text));
        CHECK(count_code_points(c.text) == c.code_points.size());
    }
}

TEST_CASE("malformed UTF-8 reads as U+FFFD per maximal subpart, as ICU reads it") {
    constexpr char32_t R = kReplacementCodePoint;
    struct Case {
        const char* name;
        std::string bytes;
        std::u32string code_points;
    };
    const std::vector<Case> table = {
        {"stray continuation byte", bytes_of({0x80}), {R}},
        {"two stray continuation bytes", bytes_of({0x80, 0xBF}), {R, R}},
        {"C0 overlong lead", bytes_of({0xC0, 0x80}), {R, R}},
        {"C1 overlong lead", bytes_of({0xC1, 0xBF}), {R, R}},
        {"E0 overlong", bytes_of({0xE0, 0x80, 0x80}), {R, R, R}},
        {"surrogate D800", bytes_of({0xED, 0xA0, 0x80}), {R, R, R}},
        {"F0 overlong", bytes_of({0xF0, 0x80, 0x80, 0x80}), {R, R, R, R}},
        {"above U+10FFFF", bytes_of({0xF4, 0x90, 0x80, 0x80}), {R, R, R, R}},
        {"F5 lead", bytes_of({0xF5, 0x80}), {R, R}},
        {"FF byte", bytes_of({0xFF}), {R}},
        {"2-byte sequence cut short at the end", bytes_of({0xD9}), {R}},
        {"2-byte sequence cut short by a letter", bytes_of({0xD9, 'a'}), {R, U'a'}},
        {"3-byte sequence missing its last byte", bytes_of({0xE2, 0x80}), {R}},
        {"3-byte sequence interrupted", bytes_of({0xE2, 0x80, 'x', 0xD9, 0x85}), {R, U'x', U'\u0645'}},
        {"4-byte sequence missing its last byte", bytes_of({0xF0, 0x9F, 0x98}), {R}},
        {"4-byte sequence then Arabic", bytes_of({0xF0, 0x9F, 0xD9, 0x85}), {R, U'\u0645'}},
    };
    for (const Case& c : table) {
        CAPTURE(c.name);
        const auto [code_points, valid] = decoded(c.bytes);
        CHECK(code_points == c.code_points);
        CHECK_FALSE(valid);
        CHECK_FALSE(is_valid_utf8(c.bytes));
        CHECK(to_code_points(c.bytes) == c.code_points);
        const Reading icu = icu_reading(c.bytes);
        const Reading util = util_reading(c.bytes);
        CHECK(util.code_points == icu.code_points);
        CHECK(util.lengths == icu.lengths);
    }
}

TEST_CASE("next_code_point agrees with ICU's U8_NEXT on every 1- and 2-byte input") {
    std::size_t disagreements = 0;
    for (unsigned first = 0; first < 256; ++first) {
        disagreements += !same_reading(bytes_of({first}));
        for (unsigned second = 0; second < 256; ++second) disagreements += !same_reading(bytes_of({first, second}));
    }
    CHECK(disagreements == 0);
}

TEST_CASE("next_code_point agrees with ICU's U8_NEXT on 3- and 4-byte inputs around every boundary") {
    // Every lead byte from C0 up, followed by trail bytes at the edges of the ranges that decide
    // validity (80, 8F/90, 9F/A0, BF/C0) and by ASCII.
    const std::vector<unsigned> trails = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xD9, 0xFF};
    std::size_t disagreements = 0;
    std::size_t inputs = 0;
    for (unsigned lead = 0xC0; lead < 256; ++lead) {
        for (const unsigned a : trails) {
            for (const unsigned b : trails) {
                disagreements += !same_reading(bytes_of({lead, a, b}));
                for (const unsigned c : trails) {
                    disagreements += !same_reading(bytes_of({lead, a, b, c}));
                    ++inputs;
                }
            }
        }
    }
    CHECK(inputs > 100000);
    CHECK(disagreements == 0);

    // And random bytes, biased towards the bytes of Arabic text.
    std::mt19937 random(20240517);
    const std::vector<unsigned> pool = {0xD8, 0xD9, 0x80, 0x84, 0xA7, 0xE2, 0x80, 0x93, 0xF0, 0x9F, 0x98, 0x80, 'a', ' ', 0xFF, 0xC1, 0xED, 0xA0, 0xF4, 0x90};
    for (int round = 0; round < 20000; ++round) {
        std::string s;
        const std::size_t size = random() % 12;
        for (std::size_t i = 0; i < size; ++i) s.push_back(static_cast<char>(pool[random() % pool.size()]));
        CAPTURE(s);
        REQUIRE(same_reading(s));
    }
}

TEST_CASE("append_utf8 writes 1 to 4 bytes and round-trips through next_code_point") {
    struct Case {
        char32_t code_point;
        std::string bytes;
    };
    const std::vector<Case> table = {
        {U'A', "A"},
        {U'\u0645', "\xD9\x85"},                 // م
        {U'\u0640', "\xD9\x80"},                 // tatweel
        {U'\u20AC', "\xE2\x82\xAC"},             // €
        {U'\uFFFD', "\xEF\xBF\xBD"},
        {U'\U0001F600', "\xF0\x9F\x98\x80"},
        {U'\U0010FFFF', "\xF4\x8F\xBF\xBF"},
    };
    for (const Case& c : table) {
        CAPTURE(static_cast<std::uint32_t>(c.code_point));
        std::string out = "x";
        append_utf8(out, c.code_point);
        CHECK(out == "x" + c.bytes);
        std::size_t pos = 1;
        CHECK(next_code_point(out, pos) == c.code_point);
        CHECK(pos == out.size());
    }
}

TEST_CASE("utf8_prefix cuts at the byte budget without splitting a 2-, 3- or 4-byte sequence") {
    struct Case {
        std::string text;
        std::size_t max_bytes;
        std::string prefix;
    };
    const std::string three_bytes = "\u20AC\u20AC";      // € €
    const std::string four_bytes = "\U0001F600x";      // 😀 x
    const std::vector<Case> table = {
        {"Cairo", 0, ""},
        {"Cairo", 3, "Cai"},
        {"Cairo", 5, "Cairo"},
        {"Cairo", 100, "Cairo"},
        {"مصر", 1, ""},            // inside م
        {"مصر", 2, "م"},
        {"مصر", 3, "م"},           // inside ص
        {"مصر", 4, "مص"},
        {"مصر", 5, "مص"},
        {"مصر", 6, "مصر"},
        {"aمصر", 2, "a"},
        {three_bytes, 1, ""},
        {three_bytes, 2, ""},
        {three_bytes, 3, "\u20AC"},
        {three_bytes, 4, "\u20AC"},
        {three_bytes, 5, "\u20AC"},
        {four_bytes, 1, ""},
        {four_bytes, 3, ""},
        {four_bytes, 4, "\U0001F600"},
        {four_bytes, 5, four_bytes},
        // Not UTF-8: a run of continuation bytes gives back at most 3 of them.
        {bytes_of({'a', 0x80, 0x80, 0x80, 0x80, 0x80}), 5, bytes_of({'a', 0x80})},
        {bytes_of({0xFF, 'b'}), 1, bytes_of({0xFF})},
    };
    for (const Case& c : table) {
        CAPTURE(c.text);
        CAPTURE(c.max_bytes);
        CHECK(utf8_prefix(c.text, c.max_bytes) == c.prefix);
    }
}

TEST_CASE("to_valid_utf8 replaces each malformed sequence by U+FFFD and keeps the rest") {
    const std::string fffd = "\xEF\xBF\xBD";
    CHECK(to_valid_utf8("") == "");
    CHECK(to_valid_utf8("القاهرة abc") == "القاهرة abc");
    CHECK(to_valid_utf8("a\xFF" "b") == "a" + fffd + "b");
    // A cut 3-byte sequence is one maximal subpart: one U+FFFD; a stray trail byte is another.
    CHECK(to_valid_utf8("\xE2\x82" "x\x80") == fffd + "x" + fffd);
    CHECK(to_valid_utf8("\xED\xA0\x80") == fffd + fffd + fffd);  // a surrogate: three subparts
    CHECK(to_valid_utf8("ب\xD8") == "ب" + fffd);                      // cut at the end
    std::mt19937 random(7);
    for (int round = 0; round < 2000; ++round) {
        std::string bytes(static_cast<std::size_t>(random() % 12), '\0');
        for (char& c : bytes) c = static_cast<char>(random() % 256);
        const std::string repaired = to_valid_utf8(bytes);
        CHECK(is_valid_utf8(repaired));
        CHECK(to_code_points(repaired) == to_code_points(bytes));  // the same characters, read alike
    }
}

TEST_CASE("escaped text for diagnostics: controls and malformed bytes, and nothing else") {
    CHECK(escape_control_characters("") == "");
    CHECK(escape_control_characters("عنوان الخبر: 2019 «نص»") == "عنوان الخبر: 2019 «نص»");
    // A terminal's title and clear-screen sequences, a bell, a line feed, a tab, DEL.
    CHECK(escape_control_characters("\x1b]0;x\x07\x1b[2J") == "\\x1b]0;x\\x07\\x1b[2J");
    CHECK(escape_control_characters("a\nb\tc\x7f") == "a\\x0ab\\x09c\\x7f");
    CHECK(escape_control_characters(std::string_view("\0", 1)) == "\\x00");
    // C1 controls are characters (U+009B is a one-character CSI): escaped as code points.
    CHECK(escape_control_characters("\xC2\x9B" "2J") == "\\x9b2J");
    CHECK(escape_control_characters("\xC2\xA0") == "\xC2\xA0");  // U+00A0 is not a control
    // Each byte of a malformed sequence.
    CHECK(escape_control_characters("a\xFF\xE2\x82" "b") == "a\\xff\\xe2\\x82b");
    std::mt19937 random(11);
    for (int round = 0; round < 2000; ++round) {
        std::string bytes(static_cast<std::size_t>(random() % 16), '\0');
        for (char& c : bytes) c = static_cast<char>(random() % 256);
        const std::string printable = escape_control_characters(bytes);
        CHECK(is_valid_utf8(printable));
        for (std::size_t pos = 0; pos < printable.size();) {
            const char32_t c = next_code_point(printable, pos);
            CHECK_FALSE((c < 0x20 || (c >= 0x7F && c <= 0x9F)));
        }
    }
}

namespace {

// escape_control_characters() decoding every code point, as it did before its fast path: the
// reference the fast path must match byte for byte.
std::string escaped_by_decoding(std::string_view text, LineBreaks line_breaks) {
    constexpr std::string_view kHex = "0123456789abcdef";
    const auto escape = [&](std::string& out, unsigned value) {
        out += "\\x";
        out += kHex[(value >> 4U) & 0xFU];
        out += kHex[value & 0xFU];
    };
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
        const std::size_t start = pos;
        bool valid = true;
        const char32_t c = next_code_point(text, pos, &valid);
        const bool line_break = c == U'\t' || c == U'\n' || c == U'\r';
        const bool control = c <= 0x1F || c == 0x7F || (c >= 0x80 && c <= 0x9F);
        if (valid && !(control && !(line_break && line_breaks == LineBreaks::Keep))) {
            out.append(text.substr(start, pos - start));
        } else if (!valid) {
            for (std::size_t i = start; i < pos; ++i) escape(out, static_cast<unsigned char>(text[i]));
        } else {
            escape(out, static_cast<unsigned>(c));
        }
    }
    return out;
}

}  // namespace

TEST_CASE("escape_control_characters: the fast path writes what decoding every character writes") {
    std::size_t differing = 0;
    const auto compare = [&](const std::string& text) {
        for (const LineBreaks mode : {LineBreaks::Escape, LineBreaks::Keep}) {
            if (escape_control_characters(text, mode) != escaped_by_decoding(text, mode) && differing++ < 5) {
                CAPTURE(text);
                CHECK(escape_control_characters(text, mode) == escaped_by_decoding(text, mode));
            }
        }
    };
    // Every string of one and two bytes.
    for (unsigned a = 0; a < 256; ++a) {
        compare(std::string(1, static_cast<char>(a)));
        for (unsigned b = 0; b < 256; ++b) compare(std::string{static_cast<char>(a), static_cast<char>(b)});
    }
    // Random strings of the bytes where the paths part: ASCII edges, C2 (C1 controls), the fast
    // leads' edges, three- and four-byte leads and their limits, trail bytes, bytes never valid.
    const unsigned char edges[] = {0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x41, 0x7E, 0x7F, 0x80, 0x9F, 0xA0, 0xBF,
                                   0xC0, 0xC1, 0xC2, 0xC3, 0xD8, 0xDB, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
    std::mt19937 random(29);
    for (int round = 0; round < 100000; ++round) {
        std::string text(static_cast<std::size_t>(random() % 9), '\0');
        for (char& c : text) c = static_cast<char>(edges[random() % std::size(edges)]);
        compare(text);
    }
    CHECK(differing == 0);
}

TEST_CASE("counted nouns") {
    CHECK(counted(0, "article", "articles") == "0 articles");
    CHECK(counted(1, "article", "articles") == "1 article");
    CHECK(counted(3, "article", "articles") == "3 articles");
    CHECK(other_copies_label(1) == "نسخة أخرى");
    CHECK(other_copies_label(2) == "نسخ أخرى");
    CHECK(other_copies_label(12) == "نسخ أخرى");
    struct ArticlesCase {
        std::size_t count;
        const char* words;
    };
    const std::vector<ArticlesCase> articles = {
        {1, "مقال واحد"},    {2, "مقالين"},      {3, "3 مقالات"},     {10, "10 مقالات"},   {11, "11 مقالًا"},
        {99, "99 مقالًا"},   {100, "100 مقال"},  {102, "102 مقال"},   {103, "103 مقالات"}, {111, "111 مقالًا"},
        {1000, "1000 مقال"},
    };
    for (const ArticlesCase& c : articles) {
        CAPTURE(c.count);
        CHECK(rasd::detail::arabic_counted(c.count, std::to_string(c.count), rasd::detail::kArticlesAfterMin) == c.words);
    }
    const std::vector<ArticlesCase> results = {
        {1, "نتيجة واحدة"}, {2, "نتيجتان"}, {5, "5 نتائج"}, {35, "35 نتيجةً"}, {300, "300 نتيجة"}, {335, "335 نتيجةً"},
    };
    for (const ArticlesCase& c : results) {
        CAPTURE(c.count);
        CHECK(rasd::detail::arabic_counted(c.count, std::to_string(c.count), rasd::detail::kResults) == c.words);
    }
    CHECK(rasd::detail::arabic_counted(4, "4", rasd::detail::kStories) == "4 قصص");
}

TEST_CASE("count_code_points counts lead bytes") {
    CHECK(count_code_points("") == 0);
    CHECK(count_code_points("news") == 4);
    CHECK(count_code_points("أخبار") == 5);
    CHECK(count_code_points("a\u20AC\U0001F600م") == 4);
}

// ---- Spaces and dashes ---------------------------------------------------------------------

TEST_CASE("the table of spaces, hyphens and dashes") {
    for (const char32_t c : unicode::kSpaces) {
        CAPTURE(static_cast<std::uint32_t>(c));
        CHECK(unicode::is_unicode_space(c));
        CHECK(unicode::is_white_space(c));
        CHECK_FALSE(unicode::is_unicode_dash(c));
    }
    for (const char32_t c : unicode::kDashes) {
        CAPTURE(static_cast<std::uint32_t>(c));
        CHECK(unicode::is_unicode_dash(c));
        CHECK_FALSE(unicode::is_unicode_hyphen(c));
        CHECK_FALSE(unicode::is_white_space(c));
    }
    struct Case {
        char32_t c;
        bool space, white_space, hyphen, dash;
    };
    const std::vector<Case> table = {
        {U' ', false, true, false, false},
        {U'\t', false, true, false, false},
        {U'\n', false, true, false, false},
        {U'\u00A0', true, true, false, false},       // no-break space
        {U'\u2009', true, true, false, false},       // thin space
        {U'\u202F', true, true, false, false},       // narrow no-break space
        {U'\u3000', true, true, false, false},       // ideographic space
        {U'\u200B', false, false, false, false},     // zero width space: not White_Space
        {U'-', false, false, false, false},          // ASCII: the caller's
        {U'\u2010', false, false, true, false},      // hyphen
        {U'\u2011', false, false, true, false},      // non-breaking hyphen
        {U'\u2013', false, false, false, true},      // en dash
        {U'\u2014', false, false, false, true},      // em dash
        {U'\u2212', false, false, false, true},      // minus sign
        {U'\u0640', false, false, false, false},     // tatweel: Arabic, not a dash
        {U'\u0645', false, false, false, false},     // م
        {U'a', false, false, false, false},
    };
    for (const Case& c : table) {
        CAPTURE(static_cast<std::uint32_t>(c.c));
        CHECK(unicode::is_unicode_space(c.c) == c.space);
        CHECK(unicode::is_white_space(c.c) == c.white_space);
        CHECK(unicode::is_unicode_hyphen(c.c) == c.hyphen);
        CHECK(unicode::is_unicode_dash(c.c) == c.dash);
    }
    CHECK(unicode::kEnDashUtf8 == "\u2013");
    CHECK(unicode::kEmDashUtf8 == "\u2014");
}

// ---- Edit distance -------------------------------------------------------------------------

TEST_CASE("bounded_edit_distance: optimal string alignment over code points") {
    struct Case {
        std::string a, b;
        std::size_t distance;
    };
    const std::vector<Case> table = {
        {"", "", 0},
        {"", "abc", 3},
        {"abc", "abc", 0},
        {"abc", "abd", 1},                       // substitution
        {"abc", "ab", 1},                        // deletion
        {"kitten", "sitting", 3},
        {"sprot", "sport", 1},                   // adjacent transposition: one edit
        {"Alexandira", "Alexandria", 1},
        {"ca", "abc", 3},                        // OSA edits no substring twice (Damerau: 2)
        {"القاهرة", "القاهره", 1},               // ة / ه: one code point, two bytes
        {"بيزوت", "بيروت", 1},
        {"مصر", "مرص", 1},                       // transposed letters
        {"الاسكندرية", "الإسكندرية", 1},         // hamza seat
        {"رياضا", "رياضة", 1},
        {"اقتصد", "اقتصاد", 1},
        {"القاهرة", "Cairo", 7},
    };
    for (const Case& c : table) {
        CAPTURE(c.a);
        CAPTURE(c.b);
        const std::u32string a = to_code_points(c.a);
        const std::u32string b = to_code_points(c.b);
        const std::size_t unbounded = std::max(a.size(), b.size());
        CHECK(bounded_edit_distance(a, b, unbounded) == c.distance);
        CHECK(bounded_edit_distance(b, a, unbounded) == c.distance);  // symmetric
        CHECK(bounded_edit_distance(a, b, c.distance) == c.distance);  // the bound is inclusive
        if (c.distance > 0) {
            CHECK(bounded_edit_distance(a, b, c.distance - 1) == c.distance);  // max + 1
        }
    }
}

TEST_CASE("bounded_edit_distance gives max + 1 when the distance is over the bound") {
    struct Case {
        std::string a, b;
        std::size_t max, result;
    };
    const std::vector<Case> table = {
        {"abc", "abc", 0, 0},
        {"abc", "abd", 0, 1},
        {"kitten", "sitting", 2, 3},
        {"kitten", "sitting", 3, 3},
        {"a", "abcdef", 2, 3},                   // the length gap alone is over
        {"abcdef", "ghijkl", 2, 3},              // every row is over
        {"القاهرة", "الجيزة", 1, 2},             // distance 4
        {"القاهرة", "الجيزة", 3, 4},
        {"القاهرة", "الجيزة", 4, 4},
        {"", "مصر", 2, 3},
        {"مصر", "", 3, 3},
    };
    for (const Case& c : table) {
        CAPTURE(c.a);
        CAPTURE(c.b);
        CAPTURE(c.max);
        CHECK(bounded_edit_distance(to_code_points(c.a), to_code_points(c.b), c.max) == c.result);
    }
    // The largest bound cannot be exceeded: no overflow to 0.
    CHECK(bounded_edit_distance(U"abc", U"xyz", SIZE_MAX) == 3);
}

// ---- FNV-1a --------------------------------------------------------------------------------

TEST_CASE("fnv1a64 gives the published FNV-1a 64-bit values") {
    static_assert(fnv1a64("") == 0xcbf29ce484222325ULL);
    struct Case {
        std::string_view bytes;
        std::uint64_t hash;
    };
    const std::vector<Case> table = {
        {"", 0xcbf29ce484222325ULL},
        {"a", 0xaf63dc4c8601ec8cULL},
        {"foobar", 0x85944171f73967e8ULL},
    };
    for (const Case& c : table) {
        CAPTURE(c.bytes);
        CHECK(fnv1a64(c.bytes) == c.hash);
    }
    // Bytes are hashed as unsigned: a byte above 0x7F must not be sign-extended.
    CHECK(fnv1a64("\xff") == ((0xcbf29ce484222325ULL ^ 0xffULL) * 0x100000001b3ULL));
    CHECK(fnv1a64("مصر") != fnv1a64("مرص"));
}

// ---- String maps ---------------------------------------------------------------------------

TEST_CASE("StringMap is looked up by string_view without building a string") {
    StringMap<int> map;
    map.emplace("القاهرة", 1);
    map.emplace("cairo", 2);
    const std::string_view key = "القاهرة";
    REQUIRE(map.find(key) != map.end());
    CHECK(map.find(key)->second == 1);
    CHECK(map.contains(std::string_view("cairo")));
    CHECK_FALSE(map.contains(std::string_view("Cairo")));
    CHECK(TransparentStringHash{}(std::string_view("x")) == TransparentStringHash{}(std::string("x")));
}

// ---- Data-file lines -----------------------------------------------------------------------

TEST_CASE("data_lines skips blank and comment lines and numbers every line of the file") {
    struct Expected {
        std::size_t number;
        std::string_view text;
    };
    struct Case {
        const char* name;
        std::string_view text;
        std::vector<Expected> lines;
    };
    const std::vector<Case> table = {
        {"empty", "", {}},
        {"no final newline", "alpha", {{1, "alpha"}}},
        {"comments and blank lines", "# header\n\nalpha\n\n# note\nbeta\n", {{3, "alpha"}, {6, "beta"}}},
        {"CRLF and trailing spaces", "alpha\r\nbeta  \r\n", {{1, "alpha"}, {2, "beta"}}},
        {"blank lines of spaces, tabs, CR", "  \n\t\n\r\nمصر\n", {{4, "مصر"}}},
        {"indented comment", "  # note\n\t# note\nx\n", {{3, "x"}}},
        {"'#' inside a line", "a#b\n", {{1, "a#b"}}},
        {"a trailing TAB ends a column", "id\tname\t\n", {{1, "id\tname\t"}}},
        {"Arabic rows", "eg\t\tcountry\tمصر\tEgypt\n", {{1, "eg\t\tcountry\tمصر\tEgypt"}}},
    };
    for (const Case& c : table) {
        CAPTURE(c.name);
        const std::vector<DataLine> lines = data_lines("table", c.text);
        REQUIRE(lines.size() == c.lines.size());
        for (std::size_t i = 0; i < lines.size(); ++i) {
            CHECK(lines[i].file == "table");
            CHECK(lines[i].number == c.lines[i].number);
            CHECK(lines[i].text == c.lines[i].text);
        }
    }
}

TEST_CASE("data-file errors read NAME:LINE: WHAT") {
    const std::vector<DataLine> lines = data_lines("gazetteer", "# places\n\neg\t\tcountry\nbad row\n");
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].error("bad id 'x'") == "gazetteer:3: bad id 'x'");
    CHECK(lines[1].error("expected 6 TAB-separated columns") == "gazetteer:4: expected 6 TAB-separated columns");
    const std::vector<DataLine> model = data_lines("topic_model", "alpha\tx\t1\r\n\r\nalpha\tx\t2\r\n");
    REQUIRE(model.size() == 2);
    CHECK(model[1].error("stem 'x' given twice for topic 'alpha'") ==
          "topic_model:3: stem 'x' given twice for topic 'alpha'");
    CHECK(DataLine{"topics", 12, "x"}.error("") == "topics:12: ");
}

TEST_CASE("split_trimmed splits on one separator and trims spaces from each part") {
    struct Case {
        std::string_view text;
        char separator;
        std::vector<std::string_view> parts;
    };
    const std::vector<Case> table = {
        {"", '\t', {""}},
        {"a", '\t', {"a"}},
        {"a\tb\t", '\t', {"a", "b", ""}},
        {"eg\t\tcountry", '\t', {"eg", "", "country"}},
        {" a \t b ", '\t', {"a", "b"}},
        {"القاهرة | Cairo|قاهره", '|', {"القاهرة", "Cairo", "قاهره"}},
        {"a||b", '|', {"a", "", "b"}},
        {"two words", '|', {"two words"}},
    };
    for (const Case& c : table) {
        CAPTURE(c.text);
        CHECK(split_trimmed(c.text, c.separator) == c.parts);
    }
}

TEST_CASE("escape_control_characters writes C0, DEL, C1 and malformed bytes visibly") {
    using rasd::detail::escape_control_characters;
    using rasd::detail::LineBreaks;
    CHECK(escape_control_characters("عنوان \x1b]0;pwned\x07 \x1b[2J") == "عنوان \\x1b]0;pwned\\x07 \\x1b[2J");
    CHECK(escape_control_characters("a\u009b2Jb\u0085c\x7f") == "a\\x9b2Jb\\x85c\\x7f");
    CHECK(escape_control_characters(std::string("nul\0x", 5)) == "nul\\x00x");
    CHECK(escape_control_characters("bad \xff\xfe and \xe2\x82 end") == "bad \\xff\\xfe and \\xe2\\x82 end");
    // A two-byte lead without its trail byte, in the text and at its end.
    CHECK(escape_control_characters("\xd8" "A \xd8") == "\\xd8" "A \\xd8");
    CHECK(escape_control_characters("\xc3\xa9\xdf\xbf\xc2\x85") == "\xc3\xa9\xdf\xbf\\x85");
    CHECK(escape_control_characters("line\nnext\ttab\r") == "line\\x0anext\\x09tab\\x0d");
    CHECK(escape_control_characters("line\nnext\ttab\r", LineBreaks::Keep) == "line\nnext\ttab\r");
    // Printable text, backslashes and U+00A0 (just past the C1 range) are left as they are.
    const std::string plain = "القاهرة \\x1b é\u00a0€ 😀";
    CHECK(escape_control_characters(plain) == plain);
    // Idempotent: escaped text holds no control left to escape.
    const std::string once = escape_control_characters("\x1b[2J\u009b");
    CHECK(escape_control_characters(once) == once);
}

}  // TEST_SUITE

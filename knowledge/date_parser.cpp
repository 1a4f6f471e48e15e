#include "date_parser.hpp"

#include "util/spaces_and_dashes.hpp"
#include "util/utf8.hpp"

#include <rasd/analysis/text_folding.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <span>
#include <utility>
#include <vector>

namespace rasd::detail {
namespace {

// ---- Calendar --------------------------------------------------------------------------

// Outside this range a parsed "year" is far more likely an id, a count or a Hijri year.
constexpr int kMinYear = 1900;
constexpr int kMaxYear = 2100;

constexpr bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

constexpr int days_in_month(int year, int month) {
    constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

std::optional<CalendarDate> make_date(int year, int month, int day) {
    if (year < kMinYear || year > kMaxYear || month < 1 || month > 12) return std::nullopt;
    if (day < 1 || day > days_in_month(year, month)) return std::nullopt;
    return CalendarDate{year, month, day};
}

// ---- Characters ------------------------------------------------------------------------

constexpr char32_t kArabicLettersFirst = U'\u0620';     // ؠ; U+0600..U+061F hold signs and ، ؛ ؟
constexpr char32_t kArabicDigitZero = U'\u0660';        // ٠ .. ٩, then ٪ ٫ ٬ ٭
constexpr char32_t kArabicFivePointedStar = U'\u066D';  // ٭
constexpr char32_t kArabicFullStop = U'\u06D4';         // ۔
constexpr char32_t kArabicBlockLast = U'\u06FF';
constexpr char32_t kArabicSupplementFirst = U'\u0750';
constexpr char32_t kArabicSupplementLast = U'\u077F';
constexpr char32_t kArabicExtendedAFirst = U'\u08A0';
constexpr char32_t kArabicExtendedALast = U'\u08FF';
constexpr char32_t kLatinLettersFirst = U'\u00C0';      // À .. ɏ (Latin-1 letters, Extended-A/B)
constexpr char32_t kLatinLettersLast = U'\u024F';
constexpr char32_t kMultiplicationSign = U'\u00D7';     // the two non-letters in that range
constexpr char32_t kDivisionSign = U'\u00F7';

constexpr bool in_range(char32_t c, char32_t first, char32_t last) { return c >= first && c <= last; }

enum class CharClass { Space, Digit, Letter, Other };

CharClass classify(char32_t c) {
    if (c < 0x80) {
        if (c >= '0' && c <= '9') return CharClass::Digit;
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::Letter;
        return c <= ' ' || c == 0x7F ? CharClass::Space : CharClass::Other;
    }
    if (unicode::is_unicode_space(c)) return CharClass::Space;
    const bool arabic_letter =
        (in_range(c, kArabicLettersFirst, kArabicBlockLast) &&
         !in_range(c, kArabicDigitZero, kArabicFivePointedStar) && c != kArabicFullStop) ||
        in_range(c, kArabicSupplementFirst, kArabicSupplementLast) ||
        in_range(c, kArabicExtendedAFirst, kArabicExtendedALast);
    const bool latin_letter = in_range(c, kLatinLettersFirst, kLatinLettersLast) &&
                              c != kMultiplicationSign && c != kDivisionSign;
    return arabic_letter || latin_letter ? CharClass::Letter : CharClass::Other;
}

// The code point at `pos` and its length in bytes (a malformed sequence decodes to U+FFFD so
// that scanning always advances).
std::pair<char32_t, std::size_t> decode_utf8(std::string_view s, std::size_t pos) {
    std::size_t end = pos;
    const char32_t c = next_code_point(s, end);
    return {c, end - pos};
}

// ---- Tokens ----------------------------------------------------------------------------

// Folded text as runs of digits, runs of letters, and single other characters. Digits and
// letters split apart ("2020م", "t10:30", "ب5"), which is how dates glue onto words.
enum class TokenKind { Number, Word, Punct };

struct Token {
    TokenKind kind;
    std::string_view text;
    bool spaced;  // whitespace stands between this token and the previous one
};

TokenKind kind_of(CharClass c) {
    if (c == CharClass::Digit) return TokenKind::Number;
    return c == CharClass::Letter ? TokenKind::Word : TokenKind::Punct;
}

std::vector<Token> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    bool spaced = false;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const auto [c, length] = decode_utf8(text, pos);
        const CharClass char_class = classify(c);
        std::size_t end = pos + length;
        if (char_class == CharClass::Space) {
            spaced = true;
            pos = end;
            continue;
        }
        if (char_class != CharClass::Other) {
            while (end < text.size()) {
                const auto [next, next_length] = decode_utf8(text, end);
                if (classify(next) != char_class) break;
                end += next_length;
            }
        }
        tokens.push_back({kind_of(char_class), text.substr(pos, end - pos), spaced});
        spaced = false;
        pos = end;
    }
    return tokens;
}

// ---- Grammar ---------------------------------------------------------------------------

// Punctuation the grammar accepts (fold_text leaves these unchanged).
constexpr auto kNumericSeparators = std::to_array<std::string_view>({"-", "/", "."});
constexpr auto kComponentSeparators = std::to_array<std::string_view>(
    {",", "،", "-", unicode::kEnDashUtf8, unicode::kEmDashUtf8, "/", "."});
constexpr auto kPairSeparators =
    std::to_array<std::string_view>({"/", "-", unicode::kEnDashUtf8, unicode::kEmDashUtf8});
constexpr auto kOpenParenthesis = std::to_array<std::string_view>({"("});
constexpr auto kCloseParenthesis = std::to_array<std::string_view>({")"});
constexpr auto kAbbreviationDot = std::to_array<std::string_view>({"."});
constexpr auto kTimeColon = std::to_array<std::string_view>({":"});
constexpr auto kBeforeTime =
    std::to_array<std::string_view>({",", "،", "-", unicode::kEnDashUtf8, unicode::kEmDashUtf8, "|"});

constexpr int kMaxHour = 23;
constexpr int kMaxMinute = 59;

enum class Spacing { Any, Adjacent };

// A read position in the tokens. Each step consumes the next token only if it matches, so a
// failed alternative is abandoned by discarding a copy of the cursor.
class Cursor {
public:
    explicit Cursor(std::span<const Token> tokens, std::size_t position = 0)
        : m_tokens(tokens), m_position(position) {}

    [[nodiscard]] bool at_end() const { return m_position >= m_tokens.size(); }

    // A number of min_digits..max_digits digits (max_digits <= 4, so its value fits).
    std::optional<int> number(std::size_t min_digits, std::size_t max_digits,
                              Spacing spacing = Spacing::Any) {
        const Token* token = next(TokenKind::Number, spacing);
        if (token == nullptr || token->text.size() < min_digits || token->text.size() > max_digits) {
            return std::nullopt;
        }
        int value = 0;
        for (const char digit : token->text) value = value * 10 + (digit - '0');
        ++m_position;
        return value;
    }

    std::optional<std::string_view> punct(std::span<const std::string_view> marks,
                                          Spacing spacing = Spacing::Any) {
        const Token* token = next(TokenKind::Punct, spacing);
        if (token == nullptr || std::find(marks.begin(), marks.end(), token->text) == marks.end()) {
            return std::nullopt;
        }
        ++m_position;
        return token->text;
    }

    bool word(std::span<const std::string_view> words, Spacing spacing = Spacing::Any) {
        const Token* token = next(TokenKind::Word, spacing);
        if (token == nullptr || std::find(words.begin(), words.end(), token->text) == words.end()) {
            return false;
        }
        ++m_position;
        return true;
    }

    // The longest month name starting here ("كانون الثاني" is two words).
    const date_words::NamedMonth* month_name() {
        const date_words::NamedMonth* best = nullptr;
        std::size_t best_words = 0;
        for (const date_words::NamedMonth& name : date_words::kMonths) {
            const std::size_t words = phrase_length_here(name.folded);
            if (words > best_words) {
                best = &name;
                best_words = words;
            }
        }
        m_position += best_words;
        return best;
    }

private:
    [[nodiscard]] const Token* next(TokenKind kind, Spacing spacing) const {
        if (at_end()) return nullptr;
        const Token& token = m_tokens[m_position];
        if (token.kind != kind || (spacing == Spacing::Adjacent && token.spaced)) return nullptr;
        return &token;
    }

    // How many word tokens `phrase` (words joined by single spaces) covers here, or 0.
    [[nodiscard]] std::size_t phrase_length_here(std::string_view phrase) const {
        std::size_t count = 0;
        for (;;) {
            const std::size_t space = phrase.find(' ');
            const std::size_t at = m_position + count;
            if (at >= m_tokens.size() || m_tokens[at].kind != TokenKind::Word ||
                m_tokens[at].text != phrase.substr(0, space)) {
                return 0;
            }
            ++count;
            if (space == std::string_view::npos) return count;
            phrase.remove_prefix(space + 1);
        }
    }

    std::span<const Token> m_tokens;
    std::size_t m_position;
};

bool is_latin(std::string_view name) {
    return !name.empty() && static_cast<unsigned char>(name[0]) < 0x80;
}

// A month name, with an abbreviation's dot ("Mar."), optionally paired with the same month in
// another system as news agencies write it: "تشرين الاول/اكتوبر", "تشرين الاول (اكتوبر)". A
// pair naming two different months is no date.
const date_words::NamedMonth* month_expression(Cursor& c) {
    const date_words::NamedMonth* name = c.month_name();
    if (name == nullptr) return nullptr;
    c.punct(kAbbreviationDot, Spacing::Adjacent);

    Cursor pair = c;
    const bool parenthesized = pair.punct(kOpenParenthesis).has_value();
    if (!parenthesized && !pair.punct(kPairSeparators)) return name;
    const date_words::NamedMonth* second = pair.month_name();
    if (second == nullptr) return name;  // the separator belongs to what follows
    pair.punct(kAbbreviationDot, Spacing::Adjacent);
    if (second->month != name->month) return nullptr;
    if (parenthesized && !pair.punct(kCloseParenthesis)) return nullptr;
    c = pair;
    return name;
}

// Day month year: "5 مارس 2020", "18 جانفي، 2017", "5th of March 2020", "05-Mar-2020".
std::optional<CalendarDate> day_first_date(Cursor& c) {
    const std::optional<int> day = c.number(1, 2);
    if (!day) return std::nullopt;
    c.word(date_words::kOrdinalSuffixes, Spacing::Adjacent);
    if (!c.punct(kComponentSeparators)) c.word(date_words::kDayMonthConnectors);
    const date_words::NamedMonth* month = month_expression(c);
    if (month == nullptr) return std::nullopt;
    c.punct(kComponentSeparators);
    const std::optional<int> year = c.number(4, 4);
    if (!year) return std::nullopt;
    return make_date(*year, month->month, *day);
}

// Month day year: "March 5, 2020". Only English writes the month first; Arabic never does,
// so Arabic names here would only invite false matches in running text.
std::optional<CalendarDate> month_first_date(Cursor& c) {
    const date_words::NamedMonth* month = month_expression(c);
    if (month == nullptr || !is_latin(month->folded)) return std::nullopt;
    c.punct(kComponentSeparators);
    const std::optional<int> day = c.number(1, 2);
    if (!day) return std::nullopt;
    c.word(date_words::kOrdinalSuffixes, Spacing::Adjacent);
    c.punct(kComponentSeparators);
    const std::optional<int> year = c.number(4, 4);
    if (!year) return std::nullopt;
    return make_date(*year, month->month, *day);
}

// 2019-03-14, 2019/03/14, 14/03/2019, 14-03-2019, 14.03.2019: no spaces, the same separator
// twice. Four digits first means year first; otherwise the day comes first, as Arab sites
// print it (never month first: 03/14/2019 is rejected rather than guessed).
std::optional<CalendarDate> numeric_date(Cursor& c) {
    const std::optional<int> leading_year = c.number(4, 4);
    const std::optional<int> first = leading_year ? leading_year : c.number(1, 2);
    if (!first) return std::nullopt;
    const std::optional<std::string_view> separator = c.punct(kNumericSeparators, Spacing::Adjacent);
    if (!separator) return std::nullopt;
    const std::optional<int> middle = c.number(1, 2, Spacing::Adjacent);
    const std::array<std::string_view, 1> same_separator = {*separator};
    if (!middle || !c.punct(same_separator, Spacing::Adjacent)) return std::nullopt;
    const std::optional<int> last = leading_year ? c.number(1, 2, Spacing::Adjacent)
                                                 : c.number(4, 4, Spacing::Adjacent);
    if (!last) return std::nullopt;
    return leading_year ? make_date(*first, *middle, *last) : make_date(*last, *middle, *first);
}

// A weekday adds nothing to the date it introduces: "يوم الخميس، 5 مارس", "Thu, 05 Mar".
void skip_weekday(Cursor& c) {
    c.word(date_words::kDayIntroducers);
    if (c.word(date_words::kWeekdays)) c.punct(kComponentSeparators);
}

// After the date a field may hold an era mark and a time ("14:05", "T10:30:00+02:00"); what
// follows the hours and minutes (seconds, zone, AM/PM) is not examined. Anything else means
// the field holds more than a date and is not trusted.
bool only_time_follows(Cursor c) {
    c.word(date_words::kEraMarks);
    if (c.at_end()) return true;
    while (c.punct(kBeforeTime) || c.word(date_words::kTimeIntroducers)) {
    }
    if (c.at_end()) return true;  // a dangling separator left by the page template
    // ISO 8601's basic format writes the time without colons: T1856 or T185600.
    for (const auto& [digits, minutes_divisor] : {std::pair{6, 100}, std::pair{4, 1}}) {
        Cursor basic = c;
        if (const std::optional<int> hhmm = basic.number(digits, digits, Spacing::Adjacent)) {
            const int value = *hhmm / minutes_divisor;
            return value / 100 <= kMaxHour && value % 100 <= kMaxMinute;
        }
    }
    const std::optional<int> hour = c.number(1, 2);
    if (!hour || !c.punct(kTimeColon, Spacing::Adjacent)) return false;
    const std::optional<int> minute = c.number(2, 2, Spacing::Adjacent);
    return minute && *hour <= kMaxHour && *minute <= kMaxMinute;
}

using DateForm = std::optional<CalendarDate> (*)(Cursor&);
constexpr std::array<DateForm, 3> kFieldForms = {&numeric_date, &day_first_date, &month_first_date};
constexpr std::array<DateForm, 2> kTextForms = {&day_first_date, &month_first_date};

// ---- URLs ------------------------------------------------------------------------------

constexpr std::string_view kUrlSegmentEnds = "/-_.?#&;";

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

std::size_t digits_at(std::string_view s, std::size_t pos) {
    std::size_t end = pos;
    while (end < s.size() && is_ascii_digit(s[end])) ++end;
    return end - pos;
}

int digits_value(std::string_view digits) {
    int value = 0;
    for (const char digit : digits) value = value * 10 + (digit - '0');
    return value;
}

bool ends_url_segment(std::string_view s, std::size_t pos) {
    return pos == s.size() || kUrlSegmentEnds.find(s[pos]) != std::string_view::npos;
}

// The date at the very start of `s` (just after a '/'): 2018/02/18, 2018-02-18 or 20180218,
// closing its path segment or followed by a slug ("2018-02-18-title", "20180218.html").
std::optional<CalendarDate> url_date_at(std::string_view s) {
    constexpr std::size_t kCompactLength = 8;  // YYYYMMDD
    const std::size_t lead = digits_at(s, 0);
    if (lead == kCompactLength && ends_url_segment(s, lead)) {
        return make_date(digits_value(s.substr(0, 4)), digits_value(s.substr(4, 2)),
                         digits_value(s.substr(6, 2)));
    }
    if (lead != 4 || s.size() <= lead || (s[lead] != '/' && s[lead] != '-')) return std::nullopt;
    const char separator = s[lead];
    const std::size_t month_at = lead + 1;
    const std::size_t month_digits = digits_at(s, month_at);
    const std::size_t second_separator_at = month_at + month_digits;
    if (month_digits < 1 || month_digits > 2 || second_separator_at >= s.size() ||
        s[second_separator_at] != separator) {
        return std::nullopt;
    }
    const std::size_t day_at = second_separator_at + 1;
    const std::size_t day_digits = digits_at(s, day_at);
    if (day_digits < 1 || day_digits > 2 || !ends_url_segment(s, day_at + day_digits)) {
        return std::nullopt;
    }
    return make_date(digits_value(s.substr(0, 4)), digits_value(s.substr(month_at, month_digits)),
                     digits_value(s.substr(day_at, day_digits)));
}

}  // namespace

std::string to_yyyymmdd(const CalendarDate& date) {
    std::array<char, 40> buffer{};  // room for three ints whatever their values
    const int length = std::snprintf(buffer.data(), buffer.size(), "%04d%02d%02d", date.year,
                                     date.month, date.day);
    if (length <= 0) return {};
    return {buffer.data(), std::min(static_cast<std::size_t>(length), buffer.size() - 1)};
}

std::optional<CalendarDate> parse_date_field(std::string_view text) {
    const std::string folded = fold_text(text);
    const std::vector<Token> tokens = tokenize(folded);
    Cursor start(tokens);
    skip_weekday(start);
    for (const DateForm form : kFieldForms) {
        Cursor c = start;
        const std::optional<CalendarDate> date = form(c);
        if (date && only_time_follows(c)) return date;
    }
    return std::nullopt;
}

std::optional<DateSpan> parse_date_span(std::string_view text) {
    if (const std::optional<CalendarDate> day = parse_date_field(text)) return DateSpan{*day, *day};
    const std::string folded = fold_text(text);
    const std::vector<Token> tokens = tokenize(folded);
    auto whole_month = [](int year, int month) -> std::optional<DateSpan> {
        if (!make_date(year, month, 1)) return std::nullopt;
        return DateSpan{{year, month, 1}, {year, month, days_in_month(year, month)}};
    };
    {  // "2018"
        Cursor c(tokens);
        const std::optional<int> year = c.number(4, 4);
        if (year && c.at_end() && make_date(*year, 1, 1)) return DateSpan{{*year, 1, 1}, {*year, 12, 31}};
    }
    {  // "2018-03", "2018/3"
        Cursor c(tokens);
        const std::optional<int> year = c.number(4, 4);
        const bool separated = year && c.punct(kNumericSeparators, Spacing::Adjacent);
        const std::optional<int> month = separated ? c.number(1, 2, Spacing::Adjacent) : std::nullopt;
        if (month && c.at_end()) return whole_month(*year, *month);
    }
    {  // "مارس 2018", "كانون الثاني/يناير 2018", "March 2018"
        Cursor c(tokens);
        if (const date_words::NamedMonth* month = c.month_name()) {
            Cursor paired = c;  // a Levantine pair: the second name must agree
            if (paired.punct(kPairSeparators)) {
                if (const date_words::NamedMonth* second = paired.month_name(); second && second->month == month->month) c = paired;
            }
            c.punct(kComponentSeparators);
            const std::optional<int> year = c.number(4, 4);
            if (year && c.at_end()) return whole_month(*year, month->month);
        }
    }
    return std::nullopt;
}

DateRangeEnds split_date_range(std::string_view text) {
    constexpr std::string_view kRangeMark = "..";
    auto trimmed = [](std::string_view end) {
        const std::size_t first = end.find_first_not_of(" \t");
        if (first == std::string_view::npos) return std::string_view();
        return end.substr(first, end.find_last_not_of(" \t") - first + 1);
    };
    const std::size_t mark = text.find(kRangeMark);
    if (mark == std::string_view::npos) return {trimmed(text), trimmed(text)};
    return {trimmed(text.substr(0, mark)), trimmed(text.substr(mark + kRangeMark.size()))};
}

bool is_readable_date_range(std::string_view text) {
    const DateRangeEnds ends = split_date_range(text);
    if (ends.from.empty() && ends.to.empty()) return false;
    return (ends.from.empty() || parse_date_span(ends.from)) && (ends.to.empty() || parse_date_span(ends.to));
}

std::optional<CalendarDate> find_date_in_text(std::string_view text, std::size_t max_bytes) {
    const std::string folded = fold_text(utf8_prefix(text, max_bytes));
    const std::vector<Token> tokens = tokenize(folded);
    for (std::size_t position = 0; position < tokens.size(); ++position) {
        for (const DateForm form : kTextForms) {
            Cursor c(tokens, position);
            if (const std::optional<CalendarDate> date = form(c)) return date;
        }
    }
    return std::nullopt;
}

std::optional<CalendarDate> find_date_in_url(std::string_view url) {
    for (std::size_t slash = url.find('/'); slash != std::string_view::npos;
         slash = url.find('/', slash + 1)) {
        if (const std::optional<CalendarDate> date = url_date_at(url.substr(slash + 1))) return date;
    }
    return std::nullopt;
}

}  // namespace rasd::detail

#include "date_parser.hpp"

#include "hijri_calendar.hpp"

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

constexpr bool is_leap_year(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

constexpr int days_in_month(int year, int month) {
    constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && is_leap_year(year) ? 29 : kDays[static_cast<std::size_t>(month - 1)];
}

std::optional<CalendarDate> make_date(int year, int month, int day) {
    if (year < kEarliestGregorianYear || year > kLatestGregorianYear || month < 1 || month > 12) return std::nullopt;
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

    // The longest month name of `names` starting here ("كانون الثاني" is two words).
    const date_words::NamedMonth* month_name(std::span<const date_words::NamedMonth> names = date_words::kMonths) {
        const date_words::NamedMonth* best = nullptr;
        std::size_t best_words = 0;
        for (const date_words::NamedMonth& name : names) {
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
// The three numbers of a numeric date as written, year first or day first; `spacing` says
// whether spaces may stand around the separators ("11 / 5 / 1439هـ").
struct NumericParts {
    int year;
    int month;
    int day;
};

std::optional<NumericParts> numeric_parts(Cursor& c, Spacing spacing) {
    const std::optional<int> leading_year = c.number(4, 4);
    const std::optional<int> first = leading_year ? leading_year : c.number(1, 2);
    if (!first) return std::nullopt;
    const std::optional<std::string_view> separator = c.punct(kNumericSeparators, spacing);
    if (!separator) return std::nullopt;
    const std::optional<int> middle = c.number(1, 2, spacing);
    const std::array<std::string_view, 1> same_separator = {*separator};
    if (!middle || !c.punct(same_separator, spacing)) return std::nullopt;
    const std::optional<int> last = leading_year ? c.number(1, 2, spacing) : c.number(4, 4, spacing);
    if (!last) return std::nullopt;
    return leading_year ? NumericParts{*first, *middle, *last} : NumericParts{*last, *middle, *first};
}

std::optional<CalendarDate> numeric_date_spaced(Cursor& c, Spacing spacing) {
    const std::optional<NumericParts> parts = numeric_parts(c, spacing);
    if (!parts) return std::nullopt;
    return make_date(parts->year, parts->month, parts->day);
}

std::optional<CalendarDate> numeric_date(Cursor& c) { return numeric_date_spaced(c, Spacing::Adjacent); }

// ---- Hijri dates -----------------------------------------------------------------------

// The Hijri forms read the shape of a date only; hijri_to_gregorian() then checks the day. A
// pair's Hijri side is read past on its shape, as it does not date the article: a day that
// moon sighting gave a month and Umm al-Qura did not (30 رمضان) leaves the Gregorian date good.

// Day, Hijri month name, year, optionally هـ: "5 شوال 1436هـ", "5 من شهر شوال، 1436". The month
// names alone are no evidence (رجب and رمضان are names too): the day and a Hijri year are, so a
// Gregorian-looking year never reads as Hijri.
std::optional<HijriDate> hijri_words_date(Cursor& c) {
    const std::optional<int> day = c.number(1, 2);
    if (!day) return std::nullopt;
    if (!c.punct(kComponentSeparators)) c.word(date_words::kDayMonthConnectors);
    c.word(date_words::kHijriMonthIntroducers);
    const date_words::NamedMonth* month = c.month_name(date_words::kHijriMonths);
    if (month == nullptr) return std::nullopt;
    c.punct(kComponentSeparators);
    const std::optional<int> year = c.number(4, 4);
    if (!year || !is_hijri_year(*year)) return std::nullopt;
    c.word(date_words::kHijriEraMarks);
    return HijriDate{*year, month->month, *day};
}

// Numbers ending in هـ: 1436/10/05هـ, 05/10/1436هـ, "11 / 5 / 1439 هـ". The mark is required:
// without it the numbers are a Gregorian date or none.
std::optional<HijriDate> hijri_numeric_date(Cursor& c) {
    const std::optional<NumericParts> parts = numeric_parts(c, Spacing::Any);
    if (!parts || !is_hijri_year(parts->year) || !c.word(date_words::kHijriEraMarks)) return std::nullopt;
    return HijriDate{parts->year, parts->month, parts->day};
}

using HijriForm = std::optional<HijriDate> (*)(Cursor&);
constexpr std::array<HijriForm, 2> kHijriForms = {&hijri_words_date, &hijri_numeric_date};

// Numbers without the mark whose year can only be Hijri (kFirstHijriYear..kLastHijriYear: no
// news is dated so in the Gregorian calendar): 1439-09-15, 15/09/1439. Only a whole date field
// is read so; in running text such numbers may be anything.
std::optional<HijriDate> hijri_numeric_date_unmarked(Cursor& c) {
    const std::optional<NumericParts> parts = numeric_parts(c, Spacing::Any);
    if (!parts || !is_hijri_year(parts->year)) return std::nullopt;
    return HijriDate{parts->year, parts->month, parts->day};
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

// The Gregorian side of a pair may space its numbers as the Hijri side does: "30 / 9 / 1439هـ
// الموافق 14 / 6 / 2018م" (after الموافق, numbers are a date).
std::optional<CalendarDate> spaced_numeric_date(Cursor& c) { return numeric_date_spaced(c, Spacing::Any); }
constexpr std::array<DateForm, 3> kPairedGregorianForms = {&spaced_numeric_date, &day_first_date, &month_first_date};

// The first of `forms` that reads here, the cursor moved past it.
template <typename Form>
auto first_form(Cursor& c, std::span<const Form> forms) -> decltype(forms[0](c)) {
    for (const Form form : forms) {
        Cursor attempt = c;
        if (auto date = form(attempt)) {
            c = attempt;
            return date;
        }
    }
    return std::nullopt;
}

// The other calendar's date after a date: "... الموافق 22 فبراير 2018", "... (24 يونيو 2018)",
// "... (الموافق لـ 24 يونيو 2018)", and as page headers write them, "... هـ - 21 يوليو 2015 مـ".
// The cursor moves only when a whole pair is read.
template <typename Form>
auto paired_date(Cursor& c, std::span<const Form> other_forms) -> decltype(other_forms[0](c)) {
    Cursor pair = c;
    pair.word(date_words::kEraMarks);
    const bool separated = pair.punct(kComponentSeparators).has_value();
    const bool parenthesized = pair.punct(kOpenParenthesis).has_value();
    if (!pair.word(date_words::kPairConnectors) && !parenthesized && !separated) return std::nullopt;
    pair.word(date_words::kPairConnectorPrepositions, Spacing::Any);
    skip_weekday(pair);
    auto date = first_form(pair, other_forms);
    if (!date) return std::nullopt;
    pair.word(date_words::kEraMarks);
    if (parenthesized && !pair.punct(kCloseParenthesis)) return std::nullopt;
    c = pair;
    return date;
}

// A Gregorian date, with the Hijri date paired with it read past.
std::optional<ReadDate> gregorian_with_pair(Cursor& c, DateForm form) {
    const std::optional<CalendarDate> date = form(c);
    if (!date) return std::nullopt;
    paired_date(c, std::span<const HijriForm>(kHijriForms));
    return ReadDate{*date, DateCalendar::Gregorian};
}

// A Hijri date: the Gregorian date paired with it when there is one, else its conversion.
std::optional<ReadDate> hijri_with_pair(Cursor& c, HijriForm form) {
    const std::optional<HijriDate> hijri = form(c);
    if (!hijri) return std::nullopt;
    if (const std::optional<CalendarDate> gregorian = paired_date(c, std::span<const DateForm>(kPairedGregorianForms))) {
        return ReadDate{*gregorian, DateCalendar::Gregorian};
    }
    const std::optional<CalendarDate> converted = hijri_to_gregorian(*hijri);
    if (!converted) return std::nullopt;
    return ReadDate{*converted, DateCalendar::Hijri};
}

// The first reading of a date starting at `start` whose end satisfies `accept`, Gregorian
// forms first.
template <typename Accept>
std::optional<ReadDate> read_date_at(const Cursor& start, std::span<const DateForm> gregorian_forms, Accept accept) {
    for (const DateForm form : gregorian_forms) {
        Cursor c = start;
        if (const std::optional<ReadDate> date = gregorian_with_pair(c, form); date && accept(c)) return date;
    }
    for (const HijriForm form : kHijriForms) {
        Cursor c = start;
        if (const std::optional<ReadDate> date = hijri_with_pair(c, form); date && accept(c)) return date;
    }
    return std::nullopt;
}

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

std::optional<ReadDate> read_date_field(std::string_view text) {
    const std::string folded = fold_text(text);
    const std::vector<Token> tokens = tokenize(folded);
    Cursor start(tokens);
    skip_weekday(start);
    start.word(date_words::kPairConnectors);  // "الثلاثاء الموافق 5 شوال 1436هـ"
    if (std::optional<ReadDate> read =
            read_date_at(start, kFieldForms, [](const Cursor& end) { return only_time_follows(end); })) {
        return read;
    }
    Cursor c = start;
    std::optional<ReadDate> hijri = hijri_with_pair(c, &hijri_numeric_date_unmarked);
    if (hijri && only_time_follows(c)) return hijri;
    return std::nullopt;
}

std::optional<CalendarDate> parse_date_field(std::string_view text) {
    const std::optional<ReadDate> read = read_date_field(text);
    if (!read) return std::nullopt;
    return read->date;
}

namespace {

// A Hijri date as a query writes it, its shape only: a year ("1436", "1436هـ"), a month
// ("1436-10", "شوال 1436") or a day ("1436-10-05", "5 شوال 1436"); month and day are 0 when
// not given. Query years below kHijriQueryYearBelow are Hijri, so no mark is needed.
std::optional<HijriDate> hijri_query_shape(const std::vector<Token>& tokens) {
    auto ends_here = [](Cursor& c) {
        c.word(date_words::kHijriEraMarks);
        return c.at_end();
    };
    auto hijri_year = [](std::optional<int> year) { return year && *year < kHijriQueryYearBelow; };
    {  // "1436", "1436-10", "1436-10-05"
        Cursor c(tokens);
        const std::optional<int> year = c.number(4, 4);
        if (hijri_year(year)) {
            if (ends_here(c)) return HijriDate{*year, 0, 0};
            const std::optional<std::string_view> separator = c.punct(kNumericSeparators, Spacing::Adjacent);
            const std::optional<int> month = separator ? c.number(1, 2, Spacing::Adjacent) : std::nullopt;
            if (month) {
                if (ends_here(c)) return HijriDate{*year, *month, 0};
                const std::array<std::string_view, 1> same_separator = {*separator};
                const bool separated = c.punct(same_separator, Spacing::Adjacent).has_value();
                const std::optional<int> day = separated ? c.number(1, 2, Spacing::Adjacent) : std::nullopt;
                if (day && ends_here(c)) return HijriDate{*year, *month, *day};
            }
        }
    }
    {  // "شوال 1436", "5 شوال 1436"
        Cursor c(tokens);
        const std::optional<int> day = c.number(1, 2);
        if (day && !c.punct(kComponentSeparators)) c.word(date_words::kDayMonthConnectors);
        c.word(date_words::kHijriMonthIntroducers);
        if (const date_words::NamedMonth* month = c.month_name(date_words::kHijriMonths)) {
            c.punct(kComponentSeparators);
            const std::optional<int> year = c.number(4, 4);
            if (hijri_year(year) && ends_here(c)) return HijriDate{*year, month->month, day.value_or(0)};
        }
    }
    {  // "05/10/1436" written day first
        Cursor c(tokens);
        const std::optional<NumericParts> parts = numeric_parts(c, Spacing::Adjacent);
        if (parts && parts->year < kHijriQueryYearBelow && ends_here(c)) return HijriDate{parts->year, parts->month, parts->day};
    }
    return std::nullopt;
}

std::string shape_problem(const HijriDate& shape) {
    if (shape.month == 0) return hijri_date_problem({shape.year, 1, 1});
    if (shape.day == 0) return hijri_date_problem({shape.year, shape.month, 1});
    return hijri_date_problem(shape);
}

std::optional<DateSpan> hijri_shape_span(const HijriDate& shape) {
    if (!shape_problem(shape).empty()) return std::nullopt;
    if (shape.month == 0) return hijri_year_span(shape.year);
    if (shape.day == 0) return hijri_month_span(shape.year, shape.month);
    const std::optional<CalendarDate> day = hijri_to_gregorian(shape);
    if (!day) return std::nullopt;
    return DateSpan{*day, *day};
}

std::optional<DateSpan> gregorian_span(const std::vector<Token>& tokens) {
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

}  // namespace

std::optional<ReadSpan> read_date_span(std::string_view text) {
    if (const std::optional<ReadDate> day = read_date_field(text)) return ReadSpan{{day->date, day->date}, day->calendar};
    const std::string folded = fold_text(text);
    const std::vector<Token> tokens = tokenize(folded);
    if (const std::optional<DateSpan> span = gregorian_span(tokens)) return ReadSpan{*span, DateCalendar::Gregorian};
    if (const std::optional<HijriDate> shape = hijri_query_shape(tokens)) {
        if (const std::optional<DateSpan> span = hijri_shape_span(*shape)) return ReadSpan{*span, DateCalendar::Hijri};
    }
    return std::nullopt;
}

std::optional<DateSpan> parse_date_span(std::string_view text) {
    const std::optional<ReadSpan> read = read_date_span(text);
    if (!read) return std::nullopt;
    return read->span;
}

std::string hijri_span_problem(std::string_view text) {
    const std::string folded = fold_text(text);
    const std::vector<Token> tokens = tokenize(folded);
    const std::optional<HijriDate> shape = hijri_query_shape(tokens);
    return shape ? shape_problem(*shape) : std::string();
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

std::string hijri_range_problem(std::string_view text) {
    const DateRangeEnds ends = split_date_range(text);
    for (const std::string_view end : {ends.from, ends.to}) {
        if (std::string problem = end.empty() ? std::string() : hijri_span_problem(end); !problem.empty()) return problem;
    }
    return "";
}

bool is_readable_date_range(std::string_view text) {
    const DateRangeEnds ends = split_date_range(text);
    if (ends.from.empty() && ends.to.empty()) return false;
    return (ends.from.empty() || parse_date_span(ends.from)) && (ends.to.empty() || parse_date_span(ends.to));
}

DatesInText find_dates_in_text(std::string_view text, std::size_t max_bytes) {
    const std::string folded = fold_text(utf8_prefix(text, max_bytes));
    const std::vector<Token> tokens = tokenize(folded);
    DatesInText found;
    for (std::size_t position = 0; position < tokens.size() && !found.gregorian; ++position) {
        const std::optional<ReadDate> date =
            read_date_at(Cursor(tokens, position), kTextForms, [](const Cursor&) { return true; });
        if (!date) continue;
        if (date->calendar == DateCalendar::Gregorian) {
            found.gregorian = date->date;
        } else if (!found.hijri_only) {
            found.hijri_only = date->date;
        }
    }
    return found;
}

std::size_t count_hijri_dates(std::string_view text) {
    const std::string folded = fold_text(text);
    const std::vector<Token> tokens = tokenize(folded);
    std::size_t count = 0;
    for (std::size_t position = 0; position < tokens.size(); ++position) {
        Cursor c(tokens, position);
        const std::optional<HijriDate> date = first_form(c, std::span<const HijriForm>(kHijriForms));
        if (date && hijri_to_gregorian(*date)) ++count;
    }
    return count;
}

std::optional<CalendarDate> find_date_in_text(std::string_view text, std::size_t max_bytes) {
    return find_dates_in_text(text, max_bytes).gregorian;
}

std::optional<CalendarDate> find_date_in_url(std::string_view url) {
    for (std::size_t slash = url.find('/'); slash != std::string_view::npos;
         slash = url.find('/', slash + 1)) {
        if (const std::optional<CalendarDate> date = url_date_at(url.substr(slash + 1))) return date;
    }
    return std::nullopt;
}

}  // namespace rasd::detail

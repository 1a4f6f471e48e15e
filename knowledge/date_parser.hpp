#pragma once
// Publication dates as news sources write them: ISO and numeric fields, Arabic dates in words
// (Egyptian/Gulf, Levantine and Maghrebi month names), English month names, dates in URLs, and
// Hijri dates (month names or numbers with هـ, and الموافق pairs of both calendars), converted
// by knowledge/hijri_calendar.hpp.
// All matching happens on fold_text() output, so the word tables below are written folded:
// one entry covers أبريل/ابريل/إبريل, and Arabic-Indic or Persian digits arrive as ASCII.

#include "calendar_date.hpp"

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace rasd::detail {

// "YYYYMMDD", the form the date value slot and the date terms use.
[[nodiscard]] std::string to_yyyymmdd(const CalendarDate& date);

// Parses a whole date field. Accepted, each optionally preceded by a weekday (Arabic or
// English, "يوم الخميس" too) and followed by a time ("14:05", "T10:30:00+02:00"):
//   yyyy-mm-dd, yyyy/mm/dd, dd/mm/yyyy, dd-mm-yyyy, dd.mm.yyyy (never month first: 03/14/2019
//   is rejected, not guessed);
//   day month year in words ("الأربعاء ١٨ جانفي ٢٠١٧", "12 تشرين الأول/أكتوبر 2022",
//   "12 تشرين الأول (أكتوبر) 2022", "الخميس 5 مارس 2020م", "5 Mar 2020");
//   English month first ("March 5, 2020", "Thu, 05 Mar 2020 10:30:00 +0200").
//   a Hijri day, the year within kFirstHijriYear..kLastHijriYear: in words ("5 شوال 1436هـ",
//   "5 شوال 1436 هـ", "5 من شوال 1436"), or in numbers with the mark هـ (1436/10/05هـ,
//   ١٤٣٦/١٠/٥هـ, 05/10/1436هـ, "11 / 5 / 1439 هـ"), or in numbers alone when the year can only
//   be Hijri (1439-09-15, 15/09/1439: the field holds nothing else);
//   a Hijri and a Gregorian day joined by الموافق, a parenthesis or a separator (- / ، ,), either
//   one first ("الخميس 6 جمادى الآخرة 1439هـ الموافق 22 فبراير 2018", "10 شوال 1439 هـ (24 يونيو
//   2018)", "الثلاثاء - 5 شوال 1436 هـ - 21 يوليو 2015 مـ"): the Gregorian one is the date;
//   "الموافق" may also open the field ("الثلاثاء الموافق 5 شوال 1436هـ").
// A time zone offset is read past but not applied: the date as printed is the local
// publication date. nullopt if the field is anything else or the date is invalid (day 30 of
// a Hijri month of 29 days included). None of these functions throws on any input (bad UTF-8
// included).
[[nodiscard]] std::optional<CalendarDate> parse_date_field(std::string_view text);

// Which calendar a date was read in: Hijri only when no Gregorian date stood beside it.
enum class DateCalendar { Gregorian, Hijri };

struct ReadDate {
    CalendarDate date;  // always Gregorian: a Hijri date converted
    DateCalendar calendar;
};

// parse_date_field(), saying whether the date came from a Hijri date alone.
[[nodiscard]] std::optional<ReadDate> read_date_field(std::string_view text);

// The first date in words (day month year, or English month day year) lying wholly within the
// first `max_bytes` bytes of free text, e.g. a dateline "القاهرة - الخميس ٥ مارس ٢٠٢٠ - ...".
// Numeric dates are not looked for here: in running text they are too often something else.
[[nodiscard]] std::optional<CalendarDate> find_date_in_text(std::string_view text,
                                                            std::size_t max_bytes = 600);

// The first Gregorian date (find_date_in_text()'s, a الموافق pair's Gregorian side included) and
// the first Hijri date that stands alone before it (in words, or in numbers with هـ), within the
// same first `max_bytes` bytes.
struct DatesInText {
    std::optional<CalendarDate> gregorian;
    std::optional<CalendarDate> hijri_only;
};
[[nodiscard]] DatesInText find_dates_in_text(std::string_view text, std::size_t max_bytes = 600);

// How many Hijri dates (Umm al-Qura days, in words or in numbers with هـ, alone or in a pair)
// the whole of `text` holds: for statistics over a dump.
[[nodiscard]] std::size_t count_hijri_dates(std::string_view text);

// The first date forming whole path segments of a URL: /2018/02/18/, /2018-02-18/ or
// /20180218/ (a segment may go on after "-", "_" or "." with a slug: /2018-02-18-title).
[[nodiscard]] std::optional<CalendarDate> find_date_in_url(std::string_view url);

// What a date in a query means: a year ("2018"), a month ("2018-03", "مارس 2018",
// "كانون الثاني 2018", "March 2018"), or a day (anything parse_date_field() reads). A year
// below kHijriQueryYearBelow is Hijri: "1436", "1436هـ", "1436-10", "شوال 1436",
// "1436-10-05", "5 شوال 1436", each the Gregorian days it covers.
[[nodiscard]] std::optional<DateSpan> parse_date_span(std::string_view text);

struct ReadSpan {
    DateSpan span;
    DateCalendar calendar;
};
// parse_date_span(), saying whether the text was a Hijri date.
[[nodiscard]] std::optional<ReadSpan> read_date_span(std::string_view text);

// Why a query date that names a Hijri day, month or year cannot be read ("شوال 1436 has 29 days",
// "Hijri month 13 does not exist"), or "" when it is readable or not a Hijri date at all.
[[nodiscard]] std::string hijri_span_problem(std::string_view text);

// The two ends of a date or a range as a query writes it, split at the first "..": "A..B",
// "A.." (no upper end), "..B" (no lower end); a single date is both ends. Each end is trimmed
// of spaces ("مارس 2018 .. يونيو 2018"); an open end is "".
struct DateRangeEnds {
    std::string_view from;
    std::string_view to;
};
[[nodiscard]] DateRangeEnds split_date_range(std::string_view text);

// True when `text` is a date or a range whose every given end parse_date_span() reads, with at
// least one end given: "2018", "مارس 2018..يونيو 2018", "2020..", but not "..", "مارس" or
// "2018..يونيو" (a month needs its year).
[[nodiscard]] bool is_readable_date_range(std::string_view text);

// hijri_span_problem() of the first end of a date or range that has one, or "".
[[nodiscard]] std::string hijri_range_problem(std::string_view text);

// The words the parser compares against, exactly as fold_text() leaves them (a test checks
// that each entry is a fixed point of fold_text).
namespace date_words {

struct NamedMonth {
    std::string_view folded;  // one or two words separated by one space
    int month;                // 1..12
};

inline constexpr std::array kMonths = {
    // Egypt and the Gulf (ar_EG), with the Egyptian يونيه/يوليه; Morocco shares most of them.
    NamedMonth{"يناير", 1},   NamedMonth{"فبراير", 2},  NamedMonth{"مارس", 3},
    NamedMonth{"ابريل", 4},   NamedMonth{"مايو", 5},    NamedMonth{"يونيو", 6},
    NamedMonth{"يونيه", 6},   NamedMonth{"يوليو", 7},   NamedMonth{"يوليه", 7},
    NamedMonth{"اغسطس", 8},   NamedMonth{"سبتمبر", 9},  NamedMonth{"اكتوبر", 10},
    NamedMonth{"نوفمبر", 11}, NamedMonth{"ديسمبر", 12},
    // The Levant and Iraq (ar_SY, ar_LB, ar_IQ), with the spoken forms that drop "ال".
    NamedMonth{"كانون الثاني", 1}, NamedMonth{"كانون ثاني", 1}, NamedMonth{"شباط", 2},
    NamedMonth{"اذار", 3},         NamedMonth{"نيسان", 4},      NamedMonth{"ايار", 5},
    NamedMonth{"حزيران", 6},       NamedMonth{"تموز", 7},       NamedMonth{"اب", 8},
    NamedMonth{"ايلول", 9},        NamedMonth{"تشرين الاول", 10}, NamedMonth{"تشرين اول", 10},
    NamedMonth{"تشرين الثاني", 11}, NamedMonth{"تشرين ثاني", 11}, NamedMonth{"كانون الاول", 12},
    NamedMonth{"كانون اول", 12},
    // Tunisia and Algeria (ar_TN, ar_DZ): French-derived names.
    NamedMonth{"جانفي", 1},  NamedMonth{"فيفري", 2}, NamedMonth{"افريل", 4},
    NamedMonth{"ماي", 5},    NamedMonth{"جوان", 6},  NamedMonth{"جويليه", 7},
    NamedMonth{"اوت", 8},
    // Morocco (ar_MA): Spanish/French-derived names.
    NamedMonth{"يوليوز", 7}, NamedMonth{"غشت", 8},    NamedMonth{"شتنبر", 9},
    NamedMonth{"نونبر", 11}, NamedMonth{"دجنبر", 12},
    // English, full and abbreviated (fold_text lower-cases Latin).
    NamedMonth{"january", 1},   NamedMonth{"jan", 1},  NamedMonth{"february", 2},
    NamedMonth{"feb", 2},       NamedMonth{"march", 3}, NamedMonth{"mar", 3},
    NamedMonth{"april", 4},     NamedMonth{"apr", 4},  NamedMonth{"may", 5},
    NamedMonth{"june", 6},      NamedMonth{"jun", 6},  NamedMonth{"july", 7},
    NamedMonth{"jul", 7},       NamedMonth{"august", 8}, NamedMonth{"aug", 8},
    NamedMonth{"september", 9}, NamedMonth{"sep", 9},  NamedMonth{"sept", 9},
    NamedMonth{"october", 10},  NamedMonth{"oct", 10}, NamedMonth{"november", 11},
    NamedMonth{"nov", 11},      NamedMonth{"december", 12}, NamedMonth{"dec", 12},
};

// The Hijri months (Umm al-Qura numbering) in the spellings news uses: الأول/الاول and
// الآخر/الثاني, جمادى/جمادي, ذو/ذي (the genitive after a number), with or without ال on محرم.
inline constexpr std::array kHijriMonths = {
    NamedMonth{"محرم", 1},          NamedMonth{"المحرم", 1},
    NamedMonth{"صفر", 2},
    NamedMonth{"ربيع الاول", 3},    NamedMonth{"ربيع اول", 3},
    NamedMonth{"ربيع الاخر", 4},    NamedMonth{"ربيع اخر", 4},      NamedMonth{"ربيع الثاني", 4},
    NamedMonth{"ربيع ثاني", 4},
    NamedMonth{"جمادي الاولي", 5},  NamedMonth{"جمادي الاول", 5},   NamedMonth{"جمادي اولي", 5},
    NamedMonth{"جمادي الاخره", 6},  NamedMonth{"جمادي الاخر", 6},   NamedMonth{"جمادي الثانيه", 6},
    NamedMonth{"جمادي الثاني", 6},  NamedMonth{"جمادي اخره", 6},
    NamedMonth{"رجب", 7},           NamedMonth{"شعبان", 8},         NamedMonth{"رمضان", 9},
    NamedMonth{"شوال", 10},
    NamedMonth{"ذو القعده", 11},    NamedMonth{"ذي القعده", 11},    NamedMonth{"ذا القعده", 11},
    NamedMonth{"ذو الحجه", 12},     NamedMonth{"ذي الحجه", 12},     NamedMonth{"ذا الحجه", 12},
};

// Before a Hijri month's name: "29 من شهر شعبان 1438 هـ", "شهر رمضان 1436".
inline constexpr auto kHijriMonthIntroducers = std::to_array<std::string_view>({"شهر"});

// After a Hijri year: هـ (folded to ه), هجري, هجريه, للهجره.
inline constexpr auto kHijriEraMarks = std::to_array<std::string_view>({"ه", "هجري", "هجريه", "للهجره"});

// Between the two dates of a pair: "6 جمادى الآخرة 1439هـ الموافق 22 فبراير 2018",
// "الموافق لـ 22 فبراير". A parenthesis does the same: "10 شوال 1439 هـ (24 يونيو 2018)".
inline constexpr auto kPairConnectors = std::to_array<std::string_view>({"الموافق", "الموافقه"});
inline constexpr auto kPairConnectorPrepositions = std::to_array<std::string_view>({"ل"});

// Weekdays only introduce a date; they are skipped, not checked against it.
inline constexpr auto kWeekdays = std::to_array<std::string_view>({
    "الاحد", "الاثنين", "الاتنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت",
    "sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sun", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat",
});

// The word that may stand before the weekday or the day: "يوم الخميس 5 مارس", "يوم 5 مارس".
inline constexpr auto kDayIntroducers = std::to_array<std::string_view>({"يوم"});

// After the year: م (ميلادي) marks the Gregorian era.
inline constexpr auto kEraMarks = std::to_array<std::string_view>({"م", "ميلادي", "ميلاديه"});

// Between day and month: "5 من مارس", "5th of March".
inline constexpr auto kDayMonthConnectors = std::to_array<std::string_view>({"من", "of"});

// After an English day number: "March 5th".
inline constexpr auto kOrdinalSuffixes = std::to_array<std::string_view>({"st", "nd", "rd", "th"});

// Between a date and its time: ISO "T", "at 10:30", "الساعة 10:30", "في 10:30".
inline constexpr auto kTimeIntroducers = std::to_array<std::string_view>({"t", "at", "الساعه", "في"});

}  // namespace date_words

}  // namespace rasd::detail

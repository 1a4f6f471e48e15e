#pragma once
// The Hijri calendar as Saudi Arabia and the Gulf press date with it: Umm al-Qura, computed by
// ICU's "islamic-umalqura" calendar (its published month lengths), never by a table kept in
// rasd. Every conversion between Hijri and Gregorian days goes through this file. Each thread
// keeps its own ICU calendars. Nothing here throws for a date, valid or not; rasd::Error only if
// the ICU installed has no Umm al-Qura calendar.

#include "calendar_date.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace rasd::detail {

// A day of the Hijri calendar as written: year (AH), month 1..12, day 1..30.
struct HijriDate {
    int year;
    int month;
    int day;
};

// The Hijri years rasd reads: those whose every day lies within rasd's Gregorian years
// (1 Muharram 1318 AH is 1900-04-30; 1500 AH ends in 2077). News writes years of this
// range; a four-digit number outside it is never taken for a Hijri year.
inline constexpr int kFirstHijriYear = 1318;
inline constexpr int kLastHijriYear = 1500;

// A query year below this is Hijri (date:1436-10), at or above it Gregorian (date:2015-10).
inline constexpr int kHijriQueryYearBelow = 1600;

[[nodiscard]] constexpr bool is_hijri_year(int year) {
    return year >= kFirstHijriYear && year <= kLastHijriYear;
}

// The number of days (29 or 30) of a Hijri month, or 0 when the year is not a Hijri year
// rasd reads or the month is not 1..12.
[[nodiscard]] int hijri_month_length(int year, int month);

// The Gregorian day of a Hijri day; nullopt when hijri_date_problem() names a problem.
[[nodiscard]] std::optional<CalendarDate> hijri_to_gregorian(const HijriDate& date);

// The Gregorian days a Hijri month or year covers; nullopt outside the years rasd reads.
[[nodiscard]] std::optional<DateSpan> hijri_month_span(int year, int month);
[[nodiscard]] std::optional<DateSpan> hijri_year_span(int year);

// Why `date` is no Hijri day, in words for an error message ("شوال 1436 has 29 days",
// "Hijri month 13 does not exist", "Hijri year 1200 is outside 1318..1500"), or "" when it is one.
[[nodiscard]] std::string hijri_date_problem(const HijriDate& date);

// The month's name as news writes it ("ربيع الأول", "ذو القعدة"); "" outside 1..12.
[[nodiscard]] std::string_view hijri_month_name(int month);

}  // namespace rasd::detail

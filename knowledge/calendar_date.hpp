#pragma once
// A Gregorian day and a run of days: what every date reading (fields, text, URLs, Hijri dates,
// query spans) comes down to.

#include <compare>

namespace rasd::detail {

// rasd dates articles within these Gregorian years: outside them a parsed "year" is far more
// likely an id, a count or a Hijri year.
inline constexpr int kEarliestGregorianYear = 1900;
inline constexpr int kLatestGregorianYear = 2100;

// A validated Gregorian date (kEarliestGregorianYear-01-01 .. kLatestGregorianYear-12-31, day
// within the month's length).
struct CalendarDate {
    int year;
    int month;
    int day;
    friend bool operator==(const CalendarDate&, const CalendarDate&) = default;
    friend auto operator<=>(const CalendarDate&, const CalendarDate&) = default;
};

// A run of days, both ends included.
struct DateSpan {
    CalendarDate first;
    CalendarDate last;
    friend bool operator==(const DateSpan&, const DateSpan&) = default;
};

}  // namespace rasd::detail

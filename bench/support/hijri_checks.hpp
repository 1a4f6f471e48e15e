#pragma once
// bench_hijri's phases: every day of a run of Hijri years as ICU's Umm al-Qura calendar steps
// through them, rasd's reading of each day in every written form and of each month as a query,
// and how a news dump's articles are dated from Hijri dates.

#include "knowledge/calendar_date.hpp"
#include "knowledge/hijri_calendar.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace rasd::bench::hijri {

struct SteppedDay {
    rasd::detail::HijriDate hijri;
    rasd::detail::CalendarDate gregorian;
};

// Every day from 1 Muharram `first_year` to the last day of `last_year`, found by ICU's
// Umm al-Qura calendar stepped one day at a time (Calendar::add(UCAL_DATE, 1)), with the
// Gregorian day of the same instant: an iteration independent of rasd's conversion.
std::vector<SteppedDay> step_hijri_days(int first_year, int last_year);

struct FormCheck {
    std::string form;           // "numeric 1436/10/05هـ", ...
    std::size_t dates = 0;      // dates parsed
    std::size_t mismatches = 0; // parsed to another day, or not at all
    std::string first_mismatch; // "TEXT -> GOT, ICU says WANT"
    double seconds = 0;         // time spent parsing
};

// rasd's parse_date_field() of every day written in each form (numeric with هـ, day and month
// name with هـ, rotating through every listed spelling of the month, Arabic-Indic digits),
// against the stepped Gregorian day; first the same days written in the Gregorian calendar
// (2015-07-21, "21 يوليو 2015"), the baseline of the parse times.
std::vector<FormCheck> check_day_forms(const std::vector<SteppedDay>& days);

// rasd's parse_date_span() of each month as a query ("1436-10", "شوال 1436") against the first
// and last stepped day of that month.
std::vector<FormCheck> check_month_spans(const std::vector<SteppedDay>& days);

struct DumpDating {
    std::size_t articles = 0;
    std::size_t with_hijri_date = 0;       // a Hijri date anywhere in date field, title, abstract or body
    std::size_t dated_from_hijri = 0;      // DateEvidence::Hijri as the indexer sees the article
    std::size_t dated_from_hijri_without_field_and_url = 0;  // the same with date field and URL removed
    std::size_t hijri_agrees_with_field = 0;  // of those, the converted day equals the field's date
    std::size_t hijri_within_a_day_of_field = 0;
};

// The articles of a dump (any format rasd reads) and how Hijri dates date them.
DumpDating date_dump_articles(const std::string& path);

}  // namespace rasd::bench::hijri

#include "hijri_calendar.hpp"

#include "analyzers/icu_support.hpp"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <array>
#include <memory>

namespace rasd::detail {
namespace {

// ICU picks the calendar from the locale's keyword; the type check below makes sure the
// installed ICU really has Umm al-Qura rather than silently falling back to another one.
constexpr const char* kUmmAlQuraLocale = "ar@calendar=islamic-umalqura";
constexpr const char* kUmmAlQuraType = "islamic-umalqura";
constexpr const char* kGregorianLocale = "en@calendar=gregorian";

constexpr int kMonthsPerYear = 12;
constexpr int kLongestMonth = 30;  // a lunar month has 29 or 30 days

// One Umm al-Qura and one Gregorian calendar per thread (ICU calendars are not thread-safe,
// and creating one costs far more than a conversion). Both count days in GMT, so a day's
// midnight in one is the same day's midnight in the other.
struct Calendars {
    std::unique_ptr<icu::Calendar> hijri;
    std::unique_ptr<icu::Calendar> gregorian;

    Calendars() {
        UErrorCode status = U_ZERO_ERROR;
        hijri.reset(icu::Calendar::createInstance(*icu::TimeZone::getGMT(), icu::Locale(kUmmAlQuraLocale), status));
        icu_check(status, "Calendar::createInstance(islamic-umalqura)");
        if (std::string_view(hijri->getType()) != kUmmAlQuraType) {
            throw Error(std::string("ICU has no Umm al-Qura calendar (got ") + hijri->getType() + ")");
        }
        gregorian.reset(icu::Calendar::createInstance(*icu::TimeZone::getGMT(), icu::Locale(kGregorianLocale), status));
        icu_check(status, "Calendar::createInstance(gregorian)");
        hijri->setLenient(false);
    }
};

Calendars& calendars() {
    thread_local Calendars instance;
    return instance;
}

CalendarDate gregorian_of(UDate instant) {
    icu::Calendar& gregorian = *calendars().gregorian;
    UErrorCode status = U_ZERO_ERROR;
    gregorian.setTime(instant, status);
    const int year = gregorian.get(UCAL_YEAR, status);
    const int month = gregorian.get(UCAL_MONTH, status) + 1;
    const int day = gregorian.get(UCAL_DATE, status);
    icu_check(status, "Calendar::get(gregorian)");
    return {year, month, day};
}

}  // namespace

int hijri_month_length(int year, int month) {
    if (!is_hijri_year(year) || month < 1 || month > kMonthsPerYear) return 0;
    // A lunar month has 29 or 30 days; ICU says whether day 30 exists (hijri_to_gregorian()).
    return hijri_to_gregorian({year, month, kLongestMonth}) ? kLongestMonth : kLongestMonth - 1;
}

std::optional<CalendarDate> hijri_to_gregorian(const HijriDate& date) {
    if (!is_hijri_year(date.year) || date.month < 1 || date.month > kMonthsPerYear || date.day < 1) return std::nullopt;
    icu::Calendar& hijri = *calendars().hijri;
    hijri.clear();
    hijri.set(date.year, date.month - 1, date.day);  // ICU counts months from 0
    // The calendar is not lenient: ICU refuses a day beyond the month's Umm al-Qura length
    // itself, which costs far less than asking for the length first (getActualMaximum).
    UErrorCode status = U_ZERO_ERROR;
    const UDate instant = hijri.getTime(status);
    if (status == U_ILLEGAL_ARGUMENT_ERROR) return std::nullopt;
    icu_check(status, "Calendar::getTime(islamic-umalqura)");
    return gregorian_of(instant);
}

std::optional<DateSpan> hijri_month_span(int year, int month) {
    const int length = hijri_month_length(year, month);
    if (length == 0) return std::nullopt;
    return DateSpan{*hijri_to_gregorian({year, month, 1}), *hijri_to_gregorian({year, month, length})};
}

std::optional<DateSpan> hijri_year_span(int year) {
    const std::optional<DateSpan> first = hijri_month_span(year, 1);
    const std::optional<DateSpan> last = hijri_month_span(year, kMonthsPerYear);
    if (!first || !last) return std::nullopt;
    return DateSpan{first->first, last->last};
}

std::string hijri_date_problem(const HijriDate& date) {
    if (!is_hijri_year(date.year)) {
        return "Hijri year " + std::to_string(date.year) + " is outside " + std::to_string(kFirstHijriYear) + ".." +
               std::to_string(kLastHijriYear);
    }
    if (date.month < 1 || date.month > kMonthsPerYear) return "Hijri month " + std::to_string(date.month) + " does not exist";
    const int length = hijri_month_length(date.year, date.month);
    if (date.day < 1 || date.day > length) {
        return std::string(hijri_month_name(date.month)) + " " + std::to_string(date.year) + " has " +
               std::to_string(length) + " days";
    }
    return "";
}

std::string_view hijri_month_name(int month) {
    constexpr std::array<std::string_view, kMonthsPerYear> kNames = {
        "محرم",  "صفر",  "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
        "رجب",   "شعبان", "رمضان",     "شوال",       "ذو القعدة",    "ذو الحجة",
    };
    if (month < 1 || month > kMonthsPerYear) return "";
    return kNames[static_cast<std::size_t>(month - 1)];
}

}  // namespace rasd::detail

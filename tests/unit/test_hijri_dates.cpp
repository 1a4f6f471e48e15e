// Hijri dates: the Umm al-Qura conversion checked against dates known outside ICU (Ramadan and
// Eid announcements, الموافق pairs printed by Saudi papers), every written form in fields and
// text, false positives, query spans and the problems named for impossible dates.

#include <doctest/doctest.h>

#include "knowledge/date_parser.hpp"
#include "knowledge/hijri_calendar.hpp"

#include <rasd/analysis/text_folding.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>

using rasd::detail::CalendarDate;
using rasd::detail::DateCalendar;
using rasd::detail::HijriDate;
using rasd::detail::to_yyyymmdd;

namespace {

std::string as_text(const std::optional<CalendarDate>& date) { return date ? to_yyyymmdd(*date) : ""; }

// "YYYYMMDD" and the calendar the field was read in ("hijri", "gregorian"), or "" and "".
struct FieldReading {
    std::string date;
    std::string calendar;
};

FieldReading read_field(std::string_view text) {
    const std::optional<rasd::detail::ReadDate> read = rasd::detail::read_date_field(text);
    if (!read) return {"", ""};
    return {to_yyyymmdd(read->date), read->calendar == DateCalendar::Hijri ? "hijri" : "gregorian"};
}

}  // namespace

TEST_SUITE("hijri_dates") {

TEST_CASE("Umm al-Qura conversion agrees with dates known outside ICU") {
    struct Fact {
        HijriDate hijri;
        const char* gregorian;
        const char* what;
    };
    const Fact facts[] = {
        {{1436, 9, 1}, "20150618", "1 Ramadan 1436: Saudi Arabia began the fast on Thursday 18 June 2015"},
        {{1436, 10, 1}, "20150717", "1 Shawwal 1436: Eid al-Fitr on Friday 17 July 2015"},
        {{1440, 1, 1}, "20180911", "1 Muharram 1440: Saudi new year on 11 September 2018"},
        {{1439, 12, 10}, "20180821", "10 Dhu al-Hijja 1439: Eid al-Adha on 21 August 2018"},
        {{1441, 9, 1}, "20200424", "1 Ramadan 1441: the fast began on Friday 24 April 2020"},
        {{1439, 6, 6}, "20180222", "a الموافق pair in a 2018 paper: 6 جمادى الآخرة 1439 = 22 February 2018"},
        {{1439, 10, 10}, "20180624", "a الموافق pair in a 2018 paper: 10 شوال 1439 = 24 June 2018"},
        {{1439, 9, 30}, "20180614", "a الموافق pair in a 2018 paper: 30/9/1439 = 14 June 2018"},
    };
    for (const Fact& f : facts) {
        CAPTURE(f.what);
        CHECK(as_text(rasd::detail::hijri_to_gregorian(f.hijri)) == f.gregorian);
    }
}

TEST_CASE("month lengths, spans and the problems of impossible dates") {
    CHECK(rasd::detail::hijri_month_length(1436, 9) == 29);   // Eid al-Fitr 1436 after 29 days
    CHECK(rasd::detail::hijri_month_length(1439, 9) == 30);
    CHECK(rasd::detail::hijri_month_length(1436, 13) == 0);
    CHECK(rasd::detail::hijri_month_length(1200, 1) == 0);
    const auto ramadan = rasd::detail::hijri_month_span(1436, 9);
    REQUIRE(ramadan.has_value());
    CHECK(to_yyyymmdd(ramadan->first) == "20150618");
    CHECK(to_yyyymmdd(ramadan->last) == "20150716");
    const auto year = rasd::detail::hijri_year_span(1440);
    REQUIRE(year.has_value());
    CHECK(to_yyyymmdd(year->first) == "20180911");
    CHECK(to_yyyymmdd(year->last) == "20190830");
    struct ProblemCase {
        HijriDate date;
        const char* problem;
    };
    const ProblemCase problems[] = {
        {{1436, 9, 30}, "رمضان 1436 has 29 days"},
        {{1436, 9, 0}, "رمضان 1436 has 29 days"},
        {{1436, 13, 1}, "Hijri month 13 does not exist"},
        {{1200, 1, 1}, "Hijri year 1200 is outside 1318..1500"},
        {{1501, 1, 1}, "Hijri year 1501 is outside 1318..1500"},
        {{1436, 9, 29}, ""},
    };
    for (const ProblemCase& c : problems) {
        CAPTURE(c.problem);
        CHECK(rasd::detail::hijri_date_problem(c.date) == c.problem);
        CHECK(rasd::detail::hijri_to_gregorian(c.date).has_value() == std::string_view(c.problem).empty());
    }
    // The first Hijri year read lies wholly within rasd's Gregorian years.
    CHECK(to_yyyymmdd(*rasd::detail::hijri_to_gregorian({rasd::detail::kFirstHijriYear, 1, 1})) == "19000430");
}

TEST_CASE("Hijri date fields: every written form") {
    struct FieldCase {
        std::string_view input;
        const char* date;
        const char* calendar;
    };
    const FieldCase table[] = {
        {"5 شوال 1436هـ", "20150721", "hijri"},
        {"5 شوال 1436 هـ", "20150721", "hijri"},
        {"5 شوال 1436", "20150721", "hijri"},
        {"٥ شوال ١٤٣٦هـ", "20150721", "hijri"},
        {"5 من شوال 1436 هجري", "20150721", "hijri"},
        {"5 من شهر شوال 1436", "20150721", "hijri"},
        {"الثلاثاء 5 شوال 1436هـ", "20150721", "hijri"},
        {"1436/10/05هـ", "20150721", "hijri"},
        {"١٤٣٦/١٠/٥هـ", "20150721", "hijri"},
        {"05/10/1436هـ", "20150721", "hijri"},
        {"11 / 5 / 1439 هـ", "20180128", "hijri"},
        {"5 شوال 1436هـ 10:30", "20150721", "hijri"},
        // A pair: the Gregorian date wins, whichever comes first.
        {"الخميس 6 جمادى الآخرة 1439هـ الموافق 22 فبراير 2018", "20180222", "gregorian"},
        {"الخميس 6 جمادى الآخرة 1439هـ الموافق 23 فبراير 2018م", "20180223", "gregorian"},
        {"10 شوال 1439 هـ (24 يونيو 2018)", "20180624", "gregorian"},
        {"30 / 9 / 1439هـ الموافق 14 / 6 / 2018م", "20180614", "gregorian"},
        {"22 فبراير 2018 الموافق 6 جمادى الآخرة 1439هـ", "20180222", "gregorian"},
        {"2018-02-22 الموافق لـ 6 جمادى الآخرة 1439هـ", "20180222", "gregorian"},
        {"الثلاثاء - 5 شوال 1436 هـ - 21 يوليو 2015 مـ", "20150721", "gregorian"},
        {"21 يوليو 2015م / 5 شوال 1436هـ", "20150721", "gregorian"},
        {"الثلاثاء الموافق 5 شوال 1436هـ", "20150721", "hijri"},
        {"5 شوال 1436هـ - 5 شوال 1436هـ", "", ""},
        // Moon sighting's 30 رمضان 1436 is no Umm al-Qura day; beside a Gregorian date it costs nothing.
        {"16 يوليو 2015 الموافق 30 رمضان 1436هـ", "20150716", "gregorian"},
        {"30 رمضان 1436هـ", "", ""},
        // Numbers without هـ fill the field: a year of 1318..1500 can only be Hijri (as in queries).
        {"1436/10/05", "20150721", "hijri"},
        {"05/10/1436", "20150721", "hijri"},
        {"1439-09-15", "20180530", "hijri"},
        {"1436-10-05 10:30", "20150721", "hijri"},
        {"1436-09-30", "", ""},  // رمضان 1436 has 29 days
        {"1200/01/05", "", ""},
        {"1436/10/05 عاجل", "", ""},
        // A Gregorian year is never Hijri.
        {"5 شوال 2015", "", ""},
        {"5 رمضان 1200هـ", "", ""},
        {"1436هـ", "", ""},
        {"شوال 1436هـ", "", ""},
        {"1439/ 1440هـ", "", ""},
    };
    for (const FieldCase& c : table) {
        CAPTURE(c.input);
        const FieldReading reading = read_field(c.input);
        CHECK(reading.date == c.date);
        CHECK(reading.calendar == c.calendar);
        CHECK(as_text(rasd::detail::parse_date_field(c.input)) == c.date);
    }
}

TEST_CASE("every Hijri month in every listed spelling") {
    struct MonthCase {
        std::string_view name;
        int month;
    };
    const MonthCase table[] = {
        {"محرم", 1},         {"المحرم", 1},       {"صفر", 2},           {"ربيع الأول", 3},
        {"ربيع الاول", 3},   {"ربيع الآخر", 4},   {"ربيع الثاني", 4},   {"جمادى الأولى", 5},
        {"جمادى الاولى", 5}, {"جمادى الآخرة", 6}, {"جمادى الثانية", 6}, {"رجب", 7},
        {"شعبان", 8},        {"رمضان", 9},        {"شوال", 10},         {"ذو القعدة", 11},
        {"ذي القعدة", 11},   {"ذو الحجة", 12},    {"ذي الحجة", 12},     {"ذو الحجّة", 12},
    };
    for (const MonthCase& c : table) {
        CAPTURE(c.name);
        const std::string text = "1 " + std::string(c.name) + " 1440هـ";
        CHECK(as_text(rasd::detail::parse_date_field(text)) == as_text(rasd::detail::hijri_to_gregorian({1440, c.month, 1})));
        CHECK_FALSE(as_text(rasd::detail::parse_date_field(text)).empty());
    }
    for (const rasd::detail::date_words::NamedMonth& name : rasd::detail::date_words::kHijriMonths) {
        CAPTURE(name.folded);
        CHECK(rasd::fold_text(name.folded) == name.folded);
    }
    for (const auto table : {std::span<const std::string_view>(rasd::detail::date_words::kHijriEraMarks),
                             std::span<const std::string_view>(rasd::detail::date_words::kPairConnectors),
                             std::span<const std::string_view>(rasd::detail::date_words::kHijriMonthIntroducers),
                             std::span<const std::string_view>(rasd::detail::date_words::kPairConnectorPrepositions)}) {
        for (const std::string_view word : table) {
            CAPTURE(word);
            CHECK(rasd::fold_text(word) == word);
        }
    }
}

TEST_CASE("Hijri dates in running text: alone, paired, and what is not a date") {
    struct TextCase {
        std::string_view text;
        const char* gregorian;
        const char* hijri_only;
    };
    const TextCase table[] = {
        {"الرياض - أعلنت الوزارة اليوم 5 شوال 1436هـ عن نتائج", "", "20150721"},
        {"صدر القرار بتاريخ ١٤٣٦/١٠/٥هـ وينص على", "", "20150721"},
        {"يبدأ الصيام بعد غروب شمس الـ29 من شهر شعبان 1438 هـ إذا", "", "20170525"},
        {"نشر البيان يوم الخميس 6 جمادى الآخرة 1439هـ الموافق 22 فبراير 2018 في جدة", "20180222", ""},
        {"يبدأ العمل بالنظام يوم الأحد الموافق 10 شوال 1439 هـ (24 يونيو 2018). وقالت", "20180624", ""},
        {"وصل الوفد صباح 30 / 9 / 1439هـ الموافق 14 / 6 / 2018م", "20180614", ""},
        {"بتاريخ 11 / 5 / 1439هـ. وفي 5 مارس 2018 أعلن", "20180305", "20180128"},
        // Years, ranges of years, fiscal years, counts and names are no dates.
        {"صدر العدد الأول من المجلة في شهر رجب 1390هـ (سبتمبر 1970)", "", ""},
        {"بموجب القرار رقم 1200 الصادر عام 1428هـ", "", ""},
        {"ميزانية العام المالي 1439/ 1440هـ (2018م)", "", ""},
        {"عاش المؤرخ بين (701-774هـ) في دمشق", "", ""},
        {"سجلت الشرطة في الأيام الأولى لشهر رمضان 1362 مخالفة", "", ""},
        {"الرئيس رجب طيب أردوغان التقى 3 رجال في 1436 اجتماعا", "", ""},
        {"سجل 5 رمضان 2018 هدفا", "", ""},
    };
    for (const TextCase& c : table) {
        CAPTURE(c.text);
        const rasd::detail::DatesInText found = rasd::detail::find_dates_in_text(c.text);
        CHECK(as_text(found.gregorian) == c.gregorian);
        CHECK(as_text(found.hijri_only) == c.hijri_only);
        CHECK(as_text(rasd::detail::find_date_in_text(c.text)) == c.gregorian);
    }
}

TEST_CASE("Hijri query spans: a year below 1600 is Hijri") {
    struct SpanCase {
        std::string_view text;
        const char* first;  // "" = rejected
        const char* last;
    };
    const SpanCase table[] = {
        {"1436", "20141025", "20151013"},
        {"1436هـ", "20141025", "20151013"},
        {"1436-09", "20150618", "20150716"},
        {"1436/9", "20150618", "20150716"},
        {"رمضان 1436", "20150618", "20150716"},
        {"رمضان ١٤٣٦هـ", "20150618", "20150716"},
        {"شهر رمضان 1436", "20150618", "20150716"},
        {"ذي الحجة 1439", "20180812", "20180910"},
        {"1436-10-05", "20150721", "20150721"},
        {"5 شوال 1436", "20150721", "20150721"},
        {"05/10/1436", "20150721", "20150721"},
        {"1436-09-30", "", ""},
        {"30 رمضان 1436", "", ""},
        {"1436-13", "", ""},
        {"1200", "", ""},
        {"2015", "20150101", "20151231"},
    };
    for (const SpanCase& c : table) {
        CAPTURE(c.text);
        const auto span = rasd::detail::read_date_span(c.text);
        if (std::string_view(c.first).empty()) {
            CHECK_FALSE(span.has_value());
            continue;
        }
        REQUIRE(span.has_value());
        CHECK(to_yyyymmdd(span->span.first) == c.first);
        CHECK(to_yyyymmdd(span->span.last) == c.last);
        CHECK((span->calendar == DateCalendar::Hijri) == (c.text != "2015"));
    }
    CHECK(rasd::detail::hijri_span_problem("30 رمضان 1436") == "رمضان 1436 has 29 days");
    CHECK(rasd::detail::hijri_span_problem("1436-13") == "Hijri month 13 does not exist");
    CHECK(rasd::detail::hijri_span_problem("1200") == "Hijri year 1200 is outside 1318..1500");
    CHECK(rasd::detail::hijri_span_problem("2015-02-30") == "");
    CHECK(rasd::detail::hijri_range_problem("1436-09..1436-13") == "Hijri month 13 does not exist");
    CHECK(rasd::detail::is_readable_date_range("1436-09..1436-10"));
    CHECK(rasd::detail::is_readable_date_range("1436.."));
    CHECK(rasd::detail::is_readable_date_range("رمضان 1436..2016"));
}

}  // TEST_SUITE

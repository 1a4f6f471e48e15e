#include "bench/support/hijri_checks.hpp"

#include "bench/support/corpus.hpp"

#include "indexer/article_metadata.hpp"
#include "knowledge/date_parser.hpp"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <utility>

namespace rasd::bench::hijri {
namespace {

using rasd::detail::CalendarDate;
using rasd::detail::DateSpan;
using rasd::detail::HijriDate;

std::unique_ptr<icu::Calendar> make_calendar(const char* locale) {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Calendar> calendar(
        icu::Calendar::createInstance(*icu::TimeZone::getGMT(), icu::Locale(locale), status));
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU calendar ") + locale + ": " + u_errorName(status));
    return calendar;
}

std::string two_digits(int n) { return (n < 10 ? "0" : "") + std::to_string(n); }

std::string iso(const CalendarDate& d) {
    return std::to_string(d.year) + "-" + two_digits(d.month) + "-" + two_digits(d.day);
}

// ASCII digits as Arabic-Indic ones (U+0660..U+0669, two UTF-8 bytes each).
std::string arabic_indic(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c >= '0' && c <= '9') {
            out += '\xD9';
            out += static_cast<char>(0xA0 + (c - '0'));
        } else {
            out += c;
        }
    }
    return out;
}

// Every spelling of each month rasd lists, plus the usual written name (with hamza and ة).
std::map<int, std::vector<std::string>> month_spellings() {
    std::map<int, std::vector<std::string>> spellings;
    for (int month = 1; month <= 12; ++month) spellings[month].emplace_back(rasd::detail::hijri_month_name(month));
    for (const auto& name : rasd::detail::date_words::kHijriMonths) spellings[name.month].emplace_back(name.folded);
    return spellings;
}

std::string show(const std::optional<CalendarDate>& date) { return date ? iso(*date) : "(nothing)"; }

using Writer = std::function<std::string(const SteppedDay&, std::size_t index)>;

FormCheck check_form(const std::string& form, const std::vector<SteppedDay>& days, const Writer& write) {
    FormCheck check;
    check.form = form;
    std::vector<std::string> texts;
    texts.reserve(days.size());
    for (std::size_t i = 0; i < days.size(); ++i) texts.push_back(write(days[i], i));
    std::vector<std::optional<CalendarDate>> parsed(days.size());
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < days.size(); ++i) parsed[i] = rasd::detail::parse_date_field(texts[i]);
    check.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    for (std::size_t i = 0; i < days.size(); ++i) {
        ++check.dates;
        if (parsed[i] == days[i].gregorian) continue;
        if (check.mismatches++ == 0) {
            check.first_mismatch = texts[i] + " -> " + show(parsed[i]) + ", ICU says " + iso(days[i].gregorian);
        }
    }
    return check;
}

}  // namespace

std::vector<SteppedDay> step_hijri_days(int first_year, int last_year) {
    const std::unique_ptr<icu::Calendar> hijri = make_calendar("ar@calendar=islamic-umalqura");
    const std::unique_ptr<icu::Calendar> gregorian = make_calendar("en@calendar=gregorian");
    if (std::string(hijri->getType()) != "islamic-umalqura") throw std::runtime_error("ICU has no Umm al-Qura calendar");
    hijri->clear();
    hijri->set(first_year, 0, 1);
    std::vector<SteppedDay> days;
    UErrorCode status = U_ZERO_ERROR;
    for (;;) {
        const int year = hijri->get(UCAL_YEAR, status);
        if (year > last_year) break;
        const HijriDate day{year, hijri->get(UCAL_MONTH, status) + 1, hijri->get(UCAL_DATE, status)};
        gregorian->setTime(hijri->getTime(status), status);
        const CalendarDate same{gregorian->get(UCAL_YEAR, status), gregorian->get(UCAL_MONTH, status) + 1,
                                gregorian->get(UCAL_DATE, status)};
        if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU stepping: ") + u_errorName(status));
        days.push_back({day, same});
        hijri->add(UCAL_DATE, 1, status);
    }
    return days;
}

std::vector<FormCheck> check_day_forms(const std::vector<SteppedDay>& days) {
    const std::map<int, std::vector<std::string>> spellings = month_spellings();
    auto numeric = [](const SteppedDay& d) {
        return std::to_string(d.hijri.year) + "/" + two_digits(d.hijri.month) + "/" + two_digits(d.hijri.day) + "هـ";
    };
    auto gregorian_month = [](int month) {
        for (const auto& name : rasd::detail::date_words::kMonths) {
            if (name.month == month) return std::string(name.folded);
        }
        return std::string();
    };
    return {
        check_form("baseline: Gregorian 2015-07-21", days, [](const SteppedDay& d, std::size_t) { return iso(d.gregorian); }),
        check_form("baseline: Gregorian 21 يوليو 2015", days,
                   [&](const SteppedDay& d, std::size_t) {
                       return std::to_string(d.gregorian.day) + " " + gregorian_month(d.gregorian.month) + " " +
                              std::to_string(d.gregorian.year);
                   }),
        check_form("numeric 1436/10/05هـ", days, [&](const SteppedDay& d, std::size_t) { return numeric(d); }),
        check_form("day first 05/10/1436 هـ", days,
                   [](const SteppedDay& d, std::size_t) {
                       return two_digits(d.hijri.day) + "/" + two_digits(d.hijri.month) + "/" + std::to_string(d.hijri.year) + " هـ";
                   }),
        check_form("words 5 شوال 1436هـ (every spelling)", days,
                   [&](const SteppedDay& d, std::size_t i) {
                       const std::vector<std::string>& names = spellings.at(d.hijri.month);
                       return std::to_string(d.hijri.day) + " " + names[i % names.size()] + " " + std::to_string(d.hijri.year) + "هـ";
                   }),
        check_form("Arabic-Indic ١٤٣٦/١٠/٠٥هـ", days, [&](const SteppedDay& d, std::size_t) { return arabic_indic(numeric(d)); }),
    };
}

std::vector<FormCheck> check_month_spans(const std::vector<SteppedDay>& days) {
    std::map<std::pair<int, int>, DateSpan> months;
    for (const SteppedDay& d : days) {
        const auto key = std::pair{d.hijri.year, d.hijri.month};
        auto [it, inserted] = months.try_emplace(key, DateSpan{d.gregorian, d.gregorian});
        if (!inserted) it->second.last = d.gregorian;
    }
    auto check = [&](const std::string& form, const std::function<std::string(int, int)>& write) {
        FormCheck result;
        result.form = form;
        const auto start = std::chrono::steady_clock::now();
        for (const auto& [key, span] : months) {
            const std::string text = write(key.first, key.second);
            const std::optional<DateSpan> parsed = rasd::detail::parse_date_span(text);
            ++result.dates;
            if (parsed == span) continue;
            if (result.mismatches++ == 0) {
                result.first_mismatch = text + " -> " + (parsed ? iso(parsed->first) + ".." + iso(parsed->last) : "(nothing)") +
                                        ", ICU says " + iso(span.first) + ".." + iso(span.last);
            }
        }
        result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        return result;
    };
    return {
        check("query month 1436-10", [](int y, int m) { return std::to_string(y) + "-" + two_digits(m); }),
        check("query month شوال 1436",
              [](int y, int m) { return std::string(rasd::detail::hijri_month_name(m)) + " " + std::to_string(y); }),
    };
}

DumpDating date_dump_articles(const std::string& path) {
    Corpus corpus = read_corpus({path}, 0, "skipped");
    DumpDating dating;
    for (rasd::Article& article : corpus.articles) {
        ++dating.articles;
        const std::string all_text = article.date + "\n" + article.title + "\n" + article.abstract + "\n" + article.body;
        if (rasd::detail::count_hijri_dates(all_text) > 0) ++dating.with_hijri_date;
        const rasd::detail::ArticleMetadata as_given = rasd::detail::extract_metadata(article, {});
        if (as_given.date_evidence == rasd::DateEvidence::Hijri) ++dating.dated_from_hijri;
        const std::optional<CalendarDate> field = rasd::detail::parse_date_field(article.date);
        article.date.clear();
        article.url.clear();
        const rasd::detail::ArticleMetadata stripped = rasd::detail::extract_metadata(article, {});
        if (stripped.date_evidence != rasd::DateEvidence::Hijri) continue;
        ++dating.dated_from_hijri_without_field_and_url;
        if (!field) continue;
        const std::string field_day = rasd::detail::to_yyyymmdd(*field);
        if (stripped.date == field_day) ++dating.hijri_agrees_with_field;
        // One day either way: a paper's moon-sighting month may start a day off Umm al-Qura.
        const auto day_number = [](const std::string& yyyymmdd) {
            const std::chrono::year_month_day ymd{std::chrono::year{std::stoi(yyyymmdd.substr(0, 4))},
                                                  std::chrono::month{static_cast<unsigned>(std::stoi(yyyymmdd.substr(4, 2)))},
                                                  std::chrono::day{static_cast<unsigned>(std::stoi(yyyymmdd.substr(6, 2)))}};
            return std::chrono::sys_days(ymd).time_since_epoch().count();
        };
        const auto gap = day_number(stripped.date) - day_number(field_day);
        if (gap >= -1 && gap <= 1) ++dating.hijri_within_a_day_of_field;
    }
    return dating;
}

}  // namespace rasd::bench::hijri

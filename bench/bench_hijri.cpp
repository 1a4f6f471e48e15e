// bench_hijri: rasd's Hijri dates against ICU's Umm al-Qura calendar, and on a news dump.
//
// Usage: bench_hijri [--first-year N] [--last-year N] [DUMP ...]
//
//   --first-year, --last-year   the Hijri years checked day by day (default 1400 and 1450)
//   DUMP                        articles in any format rasd reads (default: both ANT files);
//                               a missing one prints SKIP and exits 0
//
// 1. Every day of the years, found by stepping ICU's islamic-umalqura calendar one day at a
//    time (Calendar::add, independent of rasd's conversion), is written in each form rasd reads
//    (1436/10/05هـ, 05/10/1436 هـ, "5 شوال 1436هـ" with every listed spelling of the month,
//    Arabic-Indic digits) and parsed by rasd: each must give ICU's Gregorian day.
// 2. Every month of the years as a query (1436-10, "شوال 1436"): rasd's span must run from the
//    month's first stepped day to its last.
// 3. Per dump: articles with a Hijri date, articles the indexer dates from a Hijri date alone,
//    and the same with the date field and URL removed (how often the Hijri date then agrees
//    with the field's date).
// Baselines of the same run: the same days written in the Gregorian calendar (2015-07-21,
// "21 يوليو 2015") and parsed by rasd, against which each Hijri form's parse time is given as
// a ratio; for month spans, ICU's time per stepped day.
// Exit codes: 0 ok or skipped, 1 a self-check failed, 2 usage or input error.

#include "bench/support/bench_main.hpp"
#include "bench/support/check_list.hpp"
#include "bench/support/hijri_checks.hpp"
#include "bench/support/options.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

namespace {

namespace hijri = rasd::bench::hijri;

double seconds_per_date(const hijri::FormCheck& c) {
    return c.dates == 0 ? 0 : c.seconds / static_cast<double>(c.dates);
}

// One table row per form; the last column is the time per date against `baseline_per_date`.
void print_checks(const char* title, const std::vector<hijri::FormCheck>& checks, double baseline_per_date,
                  const char* baseline_name, rasd::bench::CheckList& list) {
    std::printf("%s\n", title);
    std::printf("  | form | dates | mismatches | µs per date | ratio to %s |\n  |---|---:|---:|---:|---:|\n", baseline_name);
    for (const hijri::FormCheck& c : checks) {
        const double per_date = seconds_per_date(c);
        std::printf("  | %s | %zu | %zu | %.2f | %.2f |\n", c.form.c_str(), c.dates, c.mismatches, per_date * 1e6,
                    baseline_per_date > 0 ? per_date / baseline_per_date : 0.0);
        if (c.mismatches > 0) std::printf("    first mismatch: %s\n", c.first_mismatch.c_str());
        list.expect(c.dates > 0 && c.mismatches == 0, c.form + ": every date gives ICU's day");
    }
}

}  // namespace

int main(int argc, char** argv) {
    return rasd::bench::run_bench_main("bench_hijri", [&] {
        int first_year = 1400;
        int last_year = 1450;
        std::vector<std::string> dumps;
        for (rasd::bench::ArgReader args(argc, argv); args.next();) {
            if (args.arg() == "--first-year") {
                first_year = static_cast<int>(rasd::bench::parse_count(args.value()));
            } else if (args.arg() == "--last-year") {
                last_year = static_cast<int>(rasd::bench::parse_count(args.value()));
            } else if (args.arg().starts_with("--")) {
                std::cerr << "usage: bench_hijri [--first-year N] [--last-year N] [DUMP ...]\n";
                return 2;
            } else {
                dumps.push_back(args.arg());
            }
        }
        if (dumps.empty()) dumps = rasd::bench::default_ant_inputs();
        if (rasd::bench::skip_missing_input("bench_hijri", dumps)) return 0;
        std::printf("bench_hijri: %s\n", rasd::bench::command_line(argc, argv).c_str());

        const auto start = std::chrono::steady_clock::now();
        const std::vector<hijri::SteppedDay> days = hijri::step_hijri_days(first_year, last_year);
        const double stepping = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        const double per_day = days.empty() ? 0 : stepping / static_cast<double>(days.size());
        std::printf("ICU stepped %zu days (%d-01-01 .. %d-12-end AH = %04d-%02d-%02d .. %04d-%02d-%02d), %.2f µs per day\n",
                    days.size(), first_year, last_year, days.empty() ? 0 : days.front().gregorian.year,
                    days.empty() ? 0 : days.front().gregorian.month, days.empty() ? 0 : days.front().gregorian.day,
                    days.empty() ? 0 : days.back().gregorian.year, days.empty() ? 0 : days.back().gregorian.month,
                    days.empty() ? 0 : days.back().gregorian.day, per_day * 1e6);

        rasd::bench::CheckList checks;
        checks.expect(!days.empty(), "ICU stepped through the years");
        const std::vector<hijri::FormCheck> day_forms = hijri::check_day_forms(days);
        const double gregorian_words = seconds_per_date(day_forms.at(1));
        print_checks("Days in every written form:", day_forms, gregorian_words, "Gregorian in words", checks);
        print_checks("Months as queries:", hijri::check_month_spans(days), per_day, "ICU's step", checks);

        for (const std::string& dump : dumps) {
            const hijri::DumpDating d = hijri::date_dump_articles(dump);
            std::printf("%s:\n", dump.c_str());
            std::printf("  articles                                   %zu\n", d.articles);
            std::printf("  with a Hijri date (field or text)          %zu\n", d.with_hijri_date);
            std::printf("  dated from a Hijri date alone (as given)   %zu\n", d.dated_from_hijri);
            std::printf("  the same without date field and URL        %zu (same day as the field: %zu, within a day: %zu)\n",
                        d.dated_from_hijri_without_field_and_url, d.hijri_agrees_with_field, d.hijri_within_a_day_of_field);
            checks.expect(d.articles > 0, dump + ": articles read");
        }
        checks.print(std::cout, "  ");
        checks.throw_if_failed();
        return 0;
    });
}

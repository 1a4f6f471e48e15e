// The progress line: its duration format, and its width (the display itself needs a terminal).

#include <doctest/doctest.h>

#include "cli/progress_meter.hpp"

#include <algorithm>
#include <string>

TEST_SUITE("progress_meter") {

TEST_CASE("durations are compact: seconds, minutes and seconds, hours and minutes") {
    using rasd::cli::ProgressMeter;
    CHECK(ProgressMeter::format_duration(0) == "0s");
    CHECK(ProgressMeter::format_duration(44.6) == "45s");
    CHECK(ProgressMeter::format_duration(80) == "1m20s");
    CHECK(ProgressMeter::format_duration(3599) == "59m59s");
    CHECK(ProgressMeter::format_duration(7500) == "2h05m");
}

TEST_CASE("every refresh fits the terminal: parts are left out, least useful first, never wrapped") {
    using rasd::cli::ProgressMeter;
    ProgressMeter::Figures figures;
    figures.articles = 123456;
    figures.mebibytes = 1234.5;
    figures.articles_per_second = 2345;
    figures.percent = 42;
    figures.eta_seconds = 4000;
    CHECK(ProgressMeter::format_line("rasd-index", figures, 120) ==
          "rasd-index: 123456 articles | 1234.5 MiB | 2345 articles/s | 42% | ETA 1h06m");
    CHECK(ProgressMeter::format_line("rasd-index", figures, 60) ==
          "rasd-index: 123456 articles | 1234.5 MiB | 42% | ETA 1h06m");
    CHECK(ProgressMeter::format_line("rasd-index", figures, 50) == "rasd-index: 123456 articles | 42% | ETA 1h06m");
    CHECK(ProgressMeter::format_line("rasd-index", figures, 40) == "123456 articles | 42% | ETA 1h06m");
    CHECK(ProgressMeter::format_line("rasd-index", figures, 25) == "123456 articles | 42%");
    CHECK(ProgressMeter::format_line("rasd-index", figures, 10) == "123456 ar");
    CHECK(ProgressMeter::format_line("rasd-index", figures, 0).empty());
    for (std::size_t columns = 0; columns <= 120; ++columns) {
        CAPTURE(columns);
        CHECK(ProgressMeter::format_line("rasd-index", figures, columns).size() + 1 <= std::max<std::size_t>(columns, 1));
    }
    figures.percent.reset();  // an unknown total: no percentage, no ETA
    figures.eta_seconds.reset();
    CHECK(ProgressMeter::format_line("rasd-index", figures, 80) ==
          "rasd-index: 123456 articles | 1234.5 MiB | 2345 articles/s");
}

}  // TEST_SUITE

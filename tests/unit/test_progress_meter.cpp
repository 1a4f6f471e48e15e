// The progress line's duration format (the display itself needs a terminal).

#include <doctest/doctest.h>

#include "cli/progress_meter.hpp"

TEST_SUITE("progress_meter") {

TEST_CASE("durations are compact: seconds, minutes and seconds, hours and minutes") {
    using rasd::cli::ProgressMeter;
    CHECK(ProgressMeter::format_duration(0) == "0s");
    CHECK(ProgressMeter::format_duration(44.6) == "45s");
    CHECK(ProgressMeter::format_duration(80) == "1m20s");
    CHECK(ProgressMeter::format_duration(3599) == "59m59s");
    CHECK(ProgressMeter::format_duration(7500) == "2h05m");
}

}  // TEST_SUITE

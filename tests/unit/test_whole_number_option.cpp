// Whole-number command-line options: digits within a range, or a usage error naming the range.

#include <doctest/doctest.h>

#include "cli/whole_number_option.hpp"

#include <string>

TEST_SUITE("cli_options") {

TEST_CASE("whole-number options take digits in their range only, and name the range") {
    using rasd::cli::parse_whole_number;
    CHECK(parse_whole_number("--threads", "0", 0, 256) == 0);
    CHECK(parse_whole_number("--threads", "256", 0, 256) == 256);
    CHECK(parse_whole_number("--batch", "2000", 1, 1000000) == 2000);
    for (const char* bad : {"-1", "257", "", " 4", "4 ", "+4", "4x", "1e3", "99999999999999999999999"}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH_AS((void)parse_whole_number("--threads", bad, 0, 256),
                             ("--threads must be a whole number from 0 to 256, got '" + std::string(bad) + "'").c_str(),
                             boost::program_options::error);
    }
    CHECK_THROWS_WITH_AS((void)parse_whole_number("--batch", "0", 1, 1000000),
                         "--batch must be a whole number from 1 to 1000000, got '0'", boost::program_options::error);
}

}  // TEST_SUITE

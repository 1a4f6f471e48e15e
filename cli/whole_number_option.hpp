#pragma once
// Whole-number options with a valid range. Boost.ProgramOptions reads "-1" into an unsigned
// option by wrapping it around (`--threads -1` asked for 4294967295 threads); these take digits
// only and name the range: "--threads must be a whole number from 0 to 256, got '-1'", a usage
// error (exit 2).
//
//     ("batch,b", whole_number(&o.batch, "--batch", 1, kMaxBatch)->value_name("N")->default_value("2000"), ...)

#include <boost/program_options.hpp>

#include <cstdint>
#include <string>

namespace rasd::cli {

// `text` as a whole number from `min` to `max`.
// @throws boost::program_options::error "OPTION must be a whole number from MIN to MAX, got 'TEXT'".
[[nodiscard]] std::uint64_t parse_whole_number(const std::string& option, const std::string& text, std::uint64_t min,
                                               std::uint64_t max);

// An option whose value is read by parse_whole_number() into `*target` (when the options are
// notified, as parse_command_line() does). Give its default as text: default_value("2000").
template <typename Number>
[[nodiscard]] boost::program_options::typed_value<std::string>* whole_number(Number* target, std::string option,
                                                                            Number min, Number max) {
    return boost::program_options::value<std::string>()->notifier(
        [target, option = std::move(option), min, max](const std::string& text) {
            *target = static_cast<Number>(parse_whole_number(option, text, min, max));
        });
}

}  // namespace rasd::cli

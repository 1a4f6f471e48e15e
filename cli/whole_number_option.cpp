#include "whole_number_option.hpp"

#include <charconv>

namespace rasd::cli {

std::uint64_t parse_whole_number(const std::string& option, const std::string& text, std::uint64_t min,
                                 std::uint64_t max) {
    std::uint64_t value = 0;
    const char* end = text.data() + text.size();
    // from_chars takes digits only: no sign, no spaces, no wrap-around, and it reports overflow.
    const auto [stop, error] = std::from_chars(text.data(), end, value);
    if (text.empty() || error != std::errc() || stop != end || value < min || value > max) {
        throw boost::program_options::error(option + " must be a whole number from " + std::to_string(min) +
                                            " to " + std::to_string(max) + ", got '" + text + "'");
    }
    return value;
}

}  // namespace rasd::cli

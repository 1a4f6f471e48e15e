#include "utf8.hpp"

namespace rasd::detail {

bool is_valid_utf8(std::string_view s) {
    bool valid = true;
    for (std::size_t pos = 0; pos < s.size() && valid;) next_code_point(s, pos, &valid);
    return valid;
}

std::u32string to_code_points(std::string_view s) {
    std::u32string out;
    out.reserve(s.size());
    for (std::size_t pos = 0; pos < s.size();) out.push_back(next_code_point(s, pos));
    return out;
}

}  // namespace rasd::detail

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

std::string to_valid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 2);
    for (std::size_t pos = 0; pos < s.size();) {
        const std::size_t start = pos;
        bool valid = true;
        const char32_t c = next_code_point(s, pos, &valid);
        if (valid) {
            out.append(s.substr(start, pos - start));
        } else {
            append_utf8(out, c);
        }
    }
    return out;
}

}  // namespace rasd::detail

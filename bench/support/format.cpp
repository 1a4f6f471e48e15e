#include "format.hpp"

#include <cstdio>

namespace rasd::bench {

double mib(std::uint64_t bytes) { return static_cast<double>(bytes) / kMiB; }

std::string mib_text(std::uint64_t bytes, int decimals) { return fixed(mib(bytes), decimals); }

std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

std::string rpad(const std::string& s, std::size_t width) {
    return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

std::string lpad(const std::string& s, std::size_t width) {
    return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

std::string zero_padded(int v, std::size_t width) {
    std::string s = std::to_string(v);
    return s.size() >= width ? s : std::string(width - s.size(), '0') + s;
}

std::string markdown_row(const std::vector<std::string>& cells) {
    std::string row = "|";
    for (const std::string& cell : cells) row += " " + cell + " |";
    return row + "\n";
}

std::string json_line(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

}  // namespace rasd::bench

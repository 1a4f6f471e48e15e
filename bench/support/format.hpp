#pragma once
// How the benchmarks write numbers and table cells: fixed decimals, padded columns, markdown
// rows and the one JSON line each benchmark ends with.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rasd::bench {

inline constexpr double kMiB = 1024.0 * 1024.0;

double mib(std::uint64_t bytes);

// `bytes` in MiB with `decimals` digits after the point.
std::string mib_text(std::uint64_t bytes, int decimals = 1);

// `v` with `decimals` digits after the point.
std::string fixed(double v, int decimals);

// Right-aligned (rpad) or left-aligned (lpad) in `width` bytes.
std::string rpad(const std::string& s, std::size_t width);
std::string lpad(const std::string& s, std::size_t width);

// `v` (non-negative) with leading zeros to `width` digits.
std::string zero_padded(int v, std::size_t width);

// "| a | b | c |" and a line break: one row of a markdown table.
std::string markdown_row(const std::vector<std::string>& cells);

// `j` on one line, invalid UTF-8 replaced (the JSON line of a report).
std::string json_line(const nlohmann::json& j);

}  // namespace rasd::bench

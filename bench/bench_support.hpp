#pragma once
// Small pieces every rasd benchmark shares: self-check failures and table formatting.

#include <cstddef>
#include <cstdio>
#include <stdexcept>
#include <string>

namespace rasd::bench {

// A benchmark's own result check failed: a fast broken build must not look like a win.
struct CheckFailed : std::runtime_error {
    using std::runtime_error::runtime_error;
};

inline void check(bool ok, const std::string& what) {
    if (!ok) throw CheckFailed(what);
}

// `v` with `decimals` digits after the point.
inline std::string fixed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

// Right-aligned (rpad) or left-aligned (lpad) in `width` bytes.
inline std::string rpad(const std::string& s, std::size_t width) {
    return s.size() >= width ? s : std::string(width - s.size(), ' ') + s;
}

inline std::string lpad(const std::string& s, std::size_t width) {
    return s.size() >= width ? s : s + std::string(width - s.size(), ' ');
}

}  // namespace rasd::bench

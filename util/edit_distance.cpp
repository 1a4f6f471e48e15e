#include "edit_distance.hpp"

#include <algorithm>
#include <limits>
#include <numeric>
#include <vector>

namespace rasd::detail {

std::size_t bounded_edit_distance(std::u32string_view a, std::u32string_view b, std::size_t max) {
    // max + 1, except that a bound of SIZE_MAX cannot be exceeded anyway.
    const std::size_t over = max == std::numeric_limits<std::size_t>::max() ? max : max + 1;
    const std::size_t gap = a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
    if (gap > max) return over;
    // Three rows of the table: a transposition reaches back two rows.
    const std::size_t width = b.size() + 1;
    std::vector<std::size_t> before(width), previous(width), current(width);
    std::iota(previous.begin(), previous.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        std::size_t row_best = current[0];
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, substitution});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
            row_best = std::min(row_best, current[j]);
        }
        // No row holds a smaller value than the row before it (a transposition adds 1 to a cell
        // two rows up, which the row between already matches), so the distance is over `max`.
        if (row_best > max) return over;
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return std::min(previous[b.size()], over);
}

}  // namespace rasd::detail

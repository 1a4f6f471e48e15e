#pragma once
// The timed passes of the query benchmarks: each search timed alone, and the sides compared on
// one query run one after another with the first one rotating, since the first may find colder
// caches.

#include <cstddef>
#include <functional>
#include <vector>

namespace rasd::bench {

// Milliseconds `work` took (steady clock).
double time_ms(const std::function<void()>& work);

// Runs sides[first % n], sides[(first + 1) % n], ... : every side once, starting at `first`.
void run_in_rotation(std::size_t first, const std::vector<std::function<void()>>& sides);

}  // namespace rasd::bench

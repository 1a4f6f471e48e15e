#pragma once
// Random numbers that tell one thing from another (a state written, a database created), drawn
// from the system's entropy: never 0, so that 0 can mean "none".

#include <cstdint>
#include <random>

namespace rasd::detail {

// A random 64-bit number other than 0 and `other`.
[[nodiscard]] inline std::uint64_t random_id(std::uint64_t other = 0) {
    std::random_device device;
    std::uint64_t drawn = 0;
    do {
        drawn = (std::uint64_t{device()} << 32U) | device();
    } while (drawn == 0 || drawn == other);
    return drawn;
}

}  // namespace rasd::detail

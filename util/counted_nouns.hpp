#pragma once
// A count with its noun, for messages and pages: "1 article", "3 articles"; the Arabic labels
// of a story's other copies. Header-only, shared by the library and the executables.

#include <cstddef>
#include <string>
#include <string_view>

namespace rasd::detail {

// `one` for a count of 1, else `many`.
[[nodiscard]] inline std::string_view noun_for(std::size_t count, std::string_view one, std::string_view many) {
    return count == 1 ? one : many;
}

// "1 article", "3 articles".
[[nodiscard]] inline std::string counted(std::size_t count, std::string_view one, std::string_view many) {
    return std::to_string(count) + " " + std::string(noun_for(count, one, many));
}

// What follows "+N" on a collapsed hit: "نسخة أخرى" (one other copy) or "نسخ أخرى".
[[nodiscard]] inline std::string_view other_copies_label(std::size_t copies) {
    return noun_for(copies, "نسخة أخرى", "نسخ أخرى");
}

}  // namespace rasd::detail

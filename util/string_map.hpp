#pragma once
// Hash maps and sets keyed by std::string that are looked up by std::string_view without building a
// string (C++20 heterogeneous lookup: a transparent hash and std::equal_to<>).

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

namespace rasd::detail {

struct TransparentStringHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};

template <typename Value>
using StringMap = std::unordered_map<std::string, Value, TransparentStringHash, std::equal_to<>>;

using StringSet = std::unordered_set<std::string, TransparentStringHash, std::equal_to<>>;

}  // namespace rasd::detail

#pragma once
// FNV-1a, 64 bits: a hash that is the same on every machine, compiler and run (std::hash is
// not). It routes article ids to shards (shard_of(), part of the on-disk format: archives
// already exist, so it must never change) and names records that carry no id.

#include <cstdint>
#include <string_view>

namespace rasd::detail {

inline constexpr std::uint64_t kFnv1a64OffsetBasis = 0xcbf29ce484222325ULL;
inline constexpr std::uint64_t kFnv1a64Prime = 0x100000001b3ULL;

[[nodiscard]] constexpr std::uint64_t fnv1a64(std::string_view bytes) noexcept {
    std::uint64_t hash = kFnv1a64OffsetBasis;
    for (const char c : bytes) {
        hash ^= static_cast<unsigned char>(c);
        hash *= kFnv1a64Prime;
    }
    return hash;
}

}  // namespace rasd::detail

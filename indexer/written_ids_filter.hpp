#pragma once
// Which article ids a writer may have written: a Bloom filter over the id terms written since it
// opened a database that held no article. An id it has never seen cannot be in that database, so
// the writer adds it without looking it up (two B-tree lookups saved per new article: its own and
// the one inside Xapian's replace_document). A false "maybe" only costs the lookup it replaces.

#include <cstdint>
#include <string_view>
#include <vector>

namespace rasd::detail {

class WrittenIdsFilter {
public:
    // Tracks nothing (every id is "maybe written") until start() is called.
    WrittenIdsFilter() = default;

    // The database holds no article: from now on, ids not passed to add() are "not written".
    // Memory is fixed (kBits / 8 bytes, 512 KiB per database). After kCapacity ids, where about
    // 3 in 100 answers would be a false "maybe", it stops tracking and frees the memory.
    void start();

    [[nodiscard]] bool tracking() const { return !m_bits.empty(); }
    // False only if `id_term` was certainly never add()ed since start().
    [[nodiscard]] bool maybe_written(std::string_view id_term) const;
    void add(std::string_view id_term);

    static constexpr std::uint64_t kBits = std::uint64_t{1} << 22U;
    static constexpr std::uint64_t kCapacity = kBits / 8;
    static constexpr unsigned kHashes = 3;

private:
    std::vector<std::uint64_t> m_bits;  // kBits bits while tracking, else empty
    std::uint64_t m_added = 0;
};

}  // namespace rasd::detail

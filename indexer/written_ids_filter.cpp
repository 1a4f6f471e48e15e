#include "written_ids_filter.hpp"

#include "util/fnv1a.hpp"
#include "util/splitmix64.hpp"

namespace rasd::detail {
namespace {

constexpr unsigned kWordBits = 64;

// The filter's bit positions for one id: double hashing from one FNV-1a value, mixed by
// SplitMix64 so that ids differing in their last byte spread over the whole table.
template <typename Visit>
void for_each_bit(std::string_view id_term, Visit&& visit) {
    const std::uint64_t first = splitmix64(fnv1a64(id_term));
    const std::uint64_t step = splitmix64(first) | 1U;
    for (unsigned i = 0; i < WrittenIdsFilter::kHashes; ++i) {
        visit((first + i * step) & (WrittenIdsFilter::kBits - 1));
    }
}

}  // namespace

void WrittenIdsFilter::start() {
    m_bits.assign(kBits / kWordBits, 0);
    m_added = 0;
}

bool WrittenIdsFilter::maybe_written(std::string_view id_term) const {
    if (!tracking()) return true;
    bool all_set = true;
    for_each_bit(id_term, [&](std::uint64_t bit) {
        if ((m_bits[bit / kWordBits] & (std::uint64_t{1} << (bit % kWordBits))) == 0) all_set = false;
    });
    return all_set;
}

void WrittenIdsFilter::add(std::string_view id_term) {
    if (!tracking()) return;
    if (++m_added > kCapacity) {
        std::vector<std::uint64_t>().swap(m_bits);  // too full to save lookups: every id is "maybe written" from now on
        return;
    }
    for_each_bit(id_term, [&](std::uint64_t bit) { m_bits[bit / kWordBits] |= std::uint64_t{1} << (bit % kWordBits); });
}

}  // namespace rasd::detail

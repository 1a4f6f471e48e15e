#include "story_fingerprint.hpp"

#include "util/fnv1a.hpp"
#include "util/splitmix64.hpp"

#include <algorithm>
#include <limits>

namespace rasd::detail {
namespace {

// The 16 middle bits of a MinHash value: its lowest bits are the weakest of a multiply-add hash.
constexpr unsigned kKeptBitsShift = 32;
constexpr std::uint64_t kSixteenBits = 0xFFFF;
constexpr unsigned kBandNumberShift = 48;
constexpr unsigned kRowBits = 16;
constexpr std::uint64_t kSeed = 0x5354525953484e47ULL;  // fixed forever: signatures are stored

// Hash function i is x -> a_i * x + b_i (mod 2^64) over well mixed shingle hashes, a_i odd.
struct HashFunctions {
    std::array<std::uint64_t, kMinHashes> multiplier{};
    std::array<std::uint64_t, kMinHashes> addend{};
    HashFunctions() {
        for (std::size_t i = 0; i < kMinHashes; ++i) {
            multiplier[i] = splitmix64(kSeed + 2 * i) | 1U;
            addend[i] = splitmix64(kSeed + 2 * i + 1);
        }
    }
};

const HashFunctions& hash_functions() {
    static const HashFunctions functions;
    return functions;
}

}  // namespace

std::vector<std::uint64_t> shingle_hashes(const std::vector<std::string_view>& words, std::size_t size) {
    std::vector<std::uint64_t> word_hashes;
    word_hashes.reserve(words.size());
    for (std::string_view word : words) word_hashes.push_back(fnv1a64(word));
    std::vector<std::uint64_t> shingles;
    if (word_hashes.empty()) return shingles;
    const std::size_t width = std::min(size, word_hashes.size());
    shingles.reserve(word_hashes.size() - width + 1);
    for (std::size_t start = 0; start + width <= word_hashes.size(); ++start) {
        std::uint64_t hash = 0;
        for (std::size_t i = 0; i < width; ++i) hash = splitmix64(hash ^ word_hashes[start + i]);
        shingles.push_back(hash);
    }
    std::sort(shingles.begin(), shingles.end());
    shingles.erase(std::unique(shingles.begin(), shingles.end()), shingles.end());
    return shingles;
}

double jaccard(const std::vector<std::uint64_t>& a, const std::vector<std::uint64_t>& b) {
    if (a.empty() && b.empty()) return 0.0;
    std::size_t shared = 0;
    for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
        if (*i < *j) {
            ++i;
        } else if (*j < *i) {
            ++j;
        } else {
            ++shared, ++i, ++j;
        }
    }
    return static_cast<double>(shared) / static_cast<double>(a.size() + b.size() - shared);
}

MinHashes minhash_signature(const std::vector<std::uint64_t>& shingles) {
    const HashFunctions& functions = hash_functions();
    std::array<std::uint64_t, kMinHashes> minima;
    minima.fill(std::numeric_limits<std::uint64_t>::max());
    for (const std::uint64_t shingle : shingles) {
        for (std::size_t i = 0; i < kMinHashes; ++i) {
            minima[i] = std::min(minima[i], functions.multiplier[i] * shingle + functions.addend[i]);
        }
    }
    MinHashes signature{};
    for (std::size_t i = 0; i < kMinHashes; ++i) {
        signature[i] = static_cast<std::uint16_t>((minima[i] >> kKeptBitsShift) & kSixteenBits);
    }
    return signature;
}

double estimated_jaccard(const MinHashes& a, const MinHashes& b) {
    std::size_t agreeing = 0;
    for (std::size_t i = 0; i < kMinHashes; ++i) agreeing += a[i] == b[i] ? 1 : 0;
    return static_cast<double>(agreeing) / static_cast<double>(kMinHashes);
}

BandKeys band_keys(const MinHashes& signature) {
    BandKeys keys{};
    for (std::size_t band = 0; band < kBands; ++band) {
        std::uint64_t key = static_cast<std::uint64_t>(band) << kBandNumberShift;
        for (std::size_t row = 0; row < kRowsPerBand; ++row) {
            key |= static_cast<std::uint64_t>(signature[band * kRowsPerBand + row])
                   << (kRowBits * (kRowsPerBand - 1 - row));
        }
        keys[band] = key;
    }
    return keys;
}

}  // namespace rasd::detail

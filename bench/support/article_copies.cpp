#include "article_copies.hpp"

#include "util/fnv1a.hpp"

#include "calendar.hpp"
#include "format.hpp"
#include "hashing.hpp"

#include <algorithm>
#include <cstdint>

namespace rasd::bench::latency {

namespace {

// The copy scheme. Changing any of it changes the database: bump kRecipeVersion
// (latency_archive.cpp) so that an old database is not reused.
constexpr const char* kCopySeparator = "~";
constexpr std::uint64_t kDropPercent = 10;   // of the body's sentences, in copies k >= 1
constexpr std::size_t kYearShiftCycle = 20;  // copy k moves k mod 20 years back
constexpr std::uint64_t kCopySalt = 0x5241534442454e43ULL;

// Copy k >= 1 leaves out the sentences whose hash falls in the bottom kDropPercent, and at least
// the one of lowest hash when the body has two or more (else a short body would often come out
// whole); it keeps the whole body if that would leave nothing.
std::string perturbed_body(const rasd::Article& a, std::size_t k) {
    if (k == 0) return a.body;
    const std::uint64_t base = rasd::detail::fnv1a64(a.id) ^ kCopySalt ^ splitmix64(k);
    const std::vector<std::string_view> parts = sentences(a.body);
    std::vector<std::uint64_t> hashes;
    for (std::size_t s = 0; s < parts.size(); ++s) hashes.push_back(splitmix64(base + s));
    const std::size_t lowest = static_cast<std::size_t>(std::min_element(hashes.begin(), hashes.end()) - hashes.begin());
    const bool any_dropped = std::any_of(hashes.begin(), hashes.end(), [](std::uint64_t h) { return h % 100 < kDropPercent; });
    std::string out;
    for (std::size_t s = 0; s < parts.size(); ++s) {
        const bool drop = hashes[s] % 100 < kDropPercent || (!any_dropped && parts.size() >= 2 && s == lowest);
        if (!drop) out += parts[s];
    }
    return out.find_first_not_of(" \n\r\t") == std::string::npos ? a.body : out;
}

}  // namespace

std::string copy_id(const std::string& id, std::size_t k) { return id + kCopySeparator + std::to_string(k); }

std::string source_id(const std::string& id) {
    const std::size_t at = id.rfind(kCopySeparator);
    return at == std::string::npos ? id : id.substr(0, at);
}

bool is_copy_id(const std::string& id) {
    const std::size_t at = id.rfind(kCopySeparator);
    return at != std::string::npos && at + 1 < id.size() &&
           std::all_of(id.begin() + static_cast<std::ptrdiff_t>(at) + 1, id.end(),
                       [](char c) { return c >= '0' && c <= '9'; });
}

std::string shift_date(const std::string& date, std::size_t years) {
    if (years == 0 || date.size() < 10 || date[4] != '-' || date[7] != '-') return date;
    for (std::size_t i = 0; i < 4; ++i) {
        if (date[i] < '0' || date[i] > '9') return date;
    }
    const int year = std::stoi(date.substr(0, 4)) - static_cast<int>(years);
    std::string out = date;
    out.replace(0, 4, zero_padded(year, 4));
    if (out.compare(5, 5, "02-29") == 0 && !is_leap(year)) out[9] = '8';
    return out;
}

std::vector<std::string_view> sentences(std::string_view body) {
    constexpr std::string_view kArabicQuestionMark = "\xD8\x9F";  // ؟ U+061F
    std::vector<std::string_view> out;
    std::size_t start = 0, i = 0;
    while (i < body.size()) {
        std::size_t end = 0;
        if (body[i] == '.' || body[i] == '!' || body[i] == '?' || body[i] == '\n') end = i + 1;
        else if (body.substr(i, 2) == kArabicQuestionMark) end = i + 2;
        if (end == 0) {
            ++i;
            continue;
        }
        while (end < body.size() && (body[end] == ' ' || body[end] == '\n' || body[end] == '\r')) ++end;
        out.push_back(body.substr(start, end - start));
        start = i = end;
    }
    if (start < body.size()) out.push_back(body.substr(start));
    return out;
}

rasd::Article make_copy(const rasd::Article& a, std::size_t k) {
    rasd::Article c = a;
    c.id = copy_id(a.id, k);
    c.date = shift_date(a.date, k % kYearShiftCycle);
    c.body = perturbed_body(a, k);
    return c;
}

}  // namespace rasd::bench::latency

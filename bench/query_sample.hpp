#pragma once
// Drawing benchmark queries from articles (seeded, the same with any standard library), and
// summarising latencies as nearest-rank percentiles. Header-only, for the query benchmarks.

#include "analyzers/arabic_chars.hpp"
#include "util/utf8.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/analysis/token.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rasd::bench {

// ---- seeded draws ---------------------------------------------------------------------------

// j uniform in [0, n) from raw 32-bit outputs (rejection sampling), so a mix is the same with
// any standard library (std::uniform_int_distribution's draws are not specified).
inline std::uint32_t uniform_below(std::mt19937& rng, std::uint32_t n) {
    const std::uint64_t range = std::uint64_t{1} << 32;
    const std::uint64_t limit = range - range % n;
    for (;;) {
        const std::uint64_t x = rng();
        if (x < limit) return static_cast<std::uint32_t>(x % n);
    }
}

inline std::size_t uniform_in(std::mt19937& rng, std::size_t lo, std::size_t hi) {  // [lo, hi]
    return lo + uniform_below(rng, static_cast<std::uint32_t>(hi - lo + 1));
}

template <typename T>
void shuffle(std::vector<T>& v, std::mt19937& rng) {  // Fisher-Yates, library independent
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[uniform_below(rng, static_cast<std::uint32_t>(i))]);
}

template <typename T>
const T& pick(const std::vector<T>& v, std::mt19937& rng) {
    return v[uniform_below(rng, static_cast<std::uint32_t>(v.size()))];
}

// ---- words of a text ------------------------------------------------------------------------

// Arabic letters and diacritics only (U+0621..U+0652, tatweel included), so the word is no query
// syntax and every parser splits it the same way. `letters` gets the letters (no tatweel, no
// diacritics).
inline bool is_plain_arabic(std::string_view w, std::size_t* letters) {
    namespace ar = rasd::detail::arabic;
    std::size_t n = 0;
    for (std::size_t pos = 0; pos < w.size();) {
        const char32_t c = rasd::detail::next_code_point(w, pos);  // malformed: U+FFFD, refused
        if (c < ar::kHamza || c > ar::kSukun) return false;
        if (c <= ar::kYeh && c != ar::kTatweel) ++n;  // a letter (not tatweel, not a diacritic)
    }
    if (letters) *letters = n;
    return n > 0;
}

struct SampledWord {
    std::string surface;
    bool stop = false;
    std::size_t letters = 0;
};

// The runs of consecutive plain-Arabic words of a text (adjacent positions), as surfaces.
inline std::vector<std::vector<SampledWord>> plain_runs(rasd::Analyzer& analyzer, std::string_view text) {
    std::vector<std::vector<SampledWord>> runs(1);
    std::uint32_t last_position = 0;
    for (const rasd::Token& t : analyzer.analyze(text)) {
        std::size_t letters = 0;
        const bool plain = is_plain_arabic(t.surface, &letters);
        const bool adjacent = !runs.back().empty() && t.position == last_position + 1;
        if ((!plain || !adjacent) && !runs.back().empty()) runs.emplace_back();
        if (plain) runs.back().push_back({t.surface, t.is_stop_word, letters});
        last_position = t.position;
    }
    if (runs.back().empty()) runs.pop_back();
    return runs;
}

// A run of `min_words`..`max_words` consecutive words of `text` with at least one that is not a
// stop word (rasd refuses a query of stop words only); "" if the text has none.
inline std::string fragment(rasd::Analyzer& analyzer, std::string_view text, std::size_t min_words,
                            std::size_t max_words, std::mt19937& rng) {
    const std::size_t want = uniform_in(rng, min_words, max_words);
    std::vector<std::vector<SampledWord>> runs;
    for (auto& r : plain_runs(analyzer, text)) {
        if (r.size() >= want) runs.push_back(std::move(r));
    }
    if (runs.empty()) return {};
    const std::vector<SampledWord>& run = pick(runs, rng);
    const std::size_t start = uniform_below(rng, static_cast<std::uint32_t>(run.size() - want + 1));
    std::string out;
    bool content = false;
    for (std::size_t i = start; i < start + want; ++i) {
        out += (out.empty() ? "" : " ") + run[i].surface;
        content = content || !run[i].stop;
    }
    return content ? out : std::string();
}

// One word of `text` that is no stop word and has `min_letters` letters or more; "" if none.
inline std::string content_word(rasd::Analyzer& analyzer, std::string_view text, std::size_t min_letters,
                                std::mt19937& rng) {
    std::vector<std::string> words;
    for (const auto& run : plain_runs(analyzer, text)) {
        for (const SampledWord& w : run) {
            if (!w.stop && w.letters >= min_letters) words.push_back(w.surface);
        }
    }
    return words.empty() ? std::string() : pick(words, rng);
}

// ---- latency summaries ----------------------------------------------------------------------

struct LatencyStats {
    std::size_t n = 0;
    double p50 = 0, p95 = 0, p99 = 0, mean = 0;  // milliseconds
};

// Nearest-rank percentiles and the mean of `ms`.
inline LatencyStats latency_stats(std::vector<double> ms) {
    LatencyStats s;
    s.n = ms.size();
    if (ms.empty()) return s;
    std::sort(ms.begin(), ms.end());
    auto at = [&](double p) {
        const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * static_cast<double>(ms.size())));
        return ms[std::clamp<std::size_t>(rank, 1, ms.size()) - 1];
    };
    s.p50 = at(50);
    s.p95 = at(95);
    s.p99 = at(99);
    double sum = 0;
    for (double x : ms) sum += x;
    s.mean = sum / static_cast<double>(ms.size());
    return s;
}

// As the benchmarks' JSON lines give it.
inline nlohmann::json stats_json(const LatencyStats& s) {
    return {{"n", s.n}, {"p50_ms", s.p50}, {"p95_ms", s.p95}, {"p99_ms", s.p99}, {"mean_ms", s.mean}};
}

}  // namespace rasd::bench

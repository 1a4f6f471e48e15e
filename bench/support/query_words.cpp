#include "query_words.hpp"

#include "seeded_draws.hpp"

#include "analyzers/arabic_chars.hpp"

#include <rasd/analysis/token.hpp>

#include <cstdint>
#include <utility>

namespace rasd::bench {

namespace {

namespace arabic = rasd::detail::arabic;

// The last of the common diacritics; the marks after it (U+0653..U+065F) make a word not plain.
constexpr char32_t kSukun = U'\u0652';

// The UTF-8 lead bytes of U+0600..U+067F: every plain-Arabic code point is two bytes, one of
// these and a continuation byte.
constexpr unsigned char kLeadD8 = 0xD8, kLeadD9 = 0xD9;

}  // namespace

bool is_plain_arabic(std::string_view w, std::size_t* letters) {
    if (w.empty() || w.size() % 2 != 0) return false;
    std::size_t n = 0;
    for (std::size_t i = 0; i < w.size(); i += 2) {
        const auto b0 = static_cast<unsigned char>(w[i]), b1 = static_cast<unsigned char>(w[i + 1]);
        if ((b0 != kLeadD8 && b0 != kLeadD9) || (b1 & 0xC0u) != 0x80u) return false;
        const char32_t cp = ((b0 & 0x1Fu) << 6) | (b1 & 0x3Fu);
        if (cp < arabic::kHamza || cp > kSukun) return false;
        if (cp <= arabic::kYeh && cp != arabic::kTatweel) ++n;  // a letter (not tatweel, not a diacritic)
    }
    if (letters) *letters = n;
    return n > 0;
}

std::vector<std::vector<SampledWord>> plain_runs(rasd::Analyzer& analyzer, std::string_view text) {
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

std::string fragment(rasd::Analyzer& analyzer, std::string_view text, std::size_t min_words, std::size_t max_words,
                     std::mt19937& rng) {
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

std::string content_word(rasd::Analyzer& analyzer, std::string_view text, std::size_t min_letters, std::mt19937& rng) {
    std::vector<std::string> words;
    for (const auto& run : plain_runs(analyzer, text)) {
        for (const SampledWord& w : run) {
            if (!w.stop && w.letters >= min_letters) words.push_back(w.surface);
        }
    }
    return words.empty() ? std::string() : pick(words, rng);
}

}  // namespace rasd::bench

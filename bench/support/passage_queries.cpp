#include "passage_queries.hpp"

#include "analyzers/arabic_chars.hpp"
#include "seeded_draws.hpp"
#include "util/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

namespace rasd::detail {
extern const std::string_view kVariantsArabicText;  // analyzers/data/variants_ar.tsv, embedded
}  // namespace rasd::detail

namespace rasd::bench::ranking {
namespace {

using namespace rasd::detail::arabic;

std::u32string decode(std::string_view s) {
    std::u32string out;
    for (std::size_t pos = 0; pos < s.size();) out += rasd::detail::next_code_point(s, pos);
    return out;
}

std::string encode(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) rasd::detail::append_utf8(out, c);
    return out;
}

// The groups of the variants table: folded stems spelling one foreign word.
const std::vector<std::vector<std::u32string>>& variant_groups() {
    static const std::vector<std::vector<std::u32string>> groups = [] {
        std::vector<std::vector<std::u32string>> out;
        std::string_view text = rasd::detail::kVariantsArabicText;
        while (!text.empty()) {
            const std::size_t end = std::min(text.find('\n'), text.size());
            std::string_view line = text.substr(0, end);
            text.remove_prefix(std::min(end + 1, text.size()));
            line = line.substr(0, std::min(line.find('#'), line.size()));
            std::vector<std::u32string> group;
            while (!line.empty()) {
                const std::size_t bar = std::min(line.find('|'), line.size());
                std::string_view stem = line.substr(0, bar);
                line.remove_prefix(std::min(bar + 1, line.size()));
                while (!stem.empty() && (stem.front() == ' ' || stem.front() == '\t')) stem.remove_prefix(1);
                while (!stem.empty() && (stem.back() == ' ' || stem.back() == '\t' || stem.back() == '\r')) stem.remove_suffix(1);
                if (!stem.empty()) group.push_back(decode(stem));
            }
            if (group.size() >= 2) out.push_back(std::move(group));
        }
        return out;
    }();
    return groups;
}

// The table's folding, one code point for one: أ/إ/آ as ا, ة as ه, ى as ي.
std::u32string folded(std::u32string word) {
    for (char32_t& c : word) {
        if (c == kAlefHamzaAbove || c == kAlefHamzaBelow || c == kAlefMadda) c = kAlef;
        if (c == kTehMarbuta) c = kHeh;
        if (c == kAlefMaksura) c = kYeh;
    }
    return word;
}

// Every respelling of `word` this task makes.
std::vector<std::u32string> respellings(const std::u32string& word) {
    std::vector<std::u32string> out;
    const std::u32string plain = folded(word);
    for (const std::vector<std::u32string>& group : variant_groups()) {
        for (const std::u32string& stem : group) {
            const std::size_t at = plain.find(stem);
            if (at == std::u32string::npos) continue;
            for (const std::u32string& other : group) {
                if (other != stem) out.push_back(word.substr(0, at) + other + word.substr(at + stem.size()));
            }
        }
    }
    if (!out.empty()) return out;  // a transliteration variant, the rarer respelling, first
    if (word.empty()) return out;
    auto with_last = [&](char32_t c) {
        std::u32string w = word;
        w.back() = c;
        out.push_back(std::move(w));
    };
    if (word.back() == kYeh) with_last(kAlefMaksura);
    if (word.back() == kAlefMaksura) with_last(kYeh);
    if (word.back() == kTehMarbuta) with_last(kHeh);
    // An initial hamza on alef, also after the article ال.
    const std::size_t initial = word.starts_with(U"\u0627\u0644") && word.size() > 2 ? 2 : 0;
    if (word[initial] == kAlefHamzaAbove || word[initial] == kAlefHamzaBelow) {
        std::u32string w = word;
        w[initial] = kAlef;
        out.push_back(std::move(w));
    }
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (word[i] != kWawHamzaAbove && word[i] != kYehHamzaAbove) continue;
        std::u32string w = word;
        w[i] = word[i] == kWawHamzaAbove ? kYehHamzaAbove : kWawHamzaAbove;
        out.push_back(std::move(w));
    }
    return out;
}

}  // namespace

std::string vary_spelling(std::string_view text, std::mt19937& rng) {
    std::string out;
    for (std::string_view word : split_words(text)) {
        if (!out.empty()) out += ' ';
        const std::vector<std::u32string> forms = respellings(decode(word));
        // Always two draws per word, so one word's forms do not shift the next word's draws.
        const bool respell = uniform_below(rng, 2) == 1;
        const std::uint32_t which = uniform_below(rng, static_cast<std::uint32_t>(std::max<std::size_t>(forms.size(), 1)));
        out += respell && !forms.empty() ? encode(forms[which]) : std::string(word);
    }
    return out;
}

QuerySet passage_queries(const Collection& c, std::size_t count) {
    std::vector<std::size_t> long_articles;
    for (std::size_t i = 0; i < c.articles.size(); ++i) {
        if (split_words(c.articles[i].body).size() >= kMinLongBodyWords) long_articles.push_back(i);
    }
    std::mt19937 rng(kPassageSeed);
    shuffle(long_articles, rng);
    QuerySet set;
    for (std::size_t k = 0; k < long_articles.size() && set.docs.size() < count; ++k) {
        const std::vector<std::string_view> words = split_words(c.articles[long_articles[k]].body);
        const std::size_t length = uniform_in(rng, kMinPassageWords, kMaxPassageWords);
        const auto deep = static_cast<std::size_t>(std::ceil(kDeepFrom * static_cast<double>(words.size())));
        const std::size_t start = uniform_in(rng, deep, words.size() - length);
        std::string passage;
        for (std::size_t w = start; w < start + length; ++w) passage += (passage.empty() ? "" : " ") + std::string(words[w]);
        set.docs.push_back(long_articles[k]);
        set.texts.push_back(plain_query(vary_spelling(passage, rng)));
    }
    return set;
}

}  // namespace rasd::bench::ranking

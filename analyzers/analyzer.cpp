// The analysis pipeline: fold (with offsets) -> ICU word breaking -> stop words -> stemming ->
// transliteration variants (when the analyzer joins them: make_analyzer(light) does).

#include "arabic_chars.hpp"
#include "folded_text.hpp"
#include "transliteration_variants.hpp"
#include "util/utf8.hpp"
#include "word_breaker.hpp"
#include "word_lists.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/error.hpp>

namespace rasd {
namespace {

// Whether folded text is a run of basic Arabic letters (hamza to yeh, tatweel aside) and ASCII
// lower-case letters only. ICU's word rules never break inside such a run (every one of them is
// ALetter), so it is one word: stem_word() then needs no break iterator, which was most of a
// snippet's cost (MSet::snippet asks for the stem of every word of a body).
bool is_one_word_of_letters(const std::u16string& units) {
    if (units.empty()) return false;
    for (const char16_t unit : units) {
        const char32_t c = unit;
        const bool arabic_letter = detail::arabic::in_range(c, detail::arabic::kHamza, detail::arabic::kYeh) &&
                                   c != detail::arabic::kTatweel;
        if (!arabic_letter && !(c >= U'a' && c <= U'z')) return false;
    }
    return true;
}

}  // namespace

struct RASD_NO_EXPORT Analyzer::Impl {
    std::unique_ptr<WordStemmer> arabic_stemmer;
    std::unique_ptr<WordStemmer> latin_stemmer;
    std::string name;
    const detail::VariantTable* variants;  // nullptr: variants kept apart
    detail::WordBreaker word_breaker;

    std::string stem_folded(const std::string& folded) {
        if (detail::has_arabic_letter(folded)) {
            std::string stem = arabic_stemmer->stem(folded);
            // After stemming, so one entry covers الأميركي, أميركية and والأميركيين alike.
            if (variants) return std::string(variants->canonical(stem));
            return stem;
        }
        if (detail::has_ascii_letter(folded)) return latin_stemmer->stem(folded);
        return folded;  // numbers and other scripts index as they are
    }
};

Analyzer::Analyzer(std::unique_ptr<WordStemmer> arabic_stemmer,
                   std::unique_ptr<WordStemmer> latin_stemmer,
                   std::string name,
                   TransliterationVariants variants) {
    if (!arabic_stemmer || !latin_stemmer) {
        throw InvalidArgument("Analyzer: stemmers must not be null");
    }
    (void)detail::stop_words();  // parse the embedded lists now, not inside the first analyze()
    const detail::VariantTable* table =
        variants == TransliterationVariants::Joined ? &detail::VariantTable::builtin() : nullptr;
    m_impl = std::make_unique<Impl>(
        Impl{std::move(arabic_stemmer), std::move(latin_stemmer), std::move(name), table, {}});
}

Analyzer::~Analyzer() = default;
Analyzer::Analyzer(Analyzer&&) noexcept = default;
Analyzer& Analyzer::operator=(Analyzer&&) noexcept = default;

std::vector<Token> Analyzer::analyze(std::string_view text) {
    const detail::FoldedText folded = detail::fold_with_offsets(text);
    std::vector<Token> tokens;
    std::uint32_t position = 0;
    m_impl->word_breaker.for_each_word(folded.units, [&](std::size_t begin, std::size_t end) {
        Token token;
        token.folded = detail::utf16_to_utf8(folded.units, begin, end);
        if (token.folded.size() > kMaxWordBytes) return;
        token.byte_begin = folded.source_begin[begin];
        token.byte_end = folded.source_end[end - 1];
        token.surface.assign(text.substr(token.byte_begin, token.byte_end - token.byte_begin));
        token.position = position++;
        token.is_stop_word = is_stop_word(token.folded);
        if (!token.is_stop_word) token.stem = m_impl->stem_folded(token.folded);
        tokens.push_back(std::move(token));
    });
    return tokens;
}

std::string Analyzer::stem_word(std::string_view word) {
    const detail::FoldedText folded = detail::fold_with_offsets(word);
    if (is_one_word_of_letters(folded.units)) {  // what analyze() would make of it, without ICU's breaking
        const std::string folded_word = detail::utf16_to_utf8(folded.units, 0, folded.units.size());
        if (folded_word.size() > kMaxWordBytes || is_stop_word(folded_word)) return {};
        return m_impl->stem_folded(folded_word);
    }
    const std::vector<Token> tokens = analyze(word);
    return tokens.empty() ? std::string() : tokens.front().stem;
}

StemFilter Analyzer::stem_filter(const std::vector<std::string>& stems) const {
    if (!m_impl->arabic_stemmer->stems_are_parts_of_words()) return {};
    // A word's stem is a part of its folded form before the variants make it its group's first.
    std::vector<std::string> spellings = stems;
    if (m_impl->variants) {
        for (const std::string& stem : stems) {
            const std::vector<std::string>& others = m_impl->variants->variants_of(stem);
            spellings.insert(spellings.end(), others.begin(), others.end());
        }
    }
    return StemFilter::of_spellings(spellings);
}

const std::string& Analyzer::name() const { return m_impl->name; }

std::string Analyzer::signature() const {
    return m_impl->name + "/" + std::to_string(kAnalyzerVersion);
}

bool is_stop_word(std::string_view folded_word) {
    return detail::stop_words().contains(folded_word);
}

}  // namespace rasd

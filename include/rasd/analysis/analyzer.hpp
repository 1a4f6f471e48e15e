#pragma once
/// @file analyzer.hpp  The one code path that turns text into tokens, for documents and queries.

#include <rasd/analysis/stem_filter.hpp>
#include <rasd/analysis/stemmer.hpp>
#include <rasd/analysis/token.hpp>
#include <rasd/export.hpp>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace rasd {

/// Bumped whenever folding, word breaking, stop words, stemming or the transliteration variants
/// change what terms a text yields; databases record it and refuse an analyzer of another
/// version. 2: transliteration variants joined (light). 3: place names whose light stem was a
/// common word's keep their own (الرياض is no longer الرياضة's رياض; analyzers/data/place_stems_ar.tsv).
/// 4: the same for the names an audit of the gazetteer on ANT found (الجولان is no longer
/// الجولة's جول, العقبة no longer عقب's).
inline constexpr int kAnalyzerVersion = 4;

/// Whether spellings of one foreign name or word (الأميركي/الأمريكي, ترامب/ترمب, جوجل/غوغل)
/// share one stem. The table lists groups of `light` stems checked on news text
/// (docs/ANALYSIS.md), so it is meant for the light stemmer.
enum class TransliterationVariants {
    Apart,   ///< every spelling keeps the stem its stemmer gives it
    Joined,  ///< the stems of a group all become the group's first stem
};

/// Words longer than this many bytes once folded are dropped (Xapian terms are limited to
/// 245 bytes, and such "words" are almost always junk such as base64 or URLs run together).
inline constexpr std::size_t kMaxWordBytes = 120;

/// Analyzes text: fold_text(), then ICU word breaking, then stop words, then stemming, then
/// (TransliterationVariants::Joined) the transliteration variants.
///
/// Arabic-script words go to the Arabic stemmer, words with Latin letters to the Latin one,
/// numbers and other scripts keep their folded form as stem. Not thread-safe: use one
/// Analyzer per thread (they are cheap to make with make_analyzer()).
class RASD_EXPORT Analyzer {
public:
    /// @param arabic_stemmer stems words containing Arabic letters; must not be null.
    /// @param latin_stemmer  stems words containing Latin letters; must not be null.
    /// @param name           the analyzer's name as recorded in databases, e.g. "light".
    /// @param variants       whether Arabic stems go through rasd's transliteration variants
    ///                       after stemming (make_analyzer() joins them for `light`).
    /// @throws InvalidArgument if a stemmer is null.
    Analyzer(std::unique_ptr<WordStemmer> arabic_stemmer,
             std::unique_ptr<WordStemmer> latin_stemmer,
             std::string name,
             TransliterationVariants variants = TransliterationVariants::Apart);
    ~Analyzer();
    Analyzer(Analyzer&&) noexcept;
    Analyzer& operator=(Analyzer&&) noexcept;
    Analyzer(const Analyzer&) = delete;
    Analyzer& operator=(const Analyzer&) = delete;

    /// Splits UTF-8 `text` into tokens. Invalid UTF-8 is read as U+FFFD; never throws on
    /// any input except std::bad_alloc.
    [[nodiscard]] std::vector<Token> analyze(std::string_view text);

    /// Stems one word the way analyze() would: folds it, returns "" for a stop word.
    [[nodiscard]] std::string stem_word(std::string_view word);

    /// A filter that tells most words whose stem_word() is none of `stems` without stemming
    /// them (their spellings under the transliteration variants included). With an Arabic
    /// stemmer whose stems are not always parts of their words, every word passes.
    [[nodiscard]] StemFilter stem_filter(const std::vector<std::string>& stems) const;

    /// The name recorded in databases ("light", "snowball", "none").
    [[nodiscard]] const std::string& name() const;

    /// "NAME/VERSION", e.g. "light/4": what a database stores to refuse mixing analyzers.
    [[nodiscard]] std::string signature() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// True if `folded_word` is an Arabic or English stop word (compare folded forms).
[[nodiscard]] RASD_EXPORT bool is_stop_word(std::string_view folded_word);

}  // namespace rasd

// Stemmers that come from Xapian's Snowball implementations, and the analyzer factory that
// combines them with rasd's own.

#include <rasd/analyzer_factory.hpp>
#include <rasd/error.hpp>

#include <xapian.h>

namespace rasd {
namespace {

using namespace std::string_view_literals;

// Wraps Xapian::Stem for one Snowball language.
class SnowballStemmer final : public WordStemmer {
public:
    explicit SnowballStemmer(const std::string& language) : m_stem(language), m_language(language) {}
    std::string stem(std::string_view folded_word) override { return m_stem(std::string(folded_word)); }
    std::string name() const override { return "snowball-" + m_language; }

private:
    Xapian::Stem m_stem;
    std::string m_language;
};

// Xapian's Snowball arabic never removes وال and فال (it refuses و/ف before ا), so those go first.
class SnowballArabicStemmer final : public WordStemmer {
public:
    std::string stem(std::string_view folded_word) override {
        for (std::string_view prefix : {"وال"sv, "فال"sv}) {
            // Keep at least two letters (four bytes of Arabic) after the prefix.
            if (folded_word.starts_with(prefix) && folded_word.size() >= prefix.size() + 4) {
                folded_word.remove_prefix(prefix.size());
                break;
            }
        }
        return m_snowball.stem(folded_word);
    }
    std::string name() const override { return "snowball"; }

private:
    SnowballStemmer m_snowball{"arabic"};
};

}  // namespace

StemmerKind parse_stemmer_kind(std::string_view name) {
    if (name == "light") return StemmerKind::Light;
    if (name == "snowball") return StemmerKind::Snowball;
    if (name == "none") return StemmerKind::None;
    throw InvalidArgument("unknown stemmer '" + std::string(name) + "' (valid: light, snowball, none)");
}

std::string to_string(StemmerKind kind) {
    switch (kind) {
        case StemmerKind::Light: return "light";
        case StemmerKind::Snowball: return "snowball";
        case StemmerKind::None: return "none";
    }
    return "light";
}

std::vector<std::string> stemmer_names() { return {"light", "snowball", "none"}; }

Analyzer make_analyzer(StemmerKind kind) {
    // The variant table lists light stems: other stemmers would rarely produce them.
    return make_analyzer(kind, kind == StemmerKind::Light ? TransliterationVariants::Joined
                                                          : TransliterationVariants::Apart);
}

Analyzer make_analyzer(StemmerKind kind, TransliterationVariants variants) {
    std::string name = to_string(kind);
    if (kind == StemmerKind::Light && variants == TransliterationVariants::Apart) name += "-apart";
    if (kind != StemmerKind::Light && variants == TransliterationVariants::Joined) name += "-variants";
    switch (kind) {
        case StemmerKind::Light:
            return Analyzer(std::make_unique<LightArabicStemmer>(), std::make_unique<SnowballStemmer>("english"), name,
                            variants);
        case StemmerKind::Snowball:
            return Analyzer(std::make_unique<SnowballArabicStemmer>(), std::make_unique<SnowballStemmer>("english"),
                            name, variants);
        case StemmerKind::None:
            return Analyzer(std::make_unique<IdentityStemmer>(), std::make_unique<IdentityStemmer>(), name, variants);
    }
    throw InvalidArgument("unknown stemmer kind");
}

}  // namespace rasd

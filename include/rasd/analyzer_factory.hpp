#pragma once
/// @file analyzer_factory.hpp  Analyzers chosen by name, with every stemmer rasd offers.

#include <rasd/analysis/analyzer.hpp>
#include <rasd/export.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace rasd {

/// The stemmers rasd offers for Arabic.
enum class StemmerKind {
    Light,     ///< rasd's light stemmer (the default): see LightArabicStemmer.
    Snowball,  ///< Xapian's Snowball arabic, after removing وال / فال.
    None,      ///< no stemming; the folded word is the stem.
};

/// Parses "light", "snowball" or "none".
/// @throws InvalidArgument naming the bad value and the valid ones.
[[nodiscard]] RASD_EXPORT StemmerKind parse_stemmer_kind(std::string_view name);

/// The name of a StemmerKind, as parse_stemmer_kind() reads it.
[[nodiscard]] RASD_EXPORT std::string to_string(StemmerKind kind);

/// The valid stemmer names, in the order `--help` lists them.
[[nodiscard]] RASD_EXPORT std::vector<std::string> stemmer_names();

/// Builds an analyzer: Arabic words through `kind`, Latin words through Snowball english
/// (none for StemmerKind::None); with StemmerKind::Light, transliteration variants are joined
/// (TransliterationVariants::Joined).
[[nodiscard]] RASD_EXPORT Analyzer make_analyzer(StemmerKind kind = StemmerKind::Light);

/// The same with the transliteration variants chosen (make_analyzer(kind) joins them for Light
/// only): for instance the light analysis without them, as rasd analyzed before they were
/// added. An analyzer that differs from make_analyzer(kind) says so in its name, "light-apart"
/// or "snowball-variants", so that no database mixes it with the default one.
[[nodiscard]] RASD_EXPORT Analyzer make_analyzer(StemmerKind kind, TransliterationVariants variants);

}  // namespace rasd

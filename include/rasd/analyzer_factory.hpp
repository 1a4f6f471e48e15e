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
/// (none for StemmerKind::None).
[[nodiscard]] RASD_EXPORT Analyzer make_analyzer(StemmerKind kind = StemmerKind::Light);

}  // namespace rasd

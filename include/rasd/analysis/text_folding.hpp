#pragma once
/// @file text_folding.hpp  The character-level normalization every text and query goes through.

#include <rasd/export.hpp>

#include <string>
#include <string_view>

namespace rasd {

/// Normalizes UTF-8 text the way the analyzer does before word breaking:
/// - ICU NFKC with case folding (NFKC_Casefold): presentation forms become base letters,
///   Latin is case-folded, default-ignorable characters (ZWNJ, ZWJ, BOM, bidi marks) vanish;
/// - harakat U+064B–U+065F, superscript alef U+0670, Quranic marks U+0610–U+061A and
///   U+06D6–U+06ED, and tatweel U+0640 are removed;
/// - آ أ إ ٱ → ا, ى → ي, ة → ه, ؤ ئ → ء (hamza seats fold to the bare hamza so that
///   مسؤول and مسئول meet), Persian ی ک → ي ك;
/// - every Unicode decimal digit becomes 0–9; ٫ ٬ become . and ,; `_` becomes a space.
/// Invalid UTF-8 sequences become U+FFFD. Never throws on any input.
[[nodiscard]] RASD_EXPORT std::string fold_text(std::string_view text);

}  // namespace rasd

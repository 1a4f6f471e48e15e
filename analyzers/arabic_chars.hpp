#pragma once
// Named Arabic code points and ranges used by folding and stemming. Logic never spells a bare
// hex code point; it names one of these.

namespace rasd::detail::arabic {

// Letters that folding maps.
inline constexpr char32_t kHamza = U'\u0621';                 // ء
inline constexpr char32_t kAlefMadda = U'\u0622';             // آ
inline constexpr char32_t kAlefHamzaAbove = U'\u0623';        // أ
inline constexpr char32_t kWawHamzaAbove = U'\u0624';         // ؤ
inline constexpr char32_t kAlefHamzaBelow = U'\u0625';        // إ
inline constexpr char32_t kYehHamzaAbove = U'\u0626';         // ئ
inline constexpr char32_t kAlef = U'\u0627';                  // ا
inline constexpr char32_t kTehMarbuta = U'\u0629';            // ة
inline constexpr char32_t kTatweel = U'\u0640';               // ـ
inline constexpr char32_t kFeh = U'\u0641';                   // ف
inline constexpr char32_t kKaf = U'\u0643';                   // ك
inline constexpr char32_t kLam = U'\u0644';                   // ل
inline constexpr char32_t kHeh = U'\u0647';                   // ه
inline constexpr char32_t kWaw = U'\u0648';                   // و
inline constexpr char32_t kAlefMaksura = U'\u0649';           // ى
inline constexpr char32_t kYeh = U'\u064A';                   // ي
inline constexpr char32_t kSuperscriptAlef = U'\u0670';       // ٰ
inline constexpr char32_t kAlefWasla = U'\u0671';             // ٱ
inline constexpr char32_t kAlefWavyHamzaAbove = U'\u0672';    // ٲ
inline constexpr char32_t kAlefWavyHamzaBelow = U'\u0673';    // ٳ
inline constexpr char32_t kHighHamzaYeh = U'\u0678';          // ٸ
inline constexpr char32_t kPersianKeheh = U'\u06A9';          // ک
inline constexpr char32_t kFarsiYeh = U'\u06CC';              // ی
inline constexpr char32_t kDecimalSeparator = U'\u066B';      // ٫
inline constexpr char32_t kThousandsSeparator = U'\u066C';    // ٬

// Punctuation that separates words.
inline constexpr char32_t kArabicComma = U'\u060C';           // ،
inline constexpr char32_t kArabicSemicolon = U'\u061B';       // ؛
inline constexpr char32_t kArabicQuestionMark = U'\u061F';    // ؟
// A bidi format character: invisible, part of no word.
inline constexpr char32_t kArabicLetterMark = U'\u061C';

// Marks removed by folding.
inline constexpr char32_t kHarakatFirst = U'\u064B';          // fathatan ...
inline constexpr char32_t kHarakatLast = U'\u065F';           // ... through wavy hamza below
inline constexpr char32_t kSukun = U'\u0652';                 // ْ  the last of the basic harakat
inline constexpr char32_t kQuranicSignsFirst = U'\u0610';
inline constexpr char32_t kQuranicSignsLast = U'\u061A';
inline constexpr char32_t kQuranicAnnotationFirst = U'\u06D6';
inline constexpr char32_t kQuranicAnnotationLast = U'\u06ED';
// Presentation-form isolated harakat (U+FE70..U+FE7F): NFKC turns them into space + mark, which
// would split a word; folding drops them whole.
inline constexpr char32_t kIsolatedHarakatFirst = U'\uFE70';
inline constexpr char32_t kIsolatedHarakatLast = U'\uFE7F';

// Script blocks that make a word "Arabic" for the choice of stemmer.
inline constexpr char32_t kArabicBlockFirst = U'\u0600';
inline constexpr char32_t kArabicBlockLast = U'\u06FF';
inline constexpr char32_t kArabicSupplementFirst = U'\u0750';
inline constexpr char32_t kArabicSupplementLast = U'\u077F';
inline constexpr char32_t kArabicExtendedAFirst = U'\u08A0';
inline constexpr char32_t kArabicExtendedALast = U'\u08FF';

[[nodiscard]] constexpr bool in_range(char32_t c, char32_t first, char32_t last) {
    return c >= first && c <= last;
}

[[nodiscard]] constexpr bool is_arabic_letter_block(char32_t c) {
    return in_range(c, kArabicBlockFirst, kArabicBlockLast) ||
           in_range(c, kArabicSupplementFirst, kArabicSupplementLast) ||
           in_range(c, kArabicExtendedAFirst, kArabicExtendedALast);
}

}  // namespace rasd::detail::arabic

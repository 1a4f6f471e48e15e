#pragma once
// A count with its noun, for messages and pages: "1 article", "3 articles"; the Arabic labels
// of a story's other copies. Header-only, shared by the library and the executables.

#include <cstddef>
#include <string>
#include <string_view>

namespace rasd::detail {

// `one` for a count of 1, else `many`.
[[nodiscard]] inline std::string_view noun_for(std::size_t count, std::string_view one, std::string_view many) {
    return count == 1 ? one : many;
}

// "1 article", "3 articles".
[[nodiscard]] inline std::string counted(std::size_t count, std::string_view one, std::string_view many) {
    return std::to_string(count) + " " + std::string(noun_for(count, one, many));
}

// What follows "+N" on a collapsed hit: "نسخة أخرى" (one other copy) or "نسخ أخرى".
[[nodiscard]] inline std::string_view other_copies_label(std::size_t copies) {
    return noun_for(copies, "نسخة أخرى", "نسخ أخرى");
}

// An Arabic noun in the forms a number governs: one and two are written in words ("مقال واحد",
// "مقالين"); 3..10 take the plural, 11..99 the singular in the accusative, 100 and its multiples
// the singular; from 100 on, by the last two digits (103 مقالات، 111 مقالًا).
struct ArabicCountedNoun {
    std::string_view one;       // "مقال واحد"
    std::string_view two;       // "مقالين" (after من), "نتيجتان"
    std::string_view plural;    // "مقالات"
    std::string_view eleven;    // "مقالًا": 11..99
    std::string_view hundred;   // "مقال": 100, 101, 102, 200 ...
};

// `count` with its noun; `number` is the count as it is to be shown (a page wraps it for bidi).
[[nodiscard]] inline std::string arabic_counted(std::size_t count, std::string_view number,
                                                const ArabicCountedNoun& noun) {
    constexpr std::size_t kHundred = 100;
    constexpr std::size_t kLastPluralCount = 10;  // 3..10 take the plural
    if (count == 1) return std::string(noun.one);
    if (count == 2) return std::string(noun.two);
    const std::size_t tail = count >= kHundred ? count % kHundred : count;
    std::string_view form = noun.hundred;  // 100, 200, 101, 102 ...
    if (tail >= 3 && tail <= kLastPluralCount) form = noun.plural;
    if (tail > kLastPluralCount) form = noun.eleven;
    return std::string(number) + " " + std::string(form);
}

// A count of articles after من ("a story of ..."): مقال واحد، مقالين، 3 مقالات، 11 مقالًا، 100 مقال.
inline constexpr ArabicCountedNoun kArticlesAfterMin = {"مقال واحد", "مقالين", "مقالات", "مقالًا", "مقال"};
// A count of results or of stories on its own: نتيجة واحدة، نتيجتان، 3 نتائج، 11 نتيجةً، 100 نتيجة.
inline constexpr ArabicCountedNoun kResults = {"نتيجة واحدة", "نتيجتان", "نتائج", "نتيجةً", "نتيجة"};
inline constexpr ArabicCountedNoun kStories = {"قصة واحدة", "قصتان", "قصص", "قصةً", "قصة"};

}  // namespace rasd::detail

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

// A count of articles as Arabic writes it after من ("a story of ..."), the noun agreeing with
// its number: مقال واحد، مقالين، 3 مقالات ... 10 مقالات، 11 مقالًا ... 99 مقالًا، 100 مقال; from 100
// by the last two digits (103 مقالات، 111 مقالًا). `number` is the count as it is to be shown
// (a page wraps it for bidi); one and two are written in words.
[[nodiscard]] inline std::string arabic_articles_after_min(std::size_t count, std::string_view number) {
    constexpr std::size_t kHundred = 100;
    constexpr std::size_t kLastPluralCount = 10;  // 3..10 take the plural
    if (count == 1) return "مقال واحد";
    if (count == 2) return "مقالين";
    const std::size_t tail = count >= kHundred ? count % kHundred : count;
    const char* noun = "مقال";  // 100, 200, 101, 102 ...
    if (tail >= 3 && tail <= kLastPluralCount) noun = "مقالات";
    if (tail > kLastPluralCount) noun = "مقالًا";
    return std::string(number) + " " + noun;
}

}  // namespace rasd::detail

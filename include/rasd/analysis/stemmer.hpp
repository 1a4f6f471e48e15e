#pragma once
/// @file stemmer.hpp  Word stemmers: the interface and the ones that need nothing but rasd.

#include <rasd/export.hpp>

#include <memory>
#include <string>
#include <string_view>

namespace rasd {

/// Maps one folded word (output of fold_text, no spaces) to its stem.
/// Implementations may keep scratch state, so one instance serves one thread at a time.
class RASD_EXPORT WordStemmer {
public:
    virtual ~WordStemmer() = default;
    /// Returns the stem of `folded_word`; never throws for valid UTF-8 input.
    [[nodiscard]] virtual std::string stem(std::string_view folded_word) = 0;
    /// A short name for messages and database metadata, e.g. "light".
    [[nodiscard]] virtual std::string name() const = 0;
    /// True if every stem is a run of letters of its word (the stemmer only removes letters from
    /// the ends): then a word lacking a letter of a stem cannot have that stem (StemFilter).
    [[nodiscard]] virtual bool stems_are_parts_of_words() const { return false; }
};

/// Returns the word unchanged (the `none` stemmer).
class RASD_EXPORT IdentityStemmer final : public WordStemmer {
public:
    [[nodiscard]] std::string stem(std::string_view folded_word) override;
    [[nodiscard]] std::string name() const override { return "none"; }
    [[nodiscard]] bool stems_are_parts_of_words() const override { return true; }
};

/// rasd's light Arabic stemmer, in the spirit of Larkey et al.'s light10, on folded words.
///
/// Rules, in order (counts are in letters):
/// 1. A word on the protected list (names and words whose first letter is a root letter,
///    e.g. فرنسا، فلسطين، بيروت، بطاطس، وزير) is returned whole; the list is checked again
///    after every prefix step.
/// 2. One definite-article group is removed if at least 2 letters remain: وبال وكال فبال فكال
///    ولل فلل وال فال بال كال لل ال (longest first).
/// 3. Otherwise up to two one-letter clitics are removed, a conjunction و/ف and then a
///    preposition ب/ك/ل, each only if at least 3 letters remain; if what remains starts with
///    ال it is removed as in rule 2.
/// 4. Suffixes ها ان ات ون ين يه ه ي are tried in that order, each at most once, each only if at
///    least 3 letters remain (light10 allows 2; 3 keeps بيان and مكان whole).
/// Words without Arabic letters are returned unchanged.
class RASD_EXPORT LightArabicStemmer final : public WordStemmer {
public:
    LightArabicStemmer();
    [[nodiscard]] std::string stem(std::string_view folded_word) override;
    [[nodiscard]] std::string name() const override { return "light"; }
    [[nodiscard]] bool stems_are_parts_of_words() const override { return true; }
};

}  // namespace rasd

// rasd's light Arabic stemmer (see LightArabicStemmer in <rasd/analysis/stemmer.hpp>).
// Works on folded words, so ة is already ه, ى is ي and hamza forms are folded.

#include "util/utf8.hpp"
#include "word_lists.hpp"

#include <rasd/analysis/stemmer.hpp>

#include <algorithm>
#include <array>

namespace rasd {
namespace {

using namespace std::string_view_literals;

// Definite article with the clitics that attach before it; longest first so وبال wins over بال.
constexpr std::array kArticlePrefixes = {
    "وبال"sv, "وكال"sv, "فبال"sv, "فكال"sv, "ولل"sv, "فلل"sv,
    "وال"sv, "فال"sv, "بال"sv, "كال"sv, "لل"sv, "ال"sv,
};
constexpr auto kArticle = "ال"sv;
constexpr std::array kConjunctions = {"و"sv, "ف"sv};
constexpr auto kKafPreposition = "ك"sv;
constexpr std::array kPrepositions = {"ب"sv, "ل"sv, kKafPreposition};
// light10's suffixes with ة and ية folded into ه and يه; each tried once, in this order.
constexpr std::array kSuffixes = {"ها"sv, "ان"sv, "ات"sv, "ون"sv, "ين"sv, "يه"sv, "ه"sv, "ي"sv};

constexpr std::size_t kLetterBytes = 2;  // every Arabic letter is two bytes in UTF-8

// Guards, in letters left after removal. The article keeps light10's 2 (الام → ام is rare and
// harmless); one-letter clitics need 3 (لمصر → مصر); ك needs 4 because ك-initial nouns
// (كبير، كلمه) far outnumber the comparative كـ in news; suffixes need 3 (بيان stays whole).
constexpr std::size_t kMinAfterArticle = 2;
constexpr std::size_t kMinAfterClitic = 3;
constexpr std::size_t kMinAfterKaf = 4;
constexpr std::size_t kMinAfterSuffix = 3;

bool is_protected(std::string_view word) {
    return detail::protected_words().contains(word);
}

// Letters that inflectional suffixes are made of (ها ان ات ون ين يه ه ي هم كم نا ...).
bool is_suffix_letter(std::string_view letter) {
    static constexpr std::array kSuffixLetters = {"ا"sv, "ت"sv, "ك"sv, "م"sv, "ن"sv, "ه"sv, "و"sv, "ي"sv};
    for (std::string_view s : kSuffixLetters) {
        if (letter == s) return true;
    }
    return false;
}

// True if the word starts with و ف ب ك ل, the letters a one-letter clitic can be.
bool starts_with_clitic_letter(std::string_view word) {
    static constexpr std::array kCliticLetters = {"و"sv, "ف"sv, "ب"sv, "ك"sv, "ل"sv};
    for (std::string_view letter : kCliticLetters) {
        if (word.starts_with(letter)) return true;
    }
    return false;
}

// Byte length of the shortest protected word that `word` starts with, provided the rest is
// made of suffix letters only (فلسطينيين = فلسطين + يين); 0 if none. Such a word keeps its
// first letter, and suffix removal stops at the protected part, so فلسطينيين → فلسطين.
std::size_t protected_prefix_bytes(std::string_view word) {
    constexpr std::size_t kShortestProtectedBytes = 3 * kLetterBytes;
    // Every protected word starts with a letter that could be a clitic; skip the rest cheaply.
    if (!starts_with_clitic_letter(word) || word.size() % kLetterBytes != 0) return 0;

    // The protected part must reach at least past the last letter that no suffix contains.
    std::size_t min_end = word.size();
    while (min_end > kShortestProtectedBytes &&
           is_suffix_letter(word.substr(min_end - kLetterBytes, kLetterBytes))) {
        min_end -= kLetterBytes;
    }
    for (std::size_t end = min_end; end <= word.size(); end += kLetterBytes) {
        if (is_protected(word.substr(0, end))) return end;
    }
    return 0;
}

// The stem data/place_stems_ar.tsv keeps for `word` (الرياض، بالرياض، للرياض -> الرياض), or
// nullptr: the word itself (ورزازات starts with و, بابل with ب), then after a conjunction, after
// a preposition too, or لل read as ال. Every word of every text comes here: no allocation.
const std::string* place_stem(std::string_view word) {
    const detail::StemTable& table = detail::place_stems();
    auto lookup = [&](std::string_view form) -> const std::string* {
        const auto found = table.find(form);
        return found == table.end() ? nullptr : &found->second;
    };
    if (const std::string* stem = lookup(word)) return stem;
    for (std::string_view conjunction : kConjunctions) {
        if (word.starts_with(conjunction)) {
            word.remove_prefix(conjunction.size());
            if (const std::string* stem = lookup(word)) return stem;
            break;
        }
    }
    constexpr auto kLamLam = "لل"sv;  // ل before ال, which loses its alef
    if (word.starts_with(kLamLam)) {
        // لل + rest is looked up as ال + rest: the same bytes from the alef on, once the first
        // lam is read as the article's alef (both are two bytes).
        static_assert(kArticle.size() == kLamLam.size());
        if (word.size() > detail::kMaxPlaceFormBytes) return nullptr;
        std::array<char, detail::kMaxPlaceFormBytes> as_article{};
        std::copy(kArticle.begin(), kArticle.end(), as_article.begin());
        std::copy(word.begin() + kLamLam.size(), word.end(), as_article.begin() + kArticle.size());
        return lookup(std::string_view(as_article.data(), word.size()));
    }
    for (std::string_view preposition : kPrepositions) {
        if (!word.starts_with(preposition)) continue;
        const std::string_view rest = word.substr(preposition.size());
        // ك ("like") comes before a name only with its article (كالرياض); before a bare form
        // it is the first letter of a verb more often: كسبته ("it gained") is not ك + سبتة.
        if (preposition == kKafPreposition && !rest.starts_with(kArticle)) return nullptr;
        return lookup(rest);
    }
    return nullptr;
}

bool strip_prefix_if(std::string_view& word, std::string_view prefix, std::size_t min_left) {
    if (!word.starts_with(prefix)) return false;
    if (detail::count_code_points(word) < detail::count_code_points(prefix) + min_left) return false;
    word.remove_prefix(prefix.size());
    return true;
}

bool strip_article(std::string_view& word) {
    for (std::string_view prefix : kArticlePrefixes) {
        if (strip_prefix_if(word, prefix, kMinAfterArticle)) return true;
    }
    return false;
}

}  // namespace

std::string IdentityStemmer::stem(std::string_view folded_word) { return std::string(folded_word); }

LightArabicStemmer::LightArabicStemmer() {
    (void)detail::protected_words();
    (void)detail::place_stems();
}

std::string LightArabicStemmer::stem(std::string_view folded_word) {
    std::string_view word = folded_word;
    if (!detail::has_arabic_letter(word)) return std::string(word);
    if (const std::string* stem = place_stem(word)) return *stem;

    const std::string_view after_first_letter = word.substr(std::min(word.size(), kLetterBytes));
    if (protected_prefix_bytes(word) != 0) {
        // The first letter is the word's own (فرنسا، وزير): no prefix to remove.
    } else if (starts_with_clitic_letter(word) && protected_prefix_bytes(after_first_letter) != 0) {
        word = after_first_letter;  // one clitic before a protected word: للبنان، وبيروت
    } else if (!strip_article(word)) {
        for (std::string_view conjunction : kConjunctions) {
            if (strip_prefix_if(word, conjunction, kMinAfterClitic)) break;
        }
        if (protected_prefix_bytes(word) == 0) {
            for (std::string_view preposition : kPrepositions) {
                const std::size_t min_left =
                    preposition == kKafPreposition ? kMinAfterKaf : kMinAfterClitic;
                if (strip_prefix_if(word, preposition, min_left)) break;
            }
            if (protected_prefix_bytes(word) == 0) strip_prefix_if(word, kArticle, kMinAfterArticle);
        }
    }

    const std::size_t keep_bytes = protected_prefix_bytes(word);
    for (std::string_view suffix : kSuffixes) {
        if (word.ends_with(suffix) && word.size() - suffix.size() >= keep_bytes &&
            detail::count_code_points(word) >= detail::count_code_points(suffix) + kMinAfterSuffix) {
            word.remove_suffix(suffix.size());
        }
    }
    return std::string(word);
}

}  // namespace rasd

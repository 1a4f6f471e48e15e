// Character-level normalization: ICU NFKC_Casefold, then rasd's Arabic fold, with a map from
// every output UTF-16 unit back to the bytes of the original text.

#include "arabic_chars.hpp"
#include "folded_text.hpp"
#include "icu_support.hpp"

#include "util/utf8.hpp"

#include <rasd/analysis/text_folding.hpp>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cstdint>

namespace rasd::detail {
namespace {

namespace ar = arabic;

constexpr char32_t kDeleted = 0xFFFFFFFF;   // fold_char() result: drop the code point

const icu::Normalizer2& nfkc_casefold() {
    static const icu::Normalizer2* instance = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
        icu_check(status, "Normalizer2::getNFKCCasefoldInstance");
        return n;
    }();
    return *instance;
}

// The Arabic fold of one code point that NFKC_Casefold already produced.
char32_t fold_char(char32_t c) {
    if (c < 0x80) {
        if (c == U'_') return U' ';  // hashtags and snake_case split into words
        return c;
    }
    if (ar::in_range(c, ar::kHarakatFirst, ar::kHarakatLast) || c == ar::kSuperscriptAlef ||
        c == ar::kTatweel || ar::in_range(c, ar::kQuranicSignsFirst, ar::kQuranicSignsLast) ||
        ar::in_range(c, ar::kQuranicAnnotationFirst, ar::kQuranicAnnotationLast)) {
        return kDeleted;
    }
    switch (c) {
        case ar::kAlefMadda:
        case ar::kAlefHamzaAbove:
        case ar::kAlefHamzaBelow:
        case ar::kAlefWasla:
        case ar::kAlefWavyHamzaAbove:
        case ar::kAlefWavyHamzaBelow:
            return ar::kAlef;
        case ar::kAlefMaksura:
        case ar::kFarsiYeh:
            return ar::kYeh;
        case ar::kTehMarbuta:
            return ar::kHeh;
        // Hamza seats fold to the bare hamza: مسؤول and مسئول (and شؤون / شئون) are both
        // common spellings of one word, and only a shared target conflates them.
        case ar::kWawHamzaAbove:
        case ar::kYehHamzaAbove:
        case ar::kHighHamzaYeh:
            return ar::kHamza;
        case ar::kPersianKeheh:
            return ar::kKaf;
        case ar::kDecimalSeparator:
            return U'.';
        case ar::kThousandsSeparator:
            return U',';
        default:
            break;
    }
    if (u_charType(static_cast<UChar32>(c)) == U_DECIMAL_DIGIT_NUMBER) {
        return U'0' + static_cast<char32_t>(u_charDigitValue(static_cast<UChar32>(c)));
    }
    return c;
}

class FoldBuilder {
public:
    explicit FoldBuilder(std::size_t size_hint) {
        m_out.units.reserve(size_hint);
        m_out.source_begin.reserve(size_hint);
        m_out.source_end.reserve(size_hint);
    }

    // Appends the fold of one normalized code point that came from bytes [begin, end).
    void emit(char32_t normalized, std::size_t begin, std::size_t end) {
        const char32_t c = fold_char(normalized);
        if (c == kDeleted) {
            extend_previous(end);
            return;
        }
        if (U_IS_BMP(c)) {
            push(static_cast<char16_t>(c), begin, end);
        } else {
            push(static_cast<char16_t>(U16_LEAD(c)), begin, end);
            push(static_cast<char16_t>(U16_TRAIL(c)), begin, end);
        }
    }

    // A dropped input (mark, tatweel, ignorable) belongs to the letter before it.
    void extend_previous(std::size_t end) {
        if (!m_out.source_end.empty()) {
            m_out.source_end.back() = std::max(m_out.source_end.back(), end);
        }
    }

    FoldedText take() { return std::move(m_out); }

private:
    void push(char16_t unit, std::size_t begin, std::size_t end) {
        m_out.units.push_back(unit);
        m_out.source_begin.push_back(begin);
        m_out.source_end.push_back(end);
    }
    FoldedText m_out;
};

// Code points between two normalization boundaries, normalized together.
class NormalizationChunk {
public:
    bool empty() const { return m_code_points.empty(); }

    void add(char32_t c, std::size_t begin, std::size_t end) {
        if (m_code_points.empty()) m_begin = begin;
        m_code_points.push_back(c);
        m_end = end;
    }

    void flush_into(FoldBuilder& out) {
        if (m_code_points.empty()) return;
        const icu::Normalizer2& nfkc = nfkc_casefold();
        const char32_t first = m_code_points.front();
        if (ar::in_range(first, ar::kIsolatedHarakatFirst, ar::kIsolatedHarakatLast)) {
            out.extend_previous(m_end);
        } else if (m_code_points.size() == 1 &&
                   (first < 0x80 || nfkc.isInert(static_cast<UChar32>(first)))) {
            // Fast path: most code points normalize to themselves.
            const char32_t c = (first >= U'A' && first <= U'Z') ? first + (U'a' - U'A') : first;
            out.emit(c, m_begin, m_end);
        } else {
            icu::UnicodeString input;
            for (char32_t c : m_code_points) input.append(static_cast<UChar32>(c));
            UErrorCode status = U_ZERO_ERROR;
            const icu::UnicodeString normalized = nfkc.normalize(input, status);
            icu_check(status, "Normalizer2::normalize");
            if (normalized.isEmpty()) out.extend_previous(m_end);
            for (int32_t i = 0; i < normalized.length();) {
                const UChar32 c = normalized.char32At(i);
                out.emit(static_cast<char32_t>(c), m_begin, m_end);
                i += U16_LENGTH(c);
            }
        }
        m_code_points.clear();
    }

private:
    std::vector<char32_t> m_code_points;
    std::size_t m_begin = 0;
    std::size_t m_end = 0;
};

}  // namespace

FoldedText fold_with_offsets(std::string_view text) {
    const icu::Normalizer2& nfkc = nfkc_casefold();
    FoldBuilder builder(text.size());
    NormalizationChunk chunk;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t begin = i;
        const char32_t c = next_code_point(text, i);  // invalid UTF-8 reads as U+FFFD
        if (!chunk.empty() && (c < 0x80 || nfkc.hasBoundaryBefore(static_cast<UChar32>(c)))) {
            chunk.flush_into(builder);
        }
        chunk.add(c, begin, i);
    }
    chunk.flush_into(builder);
    return builder.take();
}

std::string utf16_to_utf8(const std::u16string& units, std::size_t begin, std::size_t end) {
    std::string out;
    out.reserve((end - begin) * 2);
    for (std::size_t i = begin; i < end;) {
        char32_t c = units[i++];
        if (U16_IS_LEAD(c) && i < end && U16_IS_TRAIL(units[i])) {
            c = static_cast<char32_t>(U16_GET_SUPPLEMENTARY(c, units[i]));
            ++i;
        } else if (U16_IS_SURROGATE(c)) {
            c = kReplacementCodePoint;
        }
        append_utf8(out, c);  // c is a scalar value now
    }
    return out;
}

}  // namespace rasd::detail

namespace rasd {

std::string fold_text(std::string_view text) {
    const detail::FoldedText folded = detail::fold_with_offsets(text);
    return detail::utf16_to_utf8(folded.units, 0, folded.units.size());
}

}  // namespace rasd

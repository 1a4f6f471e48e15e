#include "word_breaker.hpp"

#include "icu_support.hpp"

#include <unicode/locid.h>
#include <unicode/ubrk.h>
#include <unicode/utext.h>

namespace rasd::detail {

WordBreaker::WordBreaker() {
    UErrorCode status = U_ZERO_ERROR;
    m_iterator.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    icu_check(status, "BreakIterator::createWordInstance");
}

void WordBreaker::for_each_word(const std::u16string& text,
                                const std::function<void(std::size_t, std::size_t)>& on_word) {
    if (text.empty()) return;
    UErrorCode status = U_ZERO_ERROR;
    // UText over our buffer: no copy of the text into a UnicodeString.
    UText* utext = utext_openUChars(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
    icu_check(status, "utext_openUChars");
    m_iterator->setText(utext, status);
    if (U_FAILURE(status)) {
        utext_close(utext);
        icu_check(status, "BreakIterator::setText");
    }
    int32_t begin = m_iterator->first();
    for (int32_t end = m_iterator->next(); end != icu::BreakIterator::DONE;
         begin = end, end = m_iterator->next()) {
        // Rule status below UBRK_WORD_NONE_LIMIT marks spaces, punctuation and symbols.
        if (m_iterator->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
            on_word(static_cast<std::size_t>(begin), static_cast<std::size_t>(end));
        }
    }
    utext_close(utext);
}

}  // namespace rasd::detail

#pragma once
// ICU word breaking over folded UTF-16 text.

#include <unicode/brkiter.h>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>

namespace rasd::detail {

// Finds the words (letters or numbers, per UAX #29 as ICU implements it) in a UTF-16 buffer.
// Holds an ICU BreakIterator, so one instance serves one thread at a time.
class WordBreaker {
public:
    WordBreaker();
    // Calls `on_word(begin, end)` for every word, in order; offsets are UTF-16 units.
    void for_each_word(const std::u16string& text,
                       const std::function<void(std::size_t, std::size_t)>& on_word);

private:
    std::unique_ptr<icu::BreakIterator> m_iterator;
};

}  // namespace rasd::detail

#pragma once
/// @file token.hpp  One word of analyzed text.

#include <cstddef>
#include <cstdint>
#include <string>

namespace rasd {

/// A word as the analyzer saw it, with every form a caller may need.
///
/// `surface` is exactly `text.substr(byte_begin, byte_end - byte_begin)` of the analyzed text,
/// diacritics and tatweel included, so highlights can be drawn on the original letters.
struct Token {
    std::string surface;          ///< The original bytes of the word.
    std::string folded;           ///< NFKC + Arabic fold + case fold: the unstemmed index term.
    std::string stem;             ///< The stemmer's output; empty for a stop word.
    bool is_stop_word = false;    ///< True when `folded` is on the stop list.
    std::uint32_t position = 0;   ///< 0-based word position; stop words take a position too.
    std::size_t byte_begin = 0;   ///< Offset of the first byte of `surface` in the text.
    std::size_t byte_end = 0;     ///< Offset one past the last byte of `surface`.
};

}  // namespace rasd

// Seeded random input: the analyzer never crashes, offsets stay inside the text, output is
// valid UTF-8, and surfaces are the exact bytes at the offsets, whatever the input bytes.

#include <doctest/doctest.h>

#include "util/utf8.hpp"

#include <rasd/analyzer_factory.hpp>

#include <array>
#include <random>
#include <string>

namespace {

// Pieces that stress every stage: Arabic letters and marks, presentation forms, digits,
// joiners, Latin, punctuation, and broken UTF-8.
constexpr std::array kPieces = {
    "ا", "ل", "ق", "ة", "ى", "أ", "ؤ", "ئ", "َ", "ّ", "ـ", "ٰ", "ﻻ", "ﺍ", "ﹶ", "ﷺ", "٣", "۴", "٫",
    "\u200C", "\u200D", "\uFEFF", "\u200F", "a", "Z", "_", "#", "،", "؟", " ", "\n", ".", "-",
    "\xff", "\xd8", "\xe0\xa2", "\xf0\x9f\x98", "😀", "e\u0301", "ß",
};

}  // namespace

TEST_SUITE("random_input") {

TEST_CASE("random text through every stemmer: no crash, offsets inside, valid UTF-8 out") {
    std::mt19937 random(20261128);  // fixed seed: failures reproduce
    for (rasd::StemmerKind kind : {rasd::StemmerKind::Light, rasd::StemmerKind::Snowball, rasd::StemmerKind::None}) {
        rasd::Analyzer analyzer = rasd::make_analyzer(kind);
        for (int round = 0; round < 400; ++round) {
            std::string text;
            const int pieces = static_cast<int>(random() % 40);
            for (int i = 0; i < pieces; ++i) {
                if (random() % 8 == 0) {
                    text.push_back(static_cast<char>(random() % 256));  // any byte at all, NUL included
                } else {
                    const std::string_view piece = kPieces[random() % kPieces.size()];
                    text.append(piece);
                }
            }
            CAPTURE(round);
            std::uint32_t expected_position = 0;
            for (const rasd::Token& token : analyzer.analyze(text)) {
                REQUIRE(token.byte_begin <= token.byte_end);
                REQUIRE(token.byte_end <= text.size());
                CHECK(token.surface == text.substr(token.byte_begin, token.byte_end - token.byte_begin));
                CHECK(rasd::detail::is_valid_utf8(token.folded));
                CHECK(rasd::detail::is_valid_utf8(token.stem));
                CHECK_FALSE(token.folded.empty());
                CHECK(token.position == expected_position++);
            }
        }
    }
}

}  // TEST_SUITE

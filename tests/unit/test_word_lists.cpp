// The embedded word lists: stored folded, and the stop decisions they make.

#include <doctest/doctest.h>

#include "analyzers/word_lists.hpp"

#include <rasd/analyzer_factory.hpp>
#include <rasd/analysis/text_folding.hpp>

#include <string>
#include <vector>

TEST_SUITE("word_lists") {

TEST_CASE("every stop word and protected word is stored already folded") {
    for (const auto* list : {&rasd::detail::stop_words(), &rasd::detail::protected_words()}) {
        CHECK(list->size() > 100);
        for (const std::string& word : *list) {
            CAPTURE(word);
            CHECK(rasd::fold_text(word) == word);
        }
    }
}

TEST_CASE("Arabic and English function words are stop words, content words are not") {
    const std::vector<std::string> stops = {"في", "من", "علي", "الي", "التي", "ان", "the", "and", "of"};
    for (const std::string& word : stops) {
        CAPTURE(word);
        CHECK(rasd::is_stop_word(word));
    }
    const std::vector<std::string> content = {"وزير", "القاهره", "مصر", "سائق", "police"};
    for (const std::string& word : content) {
        CAPTURE(word);
        CHECK_FALSE(rasd::is_stop_word(word));
    }
}

TEST_CASE("a stop word in any spelling is stopped, since lookup is on the folded form") {
    rasd::Analyzer analyzer = rasd::make_analyzer();
    for (const char* spelling : {"فى", "في", "إلى", "الى", "على", "علي"}) {
        CAPTURE(spelling);
        const auto tokens = analyzer.analyze(spelling);
        REQUIRE(tokens.size() == 1);
        CHECK(tokens[0].is_stop_word);
    }
}

TEST_CASE("word list parsing skips comments and blank lines") {
    const auto words = rasd::detail::parse_word_list("# comment\nواحد\n\n  \nاثنان\r\n");
    CHECK(words.size() == 2);
    CHECK(words.contains("اثنان"));
}

}  // TEST_SUITE

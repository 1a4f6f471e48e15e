// Stemmers chosen by name: snowball, none, and the English stemmer for Latin words.

#include <doctest/doctest.h>

#include <rasd/analyzer_factory.hpp>
#include <rasd/error.hpp>

#include <string>
#include <vector>

TEST_SUITE("stemmer_choice") {

TEST_CASE("names parse, and an unknown name lists the valid ones") {
    CHECK(rasd::parse_stemmer_kind("light") == rasd::StemmerKind::Light);
    CHECK(rasd::parse_stemmer_kind("snowball") == rasd::StemmerKind::Snowball);
    CHECK(rasd::parse_stemmer_kind("none") == rasd::StemmerKind::None);
    CHECK_THROWS_WITH_AS((void)rasd::parse_stemmer_kind("khoja"),
                         "unknown stemmer 'khoja' (valid: light, snowball, none)", rasd::InvalidArgument);
}

TEST_CASE("snowball removes wal and fal before Xapian's Snowball arabic") {
    rasd::Analyzer analyzer = rasd::make_analyzer(rasd::StemmerKind::Snowball);
    CHECK(analyzer.stem_word("والكتاب") == "كتاب");
    CHECK(analyzer.stem_word("فالكتاب") == "كتاب");
    CHECK(analyzer.stem_word("الكتاب") == "كتاب");
    CHECK(analyzer.signature() == "snowball/4");
}

TEST_CASE("none keeps the folded word") {
    rasd::Analyzer analyzer = rasd::make_analyzer(rasd::StemmerKind::None);
    CHECK(analyzer.stem_word("والكتاب") == "والكتاب");
    CHECK(analyzer.stem_word("الإجتماعى") == "الاجتماعي");
    CHECK(analyzer.stem_word("Running") == "running");
}

TEST_CASE("Latin words get the English stemmer under light and snowball") {
    CHECK(rasd::make_analyzer(rasd::StemmerKind::Light).stem_word("Elections") == "elect");
    CHECK(rasd::make_analyzer(rasd::StemmerKind::Snowball).stem_word("running") == "run");
}

TEST_CASE("numbers keep their folded form as stem") {
    CHECK(rasd::make_analyzer().stem_word("٢٠٢٠") == "2020");
}

// stem_word() takes a short cut for a word of letters only (no ICU word breaking): every kind of
// word must still get the stem analyze() gives its first token ("" for a stop word or none).
TEST_CASE("stem_word gives the stem analyze gives the word alone") {
    struct Case {
        const char* word;
        const char* light_stem;  // what the light analyzer gives, to pin the table down
    };
    const Case cases[] = {
        {"الإجتماعى", "اجتماع"},         // hamza and alef maksura folded
        {"والكتاب", "كتاب"},             // prefixes
        {"مُحَمَّد", "محمد"},             // diacritics dropped
        {"كتـــاب", "كتاب"},              // tatweel dropped by folding
        {"مسئول", "مسءول"},              // hamza seats folded
        {"فى", ""},                      // a stop word
        {"Elections", "elect"},          // Latin, upper case folded
        {"covid19", "covid19"},          // letters and digits: the slow path
        {"٢٠٢٠", "2020"},                // digits
        {"U.S.", "u."},                  // a full stop inside a word
        {"e-mail", "e"},                 // a hyphen breaks it: the first word
        {"ﻻ", ""},                       // presentation form of لا, a stop word once folded
        {"،", ""},                       // punctuation only: no word
        {"abcكتاب", "abcكتاب"},          // Latin and Arabic letters in one run: one word
        {"ػكتاب", "ػكتاب"},              // U+063B (keheh with two dots above), a letter of the block
        {"مدرسة٣", "مدرسه3"},            // a digit after the letters: the slow path
        {"", ""},
    };
    for (const rasd::StemmerKind kind : {rasd::StemmerKind::Light, rasd::StemmerKind::Snowball,
                                         rasd::StemmerKind::None}) {
        rasd::Analyzer analyzer = rasd::make_analyzer(kind);
        for (const Case& c : cases) {
            const std::string word = c.word;
            CAPTURE(word);
            const std::vector<rasd::Token> tokens = analyzer.analyze(c.word);
            const std::string expected = tokens.empty() ? std::string() : tokens.front().stem;
            CHECK(analyzer.stem_word(c.word) == expected);
            if (kind == rasd::StemmerKind::Light) CHECK(expected == std::string(c.light_stem));
        }
    }
    // A word longer than kMaxWordBytes (folded, in bytes) is no token: 60 Arabic letters (120
    // bytes) are one, 61 are none; the same for Latin letters.
    rasd::Analyzer light = rasd::make_analyzer();
    std::string arabic_word;
    for (int i = 0; i < 60; ++i) arabic_word += "ب";
    CHECK(light.stem_word(arabic_word) == light.analyze(arabic_word).front().stem);
    CHECK_FALSE(light.stem_word(arabic_word).empty());
    CHECK(light.stem_word(arabic_word + "ب").empty());
    CHECK(light.analyze(arabic_word + "ب").empty());
    CHECK_FALSE(light.stem_word(std::string(rasd::kMaxWordBytes, 'a')).empty());
    CHECK(light.stem_word(std::string(rasd::kMaxWordBytes + 1, 'a')).empty());
}

TEST_CASE("the signature names the stemmer and the analyzer version") {
    CHECK(rasd::make_analyzer().signature() == "light/" + std::to_string(rasd::kAnalyzerVersion));
    CHECK(rasd::make_analyzer(rasd::StemmerKind::None).name() == "none");
}

}  // TEST_SUITE

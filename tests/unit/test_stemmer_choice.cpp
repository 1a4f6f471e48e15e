// Stemmers chosen by name: snowball, none, and the English stemmer for Latin words.

#include <doctest/doctest.h>

#include <rasd/analyzer_factory.hpp>
#include <rasd/error.hpp>

#include <string>

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
    CHECK(analyzer.signature() == "snowball/2");
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

TEST_CASE("the signature names the stemmer and the analyzer version") {
    CHECK(rasd::make_analyzer().signature() == "light/" + std::to_string(rasd::kAnalyzerVersion));
    CHECK(rasd::make_analyzer(rasd::StemmerKind::None).name() == "none");
}

}  // TEST_SUITE

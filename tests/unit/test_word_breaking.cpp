// Word breaking and token offsets, through the whole analyzer.

#include <doctest/doctest.h>

#include <rasd/analyzer_factory.hpp>

#include <string>
#include <vector>

namespace {

std::vector<std::string> folded_words(const std::string& text) {
    rasd::Analyzer analyzer = rasd::make_analyzer(rasd::StemmerKind::None);
    std::vector<std::string> words;
    for (const rasd::Token& token : analyzer.analyze(text)) words.push_back(token.folded);
    return words;
}

using Words = std::vector<std::string>;

}  // namespace

TEST_SUITE("word_breaking") {

TEST_CASE("Arabic comma, semicolon, question mark and percent sign separate words") {
    CHECK(folded_words("الحكومة،اليوم؛وزير؟الاقتصاد") == Words{"الحكومه", "اليوم", "وزير", "الاقتصاد"});
    CHECK(folded_words("ارتفع ٥٪ فقط") == Words{"ارتفع", "5", "فقط"});
}

TEST_CASE("a hashtag yields its words") {
    CHECK(folded_words("#عاصي_الحلاني") == Words{"عاصي", "الحلاني"});
}

TEST_CASE("numbers with decimal separators stay whole") {
    CHECK(folded_words("نمو 3.5 بالمئة") == Words{"نمو", "3.5", "بالمءه"});
    CHECK(folded_words("نمو ٣٫٥ بالمئة") == Words{"نمو", "3.5", "بالمءه"});
}

TEST_CASE("mixed Arabic and Latin text breaks at script changes and spaces") {
    CHECK(folded_words("شركة Vodafone مصر") == Words{"شركه", "vodafone", "مصر"});
    CHECK(folded_words("لاعب ليفربول Mohamed Salah") == Words{"لاعب", "ليفربول", "mohamed", "salah"});
}

TEST_CASE("ZWNJ, ZWJ and BOM vanish without splitting words") {
    CHECK(folded_words("\uFEFFالقا\u200Cهرة") == Words{"القاهره"});
    CHECK(folded_words("مصر\u200D") == Words{"مصر"});
}

TEST_CASE("diacritics and tatweel stay inside one word") {
    CHECK(folded_words("الْمُنْتَخَبُ يستعد للمبـــاراة") == Words{"المنتخب", "يستعد", "للمباراه"});
}

TEST_CASE("surface and offsets cover the original letters, diacritics included") {
    rasd::Analyzer analyzer = rasd::make_analyzer();
    const std::string text = "زار الْقَاهِرَةُ، أمس";
    const std::vector<rasd::Token> tokens = analyzer.analyze(text);
    REQUIRE(tokens.size() == 3);
    CHECK(tokens[1].surface == "الْقَاهِرَةُ");
    CHECK(tokens[1].folded == "القاهره");
    CHECK(tokens[1].byte_begin == text.find("الْ"));
    CHECK(tokens[1].byte_end == text.find("،"));
    for (const rasd::Token& token : tokens) {
        CHECK(text.substr(token.byte_begin, token.byte_end - token.byte_begin) == token.surface);
    }
    CHECK(tokens[0].position == 0);
    CHECK(tokens[2].position == 2);
}

TEST_CASE("tatweel inside a word is part of its surface") {
    rasd::Analyzer analyzer = rasd::make_analyzer();
    const std::vector<rasd::Token> tokens = analyzer.analyze("الداخليـــة تعلن");
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].surface == "الداخليـــة");
}

TEST_CASE("stop words keep a position and have no stem") {
    rasd::Analyzer analyzer = rasd::make_analyzer();
    const std::vector<rasd::Token> tokens = analyzer.analyze("فى القاهرة");
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[0].is_stop_word);
    CHECK(tokens[0].stem.empty());
    CHECK(tokens[1].position == 1);
    CHECK(tokens[1].stem == "قاهر");
}

TEST_CASE("over-long words are dropped") {
    rasd::Analyzer analyzer = rasd::make_analyzer();
    const std::string junk(rasd::kMaxWordBytes + 1, 'x');
    const std::vector<rasd::Token> tokens = analyzer.analyze("مصر " + junk + " اليوم");
    REQUIRE(tokens.size() == 2);
    CHECK(tokens[1].folded == "اليوم");
}

TEST_CASE("empty and mark-only input gives no tokens") {
    rasd::Analyzer analyzer = rasd::make_analyzer();
    CHECK(analyzer.analyze("").empty());
    CHECK(analyzer.analyze("ـــ َ ُ").empty());
    CHECK(analyzer.analyze("،؛؟!").empty());
}

}  // TEST_SUITE

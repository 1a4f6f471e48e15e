// Transliteration variants: spellings of one foreign name or word that meet on one stem, words
// the same spelling rules would wrongly join that stay apart (both tables from words of the ANT
// news dump), the table's format, and positions, phrases and highlights kept whole.

#include <doctest/doctest.h>

#include "analyzers/transliteration_variants.hpp"
#include "tests/support/article_builder.hpp"
#include "tests/support/scratch_archive.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/analyzer_factory.hpp>
#include <rasd/error.hpp>
#include <rasd/searcher.hpp>

#include <xapian.h>

#include <memory>
#include <string>
#include <vector>

namespace {

using rasd::detail::VariantTable;
using rasd::test::ArticleBuilder;
using rasd::test::ScratchArchive;

struct WordPair {
    const char* first;
    const char* second;
};

// Spellings of one foreign word, each pair seen in the news text.
const std::vector<WordPair> kMeet = {
    {"الأمريكي", "الأميركي"},       {"الأمريكية", "الأميركية"},     {"أمريكا", "أميركا"},
    {"والأمريكيين", "الأميركيين"},  {"ترامب", "ترمب"},             {"غوغل", "جوجل"},
    {"جوجل", "قوقل"},               {"الديمقراطية", "الديموقراطية"}, {"الكمبيوتر", "الكومبيوتر"},
    {"الكونغرس", "بالكونجرس"},      {"إنجلترا", "إنكلترا"},         {"الإنجليزي", "الإنكليزي"},
    {"اليونسكو", "اليونيسكو"},      {"تلغرام", "تيليغرام"},         {"تيليجرام", "تليجرام"},
    {"انستغرام", "انستاغرام"},      {"انستجرام", "انستغرام"},       {"مايكروسوفت", "ميكروسوفت"},
    {"سامسونغ", "سامسونج"},         {"نتنياهو", "نتانياهو"},        {"كوشنر", "كوشنير"},
    {"غوتيريس", "غوتيريش"},         {"غريفيث", "جريفيث"},           {"جونغ", "جونج"},
    {"تشيلسي", "تشلسي"},            {"ميونخ", "ميونيخ"},            {"غوارديولا", "جوارديولا"},
    {"البريميرليغ", "البريمرليغ"},  {"الأولمبياد", "الأوليمبياد"},  {"الأولمبية", "الأوليمبية"},
    {"الإنترنت", "الإنترنيت"},      {"التلفزيون", "التليفزيون"},    {"التلفزيونية", "التليفزيونية"},
    {"الديكتاتور", "الدكتاتور"},    {"الفيدرالي", "الفدرالي"},      {"الدنمارك", "الدانمارك"},
    {"هوليوود", "هوليود"},          {"السوفييتي", "السوفيتي"},      {"إنييستا", "إنيستا"},
    {"الموسيقى", "الموسيقا"},       {"أوروبا", "أوربا"},            {"كاتالونيا", "كتالونيا"},
};

// Words the same spelling rules (a ي/و/ا dropped, g as ج/غ/ق/ك, a doubled letter, an -ا/-ه
// ending) would join, but which are different words.
const std::vector<WordPair> kApart = {
    {"بريطانيا", "بريطانية"},  // Britain / British
    {"فرنسا", "فرنسي"},        // France / French
    {"روسيا", "الروسية"},      // Russia / Russian
    {"موسكو", "موسك"},         // Moscow keeps its و
    {"كييف", "كيف"},           // Kyiv / how
    {"تويتر", "توتير"},        // Twitter / straining
    {"البرتغال", "البرتقال"},  // Portugal / orange
    {"الأوروبي", "أوربان"},    // European / Orbán (whose stem is that of الأوربي)
    {"المملكة", "الملك"},      // kingdom / king
    {"تغيير", "تغير"},         // change / it changed
    {"الحكومة", "الحكمة"},     // government / wisdom
    {"قرار", "جرار"},          // decision / tractor
    {"غرب", "قرب"},            // west / near
    {"كبير", "كبر"},           // big / grew
};

TEST_CASE("spellings of one foreign word meet on one stem, and only through the variant table") {
    rasd::Analyzer joined = rasd::make_analyzer(rasd::StemmerKind::Light);
    rasd::Analyzer apart(std::make_unique<rasd::LightArabicStemmer>(), std::make_unique<rasd::IdentityStemmer>(),
                         "light", rasd::TransliterationVariants::Apart);
    for (const WordPair& pair : kMeet) {
        CAPTURE(pair.first);
        CAPTURE(pair.second);
        CHECK(joined.stem_word(pair.first) == joined.stem_word(pair.second));
        CHECK(apart.stem_word(pair.first) != apart.stem_word(pair.second));
    }
    CHECK(joined.stem_word("الأميركي") == "امريك");
    CHECK(joined.stem_word("ترمب") == "ترامب");
    CHECK(joined.stem_word("قوقل") == "غوغل");
}

TEST_CASE("words that only look like variants stay apart") {
    rasd::Analyzer joined = rasd::make_analyzer(rasd::StemmerKind::Light);
    for (const WordPair& pair : kApart) {
        CAPTURE(pair.first);
        CAPTURE(pair.second);
        CHECK(joined.stem_word(pair.first) != joined.stem_word(pair.second));
    }
}

TEST_CASE("only the light analyzer joins variants, its signature says so") {
    CHECK(rasd::make_analyzer(rasd::StemmerKind::Light).signature() == "light/4");
    CHECK(rasd::make_analyzer(rasd::StemmerKind::None).stem_word("ترمب") == "ترمب");
    CHECK(rasd::make_analyzer(rasd::StemmerKind::Light).stem_word("Trump") == "trump");  // Latin: untouched
}

TEST_CASE("a variant keeps its token, position, surface and offsets") {
    rasd::Analyzer analyzer = rasd::make_analyzer();
    const std::vector<rasd::Token> tokens = analyzer.analyze("قال ترمب إن الأميركيين");
    REQUIRE(tokens.size() == 4);
    CHECK(tokens[1].surface == "ترمب");
    CHECK(tokens[1].folded == "ترمب");
    CHECK(tokens[1].stem == "ترامب");
    CHECK(tokens[1].position == 1);
    CHECK(tokens[1].byte_begin == std::string("قال ").size());
    CHECK(tokens[3].stem == "امريك");
    CHECK(tokens[3].position == 3);
}

TEST_CASE("phrases and highlights work across spellings") {
    const ScratchArchive archive({
        ArticleBuilder("a").title("خبر").body("قال الرئيس الأميركي دونالد ترمب إن المحادثات مستمرة."),
        ArticleBuilder("b").title("خبر آخر").body("وصل ترامب إلى المدينة بعد ظهر اليوم."),
    });
    rasd::Searcher searcher = archive.open_searcher();
    const rasd::SearchResults phrase = searcher.search("\"الرئيس الأمريكي دونالد ترامب\"");
    REQUIRE(phrase.hits.size() == 1);
    CHECK(phrase.hits[0].id == "a");
    CHECK(searcher.search("ترمب").total.estimated == 2);
    // The snippet highlights the article's own spelling of the word searched in another.
    const rasd::SearchResults word = searcher.search("الأمريكي ترامب");
    REQUIRE(word.hits.size() == 2);
    CHECK(word.hits[0].id == "a");
    CHECK(word.hits[0].snippet == "قال الرئيس [الأميركي] دونالد [ترمب] إن المحادثات مستمرة.");
}

TEST_CASE("a database of the analysis before the variants (light/1) is refused, not searched") {
    const ScratchArchive archive({ArticleBuilder("a").title("خبر").body("وصل ترمب إلى المدينة.")});
    {
        Xapian::WritableDatabase db(archive.path());
        db.set_metadata("rasd.analyzer", "light/1");
        db.commit();
    }
    CHECK_THROWS_WITH_AS(rasd::Searcher(archive.path()),
                         (archive.path() + ": database was built with analyzer 'light/1' but this rasd has "
                                           "'light/4'; rebuild the database").c_str(),
                         rasd::AnalyzerMismatchError);
}

TEST_CASE("the variant table's format: first stem wins, comments, errors with their line") {
    const VariantTable table = VariantTable::parse("v", "# c\nامريك | اميرك   # counts\nغوغل|جوجل|قوقل\n");
    CHECK(table.size() == 3);
    CHECK(table.canonical("اميرك") == "امريك");
    CHECK(table.canonical("قوقل") == "غوغل");
    CHECK(table.canonical("غوغل") == "غوغل");
    CHECK(table.canonical("كتاب") == "كتاب");
    CHECK_THROWS_WITH_AS((void)VariantTable::parse("v", "امريك\n"),
                         "v:1: a variant group needs at least two stems separated by '|'", rasd::DataError);
    CHECK_THROWS_WITH_AS((void)VariantTable::parse("v", "\nالأمريكي | امريك\n"),
                         "v:2: 'الأمريكي' is not a folded Arabic word", rasd::DataError);
    CHECK_THROWS_WITH_AS((void)VariantTable::parse("v", "trump | ترمب\n"), "v:1: 'trump' is not a folded Arabic word",
                         rasd::DataError);
    CHECK_THROWS_WITH_AS((void)VariantTable::parse("v", "ترامب | ترمب\nترمب | ترامپ\n"),
                         "v:2: 'ترمب' is already on line 1", rasd::DataError);
    CHECK(VariantTable::builtin().size() >= 60);
}

}  // namespace

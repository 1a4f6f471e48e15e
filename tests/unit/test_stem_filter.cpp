// StemFilter: which words may stem to one of a few stems, told from their letters (a snippet asks
// it of every word of a body). It may let through words that do not stem to one of the stems, but
// must never stop one that does.

#include <doctest/doctest.h>

#include <rasd/analysis/analyzer.hpp>
#include <rasd/analyzer_factory.hpp>

#include <algorithm>
#include <string>
#include <vector>

namespace {

// A paragraph of corpus/ (rasd-0001), with hamza seats, teh marbuta, alef maksura, tatweel and
// clitics in it.
const char* const kParagraph =
    "تمكنت الأجهزة الأمنية بالقاهرة من ضبط سائق سيارة نقل ثقيل ظهر فى مقطع فيديو انتشر على نطاق "
    "واسع بين رواد مواقع التواصل الإجتماعى، وهو يسير بسرعة جنونية وينتقل بين الحارات بشكل مفاجئ "
    "أعلى الطريق الدائرى، مما عرض قائدى السيارات الملاكى والمارة لخطر داهم. وقالت مصادر أمنية إن "
    "وحدة الرصد بوزارة الداخليـــة رصدت المقطع فور نشره على إحدى الصفحات المعروفة، وبالفحص تبين أن "
    "السيارة الظاهرة فيه مقطورة محملة بالرمل، وأن قائدها تعمد الاقتراب من سيارة أجرة ومحاولة "
    "إجبارها على الخروج من الطريق بعد خلاف على أولوية المرور. مسؤول مسئولين بالْقَاهِرَة Elections";

std::vector<std::string> words_of(rasd::Analyzer& analyzer, const std::string& text) {
    std::vector<std::string> words;
    for (const rasd::Token& token : analyzer.analyze(text)) words.push_back(token.surface);
    return words;
}

struct FilterCase {
    std::vector<std::string> stems;
    const char* word;
    bool may_stem_to_one;
};

}  // namespace

TEST_SUITE("stem_filter") {

TEST_CASE("a word passes when it has every letter of a stem or of one of its spellings") {
    rasd::Analyzer analyzer = rasd::make_analyzer();
    const FilterCase cases[] = {
        {{"مطار"}, "بالمطارات", true},
        {{"مطار"}, "المطار", true},
        {{"مطار"}, "طائرة", false},             // no م
        {{"مطار", "قاهر"}, "القاهرة", true},
        {{"مطار", "قاهر"}, "الداخلية", false},
        {{"مسءول"}, "مسئولين", true},           // ئ folds to ء
        {{"مسءول"}, "المسؤول", true},           // and so does ؤ
        {{"طاءر"}, "الطائرات", true},
        {{"داءر"}, "الدائرى", true},            // ى folds to ي, ئ to ء
        {{"غوغل"}, "جوجل", true},               // a transliteration variant of غوغل
        {{"غوغل"}, "وقوقل", true},              // and another
        {{"غوغل"}, "ولكن", false},
        {{"قاهر"}, "بالْقَاهِرَة", true},          // harakat: not checked, passes
        {{"داخل"}, "الداخليـــة", true},         // tatweel: not checked, passes
        {{"قاهر"}, "Elections", true},           // Latin: not checked, passes
        {{"قاهر"}, "2019", true},
        {{}, "القاهرة", false},                  // no stem at all: no word can match
        {{""}, "الداخلية", true},                // an empty stem is part of every word
    };
    for (const FilterCase& c : cases) {
        CAPTURE(c.word);
        CAPTURE(c.stems.empty() ? std::string() : c.stems.front());
        CHECK(analyzer.stem_filter(c.stems).may_stem_to_one(c.word) == c.may_stem_to_one);
    }
}

TEST_CASE("no word is stopped whose stem is one of the stems") {
    rasd::Analyzer analyzer = rasd::make_analyzer();
    const std::vector<std::string> words = words_of(analyzer, kParagraph);
    REQUIRE(words.size() == 90);
    for (const std::string& word : words) {
        const std::string stem = analyzer.stem_word(word);
        if (stem.empty()) continue;  // a stop word: its stem "" matches no term
        CAPTURE(word);
        CHECK(analyzer.stem_filter({stem}).may_stem_to_one(word));
    }
}

TEST_CASE("most words of a text are stopped for a few stems, and each one rightly") {
    rasd::Analyzer analyzer = rasd::make_analyzer();
    const std::vector<std::string> stems = {"سياره", "طريق", "رصد"};
    const rasd::StemFilter filter = analyzer.stem_filter(stems);
    std::size_t stopped = 0;
    std::size_t checked = 0;
    for (const std::string& word : words_of(analyzer, kParagraph)) {
        ++checked;
        if (filter.may_stem_to_one(word)) continue;
        ++stopped;
        CAPTURE(word);
        CHECK(std::find(stems.begin(), stems.end(), analyzer.stem_word(word)) == stems.end());
    }
    // 90 words, of which 79 lack a letter of each of the three stems.
    CHECK(checked == 90);
    CHECK(stopped == 79);
}

TEST_CASE("with a stemmer whose stems are not parts of their words, every word passes") {
    rasd::Analyzer snowball = rasd::make_analyzer(rasd::StemmerKind::Snowball);
    CHECK(snowball.stem_filter({"مطار"}).may_stem_to_one("طائرة"));
    CHECK(rasd::make_analyzer(rasd::StemmerKind::None).stem_filter({"مطار"}).may_stem_to_one("طائرة") == false);
    CHECK(rasd::StemFilter().may_stem_to_one("طائرة"));
}

}  // TEST_SUITE

// One test case per folding rule (docs/ANALYSIS.md lists them), then a table of mixed cases.

#include <doctest/doctest.h>

#include "analyzers/folded_text.hpp"

#include <rasd/analysis/text_folding.hpp>

#include <string>
#include <vector>

using rasd::fold_text;

TEST_SUITE("text_folding") {

TEST_CASE("NFKC turns presentation forms into base letters") {
    CHECK(fold_text("ﺍﻟﻤﻜﺘﺒﺔ") == "المكتبه");
    CHECK(fold_text("ﻻ") == "لا");
}

TEST_CASE("harakat U+064B-U+0652 are removed") {
    CHECK(fold_text("كَتَبَ") == "كتب");
    CHECK(fold_text("الْقَاهِرَةُ") == "القاهره");
    CHECK(fold_text("حذّر") == "حذر");
    CHECK(fold_text("كتابًا") == "كتابا");
}

TEST_CASE("superscript alef U+0670 is removed") { CHECK(fold_text("هٰذا") == "هذا"); }

TEST_CASE("Quranic marks are removed") {
    CHECK(fold_text("الرحيم\u06DA") == "الرحيم");
    CHECK(fold_text("صلى\u0610 الله") == "صلي الله");
}

TEST_CASE("tatweel U+0640 is removed") { CHECK(fold_text("الداخليـــة") == "الداخليه"); }

TEST_CASE("alef with madda, hamza above or below, and wasla fold to bare alef") {
    CHECK(fold_text("آخر") == "اخر");
    CHECK(fold_text("أحمد") == "احمد");
    CHECK(fold_text("إستحسان") == "استحسان");
    CHECK(fold_text("ٱلله") == "الله");
}

TEST_CASE("alef maksura folds to yeh") { CHECK(fold_text("فى مصرى") == "في مصري"); }

TEST_CASE("teh marbuta folds to heh") { CHECK(fold_text("الحكومة") == "الحكومه"); }

TEST_CASE("hamza seats fold to the bare hamza so spelling variants meet") {
    CHECK(fold_text("مسؤول") == fold_text("مسئول"));
    CHECK(fold_text("المسؤولين") == fold_text("المسئولين"));
    CHECK(fold_text("شؤون") == fold_text("شئون"));
    CHECK(fold_text("مسؤول") == "مسءول");
}

TEST_CASE("Persian yeh and keheh fold to Arabic yeh and kaf") { CHECK(fold_text("یک") == "يك"); }

TEST_CASE("every decimal digit folds to ASCII") {
    CHECK(fold_text("٠١٢٣٤٥٦٧٨٩") == "0123456789");
    CHECK(fold_text("۰۱۲۳۴۵۶۷۸۹") == "0123456789");
    CHECK(fold_text("१२") == "12");  // Devanagari digits are Nd too
}

TEST_CASE("Arabic decimal and thousands separators fold to ASCII") {
    CHECK(fold_text("٣٫٥") == "3.5");
    CHECK(fold_text("١٬٠٠٠") == "1,000");
}

TEST_CASE("Latin is case-folded") { CHECK(fold_text("Mohamed SALAH") == "mohamed salah"); }

TEST_CASE("ZWNJ, ZWJ, BOM and bidi marks vanish") {
    CHECK(fold_text("\uFEFFمصر") == "مصر");
    CHECK(fold_text("مي\u200Cخواهم") == "ميخواهم");
    CHECK(fold_text("ال\u200Dقاهرة") == "القاهره");
    CHECK(fold_text("\u200Fمصر\u200E") == "مصر");
}

TEST_CASE("underscore becomes a space so hashtags split into words") {
    CHECK(fold_text("#عاصي_الحلاني") == "#عاصي الحلاني");
}

TEST_CASE("invalid UTF-8 becomes U+FFFD") {
    CHECK(fold_text(std::string("a\xff" "b")) == "a\uFFFDb");
    CHECK(fold_text(std::string("\xd8")) == "\uFFFD");
}

TEST_CASE("isolated harakat presentation forms vanish instead of splitting a word") {
    CHECK(fold_text("كتب\uFE76") == "كتب");
}

TEST_CASE("folding is idempotent on a table of mixed text") {
    const std::vector<std::string> samples = {
        "الإجتماعى", "إستحسانا كبيرا من الموطنين", "۲۰۲۴ و٢٠٢٠ و2020", "Vodafone مصر",
        "ﷺ", "الْمُنْتَخَبُ", "",
    };
    for (const std::string& sample : samples) {
        CAPTURE(sample);
        CHECK(fold_text(fold_text(sample)) == fold_text(sample));
    }
}

TEST_CASE("the offset map points every folded unit into the original bytes") {
    const std::string text = "الْقَاهِرَة";
    const rasd::detail::FoldedText folded = rasd::detail::fold_with_offsets(text);
    REQUIRE(folded.units.size() == 7);  // ا ل ق ا ه ر ه
    CHECK(folded.source_begin.front() == 0);
    // The last letter's range ends at the end of the text, past nothing: no trailing mark here.
    CHECK(folded.source_end.back() == text.size());
    // ل (second unit) carries its sukun: its range covers 4 bytes (ل + U+0652).
    CHECK(folded.source_end[1] - folded.source_begin[1] == 4);
}

}  // TEST_SUITE

// Metadata extraction: which source of a date wins, and what is reported.

#include <doctest/doctest.h>

#include "indexer/article_metadata.hpp"
#include "tests/support/article_builder.hpp"

#include <string>
#include <vector>

namespace {

using rasd::test::ArticleBuilder;

struct DateCase {
    rasd::Article input;
    std::string date;
    std::string source;
    std::size_t warnings;
};

}  // namespace

TEST_SUITE("article_metadata") {

TEST_CASE("date sources in order of trust: field, URL, abstract, body, then a Hijri date alone") {
    const std::vector<DateCase> table = {
        {ArticleBuilder("x").date("2019-03-14T10:30:00+02:00").url("https://x/2018/01/01/a").body("الخميس ٥ مارس ٢٠٢٠"),
         "20190314", "field", 0},
        {ArticleBuilder("x").url("https://x/2018/01/01/a").body("الخميس ٥ مارس ٢٠٢٠"), "20180101", "url", 0},
        {ArticleBuilder("x").url("https://x/a").body("الخميس ٥ مارس ٢٠٢٠"), "20200305", "text", 0},
        {ArticleBuilder("x").body("نص").abstract("الأربعاء ١٨ جانفي ٢٠١٧"), "20170118", "text", 0},
        {ArticleBuilder("x").date("غدا").url("https://x/2018/01/01/a").body("نص"), "20180101", "url", 1},
        {ArticleBuilder("x").date("غدا").body("نص"), "", "", 1},
        {ArticleBuilder("x").body("نص بلا تاريخ"), "", "", 0},
        // Both calendars: the Gregorian date of publication wins, wherever it stands.
        {ArticleBuilder("x").date("5 شوال 1436هـ").url("https://x/2018/01/01/a").body("نص"), "20180101", "url", 0},
        {ArticleBuilder("x").date("5 شوال 1436هـ").body("الرياض - الخميس ٥ مارس ٢٠٢٠ - نص"), "20200305", "text", 0},
        {ArticleBuilder("x").date("6 جمادى الآخرة 1439هـ الموافق 22 فبراير 2018"), "20180222", "field", 0},
        {ArticleBuilder("x").date("2019-03-14").body("صدر في ١٤٣٦/١٠/٥هـ"), "20190314", "field", 0},
        {ArticleBuilder("x").body("الرياض 6 جمادى الآخرة 1439هـ الموافق 22 فبراير 2018 - نص"), "20180222", "text", 0},
        // Hijri only: the converted date, the field before the text.
        {ArticleBuilder("x").date("5 شوال 1436هـ").body("صدر في 11 / 5 / 1439هـ"), "20150721", "hijri", 0},
        {ArticleBuilder("x").date("١٤٣٦/١٠/٥هـ"), "20150721", "hijri", 0},
        {ArticleBuilder("x").body("الرياض - 11 / 5 / 1439هـ - نص"), "20180128", "hijri", 0},
        {ArticleBuilder("x").abstract("نص").body("مكة المكرمة 1 رمضان 1441 هـ"), "20200424", "hijri", 0},
        {ArticleBuilder("x").date("30 رمضان 1436هـ").body("نص"), "", "", 1},
    };
    for (const DateCase& c : table) {
        CAPTURE(c.input.date);
        CAPTURE(c.input.url);
        const rasd::detail::ArticleMetadata m = rasd::detail::extract_metadata(c.input, {});
        CHECK(m.date == c.date);
        CHECK(rasd::to_string(m.date_evidence) == c.source);
        CHECK(m.warnings.size() == c.warnings);
    }
}

}  // TEST_SUITE

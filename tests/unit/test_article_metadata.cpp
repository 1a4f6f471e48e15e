// Metadata extraction: which source of a date wins, and what is reported.

#include <doctest/doctest.h>

#include "indexer/article_metadata.hpp"

#include <string>
#include <vector>

namespace {

rasd::Article article(std::string date, std::string url, std::string body, std::string abstract = "") {
    rasd::Article a;
    a.id = "x";
    a.date = std::move(date);
    a.url = std::move(url);
    a.body = std::move(body);
    a.abstract = std::move(abstract);
    return a;
}

struct DateCase {
    rasd::Article input;
    std::string date;
    std::string source;
    std::size_t warnings;
};

}  // namespace

TEST_SUITE("article_metadata") {

TEST_CASE("date sources in order of trust: field, URL, abstract, body") {
    const std::vector<DateCase> table = {
        {article("2019-03-14T10:30:00+02:00", "https://x/2018/01/01/a", "الخميس ٥ مارس ٢٠٢٠"), "20190314", "field", 0},
        {article("", "https://x/2018/01/01/a", "الخميس ٥ مارس ٢٠٢٠"), "20180101", "url", 0},
        {article("", "https://x/a", "الخميس ٥ مارس ٢٠٢٠"), "20200305", "text", 0},
        {article("", "", "نص", "الأربعاء ١٨ جانفي ٢٠١٧"), "20170118", "text", 0},
        {article("غدا", "https://x/2018/01/01/a", "نص"), "20180101", "url", 1},
        {article("غدا", "", "نص"), "", "", 1},
        {article("", "", "نص بلا تاريخ"), "", "", 0},
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

// How a search counts its matches: Xapian's estimate with its bounds by default, counted exactly
// with SearchOptions::exact_total, with filters and with facets.

#include <doctest/doctest.h>

#include "tests/support/article_builder.hpp"
#include "tests/support/scratch_archive.hpp"

#include <rasd/searcher.hpp>

#include <string>
#include <vector>

namespace {

using rasd::test::ArticleBuilder;
using rasd::test::ScratchArchive;

constexpr int kBoth = 30;  // articles with both words
constexpr int kOne = 30;   // articles with one of them, of each word

// kBoth articles about gold prices in Cairo, and kOne each about gold alone and prices alone.
std::vector<rasd::Article> priced_articles() {
    std::vector<rasd::Article> articles;
    for (int n = 0; n < kBoth; ++n) {
        articles.push_back(ArticleBuilder("both-" + std::to_string(n))
                               .title("تقرير اليوم " + std::to_string(n))
                               .body("ارتفعت أسعار الذهب في الأسواق صباح اليوم.")
                               .place("القاهرة")
                               .date("2021-06-17"));
    }
    for (int n = 0; n < kOne; ++n) {
        articles.push_back(ArticleBuilder("gold-" + std::to_string(n)).title("تقرير").body("الذهب في الخزائن."));
        articles.push_back(ArticleBuilder("price-" + std::to_string(n)).title("تقرير").body("أسعار الخضروات."));
    }
    return articles;
}

bool exact(const rasd::MatchTotal& total, std::size_t n) {
    return total.lower == n && total.estimated == n && total.upper == n;
}

}  // namespace

TEST_CASE("free text is counted exactly only when asked, filters and facets are always counted") {
    const ScratchArchive archive(priced_articles());
    rasd::Searcher searcher = archive.open_searcher();
    rasd::SearchOptions page;
    // Far fewer hits than matches, so the total cannot come from the page: Xapian 1.4 estimates
    // 40 (30..60) for the 30 articles with both words, 80 (60..90) for the 90 with either.
    page.limit = 1;

    struct Case {
        const char* query;
        std::size_t matches;
    };
    for (const Case& c : {Case{"+أسعار +الذهب", kBoth}, Case{"أسعار الذهب", kBoth + 2 * kOne}}) {
        CAPTURE(c.query);
        rasd::SearchOptions counted = page;
        counted.exact_total = true;
        const rasd::SearchResults estimated = searcher.search(c.query, page);
        const rasd::SearchResults exactly = searcher.search(c.query, counted);
        CHECK(exact(exactly.total, c.matches));
        CHECK(estimated.total.lower <= c.matches);
        CHECK(estimated.total.upper >= c.matches);
        // Counting changes the total only: the same hit with the same score.
        REQUIRE(estimated.hits.size() == 1);
        REQUIRE(exactly.hits.size() == 1);
        CHECK(estimated.hits[0].id == exactly.hits[0].id);
        CHECK(estimated.hits[0].score == exactly.hits[0].score);

        rasd::SearchOptions faceted = page;
        faceted.facets = true;
        CHECK(exact(searcher.search(c.query, faceted).total, c.matches));
    }
    // With a filter the text's matches are counted, as a list of filters only is.
    CHECK(exact(searcher.search("+أسعار +الذهب place:القاهرة", page).total, kBoth));
    CHECK(exact(searcher.search("place:القاهرة", page).total, kBoth));
}

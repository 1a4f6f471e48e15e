// Searcher::article: one stored article by id, from a database and from a sharded archive.

#include <doctest/doctest.h>

#include "tests/support/article_builder.hpp"
#include "tests/support/scratch_archive.hpp"

#include <rasd/searcher.hpp>

#include <string>
#include <vector>

namespace {

using rasd::test::ArticleBuilder;
using rasd::test::ScratchArchive;

std::vector<rasd::Article> articles() {
    return {
        ArticleBuilder("eg-1")
            .title("ضبط سائق سيارة نقل")
            .body("ألقت الأجهزة الأمنية فى القاهرة القبض على سائق.\nوتبين أنه بلا رخصة.")
            .date("14 مارس 2019")
            .place("القاهرة")
            .topic("security")
            .source("الرصد")
            .url("https://news.example.com/1")
            .author("محرر الحوادث"),
        ArticleBuilder("sa-2").title("افتتاح مطار جديد").body("افتتح في الرياض مطار جديد.").date("2021-05-01"),
    };
}

}  // namespace

TEST_CASE("Searcher::article returns the whole stored article, and nothing for an unknown id") {
    for (const std::size_t shards : {std::size_t{0}, std::size_t{3}}) {
        CAPTURE(shards);
        rasd::IndexerOptions options;
        options.shards = shards;
        const ScratchArchive archive(articles(), options);
        rasd::Searcher searcher = archive.open_searcher();

        const std::optional<rasd::ArchivedArticle> found = searcher.article("eg-1");
        REQUIRE(found.has_value());
        CHECK(found->id == "eg-1");
        CHECK(found->title == "ضبط سائق سيارة نقل");
        CHECK(found->body == "ألقت الأجهزة الأمنية فى القاهرة القبض على سائق.\nوتبين أنه بلا رخصة.");
        CHECK(found->date == "2019-03-14");
        CHECK(found->date_given == "14 مارس 2019");
        CHECK(found->place == "القاهرة");
        CHECK(found->place_id == "eg-cairo");
        CHECK(found->place_given == "القاهرة");
        CHECK(found->topic == "security");
        CHECK(found->topic_given == "security");
        CHECK(found->source == "الرصد");
        CHECK(found->url == "https://news.example.com/1");
        CHECK(found->author == "محرر الحوادث");
        REQUIRE(found->places.size() == 2);
        CHECK(found->places[0].id == "eg");
        CHECK(found->places[1].id == "eg-cairo");

        CHECK(searcher.article("sa-2")->title == "افتتاح مطار جديد");
        CHECK_FALSE(searcher.article("missing").has_value());
        CHECK_FALSE(searcher.article("").has_value());
        CHECK_FALSE(searcher.article(std::string(300, 'x')).has_value());
        CHECK_FALSE(searcher.article("EG-1").has_value());  // ids are exact
    }
}

TEST_CASE("Searcher::article sees a commit after reopen()") {
    const ScratchArchive archive(articles());
    rasd::Searcher searcher = archive.open_searcher();
    CHECK_FALSE(searcher.article("late-3").has_value());
    archive.index({ArticleBuilder("late-3").title("خبر متأخر").body("نص الخبر المتأخر.")});
    searcher.reopen();
    REQUIRE(searcher.article("late-3").has_value());
    CHECK(searcher.article("late-3")->body == "نص الخبر المتأخر.");
}

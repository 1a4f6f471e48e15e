// Re-ranking by passage (searcher/passage_ranking.hpp): the best window of a document's
// positions, the order it gives, and rasd::Searcher with it on and off.

#include <doctest/doctest.h>

#include "searcher/passage_ranking.hpp"
#include "tests/support/article_builder.hpp"
#include "tests/support/scratch_archive.hpp"
#include "tests/support/temp_dir.hpp"

#include <rasd/searcher.hpp>

#include <xapian.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

namespace {

using rasd::test::ArticleBuilder;
using rasd::test::ScratchArchive;

// A document holding each term at the positions given.
Xapian::Document with_positions(const std::vector<std::pair<std::string, std::vector<Xapian::termpos>>>& terms) {
    Xapian::Document document;
    for (const auto& [term, positions] : terms) {
        for (Xapian::termpos p : positions) document.add_posting(term, p);
    }
    return document;
}

std::vector<std::string> ids_of(const rasd::SearchResults& results) {
    std::vector<std::string> ids;
    for (const rasd::SearchHit& hit : results.hits) ids.push_back(hit.id);
    return ids;
}

// Twelve different filler words, so that the query's words can stand apart.
const std::vector<std::string> kFiller = {"ساحة", "مدينة", "شارع", "جسر", "نهر", "سوق",
                                          "ميناء", "حديقة", "مكتبة", "قلعة", "متحف", "جامعة"};

std::string body_of(const std::vector<std::string>& words) {
    std::string body;
    for (const std::string& w : words) body += (body.empty() ? "" : " ") + w;
    return body;
}

// Two articles of the same words, the same number of times, past the lede: the query's three
// words stand side by side in one body and 24 words apart in the other. BM25 cannot tell them
// apart (equal scores, ties by id: "a-apart" first).
std::vector<rasd::Article> together_and_apart() {
    const std::vector<std::string> query = {"انفجار", "خط", "الغاز"};
    std::vector<std::string> together, apart;
    for (int i = 0; i < 4; ++i) {  // 48 words: the lede is the first 40
        together.insert(together.end(), kFiller.begin(), kFiller.end());
        apart.insert(apart.end(), kFiller.begin(), kFiller.end());
    }
    for (const std::string& word : query) {
        for (int i = 0; i < 2; ++i) together.insert(together.end(), kFiller.begin(), kFiller.end());
        for (int i = 0; i < 2; ++i) apart.insert(apart.end(), kFiller.begin(), kFiller.end());
        apart.push_back(word);
    }
    together.insert(together.end(), query.begin(), query.end());
    return {ArticleBuilder("a-apart").title("خبر أول").body(body_of(apart)),
            ArticleBuilder("b-together").title("خبر ثان").body(body_of(together)),
            ArticleBuilder("c-other").title("خبر ثالث").body("أخبار المدينة اليوم"),
            ArticleBuilder("d-other").title("خبر رابع").body("أخبار الطقس اليوم")};
}

}  // namespace

TEST_CASE("best_passage_share: the query's IDF in the best window of the given width") {
    rasd::test::TempDir dir;
    {
        Xapian::WritableDatabase db(dir.path("db"), Xapian::DB_CREATE);
        db.add_document(with_positions({{"Za", {1}}, {"Zb", {50}}, {"Zc", {52}}}));  // b and c together
        db.add_document(with_positions({{"Za", {10}}, {"Zb", {11}}, {"Zc", {12}}}));  // all three
        db.add_document(with_positions({{"Za", {5}}}));
        db.add_document(with_positions({{"Zz", {1}}}));
        db.commit();
    }
    const Xapian::Database db(dir.path("db"));
    const std::vector<Xapian::Query> words = {Xapian::Query("Za"), Xapian::Query("Zb"), Xapian::Query("Zc"),
                                              Xapian::Query("Zmissing")};
    const rasd::detail::PassageTerms terms =
        rasd::detail::passage_terms(db, Xapian::Query(Xapian::Query::OP_OR, words.begin(), words.end()));
    // A term in no document is left out; a is in 3 of 4 documents, b and c in 2.
    REQUIRE(terms.terms == std::vector<std::string>{"Za", "Zb", "Zc"});
    const double idf_a = std::log(4.0 / 3.0), idf_bc = std::log(2.0);
    CHECK(terms.total_idf == doctest::Approx(idf_a + 2 * idf_bc));
    const struct {
        Xapian::docid did;
        Xapian::termpos window;
        double share;
    } cases[] = {
        {1, 3, 2 * idf_bc / (idf_a + 2 * idf_bc)},  // positions 50 and 52 fit in 3
        {1, 2, idf_bc / (idf_a + 2 * idf_bc)},      // but not in 2: one term at a time
        {1, 60, 1.0},                               // 1..52 fits in 60
        {2, 3, 1.0},
        {3, 12, idf_a / (idf_a + 2 * idf_bc)},
        {4, 12, 0.0},
    };
    for (const auto& c : cases) {
        CAPTURE(c.did);
        CAPTURE(c.window);
        CHECK(rasd::detail::best_passage_share(db, c.did, terms, c.window) == doctest::Approx(c.share));
    }
}

TEST_CASE("passage_terms: the terms of one OP_SYNONYM are one word, counted once in a window") {
    rasd::test::TempDir dir;
    {
        Xapian::WritableDatabase db(dir.path("db"), Xapian::DB_CREATE);
        db.add_document(with_positions({{"Zبوتين", {1}}, {"Zputin", {2}}}));                // two spellings of one name
        db.add_document(with_positions({{"Zبوتين", {1}}, {"Zكرملين", {2}}}));               // the name and another word
        db.add_document(with_positions({{"Zputin", {7}}, {"Zكرملين", {8}}, {"Zزز", {30}}}));  // the alias and the word
        for (int i = 0; i < 5; ++i) db.add_document(with_positions({{"Zزز", {1}}}));
        db.commit();
    }
    const Xapian::Database db(dir.path("db"));
    const Xapian::Query name(Xapian::Query::OP_SYNONYM, Xapian::Query("Zبوتين"), Xapian::Query("Zputin"));
    // One word, however many spellings: no passage to find.
    const rasd::detail::PassageTerms alone = rasd::detail::passage_terms(db, name);
    CHECK(alone.terms.size() == 2);
    CHECK(alone.idf.size() == 1);
    CHECK_FALSE(rasd::detail::worth_a_passage(alone));
    // With a second word: the name's document frequency is its spellings' summed (2 + 2 of 8).
    const rasd::detail::PassageTerms two = rasd::detail::passage_terms(db, name | Xapian::Query("Zكرملين"));
    REQUIRE(two.idf.size() == 2);
    CHECK(rasd::detail::worth_a_passage(two));
    const double idf_name = std::log(8.0 / 4.0), idf_kremlin = std::log(8.0 / 2.0);
    CHECK(two.total_idf == doctest::Approx(idf_kremlin + idf_name));
    CHECK(rasd::detail::best_passage_share(db, 1, two, 16) == doctest::Approx(idf_name / two.total_idf));
    CHECK(rasd::detail::best_passage_share(db, 2, two, 16) == doctest::Approx(1.0));
    CHECK(rasd::detail::best_passage_share(db, 3, two, 16) == doctest::Approx(1.0));  // through the alias
}

TEST_CASE("order_by_passage: each weight plus weight x best weight x share, ties keep BM25's order") {
    const rasd::detail::PassageRanking r = rasd::detail::order_by_passage({10.0, 9.0, 8.0, 7.0}, {0.0, 1.0, 0.25, 1.0}, 0.2);
    CHECK(r.order == std::vector<Xapian::doccount>{1, 0, 3, 2});
    REQUIRE(r.scores.size() == 4);
    CHECK(r.scores[0] == doctest::Approx(11.0));  // 9 + 0.2 * 10 * 1
    CHECK(r.scores[1] == doctest::Approx(10.0));
    CHECK(r.scores[2] == doctest::Approx(9.0));
    CHECK(r.scores[3] == doctest::Approx(8.5));
    // 10 + 0, 9 + 1, 8 + 2: equal, in the order BM25 gave.
    CHECK(rasd::detail::order_by_passage({10.0, 9.0, 8.0}, {0.0, 0.5, 1.0}, 0.2).order ==
          std::vector<Xapian::doccount>{0, 1, 2});
    CHECK(rasd::detail::order_by_passage({}, {}, 0.2).order.empty());
}

TEST_CASE("Searcher: an article holding the query's words together ranks above one that has them apart") {
    for (std::size_t shards : {std::size_t{0}, std::size_t{2}}) {
        CAPTURE(shards);
        rasd::IndexerOptions options;
        options.shards = shards;
        const ScratchArchive archive(together_and_apart(), options);
        rasd::Searcher searcher = archive.open_searcher();
        rasd::SearchOptions bm25_alone;
        bm25_alone.passage = false;
        const rasd::SearchResults off = searcher.search("انفجار خط الغاز", bm25_alone);
        REQUIRE(ids_of(off) == std::vector<std::string>{"a-apart", "b-together"});
        CHECK(off.hits[0].score == doctest::Approx(off.hits[1].score));  // BM25 sees the same words

        const rasd::SearchResults on = searcher.search("انفجار خط الغاز", {});
        REQUIRE(ids_of(on) == std::vector<std::string>{"b-together", "a-apart"});
        CHECK(on.hits[0].rank == 1);
        CHECK(on.hits[1].rank == 2);
        CHECK(on.hits[0].score > on.hits[1].score);
        // Together: the whole query in one window, a bonus of kPassageParameters.weight x the best
        // BM25 score; apart, each window holds one word.
        CHECK(on.hits[0].score ==
              doctest::Approx(off.hits[0].score * (1 + rasd::detail::kPassageParameters.weight)));
        CHECK(on.hits[1].score < on.hits[0].score);

        // A page of the re-ranked list is that part of it.
        rasd::SearchOptions second_page;
        second_page.offset = 1;
        second_page.limit = 1;
        const rasd::SearchResults page = searcher.search("انفجار خط الغاز", second_page);
        REQUIRE(ids_of(page) == std::vector<std::string>{"a-apart"});
        CHECK(page.hits[0].rank == 2);
        CHECK(page.hits[0].score == doctest::Approx(on.hits[1].score));
        CHECK(page.total.estimated == on.total.estimated);
        // The largest page: offset + limit must not wrap around.
        rasd::SearchOptions everything;
        everything.offset = 1;
        everything.limit = std::numeric_limits<std::size_t>::max();
        CHECK(ids_of(searcher.search("انفجار خط الغاز", everything)) == std::vector<std::string>{"a-apart"});
    }
}

TEST_CASE("Searcher: re-ranking by passage leaves other orders and one-word queries as BM25 gives them") {
    const ScratchArchive archive(together_and_apart());
    rasd::Searcher searcher = archive.open_searcher();
    rasd::SearchOptions bm25_alone;
    bm25_alone.passage = false;
    // One word: no passage to find.
    const rasd::SearchResults one_off = searcher.search("الغاز", bm25_alone);
    const rasd::SearchResults one_on = searcher.search("الغاز", {});
    REQUIRE(ids_of(one_on) == ids_of(one_off));
    for (std::size_t i = 0; i < one_on.hits.size(); ++i) CHECK(one_on.hits[i].score == one_off.hits[i].score);
    // Newest first: the order and scores of the date sort.
    rasd::SearchOptions newest;
    newest.sort = rasd::SortOrder::Newest;
    rasd::SearchOptions newest_off = newest;
    newest_off.passage = false;
    const rasd::SearchResults sorted_on = searcher.search("انفجار خط الغاز", newest);
    const rasd::SearchResults sorted_off = searcher.search("انفجار خط الغاز", newest_off);
    REQUIRE(ids_of(sorted_on) == ids_of(sorted_off));
    for (std::size_t i = 0; i < sorted_on.hits.size(); ++i) CHECK(sorted_on.hits[i].score == sorted_off.hits[i].score);
}

TEST_CASE("Searcher: --explain says when the best hits were ranked again by passage") {
    const ScratchArchive archive(together_and_apart());
    rasd::Searcher searcher = archive.open_searcher();
    const std::string passage_line =
        "ranking: BM25, then its best 10 again by passage (those with the query's words within 16 words of each "
        "other rise)";
    const auto has_line = [&](const rasd::SearchResults& r) {
        return std::count(r.explanation.begin(), r.explanation.end(), passage_line) == 1;
    };
    CHECK(has_line(searcher.search("انفجار خط الغاز", {})));
    rasd::SearchOptions bm25_alone;
    bm25_alone.passage = false;
    CHECK_FALSE(has_line(searcher.search("انفجار خط الغاز", bm25_alone)));
    CHECK_FALSE(has_line(searcher.search("الغاز", {})));  // one word: no passage to find
    rasd::SearchOptions newest;
    newest.sort = rasd::SortOrder::Newest;
    CHECK_FALSE(has_line(searcher.search("انفجار خط الغاز", newest)));  // a date order is not re-ranked
}

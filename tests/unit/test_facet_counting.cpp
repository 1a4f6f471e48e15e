// Facet counting: rasd's own spy over the facets slot's stream (local archives) and Xapian's
// ValueCountMatchSpy on that slot (remote shards) give the same facets, ties in value order, and
// the same counts as Xapian's spies on each facet's own slot.

#include <doctest/doctest.h>

#include "archive/schema.hpp"
#include "archive/term_codec.hpp"
#include "searcher/facet_counting.hpp"
#include "tests/support/article_builder.hpp"
#include "tests/support/scratch_archive.hpp"

#include <xapian.h>

#include <initializer_list>
#include <map>
#include <string>
#include <vector>

using rasd::test::ArticleBuilder;
using rasd::test::ScratchArchive;

namespace {

// Every matching article of `archive` counted by one kind of counter.
rasd::Facets count_all(const Xapian::Database& database, bool remote, std::size_t limit) {
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query::MatchAll);
    rasd::detail::FacetCounter counter(database, remote);
    enquire.add_matchspy(&counter.spy());
    (void)enquire.get_mset(0, 0, database.get_doccount());
    rasd::Facets facets;
    const auto same = [](const std::string& value) { return value; };
    counter.fill(facets, limit, {same, same, [](const std::string& value) { return "src:" + value; }});
    return facets;
}

rasd::Facets count_all(const ScratchArchive& archive, bool remote, std::size_t limit) {
    return count_all(Xapian::Database(archive.path()), remote, limit);
}

// value -> count over every article, from Xapian's own spy on one slot (or several, summed).
std::map<std::string, std::size_t> slot_counts(const Xapian::Database& database,
                                               std::initializer_list<Xapian::valueno> slots) {
    std::map<std::string, std::size_t> counts;
    for (const Xapian::valueno slot : slots) {
        Xapian::Enquire enquire(database);
        enquire.set_query(Xapian::Query::MatchAll);
        Xapian::ValueCountMatchSpy spy(slot);
        enquire.add_matchspy(&spy);
        (void)enquire.get_mset(0, 0, database.get_doccount());
        for (auto it = spy.values_begin(); it != spy.values_end(); ++it) counts[*it] += it.get_termfreq();
    }
    return counts;
}

std::map<std::string, std::size_t> as_map(const std::vector<rasd::FacetValue>& values) {
    std::map<std::string, std::size_t> out;
    for (const rasd::FacetValue& v : values) out[v.value] += v.count;
    return out;
}

// Sixty articles whose sources and months change from one to the next and come back, and one
// about three countries.
std::vector<rasd::Article> alternating_articles(const std::string& id_prefix) {
    std::vector<rasd::Article> articles;
    for (int i = 0; i < 60; ++i) {
        articles.push_back(ArticleBuilder(id_prefix + std::to_string(i))
                               .title("خبر رقم " + std::to_string(i))
                               .body("نص الخبر")
                               .source("مصدر " + std::to_string(i % 7 == 0 ? 0 : i % 13))
                               .date("2021-" + std::string(i % 12 < 9 ? "0" : "") + std::to_string(i % 12 + 1) + "-15"));
    }
    articles.push_back(ArticleBuilder(id_prefix + "three")
                           .title("قمة مصرية سورية لبنانية")
                           .body("اجتمع قادة مصر وسوريا ولبنان في القاهرة."));
    return articles;
}

struct Counted {
    std::string value;
    std::size_t count;
    friend bool operator==(const Counted&, const Counted&) = default;
};

std::vector<Counted> counted(const std::vector<rasd::FacetValue>& values) {
    std::vector<Counted> out;
    for (const rasd::FacetValue& v : values) out.push_back({v.value, v.count});
    return out;
}

}  // namespace

TEST_SUITE("facet_counting") {

TEST_CASE("both counters give the same facets, most frequent first, ties in value order") {
    const ScratchArchive archive({
        ArticleBuilder("a1").title("a").body("القاهرة ودمشق").place("القاهرة").topic("security").source("وكالة النيل").date("2021-05-02"),
        ArticleBuilder("a2").title("b").body("b").place("دمشق").topic("economy").source("وكالة النيل").date("2021-05-09"),
        ArticleBuilder("a3").title("محادثات مصرية سورية في القاهرة ودمشق").body("التقى وزير خارجية مصر نظيره السوري في القاهرة، ثم سافر إلى دمشق.").topic("security").source("الرصد اليوم").date("2020-01-01"),
        ArticleBuilder("a4").title("d").body("d").source("Sky News"),
    });
    for (const std::size_t limit : {std::size_t{10}, std::size_t{1}}) {
        CAPTURE(limit);
        const rasd::Facets local = count_all(archive, false, limit);
        const rasd::Facets remote = count_all(archive, true, limit);
        for (const auto member : {&rasd::Facets::topic, &rasd::Facets::country, &rasd::Facets::city,
                                  &rasd::Facets::source, &rasd::Facets::year, &rasd::Facets::month}) {
            CHECK(counted(local.*member) == counted(remote.*member));
        }
        CHECK(local.source.front().label == "src:" + local.source.front().value);
    }
    const rasd::Facets facets = count_all(archive, false, 10);
    CHECK(counted(facets.topic) == std::vector<Counted>{{"security", 2}, {"economy", 1}});
    CHECK(counted(facets.year) == std::vector<Counted>{{"2020", 1}, {"2021", 2}});
    CHECK(counted(facets.month) == std::vector<Counted>{{"2020-01", 1}, {"2021-05", 2}});
    REQUIRE(facets.source.size() == 3);
    CHECK(facets.source.front().count == 2);
    // Two sources with one article each: in value order.
    CHECK(facets.source[1].value < facets.source[2].value);
    // a3 is about two countries and counts for each; the tie goes by value.
    CHECK(counted(facets.country) == std::vector<Counted>{{"eg", 2}, {"sy", 2}});
    CHECK(counted(facets.city) == std::vector<Counted>{{"eg-cairo", 2}, {"sy-damascus", 1}});
    const rasd::Facets first = count_all(archive, false, 1);
    CHECK(counted(first.topic) == std::vector<Counted>{{"security", 2}});
}

TEST_CASE("both counters agree over many values in alternating order and an article of three countries") {
    const ScratchArchive archive(alternating_articles("n"));
    const rasd::Facets local = count_all(archive, false, 100);
    const rasd::Facets remote = count_all(archive, true, 100);
    for (const auto member : {&rasd::Facets::topic, &rasd::Facets::country, &rasd::Facets::city,
                              &rasd::Facets::source, &rasd::Facets::year, &rasd::Facets::month}) {
        CHECK(counted(local.*member) == counted(remote.*member));
    }
    CHECK(local.source.size() == 13);
    CHECK(local.month.size() == 12);
    std::size_t sources = 0;
    for (const rasd::FacetValue& v : local.source) sources += v.count;
    CHECK(sources == 60);
    CHECK(counted(local.country) == std::vector<Counted>{{"eg", 1}, {"lb", 1}, {"sy", 1}});
}

TEST_CASE("the facets slot counts what each facet's own slot holds, over one database and two shards") {
    namespace schema = rasd::schema;
    const ScratchArchive first(alternating_articles("a"));
    const ScratchArchive second({
        ArticleBuilder("b1").title("محادثات في دمشق").body("التقى الوزير نظيره في دمشق.").topic("security").source("الرصد اليوم").date("2020-01-01"),
        ArticleBuilder("b2").title("خبر").body("نص").source("مصدر 3").date("2021-03-15"),
    });
    Xapian::Database both(first.path());
    both.add_database(Xapian::Database(second.path()));
    for (const Xapian::Database& database : {Xapian::Database(first.path()), both}) {
        CAPTURE(database.get_doccount());
        const rasd::Facets local = count_all(database, false, 1000);
        CHECK(as_map(local.topic) == slot_counts(database, {schema::kTopicSlot}));
        CHECK(as_map(local.country) == slot_counts(database, {schema::kCountrySlots[0], schema::kCountrySlots[1],
                                                              schema::kCountrySlots[2]}));
        CHECK(as_map(local.city) == slot_counts(database, {schema::kCitySlot}));
        CHECK(as_map(local.source) == slot_counts(database, {schema::kSourceSlot}));
        std::map<std::string, std::size_t> months;
        for (const auto& [value, count] : slot_counts(database, {schema::kMonthSlot})) {
            months[schema::month_of_value(value)] = count;
        }
        CHECK(as_map(local.month) == months);
    }
    // Over the two shards the match reaches the first shard's articles, then the second's: the
    // counts are those of both.
    const rasd::Facets combined = count_all(both, false, 1000);
    CHECK(as_map(combined.source)["مصدر 3"] == as_map(count_all(first, false, 1000).source)["مصدر 3"] + 1);
    CHECK(as_map(combined.topic)["security"] == as_map(count_all(first, false, 1000).topic)["security"] + 1);
}

}  // TEST_SUITE

// Index a few articles into a real database, then search it.

#include <doctest/doctest.h>

#include "archive/schema.hpp"
#include "tests/support/article_builder.hpp"
#include "tests/support/scratch_archive.hpp"

#include <rasd/error.hpp>
#include <rasd/indexer.hpp>
#include <rasd/searcher.hpp>

#include <xapian.h>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace {

using rasd::test::ArticleBuilder;
using rasd::test::ScratchArchive;

std::vector<rasd::Article> sample_articles() {
    return {
        ArticleBuilder("eg-1")
            .title("ضبط سائق سيارة نقل يقود برعونة")
            .body("ألقت الأجهزة الأمنية فى القاهرة القبض على سائق سيارة نقل ظهر فى مقطع فيديو.")
            .date("2019-03-14")
            .place("القاهرة")
            .topic("security")
            .source("الرصد")
            .url("https://news.example.com/1"),
        ArticleBuilder("eg-2")
            .title("المركزي يثبت أسعار الفائدة")
            .body("قال مسئول مصرفى إن البنك المركزي المصري أبقى على أسعار الفائدة دون تغيير.")
            .date("2021-06-17")
            .place("القاهرة")
            .topic("economy")
            .source("الرصد")
            .url("https://news.example.com/2"),
        ArticleBuilder("lb-1")
            .title("معرض بيروت للكتاب يفتح أبوابه")
            .body("افتتح فى بيروت معرض الكتاب بمشاركة دور نشر من لبنان وفرنسا.")
            .date("2022-12-01")
            .place("بيروت")
            .topic("culture")
            .source("النهار")
            .url("https://news.example.com/3"),
    };
}

std::vector<std::string> hit_ids(rasd::Searcher& searcher, const std::string& query) {
    std::vector<std::string> ids;
    for (const rasd::SearchHit& hit : searcher.search(query).hits) ids.push_back(hit.id);
    return ids;
}

using Ids = std::vector<std::string>;

}  // namespace

TEST_SUITE("index_and_search") {

TEST_CASE("spelling variants, clitics and diacritics find the same article") {
    const ScratchArchive archive;
    {
        rasd::Indexer indexer = archive.open_indexer();
        for (const rasd::Article& a : sample_articles()) CHECK_FALSE(indexer.add_or_replace(a).replaced);
        indexer.commit();
        CHECK(indexer.stats().articles == 3);
        CHECK(indexer.stats().analyzer == "light/4");
    }
    rasd::Searcher searcher = archive.open_searcher();
    CHECK(hit_ids(searcher, "المسؤول المصري") == Ids{"eg-2"});       // مسئول مصرى in the text
    CHECK(hit_ids(searcher, "بالكتاب") == Ids{"lb-1"});
    CHECK(hit_ids(searcher, "السّائق") == Ids{"eg-1"});              // shadda in the query
    CHECK(hit_ids(searcher, "القاهره") == Ids{"eg-1"});           // ة written ه
    CHECK(hit_ids(searcher, "فرنسا") == Ids{"lb-1"});                 // وفرنسا in the text

    const rasd::SearchResults results = searcher.search("سيارة");
    REQUIRE(results.hits.size() == 1);
    CHECK(results.total.estimated == 1);
    const rasd::SearchHit& hit = results.hits[0];
    CHECK(hit.rank == 1);
    CHECK(hit.title == "ضبط سائق سيارة نقل يقود برعونة");
    CHECK(hit.date == "2019-03-14");
    CHECK(hit.place == "القاهرة");
    CHECK(hit.url == "https://news.example.com/1");
    CHECK(hit.snippet.find("[سيارة]") != std::string::npos);
}

TEST_CASE("a title match ranks above a body-only match") {
    const ScratchArchive archive({
        ArticleBuilder("body").title("خبر عادي").body("تحدث التقرير عن الكتاب والمكتبات فى المدينة طويلا."),
        ArticleBuilder("title").title("الكتاب").body("تقرير عن المدينة والمكتبات طويلا فى هذا اليوم."),
    });
    rasd::Searcher searcher = archive.open_searcher();
    CHECK(hit_ids(searcher, "كتاب") == Ids{"title", "body"});
}

TEST_CASE("re-sending an id replaces the article, remove deletes it") {
    const ScratchArchive archive;
    rasd::Indexer indexer = archive.open_indexer();
    auto articles = sample_articles();
    indexer.add_or_replace(articles[0]);
    articles[0].body = "نص جديد عن القطار";
    CHECK(indexer.add_or_replace(articles[0]).replaced);
    indexer.commit();
    CHECK(indexer.stats().articles == 1);
    {
        rasd::Searcher searcher = archive.open_searcher();
        CHECK(hit_ids(searcher, "القطار") == Ids{"eg-1"});
        CHECK(hit_ids(searcher, "فيديو").empty());
    }
    CHECK(indexer.remove("eg-1"));
    CHECK_FALSE(indexer.remove("eg-1"));
    indexer.commit();
    CHECK(indexer.stats().articles == 0);
}

TEST_CASE("the date comes from the field, else the URL, else the opening words") {
    const ScratchArchive archive;
    rasd::Indexer indexer = archive.open_indexer();
    rasd::Article a = ArticleBuilder("d1").title("t").body("نص").date("18/01/2017");
    rasd::IndexedArticle r = indexer.add_or_replace(a);
    CHECK(r.date == "2017-01-18");
    CHECK(r.date_evidence == rasd::DateEvidence::Field);
    CHECK(r.warnings.empty());

    a = ArticleBuilder("d2").title("t").body("نص").url("https://news.example.com/2018/02/18/story");
    r = indexer.add_or_replace(a);
    CHECK(r.date == "2018-02-18");
    CHECK(r.date_evidence == rasd::DateEvidence::Url);

    a = ArticleBuilder("d3").title("t").body("القاهرة - الخميس ٥ مارس ٢٠٢٠ - أعلنت الوزارة");
    r = indexer.add_or_replace(a);
    CHECK(r.date == "2020-03-05");
    CHECK(r.date_evidence == rasd::DateEvidence::Text);

    a = ArticleBuilder("d4").title("t").body("نص بلا تاريخ").date("قريبا");
    r = indexer.add_or_replace(a);
    CHECK(r.date.empty());
    CHECK(r.warnings == std::vector<std::string>{"unparseable date 'قريبا'"});

    // The reader's warnings come first, then the metadata's.
    a.warnings = {"field 'title': invalid UTF-8 repaired (U+FFFD)"};
    r = indexer.add_or_replace(a);
    CHECK(r.warnings == std::vector<std::string>{"field 'title': invalid UTF-8 repaired (U+FFFD)", "unparseable date 'قريبا'"});

    // A value from the data is quoted escaped and cut: a warning must not fill the terminal.
    a = ArticleBuilder("d5").title("t").body("نص").date(std::string(3000, '9'));
    r = indexer.add_or_replace(a);
    CHECK(r.warnings == std::vector<std::string>{"unparseable date '" + std::string(197, '9') + "...'"});
    a = ArticleBuilder("d6").title("t").body("نص").date("x\x1b]0;T\x07");
    r = indexer.add_or_replace(a);
    CHECK(r.warnings == std::vector<std::string>{"unparseable date 'x\\x1b]0;T\\x07'"});
    indexer.commit();

    rasd::Searcher searcher = archive.open_searcher();
    const rasd::SearchResults results = searcher.search("الوزارة");
    REQUIRE(results.hits.size() == 1);
    CHECK(results.hits[0].date == "2020-03-05");
    const rasd::ArchiveStats stats = searcher.stats();
    CHECK(stats.first_date == "2017-01-18");
    CHECK(stats.last_date == "2020-03-05");
}

TEST_CASE("place from the field or the dateline, topic from the label or the text") {
    const ScratchArchive archive;
    rasd::Indexer indexer = archive.open_indexer();
    rasd::Article a = ArticleBuilder("p1")
                          .title("ضبط متهمين")
                          .body("ضبطت الأجهزة الأمنية المتهمين.")
                          .date("2020-01-01")
                          .place("دار السلام")
                          .topic("حوادث");
    rasd::IndexedArticle r = indexer.add_or_replace(a);
    CHECK(r.place_id == "eg-cairo-dar-el-salam");
    CHECK(r.place == "دار السلام");
    CHECK(r.place_evidence == rasd::PlaceEvidence::Field);
    CHECK(r.topic == "security");
    CHECK(r.topic_evidence == rasd::TopicEvidence::Field);

    a = ArticleBuilder("p2")
            .title("تصادم على الطريق")
            .body("بيروت (رويترز) - أصيب خمسة أشخاص فى حادث تصادم بين سيارة نقل وحافلة على الطريق السريع، وقالت "
                  "إدارة المرور إن السائق كان يقود بسرعة.");
    r = indexer.add_or_replace(a);
    CHECK(r.place_id == "lb-beirut");
    CHECK(r.place_evidence == rasd::PlaceEvidence::Dateline);
    CHECK(r.topic == "traffic");
    CHECK(r.topic_evidence == rasd::TopicEvidence::Inferred);

    a = ArticleBuilder("p3").title("خبر").body("نص قصير.").place("أطلانتس");
    r = indexer.add_or_replace(a);
    CHECK(r.place_id.empty());
    CHECK(r.warnings == std::vector<std::string>{"unknown place 'أطلانتس' (not in the gazetteer)"});
    indexer.commit();

    rasd::Searcher searcher = archive.open_searcher();
    const rasd::ArchiveStats stats = searcher.stats();
    CHECK(stats.top_places.size() == 5);  // eg, eg-cairo, eg-cairo-dar-el-salam, lb, lb-beirut
    CHECK(searcher.stats(2).top_places.size() == 2);
    bool found_egypt = false;
    for (const rasd::TermCount& t : stats.top_places) {
        if (t.value == "eg") {
            found_egypt = true;
            CHECK(t.label == "مصر");
            CHECK(t.articles == 1);
        }
    }
    CHECK(found_egypt);
}

TEST_CASE("how a date, place or topic was found reads as the words stored data and scripts use") {
    CHECK(rasd::to_string(rasd::DateEvidence::None).empty());
    CHECK(rasd::to_string(rasd::DateEvidence::Field) == "field");
    CHECK(rasd::to_string(rasd::DateEvidence::Url) == "url");
    CHECK(rasd::to_string(rasd::DateEvidence::Text) == "text");
    CHECK(rasd::to_string(rasd::PlaceEvidence::None).empty());
    CHECK(rasd::to_string(rasd::PlaceEvidence::Field) == "field");
    CHECK(rasd::to_string(rasd::PlaceEvidence::Dateline) == "dateline");
    CHECK(rasd::to_string(rasd::TopicEvidence::None).empty());
    CHECK(rasd::to_string(rasd::TopicEvidence::Field) == "field");
    CHECK(rasd::to_string(rasd::TopicEvidence::Inferred) == "inferred");

    CHECK(rasd::to_string(rasd::PlaceEvidence::Title) == "title");
    CHECK(rasd::to_string(rasd::PlaceEvidence::Lede) == "lede");
    CHECK(rasd::to_string(rasd::PlaceEvidence::Body) == "body");
    CHECK(rasd::to_string(rasd::PlaceEvidence::Source) == "source");

    const ScratchArchive archive;
    rasd::Indexer indexer = archive.open_indexer();
    const rasd::IndexedArticle r =
        indexer.add_or_replace(ArticleBuilder("n1").title("خبر").body("نص بلا تاريخ ولا مكان."));
    CHECK(r.date_evidence == rasd::DateEvidence::None);
    CHECK(r.place_evidence == rasd::PlaceEvidence::None);
}

TEST_CASE("a second writer gets a clear locked error") {
    const ScratchArchive archive;
    rasd::Indexer first = archive.open_indexer();
    CHECK_THROWS_WITH_AS(rasd::Indexer(archive.path()),
                         (archive.path() + ": database is locked by another writer").c_str(),
                         rasd::DatabaseLockedError);
}

TEST_CASE("a database folder that cannot be written is permission denied, with its path, not locked") {
    if (::geteuid() == 0) {
        MESSAGE("skipped: root writes to read-only folders (tests/cli/test_cli.sh checks it as another user)");
        return;
    }
    const ScratchArchive archive;
    archive.index({});
    ::chmod(archive.path().c_str(), 0555);
    CHECK_THROWS_WITH_AS(rasd::Indexer(archive.path()),
                         (archive.path() + ": permission denied: cannot write to the database folder").c_str(),
                         rasd::DatabaseError);
    CHECK_THROWS_WITH_AS(rasd::Indexer(archive.path() + "/new"),
                         (archive.path() + "/new: cannot create the database folder: Permission denied").c_str(),
                         rasd::DatabaseError);
    ::chmod(archive.path().c_str(), 0755);
}

TEST_CASE("a new database records its analyzer and schema, committed, before any article") {
    const ScratchArchive archive;
    rasd::Indexer indexer = archive.open_indexer();  // nothing committed by the caller yet
    const Xapian::Database reader(archive.path());
    CHECK(reader.get_metadata("rasd.analyzer") == "light/4");
    CHECK(reader.get_metadata("rasd.schema") == "7");
    CHECK_NOTHROW(rasd::Searcher(archive.path()));  // a searcher opens it at once
}

TEST_CASE("deleting needs no analysis: an archive of any stemmer opens for deletions only") {
    const ScratchArchive archive({rasd::StemmerKind::Snowball});
    archive.index(sample_articles());
    rasd::Indexer deleter(archive.path(), {.stemmer = rasd::StemmerKind::Light, .deletions_only = true});
    CHECK(deleter.remove("eg-1"));
    CHECK_FALSE(deleter.remove("no-such-id"));
    CHECK_THROWS_WITH_AS(deleter.add_or_replace(ArticleBuilder("eg-9")), "the indexer was opened for deletions only",
                         rasd::InvalidArgument);
    deleter.commit();
    CHECK(deleter.stats().articles == 2);
    CHECK(deleter.stats().analyzer == "snowball/4");  // recorded as it was
}

TEST_CASE("stats show a source as its articles write it, not folded") {
    const ScratchArchive archive({ArticleBuilder("a").source("وكالة أنباء النيل"), ArticleBuilder("b").source("Sky News"),
                                  ArticleBuilder("c").source("Sky News")});
    rasd::Searcher searcher = archive.open_searcher();
    const rasd::ArchiveStats stats = searcher.stats();
    REQUIRE(stats.top_sources.size() == 2);
    CHECK(stats.top_sources[0].label == "Sky News");
    CHECK(stats.top_sources[0].articles == 2);
    CHECK(stats.top_sources[1].label == "وكالة أنباء النيل");
    CHECK(stats.top_sources[1].value == "وكاله انباء النيل");  // the value stays the indexed (folded) one
}

TEST_CASE("a database built with one analyzer refuses another") {
    const ScratchArchive archive({rasd::StemmerKind::Snowball});
    archive.index({});  // creates the archive: empty, built with snowball
    CHECK_THROWS_WITH_AS(rasd::Indexer(archive.path(), {rasd::StemmerKind::Light}),
                         (archive.path() + ": database was built with analyzer 'snowball/4', refusing "
                                           "to add articles analyzed with 'light/4'").c_str(),
                         rasd::AnalyzerMismatchError);
}

TEST_CASE("a database of an older schema says to rebuild it with this version") {
    const ScratchArchive archive;
    archive.index({ArticleBuilder("old-1").title("خبر").body("نص الخبر.")});
    {
        Xapian::WritableDatabase db(archive.path());
        db.set_metadata(rasd::schema::kSchemaVersionKey, "3");
        db.commit();
    }
    const std::string expected = archive.path() + ": database has schema version 3, this rasd reads " +
                                 rasd::schema::kSchemaVersion +
                                 "; rebuild it with this version of rasd-index (into a new directory)";
    CHECK_THROWS_WITH_AS(rasd::Searcher(archive.path()), expected.c_str(), rasd::AnalyzerMismatchError);
    CHECK(std::string(rasd::schema::kSchemaVersion) == "7");
}

TEST_CASE("searching a missing database or an empty query is a clear error") {
    const ScratchArchive archive;
    CHECK_THROWS_WITH_AS(rasd::Searcher(archive.scratch_path("nothing")),
                         (archive.scratch_path("nothing") + ": no such database").c_str(), rasd::DatabaseError);
    archive.index({});
    rasd::Searcher searcher = archive.open_searcher();
    CHECK_THROWS_WITH_AS((void)searcher.search("فى من"), "query 'فى من' has no searchable words",
                         rasd::InvalidArgument);
}

TEST_CASE("a query syntax error reaches the caller as QuerySyntaxError, with its place") {
    rasd::test::TempDir dir;
    { rasd::Indexer indexer(dir.path("db")); }
    rasd::Searcher searcher(dir.path("db"));
    try {
        (void)searcher.search("سائق (نقل");
        FAIL("no syntax error");
    } catch (const rasd::QuerySyntaxError& e) {
        CHECK(std::string(e.what()) == "unbalanced brackets: the '(' at position 6 is never closed");
        CHECK(e.byte_offset() == 9);
        CHECK(e.column() == 6);
    }
    CHECK_THROWS_AS((void)searcher.search("a OR"), rasd::InvalidArgument);  // existing catch sites still catch it
}

TEST_CASE("a very long source name is cut, not fatal") {
    const ScratchArchive archive;
    rasd::Indexer indexer = archive.open_indexer();
    const rasd::Article a = ArticleBuilder("long-source").title("t").body("نص الخبر").source(std::string(400, 'S'));
    CHECK_NOTHROW(indexer.add_or_replace(a));
    CHECK_THROWS_AS(indexer.add_or_replace(ArticleBuilder(std::string(201, 'i')).title("t").body("b")),
                    rasd::InvalidArgument);
}

TEST_CASE("articles without id or body are refused") {
    const ScratchArchive archive;
    rasd::Indexer indexer = archive.open_indexer();
    CHECK_THROWS_AS(indexer.add_or_replace(ArticleBuilder("").title("t").body("b")), rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS(indexer.add_or_replace(ArticleBuilder("x").title("t").body("")),
                         "article 'x' has an empty body", rasd::InvalidArgument);
}

}  // TEST_SUITE

TEST_CASE("an article has the places it is about: filters, facets and hits count every one") {
    const ScratchArchive archive({
        ArticleBuilder("border").title("ترسيم الحدود البرية بين لبنان وإسرائيل").body("قالت مصادر إن المفاوضات تقترب من الحل."),
        ArticleBuilder("office")
            .title("ترامب يهدد إيران بعقوبات جديدة")
            .author("أبوظبي - سكاي نيوز عربية")
            .source("skynews")
            .body("قال الرئيس الأمريكي إن إيران ستواجه عقوبات أمريكية قاسية."),
        ArticleBuilder("reporter").title("حفل فني").author("القاهرة - أحمد الريدي").body("أحيت الفنانة حفلا مساء الخميس."),
    });
    rasd::Searcher searcher = archive.open_searcher();
    const auto ids_of = [&](const std::string& query) {
        std::vector<std::string> ids;
        for (const rasd::SearchHit& hit : searcher.search(query).hits) ids.push_back(hit.id);
        std::sort(ids.begin(), ids.end());
        return ids;
    };
    CHECK(ids_of("place:لبنان") == std::vector<std::string>{"border"});
    CHECK(ids_of("place:إسرائيل") == std::vector<std::string>{"border"});
    CHECK(ids_of("place:إيران") == std::vector<std::string>{"office"});
    CHECK(ids_of("place:us") == std::vector<std::string>{"office"});
    CHECK(ids_of("place:أبوظبي").empty());  // the office byline is not a place of the story
    CHECK(ids_of("place:القاهرة") == std::vector<std::string>{"reporter"});

    rasd::SearchOptions options;
    options.facets = true;
    const rasd::SearchResults all = searcher.search("place:لبنان OR place:إيران OR place:مصر", options);
    std::vector<std::pair<std::string, std::size_t>> countries;
    for (const rasd::FacetValue& v : all.facets.country) countries.emplace_back(v.value, v.count);
    std::sort(countries.begin(), countries.end());
    CHECK(countries == std::vector<std::pair<std::string, std::size_t>>{
                           {"eg", 1}, {"il", 1}, {"ir", 1}, {"lb", 1}, {"us", 1}});

    const rasd::SearchResults border = searcher.search("place:إسرائيل");
    REQUIRE(border.hits.size() == 1);
    const rasd::SearchHit& hit = border.hits[0];
    CHECK(hit.place_id == "lb");
    REQUIRE(hit.places.size() == 2);
    CHECK(hit.places[0].id == "lb");
    CHECK(hit.places[0].name == "لبنان");
    CHECK(hit.places[0].evidence == "title");
    CHECK(hit.places[1].id == "il");
}

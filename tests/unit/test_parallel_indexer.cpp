// ParallelIndexer and sharded archives: the same articles give the same archive (counts, ranks,
// scores) whatever the threads and shards; re-sent ids replace, in input order; shard layouts
// are fixed at creation; a ParallelIndexer moves; a shard that cannot be reached is named.

#include <doctest/doctest.h>

#include "archive/archive_sources.hpp"
#include "archive/shard_layout.hpp"
#include "tests/support/article_builder.hpp"
#include "tests/support/scratch_archive.hpp"
#include "tests/support/temp_dir.hpp"

#include <rasd/error.hpp>
#include <rasd/indexer.hpp>
#include <rasd/parallel_indexer.hpp>
#include <rasd/searcher.hpp>

#include <xapian.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <type_traits>
#include <vector>

namespace {

constexpr int kArticles = 240;
constexpr int kResent = 30;  // ids 0..29 come again at the end with a new body

const char* const kPlaces[] = {"القاهرة", "الإسكندرية", "الجيزة", "بيروت", "الرياض"};
const char* const kSubjects[] = {"سائق نقل متهور", "مباراة كرة القدم", "أسعار الذهب", "امتحانات الثانوية العامة",
                                 "مهرجان السينما"};

rasd::Article generated_article(int n, bool resent = false) {
    const std::string number = std::to_string(n);
    std::string body = std::string(kPlaces[(n / 5) % 5]) + " - قالت مصادر إن " + kSubjects[(n * 7) % 5] + " و" +
                       kSubjects[(n * 3) % 5] + " شغلت الرأي العام، وتابع المواطنون التفاصيل رقم " + number + ".";
    if (resent) body += " تحديث: أضيفت تفاصيل جديدة عن الحادثة الطارئة.";
    return rasd::test::ArticleBuilder("gen-" + number)
        .title(std::string(kSubjects[n % 5]) + " فى " + kPlaces[(n / 5) % 5] + " رقم " + number)
        .body(std::move(body))
        .date("2020-0" + std::to_string(1 + n % 9) + "-1" + std::to_string(n % 10))
        .source(n % 2 ? "وكالة أنباء النيل" : "صحيفة الشرفة");
}

struct RunResult {
    std::vector<std::string> reported_ids;  // in callback order
    int added = 0;
    int replaced = 0;
    rasd::IndexStats stats;
};

RunResult index_generated(const std::string& db, unsigned threads, std::size_t shards, std::size_t batch = 50) {
    RunResult run;
    rasd::ParallelIndexerOptions options;
    options.threads = threads;
    options.indexer.shards = shards;
    options.batch = batch;
    rasd::ParallelIndexer indexer(db, options, [&](const rasd::Article& article, const rasd::IndexedArticle& done) {
        run.reported_ids.push_back(article.id);
        (done.replaced ? run.replaced : run.added) += 1;
    });
    for (int n = 0; n < kArticles; ++n) indexer.add_or_replace(generated_article(n));
    for (int n = 0; n < kResent; ++n) indexer.add_or_replace(generated_article(n, true));
    indexer.finish();
    run.stats = indexer.stats();
    return run;
}

// "id score" lines of the top 20 for a few queries, the way a script would compare answers.
std::vector<std::string> answers(const std::string& db) {
    rasd::Searcher searcher(db);
    std::vector<std::string> lines;
    for (const char* query : {"سائق نقل", "الذهب القاهرة", "\"كرة القدم\"", "الحادثة الطارئة", "place:بيروت",
                              "topic:sports OR أسعار"}) {
        rasd::SearchOptions options;
        options.limit = 20;
        // Counted: Xapian's estimate of a total depends on how the articles are split into shards.
        options.exact_total = true;
        const rasd::SearchResults results = searcher.search(query, options);
        lines.push_back(std::string(query) + " total=" + std::to_string(results.total.estimated));
        for (const rasd::SearchHit& hit : results.hits) lines.push_back(hit.id + " " + std::to_string(hit.score));
    }
    return lines;
}

// A loopback port bound but not listening, so connecting to it is refused at once; held for the
// object's life so that nothing else takes it.
class RefusingPort {
public:
    RefusingPort() : m_socket(::socket(AF_INET, SOCK_STREAM, 0)) {
        REQUIRE(m_socket >= 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = 0;  // any free port
        REQUIRE(::bind(m_socket, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
        socklen_t length = sizeof address;
        REQUIRE(::getsockname(m_socket, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        m_port = ntohs(address.sin_port);
    }
    ~RefusingPort() { ::close(m_socket); }
    RefusingPort(const RefusingPort&) = delete;
    RefusingPort& operator=(const RefusingPort&) = delete;
    [[nodiscard]] unsigned number() const { return m_port; }

private:
    int m_socket;
    unsigned m_port = 0;
};

}  // namespace

TEST_SUITE("parallel_indexer") {

TEST_CASE("every thread and shard count builds the same archive as one thread") {
    rasd::test::TempDir dir;
    const RunResult reference = index_generated(dir.path("reference"), 1, 0);
    CHECK(reference.stats.articles == kArticles);
    CHECK(reference.stats.shards == 1);
    CHECK(reference.added == kArticles);
    CHECK(reference.replaced == kResent);
    const std::vector<std::string> expected = answers(dir.path("reference"));
    REQUIRE(expected.size() > 12);

    struct Case {
        unsigned threads;
        std::size_t shards;
    };
    for (const Case c : {Case{2, 0}, Case{3, 0}, Case{1, 2}, Case{2, 2}, Case{2, 3}, Case{4, 3}}) {
        CAPTURE(c.threads);
        CAPTURE(c.shards);
        const std::string db = dir.path("t" + std::to_string(c.threads) + "s" + std::to_string(c.shards));
        const RunResult run = index_generated(db, c.threads, c.shards);
        CHECK(run.stats.articles == kArticles);
        CHECK(run.stats.shards == (c.shards == 0 ? 1 : c.shards));
        CHECK(run.added == kArticles);
        CHECK(run.replaced == kResent);
        CHECK(run.reported_ids.size() == static_cast<std::size_t>(kArticles + kResent));
        CHECK(answers(db) == expected);
    }
}

TEST_CASE("with one database, articles are reported in the order they were added") {
    rasd::test::TempDir dir;
    const RunResult run = index_generated(dir.path("db"), 3, 0, 7);
    std::vector<std::string> expected;
    for (int n = 0; n < kArticles; ++n) expected.push_back("gen-" + std::to_string(n));
    for (int n = 0; n < kResent; ++n) expected.push_back("gen-" + std::to_string(n));
    CHECK(run.reported_ids == expected);
}

TEST_CASE("a re-sent article replaces the old one: the last version is the one found") {
    rasd::test::TempDir dir;
    for (std::size_t shards : {0, 2}) {
        const std::string db = dir.path("db" + std::to_string(shards));
        index_generated(db, 2, shards);
        rasd::Searcher searcher(db);
        rasd::SearchOptions options;
        options.limit = 100;
        const rasd::SearchResults results = searcher.search("الطارئة", options);
        CHECK(results.total.estimated == kResent);
    }
}

TEST_CASE("a sharded archive is a stub file and one database per shard, each article in its id's shard") {
    rasd::test::TempDir dir;
    const std::string db = dir.path("archive");
    index_generated(db, 2, 3);
    std::ifstream stub(db + "/XAPIANDB");
    const std::string text((std::istreambuf_iterator<char>(stub)), std::istreambuf_iterator<char>());
    CHECK(text == "glass shard-00\nglass shard-01\nglass shard-02\n");
    Xapian::doccount total = 0;
    for (std::size_t shard = 0; shard < 3; ++shard) {
        Xapian::Database database(db + "/" + rasd::detail::shard_directory_name(shard));
        CHECK(database.get_metadata("rasd.analyzer") == "light/4");
        total += database.get_doccount();
        for (auto term = database.allterms_begin("Q"); term != database.allterms_end("Q"); ++term) {
            CHECK(rasd::detail::shard_of((*term).substr(1), 3) == shard);
        }
        CHECK(database.get_doccount() > kArticles / 6);  // the hash spreads the ids
    }
    CHECK(total == kArticles);
}

TEST_CASE("the shard of an id is fixed: FNV-1a 64 modulo the shard count") {
    // Part of the on-disk format: these values must never change.
    CHECK(rasd::detail::shard_of("", 4) == 14695981039346656037ULL % 4);
    CHECK(rasd::detail::shard_of("a", 7) == 0xaf63dc4c8601ec8cULL % 7);
    CHECK(rasd::detail::shard_of("rasd-0001", 1) == 0);
    CHECK(rasd::detail::shard_directory_name(3) == "shard-03");
}

TEST_CASE("deleting from a sharded archive finds the article's shard") {
    rasd::test::TempDir dir;
    const std::string db = dir.path("archive");
    index_generated(db, 2, 2);
    rasd::ParallelIndexerOptions options;
    options.threads = 2;
    rasd::ParallelIndexer indexer(db, options, nullptr);
    CHECK(indexer.remove("gen-5"));
    CHECK(indexer.remove("gen-17"));
    CHECK_FALSE(indexer.remove("gen-5"));
    indexer.finish();
    CHECK(indexer.stats().articles == kArticles - 2);
    CHECK(indexer.stats().shards == 2);  // an existing archive keeps its layout
}

TEST_CASE("the shard count is fixed when the archive is created") {
    rasd::test::TempDir dir;
    index_generated(dir.path("single"), 1, 0);
    index_generated(dir.path("two"), 1, 2);
    rasd::ParallelIndexerOptions options;
    options.indexer.shards = 2;
    CHECK_THROWS_WITH_AS(rasd::ParallelIndexer(dir.path("single"), options, nullptr),
                         (dir.path("single") + ": is one database, not 2 shards (the shard count is fixed when "
                                               "the archive is created)").c_str(),
                         rasd::InvalidArgument);
    options.indexer.shards = 3;
    CHECK_THROWS_WITH_AS(rasd::Indexer(dir.path("two"), options.indexer),
                         (dir.path("two") + ": the archive has 2 shards, not 3 (the shard count is fixed when "
                                            "the archive is created)").c_str(),
                         rasd::InvalidArgument);
    std::filesystem::create_directories(dir.path("other"));
    std::ofstream(dir.path("other/notes.txt")) << "not an archive\n";
    CHECK_THROWS_WITH_AS(rasd::Indexer(dir.path("other"), options.indexer),
                         (dir.path("other") + ": cannot create 3 shards in a directory that is not empty").c_str(),
                         rasd::InvalidArgument);
}

TEST_CASE("Indexer writes sharded archives too, routing by id") {
    const rasd::test::ScratchArchive archive(rasd::IndexerOptions{rasd::StemmerKind::Light, 2});
    {
        rasd::Indexer indexer = archive.open_indexer();
        for (int n = 0; n < 20; ++n) indexer.add_or_replace(generated_article(n));
        CHECK(indexer.add_or_replace(generated_article(3, true)).replaced);
        indexer.commit();
        CHECK(indexer.stats().articles == 20);
    }
    CHECK(Xapian::Database(archive.path()).get_doccount() == 20);
}

TEST_CASE("a bad article is refused at once and the indexer goes on") {
    rasd::test::TempDir dir;
    rasd::ParallelIndexerOptions options;
    options.threads = 2;
    int reported = 0;
    rasd::ParallelIndexer indexer(dir.path("db"), options,
                                  [&](const rasd::Article&, const rasd::IndexedArticle&) { ++reported; });
    indexer.add_or_replace(generated_article(1));
    rasd::Article empty_body = generated_article(2);
    empty_body.body.clear();
    CHECK_THROWS_WITH_AS(indexer.add_or_replace(empty_body), "article 'gen-2' has an empty body",
                         rasd::InvalidArgument);
    indexer.add_or_replace(generated_article(3));
    indexer.finish();
    CHECK(reported == 2);
    CHECK(indexer.stats().articles == 2);
    options.batch = 0;
    CHECK_THROWS_WITH_AS(rasd::ParallelIndexer(dir.path("db2"), options, nullptr), "batch must be at least 1",
                         rasd::InvalidArgument);
}

TEST_CASE("a ParallelIndexer moves like Indexer: the moved-to one goes on with the queued articles") {
    static_assert(std::is_nothrow_move_constructible_v<rasd::ParallelIndexer>);
    static_assert(std::is_nothrow_move_assignable_v<rasd::ParallelIndexer>);
    static_assert(!std::is_copy_constructible_v<rasd::ParallelIndexer>);
    rasd::test::TempDir dir;
    for (const std::size_t shards : {0, 2}) {
        CAPTURE(shards);
        rasd::ParallelIndexerOptions options;
        options.threads = 3;
        options.indexer.shards = shards;
        std::vector<std::string> reported;
        rasd::ParallelIndexer first(dir.path("db" + std::to_string(shards)), options,
                                    [&](const rasd::Article& article, const rasd::IndexedArticle&) {
                                        reported.push_back(article.id);
                                    });
        const unsigned threads = first.threads();
        for (int n = 0; n < kArticles / 2; ++n) first.add_or_replace(generated_article(n));
        rasd::ParallelIndexer moved(std::move(first));  // articles may still be queued
        for (int n = kArticles / 2; n < kArticles; ++n) moved.add_or_replace(generated_article(n));
        moved.finish();
        CHECK(moved.threads() == threads);
        CHECK(reported.size() == static_cast<std::size_t>(kArticles));
        CHECK(moved.stats().articles == kArticles);
        CHECK(rasd::Searcher(dir.path("db" + std::to_string(shards))).stats().articles == kArticles);
    }
}

TEST_CASE("assigning to a ParallelIndexer first closes its own archive, as its destructor would") {
    rasd::test::TempDir dir;
    rasd::ParallelIndexerOptions options;
    options.threads = 2;
    rasd::ParallelIndexer target(dir.path("a"), options, nullptr);
    target.add_or_replace(generated_article(1));
    target.finish();
    target.add_or_replace(generated_article(2));  // may still be queued: dropped, as by the destructor
    target = rasd::ParallelIndexer(dir.path("b"), options, nullptr);
    {
        rasd::Indexer reopened(dir.path("a"));  // the write lock was released
        CHECK(reopened.stats().articles >= 1);
    }
    target.add_or_replace(generated_article(3));
    target.finish();
    CHECK(target.stats().articles == 1);
    CHECK(Xapian::Database(dir.path("b")).get_doccount() == 1);
}

TEST_CASE("an archive has at most 256 shards, said without naming a command-line flag") {
    rasd::test::TempDir dir;
    CHECK_THROWS_WITH_AS((void)rasd::detail::archive_layout(dir.path("archive"), 300),
                         "an archive has at most 256 shards, not 300", rasd::InvalidArgument);
}

TEST_CASE("a new sharded archive: every shard records its analyzer and schema before the stub names it") {
    rasd::test::TempDir dir;
    const std::string db = dir.path("archive");
    const rasd::detail::ArchiveLayout layout = rasd::detail::archive_layout(db, 2);
    CHECK(layout.creating);
    CHECK(layout.databases == std::vector<std::string>{db + "/shard-00", db + "/shard-01"});
    // Before the shards are ready the list is only pending: searchers say how to finish it.
    CHECK(std::filesystem::exists(db + "/XAPIANDB.pending"));
    CHECK_FALSE(std::filesystem::exists(db + "/XAPIANDB"));
    CHECK_THROWS_WITH_AS(rasd::Searcher{db},
                         (db + ": a sharded archive whose creation was interrupted; rerun rasd-index on this archive "
                               "to finish creating it").c_str(),
                         rasd::DatabaseError);
    {
        rasd::ParallelIndexerOptions options;
        options.indexer.shards = 2;
        rasd::ParallelIndexer indexer(db, options, nullptr);  // nothing added, nothing finished
        CHECK(std::filesystem::exists(db + "/XAPIANDB"));
        for (const std::string& shard : layout.databases) {
            const Xapian::Database committed(shard);
            CHECK(committed.get_metadata("rasd.analyzer") == "light/4");
            CHECK(committed.get_metadata("rasd.schema") == "7");
        }
        CHECK_NOTHROW(rasd::Searcher{db});
    }
    CHECK_FALSE(std::filesystem::exists(db + "/XAPIANDB.pending"));
}

TEST_CASE("an unfinished sharded archive is finished by the next writer, with or without the shard count") {
    rasd::test::TempDir dir;
    for (const std::size_t shards_given : {0, 3}) {
        CAPTURE(shards_given);
        const std::string db = dir.path("archive" + std::to_string(shards_given));
        (void)rasd::detail::archive_layout(db, 3);  // killed here: a pending list of 3 shards, no shard yet
        Xapian::WritableDatabase(db + "/shard-00", Xapian::DB_CREATE_OR_OPEN).close();  // one empty, no metadata
        rasd::ParallelIndexerOptions options;
        options.indexer.shards = shards_given;
        {
            rasd::ParallelIndexer indexer(db, options, nullptr);
            CHECK(indexer.stats().shards == 3);
        }
        CHECK(rasd::detail::read_stub_shards(db).size() == 3);
        CHECK(rasd::Searcher(db).stats().analyzer == "light/4");
    }
    // The shard count of an unfinished archive is fixed as well.
    const std::string db = dir.path("three");
    (void)rasd::detail::archive_layout(db, 3);
    rasd::ParallelIndexerOptions options;
    options.indexer.shards = 2;
    CHECK_THROWS_WITH_AS(rasd::ParallelIndexer(db, options, nullptr),
                         (db + ": the archive has 3 shards, not 2 (the shard count is fixed when the archive is "
                               "created)").c_str(),
                         rasd::InvalidArgument);
}

TEST_CASE("a database whose creation was killed before its first revision is made again") {
    // Xapian writes the tables first and the revision file (iamglass) last.
    rasd::test::TempDir dir;
    auto unborn = [](const std::string& folder) {
        std::filesystem::create_directories(folder);
        for (const char* file : {"flintlock", "postlist.glass", "termlist.glass", "v.tmp"}) {
            std::ofstream(folder + "/" + file) << "cut short";
        }
    };
    const std::string single = dir.path("single");
    unborn(single);
    { rasd::Indexer indexer(single); }
    CHECK(rasd::Searcher(single).stats().articles == 0);
    const std::string archive = dir.path("archive");
    (void)rasd::detail::archive_layout(archive, 2);
    unborn(archive + "/shard-01");
    { rasd::ParallelIndexer indexer(archive, {}, nullptr); }
    CHECK(rasd::Searcher(archive).stats().articles == 0);
    // A folder holding anything else is not touched.
    const std::string other = dir.path("other");
    unborn(other);
    std::ofstream(other + "/notes.txt") << "mine";
    CHECK_THROWS_AS(rasd::Indexer{other}, rasd::DatabaseError);
    CHECK(std::filesystem::exists(other + "/notes.txt"));
    CHECK(std::filesystem::exists(other + "/postlist.glass"));
}

TEST_CASE("shard folders without any shard list need the shard count to be finished") {
    rasd::test::TempDir dir;
    const std::string db = dir.path("archive");
    std::filesystem::create_directories(db + "/shard-00");
    CHECK_THROWS_WITH_AS(rasd::Searcher{db},
                         (db + ": a sharded archive whose creation was interrupted; rerun rasd-index on this archive "
                               "to finish creating it").c_str(),
                         rasd::DatabaseError);
    CHECK_THROWS_WITH_AS(rasd::ParallelIndexer(db, {}, nullptr),
                         (db + ": holds shard folders but no shard list: a sharded archive whose creation was "
                               "interrupted; create it again with the same shard count to finish it").c_str(),
                         rasd::InvalidArgument);
    rasd::ParallelIndexerOptions options;
    options.indexer.shards = 2;
    { rasd::ParallelIndexer indexer(db, options, nullptr); }
    CHECK(rasd::Searcher(db).stats().articles == 0);
}

TEST_CASE("a stub naming a shard without rasd's metadata says how to finish the archive") {
    // What older versions left when killed before a shard's first commit.
    rasd::test::TempDir dir;
    const std::string db = dir.path("archive");
    std::filesystem::create_directories(db);
    Xapian::WritableDatabase(db + "/shard-00", Xapian::DB_CREATE_OR_OPEN).close();
    {
        rasd::Indexer shard(db + "/shard-01");
        shard.add_or_replace(generated_article(1));
        shard.commit();
    }
    std::ofstream(db + "/XAPIANDB") << "glass shard-00\nglass shard-01\n";
    CHECK_THROWS_WITH_AS(rasd::Searcher{db},
                         (db + ": records no analyzer: its creation was interrupted; rerun rasd-index on this "
                               "archive to finish creating it").c_str(),
                         rasd::DatabaseError);
    { rasd::ParallelIndexer rerun(db, {}, nullptr); }
    CHECK(rasd::Searcher(db).stats().articles == 1);
}

TEST_CASE("all_or_nothing: nothing is committed before finish(), discard() and the destructor leave the archive as it was") {
    rasd::test::TempDir dir;
    for (const unsigned threads : {1U, 2U, 3U}) {
        for (const std::size_t shards : {0, 2}) {
            CAPTURE(threads);
            CAPTURE(shards);
            const std::string db = dir.path("db" + std::to_string(threads) + "-" + std::to_string(shards));
            {
                rasd::ParallelIndexerOptions setup;
                setup.indexer.shards = shards;
                rasd::ParallelIndexer indexer(db, setup, nullptr);
                for (int n = 0; n < 10; ++n) indexer.add_or_replace(generated_article(n));
                indexer.finish();
            }
            rasd::ParallelIndexerOptions options;
            options.threads = threads;
            options.batch = 7;  // many batch ends, none of which may commit
            options.all_or_nothing = true;
            {
                rasd::ParallelIndexer indexer(db, options, nullptr);
                CHECK(indexer.remove("gen-3"));
                for (int n = 10; n < 100; ++n) indexer.add_or_replace(generated_article(n));
                CHECK(indexer.stats().articles == 99);  // the writer sees its own changes
                CHECK(Xapian::Database(db).get_doccount() == 10);  // nobody else does
                indexer.discard();
                CHECK(indexer.stats().articles == 10);
                for (int n = 10; n < 40; ++n) indexer.add_or_replace(generated_article(n));
                indexer.finish();
                CHECK(Xapian::Database(db).get_doccount() == 40);
                for (int n = 40; n < 60; ++n) indexer.add_or_replace(generated_article(n));
            }  // destroyed before finish(): the last 20 are dropped
            CHECK(Xapian::Database(db).get_doccount() == 40);
            CHECK(rasd::Searcher(db).stats().articles == 40);
        }
    }
    rasd::ParallelIndexer batches(dir.path("batches"), {}, nullptr);
    CHECK_THROWS_WITH_AS(batches.discard(), "discard() needs all_or_nothing: without it, batches may be committed already",
                         rasd::InvalidArgument);
}

TEST_CASE("a ParallelIndexer opened for deletions only accepts any analyzer and refuses additions") {
    rasd::test::TempDir dir;
    const std::string db = dir.path("db");
    {
        rasd::Indexer indexer(db, {.stemmer = rasd::StemmerKind::None});
        indexer.add_or_replace(generated_article(1));
        indexer.commit();
    }
    rasd::ParallelIndexerOptions options;
    options.indexer.deletions_only = true;
    options.threads = 2;
    rasd::ParallelIndexer deleter(db, options, nullptr);
    CHECK(deleter.remove("gen-1"));
    CHECK_THROWS_WITH_AS(deleter.add_or_replace(generated_article(2)), "the indexer was opened for deletions only",
                         rasd::InvalidArgument);
    deleter.finish();
    CHECK(deleter.stats().articles == 0);
}

TEST_CASE("a second writer gets the locked error") {
    rasd::test::TempDir dir;
    rasd::ParallelIndexerOptions options;
    options.indexer.shards = 2;
    rasd::ParallelIndexer first(dir.path("archive"), options, nullptr);
    CHECK_THROWS_AS(rasd::ParallelIndexer(dir.path("archive"), options, nullptr), rasd::DatabaseLockedError);
}

}  // TEST_SUITE

TEST_SUITE("archive_sources") {

TEST_CASE("several sources are searched as one archive, and must share one analyzer") {
    rasd::test::TempDir dir;
    index_generated(dir.path("all"), 1, 0);
    index_generated(dir.path("halves"), 1, 2);
    const std::vector<std::string> halves = {dir.path("halves") + "/shard-00", dir.path("halves") + "/shard-01"};
    rasd::Searcher whole(dir.path("all"));
    rasd::Searcher parts(halves);
    rasd::SearchOptions options;
    options.facets = true;
    const rasd::SearchResults a = whole.search("سائق نقل", options);
    const rasd::SearchResults b = parts.search("سائق نقل", options);
    REQUIRE(a.hits.size() == b.hits.size());
    for (std::size_t i = 0; i < a.hits.size(); ++i) CHECK(a.hits[i].id == b.hits[i].id);
    CHECK(a.total.estimated == b.total.estimated);
    CHECK(a.facets.year.size() == b.facets.year.size());
    CHECK_FALSE(b.partial);

    {
        rasd::Indexer other(dir.path("snowball"), rasd::IndexerOptions{rasd::StemmerKind::Snowball});
        other.add_or_replace(generated_article(1));
        other.commit();
    }
    CHECK_THROWS_WITH_AS(rasd::Searcher(std::vector<std::string>{dir.path("all"), dir.path("snowball")}),
                         (dir.path("snowball") + ": built with analyzer 'snowball/4', but " + dir.path("all") +
                          " with 'light/4'; shards must share one analyzer").c_str(),
                         rasd::AnalyzerMismatchError);
}

TEST_CASE("a missing source is named, or left out with allow_partial") {
    rasd::test::TempDir dir;
    index_generated(dir.path("all"), 1, 0);
    const std::vector<std::string> sources = {dir.path("all"), dir.path("gone")};
    CHECK_THROWS_WITH_AS(rasd::Searcher{sources}, (dir.path("gone") + ": no such database").c_str(),
                         rasd::DatabaseError);
    rasd::Searcher partial(sources, rasd::SearcherOptions{true});
    const rasd::SearchResults results = partial.search("سائق");
    CHECK(results.partial);
    CHECK(results.unavailable == std::vector<std::string>{dir.path("gone")});
    CHECK(results.total.estimated > 0);
}

TEST_CASE("a remote shard that refuses the connection is a ShardUnavailableError naming it") {
    rasd::test::TempDir dir;
    index_generated(dir.path("all"), 1, 0);
    const RefusingPort port;
    const std::string shard = "tcp://127.0.0.1:" + std::to_string(port.number());
    const std::string prefix = shard + ": shard unavailable: ";
    for (const std::vector<std::string>& shards :
         {std::vector<std::string>{shard}, std::vector<std::string>{dir.path("all"), shard}}) {
        CAPTURE(shards.size());
        try {
            rasd::Searcher searcher(shards);
            FAIL("the shard was opened");
        } catch (const rasd::ShardUnavailableError& e) {
            CHECK(e.shard() == shard);
            CHECK(std::string(e.what()).starts_with(prefix));
            CHECK(std::string(e.what()).size() > prefix.size());  // the reason follows
            const rasd::ShardUnavailableError copy = e;
            CHECK(copy.shard() == shard);
        }
        CHECK_THROWS_AS(rasd::Searcher{shards}, rasd::DatabaseError);  // existing catch sites still catch it
    }
    rasd::Searcher partial(std::vector<std::string>{dir.path("all"), shard}, rasd::SearcherOptions{true});
    const rasd::SearchResults results = partial.search("سائق");
    CHECK(results.partial);
    CHECK(results.unavailable == std::vector<std::string>{shard});
}

TEST_CASE("remote shard addresses are tcp://HOST:PORT") {
    struct Case {
        const char* source;
        bool remote;
        const char* host;
        unsigned port;
    };
    const Case cases[] = {
        {"tcp://127.0.0.1:7001", true, "127.0.0.1", 7001},
        {"tcp://shard-b.example.org:65535", true, "shard-b.example.org", 65535},
        {"/srv/news.db", false, "", 0},
        {"tcp.db", false, "", 0},
    };
    for (const Case& c : cases) {
        CAPTURE(c.source);
        const auto address = rasd::detail::parse_remote_source(c.source);
        REQUIRE(address.has_value() == c.remote);
        if (!c.remote) continue;
        CHECK(address->host == c.host);
        CHECK(address->port == c.port);
    }
    for (const char* bad : {"tcp://host", "tcp://:7001", "tcp://host:0", "tcp://host:65536", "tcp://host:7x"}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH_AS((void)rasd::detail::parse_remote_source(bad),
                             ("'" + std::string(bad) + "': a remote shard is tcp://HOST:PORT (PORT 1-65535)").c_str(),
                             rasd::InvalidArgument);
    }
}

}  // TEST_SUITE

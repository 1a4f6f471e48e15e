// Watches: the commit sequence every article carries (one counter per database), and Watcher's
// guarantees: the alerts of a batch are exactly what a database of that batch alone answers,
// no alert twice, an unchanged re-send silent, edited and new watches fresh, removed ones
// forgotten, --since and --from-start, pending alerts kept until acknowledged, bad watches named.

#include <doctest/doctest.h>

#include "archive/schema.hpp"
#include "archive/shard_layout.hpp"
#include "archive/term_codec.hpp"
#include "tests/support/article_builder.hpp"
#include "tests/support/scratch_archive.hpp"
#include "tests/support/temp_dir.hpp"

#include <rasd/error.hpp>
#include <rasd/indexer.hpp>
#include <rasd/searcher.hpp>
#include <rasd/watcher.hpp>

#include <xapian.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

using rasd::test::ArticleBuilder;

const char* const kPlaces[] = {"القاهرة", "الجيزة", "الإسكندرية", "بيروت"};
const char* const kSubjects[] = {"شكاوى من سائق ميكروباص متهور على الطريق الدائري",
                                 "افتتاح مستشفى جديد لعلاج الأطفال",
                                 "وحدات رصد تتابع مواقع التواصل على مدار الساعة",
                                 "ارتفاع أسعار الذهب في الأسواق"};

// Article n of a batch: its subject, place and date cycle, so every watch below has matches in
// every batch and misses too.
rasd::Article news(int n, const std::string& extra = "") {
    const std::string number = std::to_string(n);
    return ArticleBuilder("w-" + number)
        .title(std::string(kSubjects[n % 4]) + " رقم " + number)
        .body(std::string(kPlaces[(n / 4) % 4]) + " - " + kSubjects[n % 4] + "، وتابع المواطنون التفاصيل. " + extra)
        .place(kPlaces[(n / 4) % 4])
        .date("2020-0" + std::to_string(1 + n % 9) + "-15")
        .source(n % 2 ? "وكالة أنباء النيل" : "صحيفة الشرفة");
}

std::vector<rasd::Article> batch(int first, int count) {
    std::vector<rasd::Article> articles;
    for (int n = first; n < first + count; ++n) articles.push_back(news(n));
    return articles;
}

const std::vector<rasd::Watch> kWatches = {
    {"drivers", "سائق متهور مكان:القاهرة", "w.tsv:1"},
    {"monitoring", "وحدات رصد شكاوى", "w.tsv:2"},
    {"giza-health", "topic:health place:الجيزة", "w.tsv:3"},
    {"hospital", "مستشفى", "w.tsv:4"},
    {"gold-nile", "الذهب source:\"وكالة أنباء النيل\"", "w.tsv:5"},
};

// watch -> ids of its alerts, in order.
std::map<std::string, std::vector<std::string>> by_watch(const std::vector<rasd::Alert>& alerts) {
    std::map<std::string, std::vector<std::string>> ids;
    for (const rasd::Alert& alert : alerts) ids[alert.watch].push_back(alert.article.id);
    return ids;
}

std::vector<std::string> alert_ids(const std::vector<rasd::Alert>& alerts) {
    std::vector<std::string> ids;
    for (const rasd::Alert& alert : alerts) ids.push_back(alert.id);
    return ids;
}

// What a database holding only `articles` answers for each watch: the exactness reference.
std::map<std::string, std::vector<std::string>> answers_of_batch_alone(const std::vector<rasd::Article>& articles,
                                                                       const std::vector<rasd::Watch>& watches) {
    const rasd::test::ScratchArchive alone(articles);
    rasd::Searcher searcher = alone.open_searcher();
    std::map<std::string, std::vector<std::string>> ids;
    rasd::SearchOptions all;
    all.limit = 100000;
    for (const rasd::Watch& watch : watches) {
        std::vector<std::string> found;
        for (const rasd::SearchHit& hit : searcher.search(watch.query, all).hits) found.push_back(hit.id);
        std::sort(found.begin(), found.end());
        if (!found.empty()) ids[watch.name] = found;
    }
    return ids;
}

std::map<std::string, std::vector<std::string>> sorted(std::map<std::string, std::vector<std::string>> ids) {
    for (auto& [watch, list] : ids) std::sort(list.begin(), list.end());
    return ids;
}

std::uint64_t recorded_sequence(const std::string& path) {
    return rasd::schema::sequence_of_metadata(Xapian::Database(path).get_metadata(rasd::schema::kSequenceKey), path);
}

// The sequence article `id` carries, by its term and by its value (which must agree).
std::uint64_t sequence_of_article(const std::string& path, const std::string& id) {
    Xapian::Database database(path);
    const Xapian::docid docid = *database.postlist_begin(rasd::schema::id_term(id));
    const Xapian::Document document = database.get_document(docid);
    const std::uint64_t by_value = rasd::schema::sequence_of_value(document.get_value(rasd::schema::kSequenceSlot));
    std::uint64_t by_term = 0;
    for (auto it = document.termlist_begin(); it != document.termlist_end(); ++it) {
        if (const std::uint64_t s = rasd::schema::sequence_of_term(*it); s != 0) {
            CHECK(by_term == 0);  // one sequence term per article
            by_term = s;
        }
    }
    CHECK(by_term == by_value);
    return by_value;
}

rasd::IndexerOptions sharded(std::size_t shards) {
    rasd::IndexerOptions options;
    options.shards = shards;
    return options;
}

// Watcher options with the state at `state_path` (designated initializers would leave fields out).
rasd::WatcherOptions state_at(const std::string& state_path, rasd::WatchStart start = rasd::WatchStart::Now,
                              const std::string& since = "") {
    rasd::WatcherOptions options;
    options.state_path = state_path;
    options.start = start;
    options.since = since;
    return options;
}

std::string file_text(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("commit sequence: each commit that writes articles records the next one, with its articles") {
    const rasd::test::ScratchArchive archive;
    archive.index(batch(0, 5));
    CHECK(recorded_sequence(archive.path()) == 1);
    archive.index(batch(5, 3));
    CHECK(recorded_sequence(archive.path()) == 2);
    CHECK(sequence_of_article(archive.path(), "w-0") == 1);
    CHECK(sequence_of_article(archive.path(), "w-7") == 2);
    {  // a commit of deletions only writes no articles: no new sequence
        rasd::Indexer indexer = archive.open_indexer();
        CHECK(indexer.remove("w-1"));
        indexer.commit();
    }
    CHECK(recorded_sequence(archive.path()) == 2);
    // An unchanged re-send keeps its document and sequence; a changed one takes the new one.
    archive.index({news(0), news(2, "تحديث: تفاصيل جديدة")});
    CHECK(recorded_sequence(archive.path()) == 3);
    CHECK(sequence_of_article(archive.path(), "w-0") == 1);
    CHECK(sequence_of_article(archive.path(), "w-2") == 3);
    CHECK(rasd::schema::sequence_term(12) == "XSEQ12");
    CHECK(rasd::schema::sequence_of_value(rasd::schema::sequence_value(123456789)) == 123456789);
    CHECK(rasd::schema::sequence_value(9) < rasd::schema::sequence_value(10));  // sorts as numbers
    CHECK_THROWS_WITH_AS((void)rasd::schema::sequence_of_metadata("x1", "db"),
                         "db: rasd.sequence is 'x1', not a sequence number", rasd::DatabaseError);
}

TEST_CASE("commit sequence: a sharded archive counts per shard") {
    const rasd::test::ScratchArchive archive(sharded(2));
    archive.index(batch(0, 6));
    archive.index({news(6)});
    const std::vector<std::string> shards = rasd::detail::read_stub_shards(archive.path());
    REQUIRE(shards.size() == 2);
    const std::size_t shard_of_6 = rasd::shard_of_article("w-6", 2);
    CHECK(recorded_sequence(shards[shard_of_6]) == 2);
    CHECK(recorded_sequence(shards[1 - shard_of_6]) == 1);  // the second commit wrote nothing there
    CHECK(sequence_of_article(shards[shard_of_6], "w-6") == 2);
}

TEST_CASE("watcher: a batch's alerts are exactly what a database of the batch alone answers, once") {
    for (const std::size_t shards : {std::size_t{1}, std::size_t{3}}) {
        CAPTURE(shards);
        const rasd::test::ScratchArchive archive(sharded(shards));
        archive.index(batch(0, 40));
        const std::string state = archive.scratch_path("watch.state");
        {
            rasd::Watcher watcher({archive.path()}, kWatches, state_at(state));
            CHECK(watcher.problems().empty());
            CHECK(watcher.poll().empty());  // the first run marks where the archive stands
        }
        const std::vector<rasd::Article> second = batch(40, 48);
        archive.index(second);
        const auto expected = answers_of_batch_alone(second, kWatches);
        REQUIRE(expected.size() == kWatches.size());  // every watch has matches in the batch
        {
            rasd::Watcher watcher({archive.path()}, kWatches, state_at(state));
            const std::vector<rasd::Alert> alerts = watcher.poll();
            CHECK(sorted(by_watch(alerts)) == expected);
            // Not acknowledged: the next poll returns the same alerts, with the same ids, and no more.
            const std::vector<rasd::Alert> again = watcher.poll();
            CHECK(alert_ids(again) == alert_ids(alerts));
            watcher.acknowledge(alert_ids(alerts));
            CHECK(watcher.poll().empty());
        }
        rasd::Watcher next_run({archive.path()}, kWatches, state_at(state));
        CHECK(next_run.poll().empty());  // no repeat across runs
    }
}

TEST_CASE("watcher: alerts carry the article and a stable id, pending alerts survive a new run") {
    const rasd::test::ScratchArchive archive;
    archive.index(batch(0, 8));
    const std::string state = archive.scratch_path("watch.state");
    const std::vector<rasd::Watch> watches = {{"hospital", "مستشفى", ""}};
    { rasd::Watcher first({archive.path()}, watches, state_at(state)); (void)first.poll(); }
    archive.index({news(9)});
    std::vector<rasd::Alert> alerts;
    { rasd::Watcher run({archive.path()}, watches, state_at(state)); alerts = run.poll(); }  // never acknowledged
    REQUIRE(alerts.size() == 1);
    const rasd::Alert& alert = alerts.front();
    CHECK(alert.watch == "hospital");
    CHECK(alert.article.id == "w-9");
    CHECK(alert.sequence == 2);
    CHECK(alert.id.size() == 16);
    CHECK(alert.article.title == "افتتاح مستشفى جديد لعلاج الأطفال رقم 9");
    CHECK(alert.article.snippet.find("[مستشفى]") != std::string::npos);
    CHECK(alert.article.date == "2020-01-15");
    CHECK(alert.article.source == "وكالة أنباء النيل");
    rasd::Watcher after_crash({archive.path()}, watches, state_at(state));
    const std::vector<rasd::Alert> redelivered = after_crash.poll();
    REQUIRE(redelivered.size() == 1);
    CHECK(redelivered.front().id == alert.id);
    CHECK(redelivered.front().article.snippet == alert.article.snippet);
}

// The generation a state file was written as (its "generation" key).
std::string generation_of(const std::string& state_text) {
    const std::string key = "\"generation\":";
    const std::size_t at = state_text.find(key);
    if (at == std::string::npos) return {};
    const std::size_t begin = at + key.size();
    return state_text.substr(begin, state_text.find_first_not_of("0123456789", begin) - begin);
}

TEST_CASE("watcher: delivered alerts are appended to a log, not written whole, and a stale or cut log delivers again") {
    const rasd::test::ScratchArchive archive;
    archive.index(batch(0, 8));
    const std::string state = archive.scratch_path("watch.state");
    const std::string log = state + ".acked";
    const std::vector<rasd::Watch> watches = {{"hospital", "مستشفى", ""}};
    { rasd::Watcher first({archive.path()}, watches, state_at(state)); (void)first.poll(); }
    archive.index({news(9), news(13), news(17)});  // three hospital stories
    std::vector<std::string> ids;
    {
        rasd::Watcher run({archive.path()}, watches, state_at(state));
        ids = alert_ids(run.poll());
        REQUIRE(ids.size() == 3);
        const std::string written = file_text(state);
        const std::string generation = generation_of(written);
        REQUIRE_FALSE(generation.empty());
        CHECK_FALSE(std::filesystem::exists(log));
        run.acknowledge({ids[0]});
        run.acknowledge({ids[0], "0123456789abcdef"});  // again, and an unknown id: nothing to log
        CHECK(file_text(state) == written);  // the state is not rewritten
        CHECK(file_text(log) == "rasd_watch_acked " + generation + "\n" + ids[0] + "\n");
    }
    {
        rasd::Watcher next_run({archive.path()}, watches, state_at(state));
        CHECK(alert_ids(next_run.poll()) == std::vector<std::string>{ids[1], ids[2]});
        CHECK_FALSE(std::filesystem::exists(log));  // the poll wrote the state whole
    }
    // A log of another generation (a crash after the state's rename) amends nothing.
    std::ofstream(log) << "rasd_watch_acked 1\n" << ids[1] << "\n";
    {
        rasd::Watcher run({archive.path()}, watches, state_at(state));
        CHECK(alert_ids(run.poll()) == std::vector<std::string>{ids[1], ids[2]});
        run.acknowledge({ids[1]});
    }
    // An id cut short by a crash in the middle of an append is delivered again, not lost; the
    // next id logged starts a line of its own.
    REQUIRE(file_text(log) == "rasd_watch_acked " + generation_of(file_text(state)) + "\n" + ids[1] + "\n");
    std::ofstream(log, std::ios::app) << ids[2].substr(0, 7);
    {
        rasd::Watcher run({archive.path()}, watches, state_at(state));
        CHECK(alert_ids(run.poll()) == std::vector<std::string>{ids[2]});
    }
    std::ofstream(log) << "rasd_watch_acked " + generation_of(file_text(state)) + "\n" + ids[2].substr(0, 7);
    {
        rasd::Watcher run({archive.path()}, watches, state_at(state));  // no poll: the log stays
        run.acknowledge({ids[2]});
        CHECK(file_text(log).ends_with("\n" + ids[2].substr(0, 7) + "\n" + ids[2] + "\n"));
    }
    {
        rasd::Watcher last({archive.path()}, watches, state_at(state));
        CHECK(last.poll().empty());
    }
    // A file in the log's place that rasd-watch did not write is an error, left as it is.
    std::ofstream(log) << "garbage\n" << ids[0] << "\n";
    CHECK_THROWS_WITH_AS(rasd::Watcher({archive.path()}, watches, state_at(state)),
                         (log + ": not a log of delivered alerts that rasd-watch wrote; left as it is: remove it to "
                                "have the alerts it names delivered again").c_str(),
                         rasd::DataError);
    CHECK(file_text(log) == "garbage\n" + ids[0] + "\n");
    // So it is with no state beside it: the first save would have removed it unseen.
    std::filesystem::remove(state);
    CHECK_THROWS_AS(rasd::Watcher({archive.path()}, watches, state_at(state)), rasd::DataError);
    CHECK(file_text(log) == "garbage\n" + ids[0] + "\n");
}

TEST_CASE("watcher: a watch expands cross-script aliases as rasd-search does") {
    const rasd::test::ScratchArchive archive;
    archive.index(batch(0, 4));
    const std::string state = archive.scratch_path("watch.state");
    const std::vector<rasd::Watch> watches = {{"facebook", "Facebook", ""}, {"nato", "الناتو", ""}};
    { rasd::Watcher first({archive.path()}, watches, state_at(state)); CHECK(first.poll().empty()); }
    archive.index({ArticleBuilder("fb-ar").title("فيسبوك تحذف حسابات مزيفة").body("أعلنت شركة فيسبوك حذف حسابات."),
                   ArticleBuilder("nato-en").title("NATO summit").body("Leaders of NATO met in Brussels."),
                   ArticleBuilder("other").title("ارتفاع أسعار الذهب").body("ارتفعت أسعار الذهب.")});
    rasd::Watcher run({archive.path()}, watches, state_at(state));
    const std::map<std::string, std::vector<std::string>> expected = {{"facebook", {"fb-ar"}}, {"nato", {"nato-en"}}};
    CHECK(sorted(by_watch(run.poll())) == expected);
}

TEST_CASE("watcher: an unchanged re-send is silent, a changed one alerts again with a new id") {
    const rasd::test::ScratchArchive archive;
    archive.index(batch(0, 8));
    const std::string state = archive.scratch_path("watch.state");
    const std::vector<rasd::Watch> watches = {{"hospital", "مستشفى", ""}};
    rasd::Watcher watcher({archive.path()}, watches, state_at(state, rasd::WatchStart::FromStart));
    const std::vector<rasd::Alert> first = watcher.poll();
    CHECK(by_watch(first)["hospital"] == std::vector<std::string>{"w-1", "w-5"});
    watcher.acknowledge(alert_ids(first));
    archive.index({news(1), news(5)});
    CHECK(watcher.poll().empty());
    archive.index({news(5, "تحديث: ارتفاع عدد الأسرة")});
    const std::vector<rasd::Alert> changed = watcher.poll();
    REQUIRE(changed.size() == 1);
    CHECK(changed.front().article.id == "w-5");
    CHECK(changed.front().id != first[1].id);
}

TEST_CASE("watcher: an edited or added watch starts fresh, a removed one is forgotten") {
    const rasd::test::ScratchArchive archive;
    archive.index(batch(0, 8));
    const std::string state = archive.scratch_path("watch.state");
    auto run = [&](const std::vector<rasd::Watch>& watches) {
        rasd::Watcher watcher({archive.path()}, watches, state_at(state));
        std::vector<rasd::Alert> alerts = watcher.poll();
        watcher.acknowledge(alert_ids(alerts));
        return by_watch(alerts);
    };
    CHECK(run({{"a", "مستشفى", ""}}).empty());
    archive.index(batch(8, 8));
    // "a" edited, "b" added: neither replays the batch it did not see with this query.
    CHECK(run({{"a", "الذهب", ""}, {"b", "مستشفى", ""}}).empty());
    CHECK(file_text(state).find("\"a\"") != std::string::npos);
    CHECK(run({{"b", "مستشفى", ""}}).empty());  // "a" removed
    CHECK(file_text(state).find("\"a\"") == std::string::npos);
    archive.index(batch(16, 8));
    CHECK(run({{"a", "مستشفى", ""}, {"b", "مستشفى", ""}}) ==
          std::map<std::string, std::vector<std::string>>{{"b", {"w-17", "w-21"}}});  // "a" came back: fresh
}

TEST_CASE("watcher: --from-start and --since replay the archive for watches without a position") {
    const rasd::test::ScratchArchive archive;
    archive.index(batch(0, 16));  // w-1, w-5, w-9, w-13 are about a hospital; months 2, 6, 1, 5
    const std::vector<rasd::Watch> watches = {{"hospital", "مستشفى", ""}};
    {
        rasd::Watcher all({archive.path()}, watches,
                          state_at(archive.scratch_path("a.state"), rasd::WatchStart::FromStart));
        CHECK(by_watch(all.poll())["hospital"] == std::vector<std::string>{"w-1", "w-13", "w-5", "w-9"});
    }
    rasd::Watcher since({archive.path()}, watches,
                        state_at(archive.scratch_path("s.state"), rasd::WatchStart::Since, "2020-05"));
    CHECK(by_watch(since.poll())["hospital"] == std::vector<std::string>{"w-13", "w-5"});
    // --since narrows a watch's own date: filter, never widens it.
    const std::vector<rasd::Watch> dated = {{"early", "مستشفى date:..2020-02", ""}, {"june", "مستشفى date:2020-06", ""}};
    rasd::Watcher since_dated({archive.path()}, dated,
                              state_at(archive.scratch_path("d.state"), rasd::WatchStart::Since, "2020-05"));
    CHECK(by_watch(since_dated.poll()) == std::map<std::string, std::vector<std::string>>{{"june", {"w-5"}}});
    CHECK_THROWS_AS(rasd::Watcher({archive.path()}, watches,
                                  state_at(archive.scratch_path("x.state"), rasd::WatchStart::Since, "someday")),
                    rasd::InvalidArgument);
}

TEST_CASE("watcher: bad watches are named with their line and left out, the others run") {
    const rasd::test::ScratchArchive archive(batch(0, 8));
    const std::vector<rasd::Watch> watches = {{"syntax", "مستشفى (الذهب", "w.tsv:3"},
                                              {"place", "place:Alexandriaa", "w.tsv:4"},
                                              {"topic", "topic:helth", "w.tsv:5"},
                                              {"ok", "مستشفى", "w.tsv:6"},
                                              {"misspelt", "plce:مصر", "w.tsv:7"}};
    rasd::Watcher watcher({archive.path()}, watches,
                          state_at(archive.scratch_path("w.state"), rasd::WatchStart::FromStart));
    // A watch that runs, read otherwise than its author may think: a note, not a problem.
    CHECK(watcher.notes() == std::vector<std::string>{"w.tsv:7: watch 'misspelt': note: 'plce:' is not a field (did "
                                                      "you mean place:?); searched as words"});
    const std::vector<std::string>& problems = watcher.problems();
    REQUIRE(problems.size() == 3);
    CHECK(problems[0].starts_with("w.tsv:3: watch 'syntax': "));
    CHECK(problems[1].starts_with("w.tsv:4: watch 'place': unknown place 'Alexandriaa'"));
    CHECK(problems[1].find("Alexandria") != std::string::npos);
    CHECK(problems[2].starts_with("w.tsv:5: watch 'topic': unknown topic 'helth'"));
    CHECK(problems[2].find("health") != std::string::npos);
    CHECK(by_watch(watcher.poll())["ok"] == std::vector<std::string>{"w-1", "w-5"});
    CHECK_THROWS_WITH_AS(rasd::Watcher({archive.path()}, {{"a", "x", "f:1"}, {"a", "y", "f:2"}},
                                       state_at(archive.scratch_path("d.state"))),
                         "f:2: duplicate watch name 'a'", rasd::InvalidArgument);
}

TEST_CASE("watcher: a watch on a source the archive does not hold yet keeps its place until it comes") {
    const rasd::test::ScratchArchive archive(batch(0, 4));
    const std::vector<rasd::Watch> watches = {{"cnn", "source:CNN", "w.tsv:1"}};
    const std::string state = archive.scratch_path("w.state");
    {
        rasd::Watcher first({archive.path()}, watches, state_at(state));
        REQUIRE(first.problems().size() == 1);
        CHECK(first.problems()[0].starts_with("w.tsv:1: watch 'cnn': unknown source 'CNN'"));
        CHECK(first.poll().empty());
    }
    // The source's first articles, committed after the first run, alert at the next.
    archive.index({ArticleBuilder("cnn-1").title("t").body("الذهب يرتفع").source("CNN").date("2020-03-01"),
                   ArticleBuilder("cnn-2").title("t").body("الذهب ينخفض").source("CNN").date("2020-03-02")});
    rasd::Watcher second({archive.path()}, watches, state_at(state));
    CHECK(second.problems().empty());
    CHECK(by_watch(second.poll()) == std::map<std::string, std::vector<std::string>>{{"cnn", {"cnn-1", "cnn-2"}}});
}

TEST_CASE("watcher: an archive rebuilt in the same place alerts only what comes after") {
    const rasd::test::ScratchArchive archive(batch(0, 4));
    const std::vector<rasd::Watch> watches = {{"hospital", "مستشفى", ""}};
    const std::string state = archive.scratch_path("w.state");
    CHECK(rasd::Watcher({archive.path()}, watches, state_at(state)).poll().empty());
    // Rebuilt with more commits than it had: its sequences pass the watch's, yet nothing is new.
    std::filesystem::remove_all(archive.path());
    for (int first = 0; first < 12; first += 2) archive.index(batch(first, 2));
    CHECK(rasd::Watcher({archive.path()}, watches, state_at(state)).poll().empty());
    archive.index(batch(12, 4));
    CHECK(by_watch(rasd::Watcher({archive.path()}, watches, state_at(state)).poll()) ==
          std::map<std::string, std::vector<std::string>>{{"hospital", {"w-13"}}});
}

TEST_CASE("watcher: an archive moved with its state keeps its watches' places") {
    const rasd::test::ScratchArchive archive;  // the archive moves into archive.path()
    const std::string old_place = archive.scratch_path("old");
    {
        rasd::Indexer indexer(old_place);
        for (const rasd::Article& article : batch(0, 4)) (void)indexer.add_or_replace(article);
        indexer.commit();
    }
    const std::vector<rasd::Watch> watches = {{"hospital", "مستشفى", ""}};
    const std::string state = archive.scratch_path("w.state");
    CHECK(rasd::Watcher({old_place}, watches, state_at(state)).poll().empty());
    std::filesystem::rename(old_place, archive.path());
    archive.index(batch(4, 4));  // committed after the move, before the next poll
    CHECK(by_watch(rasd::Watcher({archive.path()}, watches, state_at(state)).poll()) ==
          std::map<std::string, std::vector<std::string>>{{"hospital", {"w-5"}}});
}

TEST_CASE("watcher: the watches file") {
    const rasd::test::TempDir dir;
    const std::string path = dir.path("watches.tsv");
    std::ofstream(path) << "# desk\n\ndrivers\tسائق متهور مكان:القاهرة\n  \nno tab here\n\tno name\nempty\t \n"
                           "giza\ttopic:health place:الجيزة\r\n";
    const rasd::WatchFile file = rasd::read_watch_file(path);
    REQUIRE(file.watches.size() == 2);
    CHECK(file.watches[0].name == "drivers");
    CHECK(file.watches[0].query == "سائق متهور مكان:القاهرة");
    CHECK(file.watches[0].where == path + ":3");
    CHECK(file.watches[1].query == "topic:health place:الجيزة");
    CHECK(file.problems == std::vector<std::string>{path + ":5: expected NAME<TAB>QUERY, got 'no tab here'",
                                                    path + ":6: no watch name before the tab",
                                                    path + ":7: watch 'empty' has no query"});
    std::ofstream(path) << "a\tx\nb\ty\na\tz\n";
    CHECK_THROWS_WITH_AS((void)rasd::read_watch_file(path), (path + ":3: duplicate watch name 'a' (first on line 1)").c_str(),
                         rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS((void)rasd::read_watch_file(dir.path("missing.tsv")),
                         (dir.path("missing.tsv") + ": cannot read the watches file: No such file or directory").c_str(),
                         rasd::DataError);
    CHECK_THROWS_WITH_AS((void)rasd::read_watch_file(dir.path("")), (dir.path("") + ": a folder, not a watches file").c_str(),
                         rasd::DataError);
    // A byte order mark is no part of the first name; a line not in UTF-8 (Windows-1256) is a
    // problem named with its line, not a watch stored under a repaired name that never alerts.
    std::ofstream(path) << "\xEF\xBB\xBF" "bom\tسائق\nb\xFF" "ad\tسائق\n\xCA\xD1\xC7\xE3\xC8\tx\n";
    const rasd::WatchFile encoded = rasd::read_watch_file(path);
    REQUIRE(encoded.watches.size() == 1);
    CHECK(encoded.watches[0].name == "bom");
    CHECK(encoded.problems == std::vector<std::string>{
                                  path + ":2: not UTF-8 text: 'b\\xffad\\x09سائق' (save the watches file as UTF-8)",
                                  path + ":3: not UTF-8 text: '\\xca\\xd1\\xc7\\xe3\\xc8\\x09x' (save the watches file as UTF-8)"});
}

TEST_CASE("watcher: an unreadable state is an error that changes nothing, one watcher per state") {
    const rasd::test::ScratchArchive archive(batch(0, 4));
    const std::string state = archive.scratch_path("w.state");
    const std::vector<rasd::Watch> watches = {{"a", "مستشفى", ""}};
    {
        rasd::Watcher holder({archive.path()}, watches, state_at(state));
        CHECK_THROWS_AS(rasd::Watcher({archive.path()}, watches, state_at(state)), rasd::DatabaseLockedError);
    }
    std::ofstream(state) << "{\"pending\": [";
    CHECK_THROWS_AS(rasd::Watcher({archive.path()}, watches, state_at(state)), rasd::DataError);
    CHECK(file_text(state) == "{\"pending\": [");
    // The default state file sits beside the archive's folder.
    rasd::Watcher beside({archive.path() + "/"}, watches);
    CHECK(beside.state_path() == archive.path() + ".rasd-watch.state");
}

TEST_CASE("watcher: an archive compacted and moved into place keeps its sequences and the positions") {
    const rasd::test::ScratchArchive archive;
    archive.index(batch(0, 8));
    const std::vector<rasd::Watch> watches = {{"hospital", "مستشفى", ""}};
    rasd::Watcher watcher({archive.path()}, watches, state_at(archive.scratch_path("w.state")));
    CHECK(watcher.poll().empty());
    CHECK_FALSE(watcher.has_new_commits());
    archive.index(batch(8, 8));
    CHECK(watcher.has_new_commits());
    const std::string compacted = archive.scratch_path("compacted");
    Xapian::Database(archive.path()).compact(compacted);
    std::filesystem::rename(archive.path(), archive.scratch_path("old"));
    std::filesystem::rename(compacted, archive.path());
    CHECK(recorded_sequence(archive.path()) == 2);
    const std::vector<rasd::Alert> alerts = watcher.poll();
    CHECK(by_watch(alerts)["hospital"] == std::vector<std::string>{"w-13", "w-9"});
    watcher.acknowledge(alert_ids(alerts));
    CHECK_FALSE(watcher.has_new_commits());
    archive.index({news(17)});
    CHECK(watcher.has_new_commits());
    CHECK(by_watch(watcher.poll())["hospital"] == std::vector<std::string>{"w-17"});
}

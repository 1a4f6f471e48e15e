// Cross-script aliases: the alias table format and its errors, rasd's own table, and searches
// that find every name of a group, in one database, in a sharded archive, with an archive's own
// table kept by the indexer.

#include <doctest/doctest.h>

#include "knowledge/aliases.hpp"
#include "tests/support/article_builder.hpp"
#include "tests/support/scratch_archive.hpp"
#include "tests/support/temp_dir.hpp"

#include <rasd/error.hpp>
#include <rasd/indexer.hpp>
#include <rasd/searcher.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace {

using Ids = std::vector<std::string>;
using rasd::detail::AliasTable;
using rasd::test::ArticleBuilder;
using rasd::test::ScratchArchive;

Ids sorted_ids(rasd::Searcher& searcher, const std::string& query) {
    rasd::SearchOptions options;
    options.limit = 100;
    Ids out;
    for (const rasd::SearchHit& hit : searcher.search(query, options).hits) out.push_back(hit.id);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> alias_lines(rasd::Searcher& searcher, const std::string& query) {
    std::vector<std::string> lines;
    for (const std::string& line : searcher.search(query).explanation) {
        if (line.rfind("alias: ", 0) == 0) lines.push_back(line);
    }
    return lines;
}

// Articles naming one company, one leader and one alliance in different scripts and spellings.
std::vector<rasd::Article> spelling_articles() {
    return {
        ArticleBuilder("fb-latin").title("Facebook تحذف حسابات").body("أعلنت شركة Facebook حذف حسابات مزيفة."),
        ArticleBuilder("fb-arabic").title("فيسبوك تحذف حسابات").body("أعلنت شركة فيسبوك حذف حسابات مزيفة."),
        ArticleBuilder("fb-two-words").title("فيس بوك تحذف حسابات").body("أعلنت شركة فيس بوك حذف حسابات مزيفة."),
        ArticleBuilder("trump-latin").title("تصريحات Trump").body("قال الرئيس الأمريكي Trump إن المفاوضات مستمرة."),
        ArticleBuilder("trump-arabic").title("تصريحات ترامب").body("قال الرئيس الأمريكي ترامب إن المفاوضات مستمرة."),
        ArticleBuilder("nato-arabic").title("اجتماع حلف شمال الأطلسي").body("اجتمع وزراء دفاع حلف شمال الأطلسي في بروكسل."),
        ArticleBuilder("nato-latin").title("اجتماع NATO").body("اجتمع وزراء دفاع NATO في بروكسل."),
        ArticleBuilder("nato-short").title("اجتماع الناتو").body("اجتمع وزراء دفاع الناتو في بروكسل."),
        ArticleBuilder("north").title("شمال البلاد").body("أمطار غزيرة في شمال البلاد والمحيط الأطلسي هادئ."),
    };
}

std::string write_file(const rasd::test::TempDir& dir, const std::string& name, const std::string& text) {
    const std::string path = dir.path(name);
    std::ofstream(path, std::ios::binary) << text;
    return path;
}

TEST_CASE("an alias table: one group a line, names separated by '|', comments and blank lines skipped") {
    const AliasTable table = AliasTable::parse("own.tsv", "# a comment\n\nكوفيد | Covid | كورونا المستجد\r\nيورو 2020 | Euro 2020\n");
    REQUIRE(table.groups().size() == 2);
    CHECK(table.groups()[0].names == std::vector<std::string>{"كوفيد", "Covid", "كورونا المستجد"});
    CHECK(table.groups()[0].line == 3);
    CHECK(table.groups()[1].names == std::vector<std::string>{"يورو 2020", "Euro 2020"});
    CHECK(table.groups()[1].line == 4);
}

TEST_CASE("a bad alias line is an error naming the file, the line and the value") {
    struct Case {
        std::string text;
        std::string message;
    };
    const std::vector<Case> cases = {
        {"فيسبوك\n", "own.tsv:1: an alias group needs at least two names separated by '|': 'فيسبوك'"},
        {"# c\nفيسبوك | | Facebook\n", "own.tsv:2: empty name (two '|' in a row, or one at an end)"},
        {"فيسبوك | Facebook |\n", "own.tsv:1: empty name (two '|' in a row, or one at an end)"},
        {"فيسبوك\tFacebook\n",
         "own.tsv:1: holds a control character: 'فيسبوك\\x09Facebook' (names are separated by '|', not tabs)"},
        {"في | the\n", "own.tsv:1: name with no searchable word (only stop words or punctuation): 'في'"},
        {"ترامب | Trump\nTRUMP | ترمب\n", "own.tsv:2: the name 'TRUMP' is already given on line 1"},
        {"أ ب ت ث ج ح خ | x\n", "own.tsv:1: name of more than 6 words: 'أ ب ت ث ج ح خ'"},
        {"a | b\xff\n", "own.tsv:1: not valid UTF-8"},
        {"x | " + std::string(121, 'b') + "\n", "own.tsv:1: name longer than 120 bytes: '" + std::string(121, 'b') + "'"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.text);
        CHECK_THROWS_WITH_AS((void)AliasTable::parse("own.tsv", c.text), c.message.c_str(), rasd::DataError);
    }
    CHECK_THROWS_WITH_AS((void)AliasTable::parse("big.tsv", std::string(rasd::detail::kMaxAliasTableBytes + 1, '#')),
                         "big.tsv: an alias table may hold at most 1048576 bytes, this one has 1048577",
                         rasd::DataError);
}

TEST_CASE("rasd's own alias table loads and holds the names the news spells in two scripts") {
    const AliasTable& table = AliasTable::builtin();
    CHECK(table.groups().size() >= 50);
    auto group_of = [&](const std::string& name) -> std::vector<std::string> {
        for (const auto& group : table.groups()) {
            if (std::find(group.names.begin(), group.names.end(), name) != group.names.end()) return group.names;
        }
        return {};
    };
    CHECK(group_of("فيسبوك") == std::vector<std::string>{"فيسبوك", "فيس بوك", "Facebook", "فايسبوك", "الفايسبوك"});
    CHECK(group_of("NATO") == std::vector<std::string>{"حلف شمال الأطلسي", "الناتو", "حلف الناتو", "NATO"});
    CHECK(group_of("Trump") == std::vector<std::string>{"ترامب", "Trump", "Donald Trump"});
    CHECK(group_of("بوتن") == std::vector<std::string>{"بوتين", "Putin", "بوتن"});
    CHECK(group_of("X").empty());  // a bare letter is left out: see the table's comments
}

TEST_CASE("a query in either script finds every name of the group, and --explain says so") {
    const ScratchArchive archive(spelling_articles());
    rasd::Searcher searcher = archive.open_searcher();
    const Ids facebook = {"fb-arabic", "fb-latin", "fb-two-words"};
    CHECK(sorted_ids(searcher, "Facebook") == facebook);
    CHECK(sorted_ids(searcher, "فيسبوك") == facebook);
    CHECK(sorted_ids(searcher, "\"فيس بوك\"") == facebook);
    CHECK(sorted_ids(searcher, "فيس بوك") == facebook);
    CHECK(sorted_ids(searcher, "Trump") == Ids{"trump-arabic", "trump-latin"});
    CHECK(sorted_ids(searcher, "ترمب") == Ids{"trump-arabic", "trump-latin"});
    CHECK(sorted_ids(searcher, "NATO") == Ids{"nato-arabic", "nato-latin", "nato-short"});
    CHECK(sorted_ids(searcher, "الناتو") == Ids{"nato-arabic", "nato-latin", "nato-short"});
    // A name of several words is searched as a phrase: شمال and الأطلسي apart do not make NATO.
    CHECK(sorted_ids(searcher, "NATO") == sorted_ids(searcher, "\"حلف شمال الأطلسي\""));

    CHECK(alias_lines(searcher, "Facebook") == std::vector<std::string>{"alias: Facebook → also فيسبوك | فيس بوك | فايسبوك | الفايسبوك"});
    CHECK(alias_lines(searcher, "فيس بوك") ==
          std::vector<std::string>{"alias: فيس بوك → also فيسبوك | Facebook | فايسبوك | الفايسبوك"});
    // The Maghrebi spelling, whose ف the light stemmer takes for a clitic, is listed both ways.
    CHECK(alias_lines(searcher, "فايسبوك") ==
          std::vector<std::string>{"alias: فايسبوك → also فيسبوك | فيس بوك | Facebook | الفايسبوك"});
    CHECK(alias_lines(searcher, "\"Donald Trump\"") == std::vector<std::string>{"alias: Donald Trump → also ترامب | Trump"});
    CHECK(alias_lines(searcher, "NATO") ==
          std::vector<std::string>{"alias: NATO → also حلف شمال الأطلسي | الناتو | حلف الناتو"});
    CHECK(alias_lines(searcher, "حذف حسابات").empty());
}

TEST_CASE("aliases widen a word, never the other words of the query or its filters") {
    const ScratchArchive archive(spelling_articles());
    rasd::Searcher searcher = archive.open_searcher();
    CHECK(sorted_ids(searcher, "+Facebook +مزيفة") == Ids{"fb-arabic", "fb-latin", "fb-two-words"});
    CHECK(sorted_ids(searcher, "Facebook -فيسبوك").empty());  // the excluded word is widened too
    CHECK(sorted_ids(searcher, "title:Trump") == Ids{"trump-arabic", "trump-latin"});
}

TEST_CASE("an archive's own alias file is kept in it, every shard, and searches use it") {
    rasd::test::TempDir dir;
    const std::string own = write_file(dir, "own.tsv", "# our names\nالمجلس العسكري | Military Council\nبروكسل | Brussels\n");
    for (std::size_t shards : {std::size_t{1}, std::size_t{2}}) {
        CAPTURE(shards);
        rasd::IndexerOptions options;
        options.shards = shards;
        options.aliases_file = own;
        const ScratchArchive archive(spelling_articles(), options);
        rasd::Searcher searcher = archive.open_searcher();
        CHECK(sorted_ids(searcher, "Brussels") == Ids{"nato-arabic", "nato-latin", "nato-short"});
        CHECK(alias_lines(searcher, "Brussels") == std::vector<std::string>{"alias: Brussels → also بروكسل"});
        // rasd's own table still applies next to the archive's.
        CHECK(sorted_ids(searcher, "Facebook") == Ids{"fb-arabic", "fb-latin", "fb-two-words"});
    }
}

TEST_CASE("a later run without --aliases keeps the archive's table, one with a new file replaces it") {
    rasd::test::TempDir dir;
    rasd::IndexerOptions options;
    options.aliases_file = write_file(dir, "first.tsv", "بروكسل | Brussels\n");
    const ScratchArchive archive(spelling_articles(), options);
    {
        rasd::Indexer keep(archive.path());
        keep.commit();
    }
    {
        rasd::Searcher kept(archive.path());
        CHECK(sorted_ids(kept, "Brussels").size() == 3);
    }
    {
        rasd::IndexerOptions replace;
        replace.aliases_file = write_file(dir, "second.tsv", "وزراء | Ministers\n");
        rasd::Indexer indexer(archive.path(), replace);
        indexer.commit();
    }
    rasd::Searcher searcher(archive.path());
    CHECK(sorted_ids(searcher, "Brussels").empty());
    CHECK(sorted_ids(searcher, "Ministers") == Ids{"nato-arabic", "nato-latin", "nato-short"});
}

TEST_CASE("a bad alias file stops the indexer before anything is written") {
    rasd::test::TempDir dir;
    rasd::IndexerOptions options;
    options.aliases_file = write_file(dir, "bad.tsv", "بروكسل | Brussels\nBrussels | بروكسيل\n");
    const std::string db = dir.path("db");
    CHECK_THROWS_WITH_AS(rasd::Indexer(db, options), (options.aliases_file + ":2: the name 'Brussels' is already given on line 1").c_str(),
                         rasd::DataError);
    CHECK_FALSE(std::filesystem::exists(db));
    options.aliases_file = dir.path("missing.tsv");
    CHECK_THROWS_WITH_AS(rasd::Indexer(db, options),
                         (options.aliases_file + ": cannot read: No such file or directory").c_str(), rasd::DataError);
}

}  // namespace

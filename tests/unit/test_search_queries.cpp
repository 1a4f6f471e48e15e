// The query language end to end over a small archive: analysis, phrases, operators, filters,
// sorting, facets, explanations and errors.

#include <doctest/doctest.h>

#include "knowledge/gazetteer.hpp"
#include "knowledge/topics.hpp"
#include "tests/support/article_builder.hpp"
#include "tests/support/scratch_archive.hpp"

#include <rasd/error.hpp>
#include <rasd/indexer.hpp>
#include <rasd/searcher.hpp>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace {

using Ids = std::vector<std::string>;

using rasd::test::ArticleBuilder;
using rasd::test::ScratchArchive;

// An article of the small archive, which has one source.
ArticleBuilder news(std::string id) {
    ArticleBuilder article(std::move(id));
    article.source("الرصد");
    return article;
}

// A small archive: Cairo districts, Giza, Alexandria, Beirut, Tunis; several topics and years.
std::vector<rasd::Article> small_archive_articles() {
    return {
        news("cai-1")
            .title("ضبط سائق سيارة نقل يقود برعونة")
            .body("ألقت الأجهزة الأمنية القبض على سائق سيارة نقل فى دار السلام بعد مقطع فيديو على مواقع التواصل الإجتماعى.")
            .date("2018-03-05")
            .place("دار السلام")
            .topic("security"),
        news("cai-2")
            .title("الداخلية تضبط متهما بالتحرش")
            .body("ضبطت الأجهزة الأمنية متهما بالتحرش بفتاة فى مدينة نصر وقدمته للنيابة.")
            .date("2018-06-20")
            .place("مدينة نصر")
            .topic("حوادث"),
        news("giz-1")
            .title("حادث تصادم على طريق الواحات")
            .body("أصيب خمسة أشخاص فى حادث تصادم بين سيارة نقل وميكروباص على طريق الواحات.")
            .date("2019-01-10")
            .place("الجيزة")
            .topic("accidents"),
        news("alx-1")
            .title("الأهلي يفوز على الاتحاد")
            .body("فاز الأهلي على الاتحاد السكندري بهدفين فى الدوري المصري عام ٢٠٢٠.")
            .date("2020-02-01")
            .place("الإسكندرية")
            .topic("sport"),
        news("bey-1")
            .title("معرض بيروت للكتاب")
            .body("افتتح معرض الكتاب فى بيروت بمشاركة دور نشر عربية، وقال المسئولون إن الإقبال كبير.")
            .date("2021-12-01")
            .place("بيروت")
            .topic("culture"),
        news("tun-1")
            .title("الحكومة التونسية تعلن موازنة جديدة")
            .body("أعلنت الحكومة فى تونس موازنة جديدة تدعم الخدمات للمواطنين وتخفض العجز.")
            .date("2017-01-18")
            .place("تونس")
            .topic("economy"),
        news("cai-3")
            .title("تطوير منظومة الخدمات للمواطنين")
            .body("أعلن المسؤولون عن تطوير الخدمات الإلكترونية للمواطنين فى القاهرة خلال عام 2020.")
            .date("2020-07-07")
            .place("القاهرة")
            .topic("society"),
    };
}

Ids ids(rasd::Searcher& searcher, const std::string& query, rasd::SearchOptions options = {}) {
    options.limit = 100;
    Ids out;
    for (const rasd::SearchHit& hit : searcher.search(query, options).hits) out.push_back(hit.id);
    return out;
}

Ids sorted(Ids v) {
    std::sort(v.begin(), v.end());
    return v;
}

struct QueryCase {
    std::string query;
    Ids expected;  // sorted
};

}  // namespace

TEST_SUITE("search_queries") {

TEST_CASE("free text is analyzed like the articles") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    const std::vector<QueryCase> table = {
        {"الاجتماعي", {"cai-1"}},             // written الإجتماعى
        {"و المواطنين", {"cai-3", "tun-1"}},  // stop word و, stem مواطن
        {"مواطن", {"cai-3", "tun-1"}},
        {"2020", {"alx-1", "cai-3"}},         // ٢٠٢٠ in one of them
        {"٢٠٢٠", {"alx-1", "cai-3"}},
        {"المسؤولين", {"bey-1", "cai-3"}},    // المسئولون / المسؤولون
        {"السَّائق", {"cai-1"}},              // diacritics in the query
    };
    for (const QueryCase& c : table) {
        CAPTURE(c.query);
        CHECK(sorted(ids(searcher, c.query)) == c.expected);
    }
}

TEST_CASE("phrases, exclusion, operators and wildcards") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    const std::vector<QueryCase> table = {
        {"\"سيارة نقل\"", {"cai-1", "giz-1"}},
        {"\"نقل سيارة\"", {}},
        {"سيارة -ميكروباص", {"cai-1"}},
        {"سيارة AND فيديو", {"cai-1"}},
        {"الأهلي OR الكتاب", {"alx-1", "bey-1"}},
        {"سيارة NOT فيديو", {"giz-1"}},
        {"(الأهلي OR الكتاب) AND بيروت", {"bey-1"}},
        {"موازن*", {"tun-1"}},
        {"title:الكتاب", {"bey-1"}},
        {"عنوان:\"معرض بيروت\"", {"bey-1"}},
    };
    for (const QueryCase& c : table) {
        CAPTURE(c.query);
        CHECK(sorted(ids(searcher, c.query)) == c.expected);
    }
}

TEST_CASE("place filters take any spelling and include every place within") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    const Ids cairo = {"cai-1", "cai-2", "cai-3"};
    for (const char* q : {"place:القاهرة", "place:القاهره", "place:Cairo", "مكان:القاهرة", "مكان:بالقاهرة",
                          "place:eg-cairo"}) {
        CAPTURE(q);
        CHECK(sorted(ids(searcher, q)) == cairo);
    }
    CHECK(sorted(ids(searcher, "place:مصر")) == Ids{"alx-1", "cai-1", "cai-2", "cai-3", "giz-1"});
    CHECK(sorted(ids(searcher, "place:\"دار السلام\"")) == Ids{"cai-1"});
    CHECK(sorted(ids(searcher, "سيارة place:Egypt -place:Giza")) == Ids{"cai-1"});
    rasd::SearchOptions flags;
    flags.places = {"لبنان", "تونس"};
    CHECK(sorted(ids(searcher, "", flags)) == Ids{"bey-1", "tun-1"});
    flags.places = {"lb"};  // the id of Lebanon, as facets print it
    CHECK(sorted(ids(searcher, "", flags)) == Ids{"bey-1"});
}

TEST_CASE("topic filters take ids, Arabic and English labels and source aliases") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    CHECK(sorted(ids(searcher, "topic:security")) == Ids{"cai-1", "cai-2"});  // حوادث maps to security
    CHECK(sorted(ids(searcher, "موضوع:رياضة")) == Ids{"alx-1"});
    CHECK(sorted(ids(searcher, "topic:Sport")) == Ids{"alx-1"});
    CHECK(sorted(ids(searcher, "topic:traffic")) == Ids{"giz-1"});
}

TEST_CASE("date filters: years, months, days, words and ranges with open ends") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    const std::vector<QueryCase> table = {
        {"date:2018", {"cai-1", "cai-2"}},
        {"date:2018-03", {"cai-1"}},
        {"date:2018-03-05", {"cai-1"}},
        {"date:2018-03..2018-06", {"cai-1", "cai-2"}},
        {"date:2020..", {"alx-1", "bey-1", "cai-3"}},
        {"date:..2017", {"tun-1"}},
        {"تاريخ:\"مارس 2018\"", {"cai-1"}},
        {"تاريخ:\"جانفي 2017\"", {"tun-1"}},
    };
    for (const QueryCase& c : table) {
        CAPTURE(c.query);
        CHECK(sorted(ids(searcher, c.query)) == c.expected);
    }
    rasd::SearchOptions flags;
    flags.from = "2019";
    flags.to = "2020-02";
    CHECK(sorted(ids(searcher, "", flags)) == Ids{"alx-1", "giz-1"});
}

TEST_CASE("a query of filters only lists newest first, sort orders apply") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    CHECK(ids(searcher, "place:مصر") == Ids{"cai-3", "alx-1", "giz-1", "cai-2", "cai-1"});
    rasd::SearchOptions oldest;
    oldest.sort = rasd::SortOrder::Oldest;
    CHECK(ids(searcher, "place:مصر", oldest) == Ids{"cai-1", "cai-2", "giz-1", "alx-1", "cai-3"});
    CHECK(rasd::parse_sort_order("newest") == rasd::SortOrder::Newest);
    CHECK_THROWS_WITH_AS((void)rasd::parse_sort_order("best"), "unknown sort order 'best' (valid: relevance, newest, oldest)",
                         rasd::InvalidArgument);
}

TEST_CASE("facets count the whole match set") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    rasd::SearchOptions options;
    options.facets = true;
    options.limit = 1;  // the page is one hit; the facets still count all five
    const rasd::SearchResults r = searcher.search("place:مصر", options);
    REQUIRE(r.has_facets);
    CHECK(r.hits.size() == 1);
    REQUIRE(r.facets.country.size() == 1);
    CHECK(r.facets.country[0].value == "eg");
    CHECK(r.facets.country[0].label == "مصر");
    CHECK(r.facets.country[0].count == 5);
    REQUIRE(!r.facets.city.empty());
    CHECK(r.facets.city[0].value == "eg-cairo");  // districts count for their city
    CHECK(r.facets.city[0].count == 3);
    std::vector<std::string> years;
    for (const auto& y : r.facets.year) years.push_back(y.value + "=" + std::to_string(y.count));
    CHECK(years == std::vector<std::string>{"2018=2", "2019=1", "2020=2"});
}

TEST_CASE("explain says how the query was read") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    const rasd::SearchResults r = searcher.search("سيارة فى place:القاهرة date:2018", {});
    CHECK(r.explanation == std::vector<std::string>{
                               "words: سيارة → سيار; فى (stop word, ignored)",
                               "place: القاهرة ← مصر (eg-cairo, with every place within it)",
                               "date: 2018-01-01 .. 2018-12-31",
                           });
}

TEST_CASE("a query that finds little suggests known title words for unknown ones") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    CHECK(searcher.search("الأهلي يفوذ").suggestion == "الأهلي يفوز");
    CHECK(searcher.search("معرظ الكتاب").suggestion == "معرض الكتاب");
    CHECK(searcher.search("الأهلي").suggestion.empty());  // every word known: nothing to correct
    CHECK(searcher.search("place:مصر").suggestion.empty());
}

TEST_CASE("bad filters are usage errors that say what exists") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    CHECK_THROWS_WITH_AS((void)searcher.search("date:2020..2019"), "impossible date range '2020..2019': 2020 is after 2019",
                         rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS((void)searcher.search("date:غدا"),
                         "cannot read date 'غدا' in 'غدا' (use 2018, 2018-03, 2018-03-05, a month name such as "
                         "\"مارس 2018\", or a range such as 2018-03..2018-06)",
                         rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS((void)searcher.search("place:Atlantis"), doctest::Contains("unknown place 'Atlantis' (nearest: "),
                         rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS((void)searcher.search("topic:sprot"), doctest::Contains("unknown topic 'sprot' (nearest: sports"),
                         rasd::InvalidArgument);
    CHECK_THROWS_AS((void)searcher.search("(سيارة"), rasd::InvalidArgument);
}

TEST_CASE("a bad from/to date names the range as given, never a command-line flag") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    rasd::SearchOptions flags;
    flags.from = "غدا";
    flags.to = "2020";
    CHECK_THROWS_WITH_AS((void)searcher.search("سيارة", flags),
                         "cannot read date 'غدا' in 'غدا..2020' (use 2018, 2018-03, 2018-03-05, a month name such as "
                         "\"مارس 2018\", or a range such as 2018-03..2018-06)",
                         rasd::InvalidArgument);
    flags.from = "2021";
    CHECK_THROWS_WITH_AS((void)searcher.search("سيارة", flags), "impossible date range '2021..2020': 2021 is after 2020",
                         rasd::InvalidArgument);
}

TEST_CASE("place, topic and source values are at most 256 bytes, in the query and in flags") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    const std::string long_value(257, 'x');
    CHECK_THROWS_WITH_AS((void)searcher.search("place:" + long_value), "place value too long: 257 bytes (at most 256)",
                         rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS((void)searcher.search("سيارة موضوع:" + long_value), "topic value too long: 257 bytes (at most 256)",
                         rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS((void)searcher.search("-source:" + long_value), "source value too long: 257 bytes (at most 256)",
                         rasd::InvalidArgument);
    rasd::SearchOptions flags;
    flags.places = {std::string(100000, 'x')};
    CHECK_THROWS_WITH_AS((void)searcher.search("سيارة", flags), "place value too long: 100000 bytes (at most 256)",
                         rasd::InvalidArgument);
    flags.places.clear();
    flags.topics = {std::string(300, 'x')};
    CHECK_THROWS_WITH_AS((void)searcher.search("سيارة", flags), "topic value too long: 300 bytes (at most 256)",
                         rasd::InvalidArgument);
    flags.topics.clear();
    flags.sources = {std::string(300, 'x')};
    CHECK_THROWS_WITH_AS((void)searcher.search("سيارة", flags), "source value too long: 300 bytes (at most 256)",
                         rasd::InvalidArgument);
    // At the limit the value is looked up as usual.
    const std::string at_limit(256, 'x');
    CHECK(searcher.search("source:" + at_limit).hits.empty());
    CHECK_THROWS_WITH_AS((void)searcher.search("place:" + at_limit), ("unknown place '" + at_limit + "'").c_str(),
                         rasd::InvalidArgument);
}

TEST_CASE("a source: filter cuts a long name as the indexer does, so it still matches") {
    std::string source;
    for (int i = 0; i < 75; ++i) source += "ص";  // 150 bytes; the index keeps the first 100
    const ScratchArchive archive(
        {ArticleBuilder("long-source").title("عنوان").body("نص الخبر").date("2020-01-01").source(source)});
    rasd::Searcher searcher = archive.open_searcher();
    CHECK(ids(searcher, "source:" + source) == Ids{"long-source"});
    rasd::SearchOptions flags;
    flags.sources = {source};
    CHECK(ids(searcher, "نص", flags) == Ids{"long-source"});
}

TEST_CASE("a place or topic far longer than every name gets no nearest-name search") {
    const ScratchArchive archive(small_archive_articles());
    rasd::Searcher searcher = archive.open_searcher();
    // Longer than every spelling by more than 3 bytes: no "nearest" (it would cost time in
    // proportion to the value's length, for suggestions that cannot be close).
    const std::string place(rasd::detail::Gazetteer::builtin().longest_spelling_bytes() + 4, 'q');
    CHECK_THROWS_WITH_AS((void)searcher.search("place:" + place), ("unknown place '" + place + "'").c_str(),
                         rasd::InvalidArgument);
    std::string ids;
    for (const rasd::detail::Topic& t : rasd::detail::TopicTaxonomy::builtin().topics()) ids += (ids.empty() ? "" : ", ") + t.id;
    const std::string topic(rasd::detail::TopicTaxonomy::builtin().longest_name_bytes() + 4, 'q');
    CHECK_THROWS_WITH_AS((void)searcher.search("topic:" + topic), ("unknown topic '" + topic + "' (topics: " + ids + ")").c_str(),
                         rasd::InvalidArgument);
    CHECK_THROWS_WITH_AS((void)searcher.search("topic:sprot"),
                         ("unknown topic 'sprot' (nearest: sports, culture, international; topics: " + ids + ")").c_str(),
                         rasd::InvalidArgument);
}

}  // TEST_SUITE

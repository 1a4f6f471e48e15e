// Stories: near-duplicates found at index time share the id of the story's first article, in
// one run, across runs and across shards; re-sent and deleted articles; collapsed results with
// exact copy counts, story facets, the story view (earliest first) and more-like-this.

#include <doctest/doctest.h>

#include "knowledge/story_fingerprint.hpp"
#include "tests/support/article_builder.hpp"
#include "tests/support/scratch_archive.hpp"

#include <rasd/error.hpp>
#include <rasd/indexer.hpp>
#include <rasd/parallel_indexer.hpp>
#include <rasd/searcher.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace {

using rasd::test::ArticleBuilder;
using rasd::test::ScratchArchive;

// A wire story, a reprint with a changed word and a closing line, and unrelated stories (one
// shares the hospital's subject without being a copy).
const std::string kWire =
    "أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة طنطا بسعة مئتي سرير، وقال الوزير في مؤتمر صحفي إن "
    "المستشفى سيخدم أكثر من مليون مواطن في محافظة الغربية والمحافظات المجاورة، وأضاف أن العمل في المشروع استمر "
    "ثلاث سنوات بتكلفة بلغت نصف مليار جنيه، وأن المستشفى يضم أقساما للطوارئ والعناية المركزة وجراحة القلب "
    "والأطفال، كما يضم مركزا للأشعة ومعملا للتحاليل الطبية يعمل على مدار الساعة.";
const std::string kReprint =
    "أعلنت وزارة الصحة أمس عن افتتاح مستشفى جديد في مدينة طنطا بسعة مئتي سرير، وقال الوزير في مؤتمر صحفي إن "
    "المستشفى سيخدم أكثر من مليون مواطن في محافظة الغربية والمحافظات المجاورة، وأضاف أن العمل في المشروع استمر "
    "ثلاث سنوات بتكلفة بلغت نصف مليار جنيه، وأن المستشفى يضم أقساما للطوارئ والعناية المركزة وجراحة القلب "
    "والأطفال، كما يضم مركزا للأشعة ومعملا للتحاليل الطبية يعمل على مدار الساعة. ونقلت الصحيفة الخبر عن الوكالة.";
const std::string kFootball =
    "فاز النادي الأهلي على نظيره الزمالك بهدفين مقابل هدف في المباراة التي أقيمت مساء الجمعة على استاد القاهرة "
    "الدولي، وسجل هدفي الأهلي اللاعب محمد شريف في الشوط الأول، بينما أحرز هدف الزمالك اللاعب أحمد سيد من ضربة "
    "جزاء في الدقائق الأخيرة، وبهذا الفوز يرتفع رصيد الأهلي إلى ثلاثين نقطة في صدارة جدول الدوري الممتاز.";
// A follow-up that quotes the wire story's opening (Jaccard about 0.4 with it: another story).
const std::string kFollowUp =
    "تابعت نقابة الأطباء باهتمام خبر الافتتاح. أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة طنطا بسعة "
    "مئتي سرير، وقال الوزير في مؤتمر صحفي إن المستشفى سيخدم أكثر من مليون مواطن في محافظة الغربية والمحافظات "
    "المجاورة، وأضاف أن العمل في المشروع استمر.";
const std::string kOtherHospital =
    "تفقد محافظ أسيوط أعمال تطوير المستشفى الجامعي، وقال إن المستشفى سيضم أقساما جديدة للطوارئ والعناية المركزة "
    "بعد انتهاء التطوير العام المقبل، وأشار إلى أن وزارة الصحة خصصت مئة سرير إضافي للمرضى في المحافظة.";

rasd::Article wire_copy(const std::string& id, const std::string& body, const std::string& date,
                        const std::string& source) {
    return ArticleBuilder(id).title("افتتاح مستشفى جديد في طنطا").body(body).date(date).source(source);
}

// The wire story in three copies (a2 dated a day before a1, indexed after it), and a follow-up
// quoting its opening (n1) with a copy of its own (n2).
std::vector<rasd::Article> wire_story_and_follow_ups() {
    return {wire_copy("a1", kWire, "2021-05-02", "وكالة أنباء النيل"), wire_copy("a2", kReprint, "2021-05-01", "الرصد اليوم"),
            wire_copy("a3", kWire + " المصدر: الوكالة.", "2021-05-03", "صحيفة الشرفة"),
            ArticleBuilder("n1").body(kFollowUp).date("2021-05-04"),
            ArticleBuilder("n2").body(kFollowUp + " وتابعت الصحيفة.").date("2021-05-05")};
}

std::vector<rasd::Article> with(std::vector<rasd::Article> articles, const std::vector<rasd::Article>& more) {
    articles.insert(articles.end(), more.begin(), more.end());
    return articles;
}

std::vector<std::string> words_of(const std::string& text) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : text + " ") {
        if (c == ' ') {
            if (!word.empty()) words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    return words;
}

std::vector<std::uint64_t> shingles_of(const std::vector<std::string>& words) {
    const std::vector<std::string_view> views(words.begin(), words.end());
    return rasd::detail::shingle_hashes(views);
}

std::vector<std::string> ids_of(const rasd::SearchResults& results) {
    std::vector<std::string> ids;
    for (const rasd::SearchHit& hit : results.hits) ids.push_back(hit.id);
    return ids;
}

// The story of each article of `ids`, as the story view names it.
std::map<std::string, std::string> stories_by_id(rasd::Searcher& searcher, const std::vector<std::string>& ids) {
    std::map<std::string, std::string> stories;
    for (const std::string& id : ids) stories[id] = searcher.story(id).query;
    return stories;
}

}  // namespace

TEST_CASE("story fingerprints: shingles, exact and estimated Jaccard, band keys") {
    using namespace rasd::detail;
    const std::vector<std::string> wire = words_of(kWire);
    const std::vector<std::string> reprint = words_of(kReprint);
    const std::vector<std::string> football = words_of(kFootball);
    CHECK(shingles_of({"a", "b"}).size() == 1);  // shorter than a shingle: one of all its words
    CHECK(shingles_of({"a", "b", "c", "d"}).size() == 2);
    CHECK(shingles_of({"a", "b", "c", "a", "b", "c"}).size() == 3);  // abc, bca, cab: distinct
    CHECK(shingles_of({}).empty());
    CHECK(jaccard(shingles_of(wire), shingles_of(wire)) == doctest::Approx(1.0));
    const double exact = jaccard(shingles_of(wire), shingles_of(reprint));
    // 66 words, 64 shingles; the changed word costs 3, the closing line adds 7 (8 new shingles).
    CHECK(exact > 0.8);
    CHECK(exact < 0.9);
    const MinHashes a = minhash_signature(shingles_of(wire));
    const MinHashes b = minhash_signature(shingles_of(reprint));
    const MinHashes c = minhash_signature(shingles_of(football));
    CHECK(estimated_jaccard(a, a) == 1.0);
    CHECK(estimated_jaccard(a, b) == doctest::Approx(exact).epsilon(0.15));
    CHECK(estimated_jaccard(a, c) < 0.1);
    CHECK(band_keys(a) == band_keys(minhash_signature(shingles_of(wire))));
    const BandKeys ka = band_keys(a);
    const BandKeys kc = band_keys(c);
    CHECK(std::count_if(ka.begin(), ka.end(), [&](std::uint64_t k) {
              return std::find(kc.begin(), kc.end(), k) != kc.end();
          }) == 0);
}

TEST_CASE("stories: a reprint joins the story of the first article, within a run and across runs") {
    const ScratchArchive archive;
    {
        rasd::Indexer indexer = archive.open_indexer();
        CHECK(indexer.add_or_replace(wire_copy("a1", kWire, "2021-05-02", "وكالة أنباء النيل")).story == "a1");
        CHECK(indexer.add_or_replace(ArticleBuilder("f1").body(kFootball)).story == "f1");
        // Uncommitted still: found in this run's own articles.
        CHECK(indexer.add_or_replace(wire_copy("a2", kReprint, "2021-05-02", "الرصد اليوم")).story == "a1");
        indexer.commit();
    }
    rasd::Indexer next_run = archive.open_indexer();
    CHECK(next_run.add_or_replace(wire_copy("a3", kWire + " المصدر: الوكالة.", "2021-05-03", "صحيفة الشرفة")).story ==
          "a1");
    CHECK(next_run.add_or_replace(ArticleBuilder("h1").body(kOtherHospital)).story == "h1");
    next_run.commit();
    rasd::Searcher searcher = archive.open_searcher();
    const std::map<std::string, std::string> expected = {
        {"a1", "a1"}, {"a2", "a1"}, {"a3", "a1"}, {"f1", "f1"}, {"h1", "h1"}};
    CHECK(stories_by_id(searcher, {"a1", "a2", "a3", "f1", "h1"}) == expected);
    const rasd::ArchiveStats stats = searcher.stats();
    CHECK(stats.stories == 3);
    CHECK(stats.stories_with_copies == 1);
    REQUIRE(!stats.largest_stories.empty());
    CHECK(stats.largest_stories.front().story == "a1");
    CHECK(stats.largest_stories.front().articles == 3);
    CHECK(stats.largest_stories.front().source == "وكالة أنباء النيل");
}

// Sixteen sentences of one report, no punctuation (so words_of() splits as the analyzer does).
// Versions of it that keep a sliding window of twelve: each shares 10 sentences with the next
// (Jaccard about 0.7) but only 8 with the one after (about 0.5).
const std::vector<std::string> kFairSentences = {
    "افتتح الرئيس معرض الكتاب الدولي في دورته الخمسين صباح اليوم",
    "وشارك في المعرض أكثر من ألف ناشر من ثلاثين دولة عربية وأجنبية",
    "وتحل اليونان ضيف شرف هذا العام بجناح يضم مخطوطات نادرة",
    "وقالت رئيسة الهيئة إن عدد الزوار المتوقع يتجاوز مليوني زائر",
    "وخصصت إدارة المعرض قاعة جديدة لكتب الأطفال والرسوم المتحركة",
    "وتقام على هامش المعرض ندوات فكرية وأمسيات شعرية كل مساء",
    "ويكرم المعرض اسم الروائي الراحل صاحب ثلاثية الشمال الشهيرة",
    "وأعلنت وزارة النقل تشغيل حافلات مجانية من محطات المترو القريبة",
    "وتراجعت أسعار الكتب المستوردة بنسبة الخمس مقارنة بالعام الماضي",
    "واشتكى بعض الناشرين من ارتفاع تكاليف الورق والطباعة والشحن",
    "ويستمر المعرض حتى السادس من الشهر المقبل من العاشرة حتى التاسعة",
    "وأطلقت الهيئة تطبيقا إلكترونيا يرشد الزائرين إلى أجنحة دور النشر",
    "وحصدت رواية عن الهجرة جائزة أفضل عمل أدبي في حفل الافتتاح",
    "وتوقع اتحاد الناشرين أن ترتفع المبيعات رغم الظروف الاقتصادية الصعبة",
    "واستضاف جناح الشباب مسابقة للقراءة السريعة شارك فيها مئات الطلاب",
    "واختتم اليوم الأول بعرض موسيقي في الساحة الرئيسية للمعرض",
};

std::string fair_version(std::size_t first_sentence) {
    std::string body;
    for (std::size_t i = first_sentence; i < first_sentence + 12; ++i) body += (body.empty() ? "" : " ") + kFairSentences.at(i);
    return body;
}

TEST_CASE("stories: a copy of a copy joins the story only when the story's first article is near too") {
    const std::string first = fair_version(0), second = fair_version(2), third = fair_version(4);
    // The premise, by exact Jaccard: each version is a copy of the one before, the third is no
    // copy of the first.
    const auto jaccard_of = [](const std::string& a, const std::string& b) {
        return rasd::detail::jaccard(shingles_of(words_of(a)), shingles_of(words_of(b)));
    };
    CHECK(jaccard_of(first, second) >= rasd::detail::kStoryJaccard + 0.05);
    CHECK(jaccard_of(second, third) >= rasd::detail::kStoryJaccard + 0.05);
    CHECK(jaccard_of(first, third) <= rasd::detail::kStoryJaccard - 0.05);
    // Where the story's first article is read from: the database as an earlier run left it (every
    // band key looked up), as this run committed it (band keys known in memory), or memory.
    enum class First { EarlierRun, CommittedThisRun, SameBatch };
    struct Case {
        const char* name;
        First first;
    };
    for (const Case& c : {Case{"committed by an earlier run", First::EarlierRun},
                          Case{"committed by this run", First::CommittedThisRun},
                          Case{"all three in one batch", First::SameBatch}}) {
        CAPTURE(c.name);
        const rasd::Article fair1 = ArticleBuilder("fair1").title("معرض الكتاب").body(first).date("2022-01-26");
        const ScratchArchive archive = c.first == First::EarlierRun ? ScratchArchive({fair1}) : ScratchArchive();
        rasd::Indexer indexer = archive.open_indexer();
        if (c.first != First::EarlierRun) CHECK(indexer.add_or_replace(fair1).story == "fair1");
        if (c.first == First::CommittedThisRun) indexer.commit();
        CHECK(indexer.add_or_replace(ArticleBuilder("fair2").title("معرض الكتاب").body(second).date("2022-01-27")).story ==
              "fair1");
        // Near fair2 (story fair1) but not near fair1: a story of its own, not a drift of fair1's.
        CHECK(indexer.add_or_replace(ArticleBuilder("fair3").title("معرض الكتاب").body(third).date("2022-01-28")).story ==
              "fair3");
    }
}

TEST_CASE("stories: copies in different shards meet, in one run and across runs") {
    // Ids chosen to fall in different shards of three.
    std::vector<std::string> ids;
    for (int n = 0; ids.size() < 3; ++n) {
        const std::string id = "s" + std::to_string(n);
        const bool new_shard = std::none_of(ids.begin(), ids.end(), [&](const std::string& other) {
            return rasd::shard_of_article(other, 3) == rasd::shard_of_article(id, 3);
        });
        if (new_shard) ids.push_back(id);
    }
    rasd::IndexerOptions three_shards;
    three_shards.shards = 3;
    const ScratchArchive archive(three_shards);
    rasd::ParallelIndexerOptions first_run;
    first_run.indexer = three_shards;
    first_run.threads = 3;
    first_run.batch = 1;
    rasd::ParallelIndexerOptions next_run;
    next_run.threads = 2;
    std::map<std::string, std::string> reported;
    {
        rasd::ParallelIndexer indexer(archive.path(), first_run,
                                      [&](const rasd::Article& a, const rasd::IndexedArticle& i) { reported[a.id] = i.story; });
        indexer.add_or_replace(wire_copy(ids[0], kWire, "2021-05-02", "وكالة أنباء النيل"));
        indexer.finish();  // the first is written before its copy is read, so it is the story's first
        indexer.add_or_replace(wire_copy(ids[1], kReprint, "2021-05-02", "الرصد اليوم"));
        indexer.add_or_replace(ArticleBuilder("f1").body(kFootball));
        indexer.finish();
    }
    {
        rasd::ParallelIndexer indexer(archive.path(), next_run,
                                      [&](const rasd::Article& a, const rasd::IndexedArticle& i) { reported[a.id] = i.story; });
        indexer.add_or_replace(wire_copy(ids[2], kWire, "2021-05-04", "صحيفة الشرفة"));
        indexer.finish();
    }
    const std::map<std::string, std::string> expected = {{ids[0], ids[0]}, {ids[1], ids[0]}, {ids[2], ids[0]}, {"f1", "f1"}};
    CHECK(reported == expected);
    rasd::Searcher searcher = archive.open_searcher();
    CHECK(stories_by_id(searcher, {ids[0], ids[1], ids[2], "f1"}) == expected);
}

TEST_CASE("stories: a re-sent article keeps its story, a story keeps its id when its first article is deleted") {
    const ScratchArchive archive({wire_copy("a1", kWire, "2021-05-02", "وكالة أنباء النيل"),
                                  wire_copy("a2", kReprint, "2021-05-02", "الرصد اليوم")});
    rasd::Indexer indexer = archive.open_indexer();
    // Re-sent with a corrected text that no longer reads as a copy: still in its story, so the
    // story's other articles never change story.
    CHECK(indexer.add_or_replace(wire_copy("a2", kOtherHospital, "2021-05-02", "الرصد اليوم")).story == "a1");
    CHECK(indexer.add_or_replace(wire_copy("a1", kWire, "2021-05-02", "وكالة أنباء النيل")).story == "a1");
    CHECK(indexer.remove("a1"));
    // A later copy of the deleted first article joins through the story's other articles only
    // when one still reads as a copy: here a3 is a copy of a1 alone, so it starts its own story.
    CHECK(indexer.add_or_replace(wire_copy("a3", kWire, "2021-05-05", "صحيفة الشرفة")).story == "a3");
    CHECK(indexer.add_or_replace(wire_copy("a4", kOtherHospital + " وتابعت الصحيفة.", "2021-05-06", "صحيفة الشرفة"))
              .story == "a1");
    indexer.commit();
    rasd::Searcher searcher = archive.open_searcher();
    const rasd::SearchResults story = searcher.story("a1");
    CHECK(ids_of(story) == std::vector<std::string>{"a2", "a4"});
    CHECK(ids_of(searcher.story("a4")) == std::vector<std::string>{"a2", "a4"});  // any article names its story
    CHECK_THROWS_WITH_AS(searcher.story("zz"), "no article or story with id 'zz'", rasd::InvalidArgument);
}

TEST_CASE("stories: an id used again for another text, after its story's first article was deleted, starts a story of its own") {
    SUBCASE("deleted and used again in a later run") {
        const ScratchArchive archive({wire_copy("a1", kWire, "2021-05-02", "وكالة أنباء النيل"),
                                      wire_copy("a2", kReprint, "2021-05-02", "الرصد اليوم")});
        {
            rasd::Indexer indexer = archive.open_indexer();
            CHECK(indexer.remove("a1"));
            indexer.commit();
        }
        rasd::Indexer indexer = archive.open_indexer();
        CHECK(indexer.add_or_replace(ArticleBuilder("a1").body(kFootball).date("2021-06-02")).story == "a1~2");
        indexer.commit();
        // A later copy of the story still joins it, through a2 (a1 is another text now).
        CHECK(indexer.add_or_replace(wire_copy("a5", kReprint, "2021-05-07", "صحيفة الشرفة")).story == "a1");
        indexer.commit();
        rasd::Searcher searcher = archive.open_searcher();
        CHECK(ids_of(searcher.story("a1")) == std::vector<std::string>{"a2", "a5"});  // the story named a1
        CHECK(ids_of(searcher.story("a1~2")) == std::vector<std::string>{"a1"});
    }
    SUBCASE("deleted and used again in the run that wrote it, before any commit") {
        const ScratchArchive archive;
        rasd::Indexer indexer = archive.open_indexer();
        CHECK(indexer.add_or_replace(wire_copy("a1", kWire, "2021-05-02", "وكالة أنباء النيل")).story == "a1");
        CHECK(indexer.add_or_replace(wire_copy("a2", kReprint, "2021-05-02", "الرصد اليوم")).story == "a1");
        CHECK(indexer.remove("a1"));
        CHECK(indexer.add_or_replace(ArticleBuilder("a1").body(kFootball).date("2021-06-02")).story == "a1~2");
        // Used again with the story's own text, it joins the story again.
        CHECK(indexer.remove("a1"));
        CHECK(indexer.add_or_replace(wire_copy("a1", kWire, "2021-05-02", "وكالة أنباء النيل")).story == "a1");
    }
}

TEST_CASE("stories: the copy sources of a hit name each source once, as its first article writes it") {
    // a2 and a3 write one source two ways (the same folded name); a4 names no source.
    const ScratchArchive archive({wire_copy("a1", kWire, "2021-05-02", "وكالة أنباء النيل"),
                                  wire_copy("a2", kReprint, "2021-05-03", "Sky News"),
                                  wire_copy("a3", kWire + " المصدر: الوكالة.", "2021-05-04", "SKY NEWS"),
                                  ArticleBuilder("a4").body(kWire).date("2021-05-05")});
    rasd::Searcher searcher = archive.open_searcher();
    rasd::SearchOptions collapsed;
    collapsed.collapse = true;
    collapsed.passage = false;
    const rasd::SearchResults stories = searcher.search("المستشفى", collapsed);
    REQUIRE(stories.hits.size() == 1);
    const rasd::SearchHit& hit = stories.hits.front();
    CHECK(hit.story == "a1");
    CHECK(hit.copies == 3);
    std::vector<std::string> sources = hit.copy_sources;
    std::sort(sources.begin(), sources.end());
    const std::vector<std::string> others = hit.id == "a1" ? std::vector<std::string>{"Sky News"}
                                                           : std::vector<std::string>{"Sky News", "وكالة أنباء النيل"};
    CHECK(sources == others);
}

TEST_CASE("stories: collapsed facets over two local shards count what one database counts") {
    const std::vector<rasd::Article> articles = {
        wire_copy("a1", kWire, "2021-05-02", "وكالة أنباء النيل"),
        wire_copy("a2", kReprint, "2021-05-01", "الرصد اليوم"),
        wire_copy("a3", kWire + " المصدر: الوكالة.", "2021-05-03", "الرصد اليوم"),
        ArticleBuilder("h1").body(kOtherHospital).date("2021-06-01").source("صحيفة الشرفة"),
        ArticleBuilder("f1").body(kFootball).date("2021-06-02")};
    rasd::IndexerOptions two_shards;
    two_shards.shards = 2;
    const ScratchArchive one(articles);
    const ScratchArchive sharded(articles, two_shards);
    rasd::Searcher one_searcher = one.open_searcher();
    rasd::Searcher sharded_searcher = sharded.open_searcher();
    rasd::SearchOptions collapsed;
    collapsed.facets = true;
    collapsed.collapse = true;
    const auto counts = [](const std::vector<rasd::FacetValue>& values) {
        std::map<std::string, std::size_t> out;
        for (const rasd::FacetValue& v : values) out[v.value] = v.count;
        return out;
    };
    for (const std::string query : {"المستشفى", "date:2021"}) {
        CAPTURE(query);
        const rasd::SearchResults a = one_searcher.search(query, collapsed);
        const rasd::SearchResults b = sharded_searcher.search(query, collapsed);
        CHECK(a.total.estimated == b.total.estimated);
        CHECK(counts(a.facets.month) == counts(b.facets.month));
        // Each story counts the source of the first of its articles the match reaches, which
        // depends on where the articles stand: only the number of stories counted must agree.
        const auto sum = [](const std::vector<rasd::FacetValue>& values) {
            std::size_t total = 0;
            for (const rasd::FacetValue& v : values) total += v.count;
            return total;
        };
        CHECK(sum(a.facets.source) == sum(b.facets.source));
    }
    const rasd::SearchResults stories = sharded_searcher.search("المستشفى", collapsed);
    CHECK(stories.total.estimated == 2);
    CHECK(counts(stories.facets.month) == std::map<std::string, std::size_t>{{"2021-05", 1}, {"2021-06", 1}});
}

TEST_CASE("stories: --collapse gives one hit per story with exact copy counts, facets count stories") {
    const ScratchArchive archive({wire_copy("a1", kWire, "2021-05-02", "وكالة أنباء النيل"),
                                  wire_copy("a2", kReprint, "2021-05-01", "الرصد اليوم"),
                                  wire_copy("a3", kWire + " المصدر: الوكالة.", "2021-05-03", "الرصد اليوم"),
                                  ArticleBuilder("h1").body(kOtherHospital).date("2021-06-01").source("صحيفة الشرفة"),
                                  ArticleBuilder("f1").body(kFootball).date("2021-06-02")});
    rasd::Searcher searcher = archive.open_searcher();
    rasd::SearchOptions plain;
    plain.facets = true;
    const rasd::SearchResults all = searcher.search("المستشفى", plain);
    CHECK(all.hits.size() == 4);
    CHECK(all.total.estimated == 4);
    for (const rasd::SearchHit& hit : all.hits) CHECK(hit.copies == 0);  // counted only when collapsing
    rasd::SearchOptions collapsed = plain;
    collapsed.collapse = true;
    const rasd::SearchResults stories = searcher.search("المستشفى", collapsed);
    REQUIRE(stories.hits.size() == 2);
    CHECK(stories.total.estimated == 2);
    CHECK(stories.total.lower == 2);
    CHECK(stories.total.upper == 2);
    std::map<std::string, const rasd::SearchHit*> by_story;
    for (const rasd::SearchHit& hit : stories.hits) by_story[hit.story] = &hit;
    REQUIRE(by_story.count("a1") == 1);
    CHECK(by_story["a1"]->copies == 2);
    std::vector<std::string> sources = by_story["a1"]->copy_sources;
    std::sort(sources.begin(), sources.end());
    const bool named = sources == std::vector<std::string>{"الرصد اليوم"} ||
                       sources == std::vector<std::string>{"الرصد اليوم", "وكالة أنباء النيل"};
    CHECK(named);
    CHECK(by_story["h1"]->copies == 0);
    // Copies count what matches: only a2 has the reprint's closing line.
    const rasd::SearchResults narrow = searcher.search("الصحيفة", collapsed);
    REQUIRE(narrow.hits.size() == 1);
    CHECK(narrow.hits.front().copies == 0);
    // Facets: three articles of May, but two stories (one of May, one of June).
    std::map<std::string, std::size_t> months_all, months_stories;
    for (const rasd::FacetValue& v : all.facets.month) months_all[v.value] = v.count;
    for (const rasd::FacetValue& v : stories.facets.month) months_stories[v.value] = v.count;
    CHECK(months_all == std::map<std::string, std::size_t>{{"2021-05", 3}, {"2021-06", 1}});
    CHECK(months_stories == std::map<std::string, std::size_t>{{"2021-05", 1}, {"2021-06", 1}});
    // Sources too: four articles from three sources, but two stories, each counted once.
    auto counted = [](const std::vector<rasd::FacetValue>& values) {
        std::size_t sum = 0;
        for (const rasd::FacetValue& v : values) sum += v.count;
        return sum;
    };
    CHECK(all.facets.source.size() == 3);
    CHECK(counted(all.facets.source) == 4);
    CHECK(counted(stories.facets.source) == 2);
    // A list of filters only collapses too.
    CHECK(searcher.search("date:2021", collapsed).total.estimated == 3);
    // Past the time limit, a hit whose story has other articles is left uncounted, and said so;
    // a story of one article needs no count.
    rasd::Searcher late({archive.path()}, rasd::SearcherOptions{false, 1e-9});
    const rasd::SearchResults cut = late.search("المستشفى", collapsed);
    REQUIRE(cut.hits.size() == 2);
    CHECK(cut.cut_short);
    for (const rasd::SearchHit& hit : cut.hits) {
        CAPTURE(hit.id);
        CHECK(hit.copies == 0);
        CHECK(hit.copy_sources.empty());
        CHECK(hit.copies_counted == (hit.story == "h1"));
    }
    CHECK(std::find(cut.notes.begin(), cut.notes.end(), "copies were not counted for 1 hit: the time limit passed") !=
          cut.notes.end());
    for (const rasd::SearchHit& hit : stories.hits) CHECK(hit.copies_counted);
}

TEST_CASE("stories: the story view lists the earliest first, like() leaves the article out, other stories first") {
    const ScratchArchive archive(with(wire_story_and_follow_ups(), {ArticleBuilder("f1").body(kFootball).date("2021-06-02")}));
    rasd::Searcher searcher = archive.open_searcher();
    // a2 was indexed after a1 but is dated a day earlier: it is listed first ("first published
    // by"), while the story keeps the id of the article indexed first.
    const rasd::SearchResults story = searcher.story("a3");
    CHECK(story.query == "a1");
    CHECK(story.explanation == std::vector<std::string>{"story: a1 (its articles, earliest first)"});
    CHECK(ids_of(story) == std::vector<std::string>{"a2", "a1", "a3"});
    CHECK(story.total.estimated == 3);
    CHECK(story.hits.front().source == "الرصد اليوم");
    rasd::SearchOptions page;
    page.limit = 1;
    page.offset = 1;
    CHECK(ids_of(searcher.story("a1", page)) == std::vector<std::string>{"a1"});

    rasd::SearchOptions options;
    options.limit = 10;
    // n1's own words are few and its quote of the wire story long: its terms find the wire
    // story's articles (another story), which come before n2, n1's copy, ranked first otherwise.
    CHECK(searcher.story("n2").query == "n1");
    const rasd::SearchResults like = searcher.like("n1", options);
    const std::vector<std::string> ids = ids_of(like);
    CHECK(std::find(ids.begin(), ids.end(), "n1") == ids.end());
    REQUIRE(ids.size() >= 4);
    std::vector<std::string> first_three(ids.begin(), ids.begin() + 3);
    std::sort(first_three.begin(), first_three.end());
    CHECK(first_three == std::vector<std::string>{"a1", "a2", "a3"});
    CHECK(ids.back() == "n2");
    CHECK(like.hits.front().story == "a1");
    for (std::size_t i = 0; i < like.hits.size(); ++i) CHECK(like.hits[i].rank == i + 1);
    rasd::SearchOptions second = options;
    second.offset = 1;
    second.limit = 1;
    CHECK(ids_of(searcher.like("n1", second)) == std::vector<std::string>{ids[1]});
    CHECK_THROWS_WITH_AS(searcher.like("zz"), "no article with id 'zz'", rasd::InvalidArgument);
}

TEST_CASE("stories: like() folds its own story too when collapsing, collapsed totals count the stories matched") {
    const ScratchArchive archive(with(wire_story_and_follow_ups(),
                                      {ArticleBuilder("h1").body(kOtherHospital).date("2021-06-01"),
                                       ArticleBuilder("f1").body(kFootball).date("2021-06-02")}));
    rasd::Searcher searcher = archive.open_searcher();
    rasd::SearchOptions collapsed;
    collapsed.collapse = true;
    const rasd::SearchResults like = searcher.like("a1", collapsed);
    std::vector<const rasd::SearchHit*> own_story;
    for (const rasd::SearchHit& hit : like.hits) {
        if (hit.story == "a1") own_story.push_back(&hit);
    }
    REQUIRE(own_story.size() == 1);  // a2 and a3: one hit, the other its copy
    CHECK(own_story.front()->copies == 1);
    CHECK(own_story.front()->copies_counted);
    CHECK(like.hits.back().story == "a1");  // other stories first
    CHECK_FALSE(like.cut_short);
    // Past the time limit the same hits, the copies not counted, and said so.
    rasd::Searcher late({archive.path()}, rasd::SearcherOptions{false, 1e-9});
    const rasd::SearchResults late_like = late.like("a1", collapsed);
    REQUIRE(late_like.hits.size() == like.hits.size());
    CHECK(late_like.cut_short);
    CHECK(late_like.hits.back().story == "a1");
    CHECK_FALSE(late_like.hits.back().copies_counted);
    CHECK(late_like.hits.back().copies == 0);
    CHECK(late_like.notes == std::vector<std::string>{"copies were not counted for 1 hit: the time limit passed"});

    // The number of stories is exact whenever every match was seen, and never above the articles.
    rasd::SearchOptions plain;
    plain.limit = 100;
    collapsed.limit = 100;
    for (const char* query : {"المستشفى", "المستشفى date:2021", "date:2021-05", "date:2021", "مستشفى -place:Giza"}) {
        CAPTURE(query);
        const rasd::SearchResults articles = searcher.search(query, plain);
        const rasd::SearchResults stories = searcher.search(query, collapsed);
        std::vector<std::string> distinct;
        for (const rasd::SearchHit& hit : articles.hits) distinct.push_back(hit.story.empty() ? hit.id : hit.story);
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        CHECK(stories.hits.size() == distinct.size());
        CHECK(stories.total.lower == distinct.size());
        CHECK(stories.total.upper <= articles.total.upper);
        CHECK(stories.total.estimated <= stories.total.upper);
    }
    // like() counts stories the same way: every match seen, so exactly, and never above its articles.
    plain.collapse = false;
    const rasd::SearchResults like_articles = searcher.like("a1", plain);
    const rasd::SearchResults like_stories = searcher.like("a1", collapsed);
    CHECK(like_stories.total.estimated == like_stories.hits.size());
    CHECK(like_stories.total.lower == like_stories.hits.size());
    CHECK(like_stories.total.upper == like_stories.hits.size());
    CHECK(like_stories.total.upper < like_articles.total.upper);  // a2 and a3 are one story
    rasd::SearchOptions count_only = collapsed;  // --limit 0: Xapian's bounds of a collapsed match are looser
    count_only.limit = 0;
    const rasd::SearchResults like_count = searcher.like("a1", count_only);
    CHECK(like_count.total.lower == like_stories.hits.size());
    CHECK(like_count.total.upper == like_stories.hits.size());
    // Listed by date, the stories are counted exactly (TREC scores of such lists need it).
    rasd::SearchOptions newest = collapsed;
    newest.sort = rasd::SortOrder::Newest;
    const rasd::SearchResults by_date = searcher.search("المستشفى", newest);
    CHECK(by_date.total.estimated == by_date.hits.size());
    CHECK(by_date.total.upper == by_date.hits.size());
}

TEST_CASE("stories: without story detection articles have no story and stand alone when collapsing") {
    rasd::IndexerOptions off;
    off.stories = false;
    const ScratchArchive archive({wire_copy("a1", kWire, "2021-05-02", "وكالة أنباء النيل"),
                                  wire_copy("a2", kReprint, "2021-05-02", "الرصد اليوم")},
                                 off);
    rasd::Searcher searcher = archive.open_searcher();
    rasd::SearchOptions collapsed;
    collapsed.collapse = true;
    const rasd::SearchResults results = searcher.search("المستشفى", collapsed);
    CHECK(results.hits.size() == 2);
    for (const rasd::SearchHit& hit : results.hits) CHECK(hit.story.empty());
    CHECK(searcher.stats().stories == 2);
    CHECK(searcher.stats().stories_with_copies == 0);
    CHECK_THROWS_WITH_AS(searcher.story("a1"), "article 'a1' belongs to no story (it was indexed with --no-stories)",
                         rasd::InvalidArgument);
}

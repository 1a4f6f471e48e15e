// bench_latency: query latency of rasd::Searcher on a large archive (p50, p95, p99 per query
// class), next to a plain Xapian QueryParser baseline on the same database, in one process and
// one run.
//
// Usage: bench_latency [--articles N] [--db DIR] [--queries Q] [--seed S] [--repeat R]
//                      [--source-articles M] [INPUT...]
//
//   --articles N   articles in the database (default 500000).
//   --db DIR       where it is built (default /tmp/rasd-bench-latency/db-N); searched is its
//                  compacted copy DIR-compact. A database already there with exactly N articles
//                  made by the same recipe is reused (and said so); otherwise DIR is removed,
//                  rebuilt with rasd::Indexer (commit every 2000) and compacted again.
//   --queries Q    distinct query strings (default 1000), split evenly over five shapes; each
//                  runs with and without facets, so 2Q searches per side per pass.
//   --seed S       seed of the query mix and of its run order (default 20261201).
//   --repeat R     timed passes after the warm-up pass (default 3).
//   --source-articles M  cycle over only the first M articles read (0 = all), to try the
//                  copy scheme on a small database.
//   INPUT          what rasd::read_articles() reads (default: the two ANT JSON-lines files next
//                  to the repository, see bench/CMakeLists.txt). A missing input: SKIP, exit 0.
//
// Fresh ids: the archive cycles over the articles read. Article i of the database is copy
// k = i / S of source article i % S (S articles read); its id is "<source id>~k", its date
// field is moved k years back (k mod 20; 29 February becomes the 28th in a common year), so the
// year and month facets spread. Copy 0 is the article as read. Copies k >= 1 leave out a
// deterministic pseudo-random 10% of the body's sentences (hash of id, k and the sentence's
// index), and at least one when the body has two or more, so copies differ in their text too;
// title, abstract, place, topic and source are kept.
// Repeating text inflates every term's frequency about uniformly: the vocabulary does not grow
// with N as a real archive's would, so posting lists are longer and denser than real ones.
//
// Query shapes (from the articles indexed, seeded): single title words; 2-5 word title
// fragments ("headlines", known items); quoted 2-3 word body phrases; text + one filter (the
// source article's own topic, place or year); filters only (topic:, place:, a month range,
// topic + year). rasd runs them through Searcher::search (limit 10, snippets, as the CLI);
// the baseline through a plain Xapian::QueryParser (Stem("arabic"), default BM25Weight), with
// ValueCountMatchSpy on the same slots when facets are asked for; filters only as a boolean
// query, newest first. A second, diagnostic baseline also makes rasd's snippets. An untimed
// warm-up pass runs everything once; then R timed passes, the three sides in rotating order.
// See bench/README.md.
//
// Self-checks (exit 1 with "bench_latency: CHECK FAILED: ..."): every title word finds an
// article; rasd's top 10 holds a copy of the source article for >= 50% of the headlines; topic
// and year facet counts sum to at most the total; filter-only totals equal the baseline's exact
// counts (with facets, and without them up to the 1000 matches rasd counts exactly; above that
// rasd's bounds must hold the exact count). Exit codes: 0 ok/skip (targets missed are
// reported, not failures), 1 check failed, 2 usage, input or run error.

#include "bench_support.hpp"
#include "query_sample.hpp"

#include "util/fnv1a.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/analysis/token.hpp>
#include <rasd/analyzer_factory.hpp>
#include <rasd/article.hpp>
#include <rasd/article_reader.hpp>
#include <rasd/error.hpp>
#include <rasd/indexer.hpp>
#include <rasd/parallel_indexer.hpp>
#include <rasd/searcher.hpp>

// Internal headers (read only): term prefixes and value slots, so the baseline asks for exactly
// rasd's terms, and the gazetteer, to name a place in a query.
#include "knowledge/gazetteer.hpp"
#include "archive/schema.hpp"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

using namespace rasd::bench;  // the helpers of bench_support.hpp, query_sample.hpp

constexpr std::size_t kDefaultArticles = 500000;
constexpr std::size_t kDefaultQueries = 1000;
constexpr std::uint32_t kDefaultSeed = 20261201;
constexpr std::size_t kDefaultRepeat = 3;
constexpr const char* kDefaultDbRoot = "/tmp/rasd-bench-latency";

// Building: commit size (rasd-index --batch's default, measured in bench_index) and how often
// to report progress.
constexpr std::size_t kCommitEvery = 2000;
constexpr std::size_t kBuildShards = 2;  // written in parallel, then merged by the compaction
constexpr double kProgressSeconds = 10.0;

// The copy scheme (see the header comment). Changing any of it changes the database: bump
// kRecipeVersion so an old database is not reused.
constexpr const char* kRecipeVersion = "2";  // 2: schema 3, built as 2 shards and merged
constexpr const char* kRecipeKey = "rasd.bench.latency.recipe";  // database metadata
constexpr const char* kCopySeparator = "~";
constexpr std::uint64_t kDropPercent = 10;       // of the body's sentences, in copies k >= 1
constexpr std::size_t kYearShiftCycle = 20;      // copy k moves k mod 20 years back
constexpr std::uint64_t kCopySalt = 0x5241534442454e43ULL;

// What rasd's CLI asks for by default.
constexpr std::size_t kPageSize = 10;
constexpr std::size_t kSnippetBytes = 200;
constexpr std::size_t kFacetLimit = 10;  // values listed per topic, country and city facet
// rasd counts matches exactly up to this many without facets (kExactTotalUpTo in
// searcher/searcher.cpp); above it the total is Xapian's estimate within its bounds.
constexpr std::size_t kRasdExactUpTo = 1000;

// The query mix.
constexpr std::size_t kShapes = 5;
constexpr std::size_t kMinHeadlineWords = 2, kMaxHeadlineWords = 5;
constexpr std::size_t kMinPhraseWords = 2, kMaxPhraseWords = 3;
constexpr std::size_t kMinComboWords = 2, kMaxComboWords = 3;  // text of text+filter fragments
constexpr std::size_t kMinWordLetters = 3;       // a single-word query is no clitic or particle
constexpr std::size_t kFilterPlaceChoices = 40;  // filters use the most frequent places
constexpr std::size_t kMaxMonthSpan = 6;         // date ranges of 1 to 6 months
constexpr std::size_t kMaxDrawAttempts = 100000;

// Self-check and targets.
constexpr double kMinKnownItemRate = 0.5;
constexpr double kTargetP95Ms = 50.0;
constexpr double kTargetMaxRatio = 3.0;

// ---- small helpers ------------------------------------------------------------------------

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

// ---- the archive: copies of the articles read with fresh ids -------------------------------

std::string copy_id(const std::string& id, std::size_t k) { return id + kCopySeparator + std::to_string(k); }

// The source id of a copy's id ("<id>~k" -> "<id>").
std::string source_id(const std::string& id) {
    const std::size_t at = id.rfind(kCopySeparator);
    return at == std::string::npos ? id : id.substr(0, at);
}

// `v` (non-negative) with leading zeros to `width` digits.
std::string zero_padded(int v, std::size_t width) {
    std::string s = std::to_string(v);
    return s.size() >= width ? s : std::string(width - s.size(), '0') + s;
}

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// A date field starting "YYYY-MM-DD" moved `years` back; anything else unchanged (the indexer
// then falls back to the URL or the text, as for the original).
std::string shift_date(const std::string& date, std::size_t years) {
    if (years == 0 || date.size() < 10 || date[4] != '-' || date[7] != '-') return date;
    for (std::size_t i = 0; i < 4; ++i) {
        if (date[i] < '0' || date[i] > '9') return date;
    }
    const int year = std::stoi(date.substr(0, 4)) - static_cast<int>(years);
    std::string out = date;
    out.replace(0, 4, zero_padded(year, 4));
    if (out.compare(5, 5, "02-29") == 0 && !is_leap(year)) out[9] = '8';
    return out;
}

// The body as sentences, each with its closing mark and the spaces after it, so joining any
// subset in order gives well-formed text. A sentence ends at . ! ? ؟ or a line break.
std::vector<std::string_view> sentences(std::string_view body) {
    constexpr std::string_view kArabicQuestionMark = "\xD8\x9F";  // ؟ U+061F
    std::vector<std::string_view> out;
    std::size_t start = 0, i = 0;
    while (i < body.size()) {
        std::size_t end = 0;
        if (body[i] == '.' || body[i] == '!' || body[i] == '?' || body[i] == '\n') end = i + 1;
        else if (body.substr(i, 2) == kArabicQuestionMark) end = i + 2;
        if (end == 0) {
            ++i;
            continue;
        }
        while (end < body.size() && (body[end] == ' ' || body[end] == '\n' || body[end] == '\r')) ++end;
        out.push_back(body.substr(start, end - start));
        start = i = end;
    }
    if (start < body.size()) out.push_back(body.substr(start));
    return out;
}

// Copy k >= 1 leaves out the sentences whose hash falls in the bottom kDropPercent, and at least
// the one of lowest hash when the body has two or more (else a short body would often come out
// whole); it keeps the whole body if that would leave nothing.
std::string perturbed_body(const rasd::Article& a, std::size_t k) {
    if (k == 0) return a.body;
    const std::uint64_t base = rasd::detail::fnv1a64(a.id) ^ kCopySalt ^ splitmix64(k);
    const std::vector<std::string_view> parts = sentences(a.body);
    std::vector<std::uint64_t> hashes;
    for (std::size_t s = 0; s < parts.size(); ++s) hashes.push_back(splitmix64(base + s));
    const std::size_t lowest = static_cast<std::size_t>(std::min_element(hashes.begin(), hashes.end()) - hashes.begin());
    const bool any_dropped = std::any_of(hashes.begin(), hashes.end(), [](std::uint64_t h) { return h % 100 < kDropPercent; });
    std::string out;
    for (std::size_t s = 0; s < parts.size(); ++s) {
        const bool drop = hashes[s] % 100 < kDropPercent || (!any_dropped && parts.size() >= 2 && s == lowest);
        if (!drop) out += parts[s];
    }
    return out.find_first_not_of(" \n\r\t") == std::string::npos ? a.body : out;
}

rasd::Article make_copy(const rasd::Article& a, std::size_t k) {
    rasd::Article c = a;
    c.id = copy_id(a.id, k);
    c.date = shift_date(a.date, k % kYearShiftCycle);
    c.body = perturbed_body(a, k);
    return c;
}

// What the database was made from: a database is reused only if it records the same.
std::string recipe(const std::vector<std::string>& inputs, std::size_t sources, std::size_t n) {
    std::string r = "bench_latency/" + std::string(kRecipeVersion) + " articles=" + std::to_string(n) +
                    " sources=" + std::to_string(sources) + " inputs=";
    for (const std::string& in : inputs) r += fs::path(in).filename().string() + ",";
    return r;
}

// Why `dir` cannot be reused as a database of `n` articles by `want`; "" if it can.
std::string not_reusable(const fs::path& dir, std::size_t n, const std::string& want) {
    if (!fs::exists(dir)) return "absent";
    try {
        Xapian::Database db(dir.string());
        if (db.get_metadata(rasd::schema::kAnalyzerKey).empty()) return "not a rasd database";
        if (db.get_doccount() != n) return "holds " + std::to_string(db.get_doccount()) + " articles, not " + std::to_string(n);
        if (db.get_metadata(kRecipeKey) != want) return "made by another recipe ('" + db.get_metadata(kRecipeKey) + "')";
        rasd::Searcher probe(dir.string());  // the schema and analyzer must be this rasd's
        return "";
    } catch (const Xapian::Error& e) {
        return "unreadable: " + e.get_description();
    } catch (const std::exception& e) {
        return std::string("unusable: ") + e.what();
    }
}

// Built as an archive of kBuildShards shards written in parallel (rasd-index --shards), the
// fastest measured way to index; the compaction that follows merges them into one database.
void build_database(const fs::path& dir, std::size_t n, const std::vector<rasd::Article>& sources,
                    const std::string& made_by) {
    remove_database_dir(dir);
    const auto t0 = std::chrono::steady_clock::now();
    auto last_report = t0;
    std::size_t warnings = 0;
    std::size_t shards = 0;
    {
        rasd::ParallelIndexerOptions options;
        options.indexer.shards = kBuildShards;
        options.batch = kCommitEvery;
        rasd::ParallelIndexer indexer(dir.string(), options,
                                      [&](const rasd::Article&, const rasd::IndexedArticle& done) {
                                          warnings += done.warnings.size();
                                      });
        for (std::size_t i = 0; i < n; ++i) {
            indexer.add_or_replace(make_copy(sources[i % sources.size()], i / sources.size()));
            if (std::chrono::duration<double>(std::chrono::steady_clock::now() - last_report).count() >= kProgressSeconds) {
                last_report = std::chrono::steady_clock::now();
                const double s = seconds_since(t0);
                const double rate = static_cast<double>(i + 1) / s;
                std::cerr << "  indexed " << (i + 1) << "/" << n << " (" << fixed(rate, 0) << " articles/s, about "
                          << fixed(static_cast<double>(n - i - 1) / rate, 0) << " s left)\n";
            }
        }
        indexer.finish();
        shards = indexer.stats().shards;
    }
    for (std::size_t shard = 0; shard < shards; ++shard) {
        char name[32];
        std::snprintf(name, sizeof name, "shard-%02zu", shard);
        Xapian::WritableDatabase w((dir / name).string(), Xapian::DB_OPEN);
        w.set_metadata(kRecipeKey, made_by);
        w.commit();
    }
    const double s = seconds_since(t0);
    std::cout << "  built " << n << " articles in " << fixed(s, 1) << " s (" << fixed(static_cast<double>(n) / s, 0)
              << " articles/s, " << shards << " shards), " << fixed(mib(dir_bytes(dir)), 1) << " MiB; " << warnings
              << " metadata warnings\n";
}

void compact_database(const fs::path& from, const fs::path& to) {
    remove_database_dir(to);
    const auto t0 = std::chrono::steady_clock::now();
    Xapian::Database(from.string()).compact(to.string(), Xapian::Compactor::FULL);
    std::cout << "  compacted into " << to.string() << " in " << fixed(seconds_since(t0), 1) << " s, "
              << fixed(mib(dir_bytes(to)), 1) << " MiB\n";
}

// The compacted database of `n` articles, reused or made.
fs::path ensure_database(const fs::path& dir, std::size_t n, const std::vector<rasd::Article>& sources,
                         const std::string& made_by) {
    const fs::path compacted = dir.string() + "-compact";
    if (const std::string why = not_reusable(compacted, n, made_by); why.empty()) {
        std::cout << "  reused " << compacted.string() << " (" << n << " articles, same recipe), "
                  << fixed(mib(dir_bytes(compacted)), 1) << " MiB\n";
        return compacted;
    } else {
        std::cout << "  " << compacted.string() << ": " << why << "\n";
    }
    if (const std::string why = not_reusable(dir, n, made_by); why.empty()) {
        std::cout << "  reused " << dir.string() << " (" << n << " articles, same recipe); compacting it\n";
    } else {
        std::cout << "  " << dir.string() << ": " << why << "; building it\n";
        build_database(dir, n, sources, made_by);
    }
    compact_database(dir, compacted);
    return compacted;
}

// ---- the query mix ------------------------------------------------------------------------

enum class Shape { Word, Headline, Phrase, TextFilter, Filter };
constexpr Shape kAllShapes[kShapes] = {Shape::Word, Shape::Headline, Shape::Phrase, Shape::TextFilter, Shape::Filter};

const char* shape_name(Shape s) {
    switch (s) {
        case Shape::Word: return "word";
        case Shape::Headline: return "headline";
        case Shape::Phrase: return "phrase";
        case Shape::TextFilter: return "text+filter";
        case Shape::Filter: return "filter";
    }
    return "?";
}

std::string class_name(Shape s, bool facets) { return std::string(shape_name(s)) + (facets ? "+facets" : ""); }

// A filter in both languages: rasd's query syntax and the equivalent Xapian boolean query.
struct Filter {
    std::string rasd;
    Xapian::Query xapian;
};

Filter both(const Filter& a, const Filter& b) { return {a.rasd + " " + b.rasd, Xapian::Query(Xapian::Query::OP_AND, a.xapian, b.xapian)}; }

Filter topic_filter(const std::string& id) {
    return {"topic:" + id, Xapian::Query(std::string(rasd::schema::kTopicPrefix) + id)};
}

// A place is named in a query by its Arabic name (the query language resolves names and
// spellings, not gazetteer ids); the filter term holds the id.
Filter place_filter(const std::string& id) {
    const rasd::detail::Place* place = rasd::detail::Gazetteer::builtin().find(id);
    const std::string name = place ? "\"" + place->arabic + "\"" : id;
    return {"place:" + name, Xapian::Query(std::string(rasd::schema::kPlacePrefix) + id)};
}

int days_in_month(int y, int m) {
    constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Months "YYYYMM" from `first` to `last`: date:YYYY-MM..YYYY-MM, the value range rasd builds.
Filter month_filter(const std::string& first, const std::string& last) {
    auto shown = [](const std::string& yyyymm) { return yyyymm.substr(0, 4) + "-" + yyyymm.substr(4, 2); };
    const int y = std::stoi(last.substr(0, 4)), m = std::stoi(last.substr(4, 2));
    const std::string upper = last + zero_padded(days_in_month(y, m), 2);
    const std::string text = first == last ? "date:" + shown(first) : "date:" + shown(first) + ".." + shown(last);
    return {text, Xapian::Query(Xapian::Query::OP_VALUE_RANGE, rasd::schema::kDateSlot, first + "01", upper)};
}

Filter year_filter(const std::string& yyyy) {
    return {"date:" + yyyy, Xapian::Query(Xapian::Query::OP_VALUE_RANGE, rasd::schema::kDateSlot, yyyy + "0101", yyyy + "1231")};
}

struct BenchQuery {
    Shape shape = Shape::Word;
    std::string rasd;        // rasd's query string
    std::string free_text;   // what the baseline's QueryParser parses ("" for filters only)
    Xapian::Query filter;    // the baseline's boolean filter (empty: none)
    std::size_t source = 0;  // the article the text came from (known-item check for headlines)
};

// Filter values as the database has them.
struct FilterValues {
    std::vector<std::string> topics;  // every topic id
    std::vector<std::string> places;  // the kFilterPlaceChoices most frequent place ids
    std::vector<std::string> months;  // "YYYYMM", ascending
    std::vector<std::string> years;   // "YYYY", ascending
};

std::vector<std::pair<std::string, Xapian::doccount>> terms_under(const Xapian::Database& db, const std::string& prefix) {
    std::vector<std::pair<std::string, Xapian::doccount>> out;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        std::string value = (*it).substr(prefix.size());
        if (!value.empty() && value.front() == ':') value.erase(0, 1);  // Omega's capital-letter colon
        out.emplace_back(value, it.get_termfreq());
    }
    return out;
}

FilterValues filter_values(const Xapian::Database& db) {
    FilterValues v;
    for (const auto& [t, n] : terms_under(db, rasd::schema::kTopicPrefix)) v.topics.push_back(t);
    auto places = terms_under(db, rasd::schema::kPlacePrefix);
    std::stable_sort(places.begin(), places.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (std::size_t i = 0; i < places.size() && i < kFilterPlaceChoices; ++i) v.places.push_back(places[i].first);
    for (const auto& [m, n] : terms_under(db, rasd::schema::kMonthPrefix)) {
        if (m.size() == 6) v.months.push_back(m);
    }
    for (const auto& [y, n] : terms_under(db, rasd::schema::kYearPrefix)) {
        if (y.size() == 4) v.years.push_back(y);
    }
    return v;
}

// Filters on the topic, each place level and the year copy 0 of `id` was indexed with.
std::vector<Filter> own_filters(const Xapian::Database& db, const std::string& id) {
    std::vector<Filter> own;
    const std::string idterm = std::string(rasd::schema::kIdPrefix) + copy_id(id, 0);
    const auto post = db.postlist_begin(idterm);
    if (post == db.postlist_end(idterm)) return own;
    const Xapian::Document doc = db.get_document(*post);
    const std::string topic = rasd::schema::kTopicPrefix, place = rasd::schema::kPlacePrefix, year = rasd::schema::kYearPrefix;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string& t = *it;
        auto value = [&](const std::string& p) {
            std::string v = t.substr(p.size());
            if (!v.empty() && v.front() == ':') v.erase(0, 1);
            return v;
        };
        if (t.rfind(topic, 0) == 0) own.push_back(topic_filter(value(topic)));
        else if (t.rfind(place, 0) == 0) own.push_back(place_filter(value(place)));
        else if (t.size() == 1 + 4 && t.rfind(year, 0) == 0) own.push_back(year_filter(value(year)));  // Y + YYYY
    }
    return own;
}

std::vector<BenchQuery> make_mix(const std::vector<rasd::Article>& indexed, const Xapian::Database& db, std::size_t total,
                  std::uint32_t seed) {
    std::mt19937 rng(seed);
    rasd::Analyzer analyzer = rasd::make_analyzer(rasd::StemmerKind::Light);
    const FilterValues values = filter_values(db);
    check(!values.topics.empty() && !values.places.empty() && !values.months.empty() && !values.years.empty(),
          "the database has topics, places and dates to filter on");
    std::vector<BenchQuery> mix;
    auto any_article = [&] { return uniform_below(rng, static_cast<std::uint32_t>(indexed.size())); };
    for (std::size_t s = 0; s < kShapes; ++s) {
        const Shape shape = kAllShapes[s];
        const std::size_t count = total / kShapes + (s < total % kShapes ? 1 : 0);
        for (std::size_t q = 0; q < count; ++q) {
            BenchQuery bq;
            bq.shape = shape;
            for (std::size_t attempt = 0; bq.rasd.empty(); ++attempt) {
                if (attempt == kMaxDrawAttempts) throw std::runtime_error(std::string("cannot draw ") + shape_name(shape) + " queries");
                bq.source = any_article();
                const rasd::Article& a = indexed[bq.source];
                switch (shape) {
                    case Shape::Word: bq.free_text = content_word(analyzer, a.title, kMinWordLetters, rng); break;
                    case Shape::Headline:
                        bq.free_text = fragment(analyzer, a.title, kMinHeadlineWords, kMaxHeadlineWords, rng);
                        break;
                    case Shape::Phrase: {
                        const std::string words = fragment(analyzer, a.body, kMinPhraseWords, kMaxPhraseWords, rng);
                        if (words.empty()) break;
                        bq.rasd = "\"" + words + "\"";
                        // The space before the closing quote matters to QueryParser: a word
                        // followed by '"' is never stemmed, and an unstemmed, unprefixed term
                        // is not in a rasd database, so the phrase would cost nothing.
                        bq.free_text = "\"" + words + " \"";
                        break;
                    }
                    case Shape::TextFilter: {
                        const std::vector<Filter> own = own_filters(db, a.id);
                        if (own.empty()) break;
                        const Filter& f = pick(own, rng);
                        // Half single words, half short headline fragments.
                        const std::string text = q % 2 == 0
                                                     ? content_word(analyzer, a.title, kMinWordLetters, rng)
                                                     : fragment(analyzer, a.title, kMinComboWords, kMaxComboWords, rng);
                        if (text.empty()) break;
                        bq.free_text = text;
                        bq.filter = f.xapian;
                        bq.rasd = text + " " + f.rasd;
                        break;
                    }
                    case Shape::Filter: {
                        Filter f;
                        switch (q % 4) {  // topic, place, a month range, topic within a year
                            case 0: f = topic_filter(pick(values.topics, rng)); break;
                            case 1: f = place_filter(pick(values.places, rng)); break;
                            case 2: {
                                const std::size_t first = uniform_below(rng, static_cast<std::uint32_t>(values.months.size()));
                                const std::size_t last = std::min(values.months.size() - 1, first + uniform_in(rng, 0, kMaxMonthSpan - 1));
                                f = month_filter(values.months[first], values.months[last]);
                                break;
                            }
                            default: f = both(topic_filter(pick(values.topics, rng)), year_filter(pick(values.years, rng))); break;
                        }
                        bq.filter = f.xapian;
                        bq.rasd = f.rasd;
                        break;
                    }
                }
                if (shape == Shape::Word || shape == Shape::Headline) bq.rasd = bq.free_text;
            }
            mix.push_back(std::move(bq));
        }
    }
    return mix;
}

// ---- running queries ----------------------------------------------------------------------

// The baseline: plain Xapian on the same database. QueryParser with Stem("arabic") and
// STEM_SOME_FULL_POS, which is STEM_SOME (the default) except that words in phrases are stemmed
// too: under STEM_SOME they stay unstemmed and unprefixed, terms a rasd database does not have,
// and a phrase would cost nothing. Default BM25Weight; the stored data of each hit is read.
//
// With `snippets`, each hit also gets a snippet made as rasd makes it (the body from the stored
// JSON, MSet::snippet with the background model, exhaustive, 200 bytes, here with Snowball's
// stems): a diagnostic of how much of rasd's time goes to snippets.
struct Baseline {
    Xapian::Database db;
    Xapian::QueryParser parser;
    Xapian::Stem stem{"arabic"};
    Xapian::doccount doccount = 0;

    explicit Baseline(const std::string& path) : db(path), doccount(db.get_doccount()) {
        parser.set_stemmer(stem);
        parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME_FULL_POS);
    }

    struct Outcome {
        Xapian::doccount matches = 0;
        std::uint64_t sink = 0;  // bytes and counts read, so nothing is optimized away
    };

    Outcome run(const BenchQuery& q, bool facets, bool snippets = false) {
        Xapian::Enquire enquire(db);
        if (q.free_text.empty()) {  // filters only: the same list as rasd's, newest first
            enquire.set_query(q.filter);
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            enquire.set_sort_by_value(rasd::schema::kDateSlot, true);
        } else {
            Xapian::Query query = parser.parse_query(q.free_text);
            if (!q.filter.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, q.filter);
            enquire.set_query(query);
        }
        using namespace rasd::schema;
        Xapian::ValueCountMatchSpy topic(kTopicSlot), country(kCountrySlot), city(kCitySlot), year(kYearSlot),
            month(kMonthSlot);
        if (facets) {
            for (auto* spy : {&topic, &country, &city, &year, &month}) enquire.add_matchspy(spy);
        }
        // Facets count the whole match set, as rasd's do.
        const Xapian::MSet mset = enquire.get_mset(0, kPageSize, facets ? doccount : 0);
        Outcome out;
        out.matches = mset.get_matches_estimated();
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            const std::string data = it.get_document().get_data();
            out.sink += data.size();
            if (snippets) {
                const json stored = json::parse(data, nullptr, false);
                const std::string body = stored.is_object() ? stored.value("body", std::string()) : std::string();
                out.sink += mset.snippet(body, kSnippetBytes, stem,
                                         Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE, "[", "]", "…")
                                .size();
            }
        }
        if (facets) {
            const auto top = static_cast<Xapian::termcount>(kFacetLimit);
            for (auto* spy : {&topic, &country, &city}) {
                for (auto it = spy->top_values_begin(top); it != spy->top_values_end(top); ++it) out.sink += it.get_termfreq();
            }
            for (auto* spy : {&year, &month}) {
                for (auto it = spy->values_begin(); it != spy->values_end(); ++it) out.sink += it.get_termfreq();
            }
        }
        return out;
    }

    // The exact number of matches of a filter (untimed; for the check).
    Xapian::doccount exact_count(const Xapian::Query& filter) {
        Xapian::Enquire enquire(db);
        enquire.set_query(filter);
        const Xapian::MSet mset = enquire.get_mset(0, 0, doccount);
        return mset.get_matches_estimated();
    }
};

rasd::SearchOptions rasd_options(bool facets) {
    rasd::SearchOptions o;  // limit 10, snippets of 200 bytes: rasd-search's defaults
    o.limit = kPageSize;
    o.snippet_length = kSnippetBytes;
    o.facet_limit = kFacetLimit;
    o.facets = facets;
    return o;
}

struct Run {
    std::size_t query = 0;
    bool facets = false;
};

std::size_t class_index(Shape s, bool facets) { return static_cast<std::size_t>(s) * 2 + (facets ? 1 : 0); }

struct Samples {
    std::vector<double> rasd_ms, base_ms, snip_ms;  // snip: the baseline plus snippets
    double rasd_matches = 0, base_matches = 0;  // sums over the warm-up pass
    std::size_t queries = 0;
};

// ---- main ---------------------------------------------------------------------------------

struct Options {
    std::size_t articles = kDefaultArticles;
    std::string db;
    std::size_t queries = kDefaultQueries;
    std::uint32_t seed = kDefaultSeed;
    std::size_t repeat = kDefaultRepeat;
    std::size_t source_articles = 0;
    std::vector<std::string> inputs;
};

Options parse_options(int argc, char** argv) {
    Options o;
    for (ArgReader args(argc, argv); args.next();) {
        const std::string& arg = args.arg();
        if (arg == "--articles") o.articles = parse_count(args.value());
        else if (arg == "--db") o.db = args.value();
        else if (arg == "--queries") o.queries = parse_count(args.value());
        else if (arg == "--seed") o.seed = static_cast<std::uint32_t>(parse_count(args.value()));
        else if (arg == "--repeat") o.repeat = parse_count(args.value());
        else if (arg == "--source-articles") o.source_articles = parse_count(args.value());
        else if (!arg.empty() && arg[0] == '-') throw std::invalid_argument("unknown option " + arg);
        else o.inputs.push_back(arg);
    }
    if (o.articles == 0 || o.queries < kShapes || o.repeat == 0) {
        throw std::invalid_argument("--articles and --repeat must be positive, --queries at least 5");
    }
    if (o.db.empty()) o.db = std::string(kDefaultDbRoot) + "/db-" + std::to_string(o.articles);
    if (o.inputs.empty()) o.inputs = default_ant_inputs();
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    try {
        opt = parse_options(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "bench_latency: " << e.what() << "\n"
                  << "usage: bench_latency [--articles N] [--db DIR] [--queries Q] [--seed S] [--repeat R]\n"
                     "                     [--source-articles M] [INPUT...]\n";
        return 2;
    }
    if (skip_missing_input("bench_latency", opt.inputs)) return 0;
    return run_bench_main("bench_latency", [&] {
        // 1. The articles (untimed).
        std::vector<rasd::Article> sources;
        std::size_t problems = 0;
        for (const std::string& input : opt.inputs) {
            rasd::read_articles(
                input,
                [&](rasd::Article&& a) {
                    if (opt.source_articles != 0 && sources.size() >= opt.source_articles) return;
                    a.origin.clear();
                    sources.push_back(std::move(a));
                },
                [&](const rasd::ReadProblem& p) {
                    if (++problems <= 5) std::cerr << "  read problem (article skipped): " << p.message() << "\n";
                });
        }
        check(!sources.empty(), "articles were read");
        for (const rasd::Article& a : sources) {
            check(copy_id(a.id, opt.articles).size() <= rasd::kMaxArticleIdBytes, "copy ids stay within rasd's id limit");
        }
        const std::size_t copies = (opt.articles + sources.size() - 1) / sources.size();
        std::cout << "bench_latency: " << sources.size() << " articles read (" << problems << " skipped); database of "
                  << opt.articles << " = up to " << copies << " copies of each\n";

        // 2. The database.
        const std::string made_by = recipe(opt.inputs, sources.size(), opt.articles);
        const fs::path searched = ensure_database(opt.db, opt.articles, sources, made_by);

        // 3. The query mix, from the articles actually indexed.
        rasd::Searcher searcher(searched.string());
        Baseline baseline(searched.string());
        check(baseline.doccount == opt.articles, "the database holds --articles articles");
        const std::vector<rasd::Article> indexed(sources.begin(),
                                                 sources.begin() + static_cast<std::ptrdiff_t>(std::min(sources.size(), opt.articles)));
        const std::vector<BenchQuery> queries = make_mix(indexed, baseline.db, opt.queries, opt.seed);
        std::vector<Run> runs;
        for (std::size_t q = 0; q < queries.size(); ++q) {
            runs.push_back({q, false});
            runs.push_back({q, true});
        }
        {
            std::mt19937 order(opt.seed + 1);  // classes interleaved, so drifting load hits all alike
            shuffle(runs, order);
        }
        std::vector<Samples> samples(kShapes * 2);
        std::cout << "\n  query mix (seed " << opt.seed << "): " << queries.size() << " query strings, each with and without facets = "
                  << runs.size() << " searches per side per pass\n";
        for (const Run& r : runs) ++samples[class_index(queries[r.query].shape, r.facets)].queries;
        for (Shape s : kAllShapes) {
            for (bool f : {false, true}) {
                std::cout << "    " << lpad(class_name(s, f), 20) << samples[class_index(s, f)].queries << "\n";
            }
        }

        // 4. Warm-up pass (untimed), which also runs the self-checks.
        std::size_t headlines = 0, headlines_found = 0, words_without_hit = 0, facet_sums_bad = 0, filter_counts_bad = 0;
        std::size_t filter_estimates = 0, filter_estimates_off = 0;  // filter-only, no facets, > kRasdExactUpTo
        double worst_estimate_error = 0;
        std::string first_failure;
        auto note = [&](std::size_t& counter, const std::string& what) {
            if (counter++ == 0 && first_failure.empty()) first_failure = what;
        };
        for (const Run& r : runs) {
            const BenchQuery& q = queries[r.query];
            rasd::SearchResults res;
            try {
                res = searcher.search(q.rasd, rasd_options(r.facets));
            } catch (const rasd::InvalidArgument& e) {
                throw CheckFailed("rasd refused a generated query (" + std::string(e.what()) + ")");
            }
            const Baseline::Outcome base = baseline.run(q, r.facets);
            Samples& s = samples[class_index(q.shape, r.facets)];
            s.rasd_matches += static_cast<double>(res.total.estimated);
            s.base_matches += static_cast<double>(base.matches);
            if (q.shape == Shape::Word && res.hits.empty()) note(words_without_hit, "title word '" + q.rasd + "' found nothing");
            if (q.shape == Shape::Headline && !r.facets) {
                ++headlines;
                const std::string& want = indexed[q.source].id;
                if (std::any_of(res.hits.begin(), res.hits.end(), [&](const rasd::SearchHit& h) { return source_id(h.id) == want; })) {
                    ++headlines_found;
                }
            }
            if (r.facets) {
                std::size_t topics = 0, years = 0;
                for (const auto& v : res.facets.topic) topics += v.count;
                for (const auto& v : res.facets.year) years += v.count;
                if (!res.has_facets || topics > res.total.estimated || years > res.total.estimated) {
                    note(facet_sums_bad, "facet counts of '" + q.rasd + "' exceed its total");
                }
            }
            if (q.shape == Shape::Filter) {
                // Exact with facets (rasd counts the whole match set) and up to kRasdExactUpTo
                // without; above that, an estimate whose bounds must hold the exact count.
                const Xapian::doccount exact = baseline.exact_count(q.filter);
                const bool must_be_exact = r.facets || exact <= kRasdExactUpTo;
                const bool ok = must_be_exact ? res.total.estimated == exact
                                              : res.total.lower <= exact && exact <= res.total.upper;
                if (!ok) {
                    note(filter_counts_bad, "'" + q.rasd + "'" + (r.facets ? " with facets" : "") + ": rasd counts " +
                                                std::to_string(res.total.estimated) + " [" + std::to_string(res.total.lower) +
                                                ", " + std::to_string(res.total.upper) + "], Xapian exactly " +
                                                std::to_string(exact));
                }
                if (!must_be_exact) {
                    ++filter_estimates;
                    if (res.total.estimated != exact) {
                        ++filter_estimates_off;
                        const double off = std::abs(static_cast<double>(res.total.estimated) - exact) / exact;
                        worst_estimate_error = std::max(worst_estimate_error, off);
                    }
                }
            }
        }
        const double known_item_rate = headlines == 0 ? 0.0 : static_cast<double>(headlines_found) / static_cast<double>(headlines);

        // 5. Timed passes: each search is timed alone; which side goes first alternates.
        std::cout << "\n  load average before the timed passes: " << loadavg() << "\n";
        std::uint64_t sink = 0;
        const auto timed0 = std::chrono::steady_clock::now();
        for (std::size_t pass = 0; pass < opt.repeat; ++pass) {
            for (std::size_t i = 0; i < runs.size(); ++i) {
                const Run& r = runs[i];
                const BenchQuery& q = queries[r.query];
                Samples& s = samples[class_index(q.shape, r.facets)];
                auto time_rasd = [&] {
                    const auto t0 = std::chrono::steady_clock::now();
                    const rasd::SearchResults res = searcher.search(q.rasd, rasd_options(r.facets));
                    s.rasd_ms.push_back(seconds_since(t0) * 1000.0);
                    sink += res.hits.size();
                };
                auto time_base = [&] {
                    const auto t0 = std::chrono::steady_clock::now();
                    const Baseline::Outcome out = baseline.run(q, r.facets);
                    s.base_ms.push_back(seconds_since(t0) * 1000.0);
                    sink += out.sink;
                };
                auto time_snip = [&] {
                    const auto t0 = std::chrono::steady_clock::now();
                    const Baseline::Outcome out = baseline.run(q, r.facets, true);
                    s.snip_ms.push_back(seconds_since(t0) * 1000.0);
                    sink += out.sink;
                };
                // Which goes first rotates: the first of three may find colder caches.
                switch ((i + pass) % 3) {
                    case 0: time_rasd(); time_base(); time_snip(); break;
                    case 1: time_base(); time_snip(); time_rasd(); break;
                    default: time_snip(); time_rasd(); time_base(); break;
                }
            }
        }
        const double timed_s = seconds_since(timed0);
        std::cout << "  load average after: " << loadavg() << "; timed passes took " << fixed(timed_s, 1) << " s (" << opt.repeat
                  << " passes; checksum " << sink % 1000 << ")\n";

        // 6. Report.
        struct Row {
            std::string name;
            const Samples* samples;
            LatencyStats rasd, base, snip;
            double rasd_matches = 0, base_matches = 0;  // means; 0 for the pooled row
        };
        std::vector<Row> table;
        Samples pooled;  // every free-text class with facets: the p95 target
        for (Shape shape : kAllShapes) {
            for (bool f : {false, true}) {
                const Samples& s = samples[class_index(shape, f)];
                const auto queries = static_cast<double>(s.queries);
                table.push_back({class_name(shape, f), &s, latency_stats(s.rasd_ms), latency_stats(s.base_ms),
                                 latency_stats(s.snip_ms), s.rasd_matches / queries, s.base_matches / queries});
                if (f && shape != Shape::Filter) {
                    for (auto [from, to] : {std::pair{&s.rasd_ms, &pooled.rasd_ms}, std::pair{&s.base_ms, &pooled.base_ms},
                                            std::pair{&s.snip_ms, &pooled.snip_ms}}) {
                        to->insert(to->end(), from->begin(), from->end());
                    }
                }
            }
        }
        const Row pooled_row{"**free text + facets**", &pooled, latency_stats(pooled.rasd_ms), latency_stats(pooled.base_ms),
                             latency_stats(pooled.snip_ms), 0, 0};

        std::cout << "\n## Latency at " << opt.articles << " articles (ms; " << opt.repeat << " timed passes)\n\n"
                  << "| class | n | rasd p50 | rasd p95 | rasd p99 | rasd mean | base p50 | base p95 | base p99 | base mean "
                     "| ratio p50 | ratio p95 | rasd matches | base matches |\n"
                  << "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";
        auto ms = [](double v) { return fixed(v, 2); };
        auto print_row = [&](const Row& r) {
            std::cout << "| " << r.name << " | " << r.rasd.n << " | " << ms(r.rasd.p50) << " | " << ms(r.rasd.p95) << " | "
                      << ms(r.rasd.p99) << " | " << ms(r.rasd.mean) << " | " << ms(r.base.p50) << " | " << ms(r.base.p95) << " | "
                      << ms(r.base.p99) << " | " << ms(r.base.mean) << " | " << ms(r.rasd.p50 / r.base.p50) << " | "
                      << ms(r.rasd.p95 / r.base.p95) << " | ";
            if (r.samples == &pooled) {
                std::cout << " |  |\n";
            } else {
                std::cout << fixed(r.rasd_matches, 0) << " | " << fixed(r.base_matches, 0) << " |\n";
            }
        };
        for (const Row& r : table) print_row(r);
        print_row(pooled_row);
        std::cout << "\n  base: plain Xapian QueryParser (Stem(\"arabic\")), get_mset(0, 10), stored data of the hits read;\n"
                     "  facet classes add ValueCountMatchSpy on slots 1-5 over the whole match set. ratio: rasd / base.\n"
                     "  matches: mean get_matches_estimated() in the warm-up pass (exact with facets and for filters only;\n"
                     "  without facets rasd counts exactly up to "
                  << kRasdExactUpTo << " and the baseline estimates).\n";

        std::cout << "\n### Diagnostic: the baseline plus snippets made as rasd makes them (ms)\n\n"
                  << "| class | base+snippets p50 | base+snippets p95 | rasd / (base+snippets) p50 | rasd / (base+snippets) p95 |\n"
                  << "|---|---:|---:|---:|---:|\n";
        auto print_snippet_row = [&](const Row& r) {
            std::cout << "| " << r.name << " | " << ms(r.snip.p50) << " | " << ms(r.snip.p95) << " | "
                      << ms(r.rasd.p50 / r.snip.p50) << " | " << ms(r.rasd.p95 / r.snip.p95) << " |\n";
        };
        for (const Row& r : table) print_snippet_row(r);
        print_snippet_row(pooled_row);

        bool ratios_met = true;
        const Row* worst = &table.front();
        for (const Row& r : table) {
            const double ratio = r.rasd.p95 / r.base.p95;
            if (ratio > kTargetMaxRatio) ratios_met = false;
            if (ratio > worst->rasd.p95 / worst->base.p95) worst = &r;
        }
        const bool p95_met = pooled_row.rasd.p95 < kTargetP95Ms;
        std::cout << "\n  targets:\n"
                  << "    free text with facets, p95 < " << fixed(kTargetP95Ms, 0) << " ms at " << opt.articles
                  << " articles: " << ms(pooled_row.rasd.p95) << " ms: " << (p95_met ? "met" : "NOT MET") << "\n"
                  << "    every class p95 <= " << fixed(kTargetMaxRatio, 0) << "x the baseline's: worst " << worst->name << " "
                  << ms(worst->rasd.p95 / worst->base.p95) << "x: " << (ratios_met ? "met" : "NOT MET") << "\n";
        if (opt.articles < kDefaultArticles) {
            std::cout << "    (the targets are stated for " << kDefaultArticles << " articles; this run has " << opt.articles << ")\n";
        }

        std::cout << "\n  checks:\n"
                  << "    title words without a hit: " << words_without_hit << "\n"
                  << "    headlines with a copy of their article in rasd's top 10: " << headlines_found << "/" << headlines << " ("
                  << fixed(100.0 * known_item_rate, 1) << "%, need " << fixed(100.0 * kMinKnownItemRate, 0) << "%)\n"
                  << "    facet results whose topic or year counts exceed the total: " << facet_sums_bad << "\n"
                  << "    filter-only totals that disagree with Xapian's exact count: " << filter_counts_bad << "\n"
                  << "    (filter-only without facets over " << kRasdExactUpTo << " matches: " << filter_estimates
                  << " searches, of which " << filter_estimates_off << " estimated rather than exact, worst off by "
                  << fixed(100.0 * worst_estimate_error, 1) << "%)\n";

        json rows = json::array();
        for (const Row& r : table) {
            rows.push_back({{"class", r.name}, {"queries", r.samples->queries}, {"rasd", stats_json(r.rasd)},
                            {"baseline", stats_json(r.base)}, {"baseline_snippets", stats_json(r.snip)},
                            {"ratio_p50", r.rasd.p50 / r.base.p50}, {"ratio_p95", r.rasd.p95 / r.base.p95},
                            {"rasd_mean_matches", r.rasd_matches}, {"baseline_mean_matches", r.base_matches}});
        }
        json j = {{"bench", "latency"},
                  {"articles", opt.articles},
                  {"source_articles", sources.size()},
                  {"database", searched.string()},
                  {"recipe", made_by},
                  {"queries", queries.size()},
                  {"searches_per_pass", runs.size()},
                  {"seed", opt.seed},
                  {"repeat", opt.repeat},
                  {"classes", rows},
                  {"free_text_facets",
                   {{"rasd", stats_json(pooled_row.rasd)}, {"baseline", stats_json(pooled_row.base)},
                    {"baseline_snippets", stats_json(pooled_row.snip)}}},
                  {"target_p95_met", p95_met},
                  {"target_ratio_met", ratios_met},
                  {"known_item_rate", known_item_rate},
                  {"filter_estimates", filter_estimates},
                  {"filter_estimates_off", filter_estimates_off},
                  {"timed_seconds", timed_s}};
        std::cout << "\n" << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";

        check(words_without_hit == 0 && facet_sums_bad == 0 && filter_counts_bad == 0, first_failure);
        check(known_item_rate >= kMinKnownItemRate, "only " + fixed(100.0 * known_item_rate, 1) +
                                                         "% of the headlines found their article in the top 10");
        return 0;
    });
}

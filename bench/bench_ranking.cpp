// bench_ranking: ranking quality of rasd as a known-item task on the ANT multisource articles.
// The query is an article's headline, the target is the article, and headlines are left out of
// the index. Reports MRR@10, success@1 and success@10 per stemmer (light, snowball, none), then
// experiments with ranking ideas that need no library change: BM25 parameters (the query
// reproduced with plain Xapian on the rasd database), stop words and proximity of adjacent
// words added to the query, and the lede (the first N words of the body indexed once more,
// through Article.abstract, on top of the library's own lede weighting).
//
// Usage: bench_ranking [--reuse] [--only NAME[,NAME...]] [--no-grid]
//                      [CORPUS.jsonl.xz [WORKDIR [JUDGED_CORPUS_DIR]]]
//
//   CORPUS         ANT JSON-lines file (default: ant_multisource_v2.1.jsonl.xz next to the repo,
//                  see bench/CMakeLists.txt). Missing file: SKIP, exit 0.
//   WORKDIR        where the databases go (default /tmp/rasd-bench-ranking); one subdirectory
//                  per database variant, removed and rebuilt unless --reuse.
//   JUDGED_CORPUS_DIR  a folder with articles, queries.tsv and qrels.tsv (default: the
//                  repository's corpus/); every variant is also scored on its judgments, in
//                  ordinary use (titles indexed). "-" = skip.
//   --reuse        keep a variant's database if WORKDIR/<variant>.built says it was built from
//                  the same input with the same recipe (for repeated runs while experimenting).
//   --only LIST    build and evaluate only these database variants (names as in the table).
//   --no-grid      skip the BM25 parameter grid.
//
// Query set: every article read whose headline (the `title`, compared as an exact string,
// counted over all articles read) occurs once and has at least 4 whitespace-separated words.
// Their indices (in file order) are shuffled with a Fisher-Yates shuffle driven by
// std::mt19937 seeded with 20261128 (i from n-1 down to 1, j uniform in [0, i] by rejection
// sampling of raw 32-bit outputs, so the sample is the same with any standard library), and
// the first 1000 are the queries.
//
// Queries are made plain free text: the query-syntax characters " « » “ ” „ ( ) : * + - are
// replaced by spaces and the words AND, OR, NOT (capitals) are lower-cased, so a headline such
// as `عاجل: "داعش" يتبنى...` is a bag of words, never a phrase, a field or an exclusion.
//
// Self-checks (exit 1 with "bench_ranking: CHECK FAILED: ..."): exactly 1000 queries; every
// database holds one document per article and each target id; the plain-Xapian reproduction
// of the query gives, with BM25's default parameters, exactly the ranks rasd::Searcher gives
// (and, on the judged corpus, exactly the Searcher's top 10 for every query).
// Exit codes: 0 ok/skip, 1 self-check failed, 2 usage, input or run error.

#include "bench_support.hpp"
#include "query_sample.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/analysis/token.hpp>
#include <rasd/analyzer_factory.hpp>
#include <rasd/article.hpp>
#include <rasd/article_reader.hpp>
#include <rasd/error.hpp>
#include <rasd/indexer.hpp>
#include <rasd/searcher.hpp>

// Internal headers (read only), to run the judged queries exactly as rasd parses them.
#include "archive/schema.hpp"
#include "archive/stored_article.hpp"
#include "archive/term_codec.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/query_syntax.hpp"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#ifndef RASD_BENCH_DEFAULT_CORPUS
#define RASD_BENCH_DEFAULT_CORPUS "../shared/data/ant/ant_multisource_v2.1.jsonl.xz"
#endif
#ifndef RASD_BENCH_JUDGED_CORPUS
#define RASD_BENCH_JUDGED_CORPUS "corpus"
#endif

namespace fs = std::filesystem;

namespace {

constexpr std::size_t kQueries = 1000;
constexpr std::uint32_t kSeed = 20261128;
constexpr std::size_t kMinHeadlineWords = 4;
constexpr std::size_t kDepth = 10;  // MRR@10, success@10
constexpr const char* kRecipeVersion = "1";  // bump when make_article() changes

using namespace rasd::bench;  // the helpers of bench_support.hpp, query_sample.hpp

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_ascii_space(text[i])) ++i;
        const std::size_t start = i;
        while (i < text.size() && !is_ascii_space(text[i])) ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    return words;
}

std::string first_words(std::string_view text, std::size_t n) {
    std::string out;
    std::size_t taken = 0;
    for (std::string_view w : split_words(text)) {
        if (taken == n) break;
        if (!out.empty()) out += ' ';
        out += w;
        ++taken;
    }
    return out;
}

// The headline as plain free text for rasd's query language (see the header comment).
std::string plain_query(const std::string& headline) {
    static const std::vector<std::string> kSyntax = {"\"", "«", "»", "“", "”", "„", "(", ")", ":", "*", "+", "-"};
    std::string text = headline;
    for (const std::string& s : kSyntax) {
        for (std::size_t at = text.find(s); at != std::string::npos; at = text.find(s, at + 1)) {
            text.replace(at, s.size(), std::string(s.size(), ' '));
        }
    }
    std::string out;
    for (std::string_view w : split_words(text)) {
        std::string word(w);
        if (word == "AND" || word == "OR" || word == "NOT") {
            for (char& c : word) c = static_cast<char>(c - 'A' + 'a');
        }
        if (!out.empty()) out += ' ';
        out += word;
    }
    return out;
}

// ---- collections and query sets ---------------------------------------------------------

struct QuerySet {
    std::vector<std::size_t> docs;   // article indices of the queries, in sample order
    std::vector<std::string> texts;  // their headlines as plain free text
};

struct Collection {
    std::string path;
    std::vector<rasd::Article> articles;
    std::size_t problems = 0;
    std::size_t candidates = 0;  // unique headlines with >= 4 words
    QuerySet queries;            // the first `sample` of the shuffled candidates
    QuerySet holdout;            // the next `sample`: checks that what was tuned carries over
};

Collection read_collection(const std::string& path, std::size_t sample) {
    Collection c;
    c.path = path;
    rasd::read_articles(
        path, [&](rasd::Article&& a) { c.articles.push_back(std::move(a)); },
        [&](const rasd::ReadProblem& p) {
            if (++c.problems <= 5) std::cout << "  read problem (article skipped): " << p.message() << "\n";
        });
    std::unordered_map<std::string, std::size_t> headline_count;
    for (const rasd::Article& a : c.articles) ++headline_count[a.title];
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < c.articles.size(); ++i) {
        const std::string& t = c.articles[i].title;
        if (headline_count[t] == 1 && split_words(t).size() >= kMinHeadlineWords) candidates.push_back(i);
    }
    c.candidates = candidates.size();
    std::mt19937 rng(kSeed);
    shuffle(candidates, rng);
    for (std::size_t k = 0; k < candidates.size() && k < 2 * sample; ++k) {
        QuerySet& set = k < sample ? c.queries : c.holdout;
        set.docs.push_back(candidates[k]);
        set.texts.push_back(plain_query(c.articles[candidates[k]].title));
    }
    return c;
}

// ---- database variants ------------------------------------------------------------------

struct DbVariant {
    std::string name;
    rasd::StemmerKind stemmer = rasd::StemmerKind::Light;
    bool keep_abstract = true;    // false: Article.abstract emptied
    std::size_t lede_words = 0;   // first N body words appended to the abstract...
    int lede_copies = 0;          // ...this many times (each copy adds 1 to their wdf), on top of
                                  // what the library does (since af34a4d: the first 40 body words
                                  // already count twice)
    std::string describe() const {
        std::string d = "stemmer " + rasd::to_string(stemmer) + (keep_abstract ? ", abstract kept" : ", abstract dropped");
        if (lede_words > 0) {
            d += ", first " + std::to_string(lede_words) + " body words +" + std::to_string(lede_copies);
        }
        return d;
    }
};

std::vector<DbVariant> all_variants() {
    using K = rasd::StemmerKind;
    return {
        {"light", K::Light, true, 0, 0},
        {"snowball", K::Snowball, true, 0, 0},
        {"none", K::None, true, 0, 0},
        {"light-lede20", K::Light, true, 20, 1},
        {"light-lede40", K::Light, true, 40, 1},
        {"light-lede60", K::Light, true, 60, 1},
        {"light-lede40x2", K::Light, true, 40, 2},
        {"light-noabs", K::Light, false, 0, 0},
        {"light-noabs-lede40", K::Light, false, 40, 1},
        {"snowball-lede40", K::Snowball, true, 40, 1},
    };
}

rasd::Article make_article(const rasd::Article& source, const DbVariant& v) {
    rasd::Article a = source;
    a.title.clear();  // headlines are left out of the index
    if (!v.keep_abstract) a.abstract.clear();
    if (v.lede_words > 0) {
        const std::string lede = first_words(a.body, v.lede_words);
        for (int i = 0; i < v.lede_copies; ++i) a.abstract += (a.abstract.empty() ? "" : "\n") + lede;
    }
    return a;
}

std::string recipe(const Collection& c, const DbVariant& v) {
    std::error_code ec;
    const auto size = fs::file_size(c.path, ec);
    return "recipe " + std::string(kRecipeVersion) + "; schema " + rasd::schema::kSchemaVersion + ", analyzer " +
           rasd::make_analyzer(v.stemmer).signature() + "; " + v.describe() + "; input " + c.path + " (" +
           std::to_string(ec ? 0 : size) + " bytes, " + std::to_string(c.articles.size()) + " articles)";
}

// Builds (or with `reuse`, keeps) the database; returns the indexing time (0 if reused).
double build_db(const Collection& c, const DbVariant& v, const fs::path& dir, bool reuse) {
    const fs::path marker = dir.string() + ".built";
    const std::string want = recipe(c, v);
    if (reuse && fs::exists(dir) && fs::exists(marker)) {
        std::ifstream in(marker);
        std::string have;
        std::getline(in, have);
        if (have == want) return 0.0;
    }
    fs::remove(marker);
    fs::remove_all(dir);
    const auto t0 = std::chrono::steady_clock::now();
    {
        rasd::Indexer indexer(dir.string(), rasd::IndexerOptions{v.stemmer});
        for (const rasd::Article& a : c.articles) (void)indexer.add_or_replace(make_article(a, v));
        indexer.commit();
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::ofstream(marker) << want << "\n";
    return seconds;
}

// ---- metrics ------------------------------------------------------------------------------

using Ranks = std::vector<int>;  // 1-based rank of the target in the top 10, 0 = not there

struct Metrics {
    double mrr = 0, s1 = 0, s10 = 0;
};

Metrics metrics(const Ranks& ranks) {
    Metrics m;
    if (ranks.empty()) return m;
    for (int r : ranks) {
        if (r > 0) {
            m.mrr += 1.0 / r;
            m.s10 += 1;
            if (r == 1) m.s1 += 1;
        }
    }
    const double n = static_cast<double>(ranks.size());
    m.mrr /= n;
    m.s1 /= n;
    m.s10 /= n;
    return m;
}

// Paired comparison of two rank lists: MRR difference with a bootstrap 95% interval.
struct Paired {
    double delta = 0, low = 0, high = 0;
    int better = 0, worse = 0;
};

Paired compare(const Ranks& base, const Ranks& other) {
    Paired p;
    const std::size_t n = base.size();
    std::vector<double> d(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double a = base[i] > 0 ? 1.0 / base[i] : 0.0;
        const double b = other[i] > 0 ? 1.0 / other[i] : 0.0;
        d[i] = b - a;
        p.delta += d[i];
        p.better += b > a;
        p.worse += b < a;
    }
    if (n == 0) return p;
    p.delta /= static_cast<double>(n);
    std::mt19937 rng(kSeed);
    constexpr int kResamples = 2000;
    std::vector<double> means;
    means.reserve(kResamples);
    for (int r = 0; r < kResamples; ++r) {
        double s = 0;
        for (std::size_t i = 0; i < n; ++i) s += d[uniform_below(rng, static_cast<std::uint32_t>(n))];
        means.push_back(s / static_cast<double>(n));
    }
    std::sort(means.begin(), means.end());
    p.low = means[static_cast<std::size_t>(kResamples * 0.025)];
    p.high = means[static_cast<std::size_t>(kResamples * 0.975) - 1];
    return p;
}

// ---- the two ways of running a query ----------------------------------------------------

struct SearcherRun {
    Ranks ranks;
    double mean_ms = 0;
    std::size_t refused = 0;  // queries rasd refused (e.g. only stop words)
};

SearcherRun run_searcher(const Collection& c, const QuerySet& qs, const fs::path& dir) {
    rasd::Searcher searcher(dir.string());
    rasd::SearchOptions options;
    options.limit = kDepth;
    SearcherRun run;
    double total = 0;
    for (std::size_t q = 0; q < qs.docs.size(); ++q) {
        const std::string& target = c.articles[qs.docs[q]].id;
        int rank = 0;
        const auto t0 = std::chrono::steady_clock::now();
        try {
            const rasd::SearchResults results = searcher.search(qs.texts[q], options);
            for (const rasd::SearchHit& hit : results.hits) {
                if (hit.id == target) {
                    rank = static_cast<int>(hit.rank);
                    break;
                }
            }
        } catch (const rasd::InvalidArgument& e) {
            if (++run.refused <= 3) std::cout << "    refused: " << e.what() << "\n";
        }
        total += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        run.ranks.push_back(rank);
    }
    run.mean_ms = qs.docs.empty() ? 0 : total / static_cast<double>(qs.docs.size());
    return run;
}

// A query's terms as query_builder.cpp makes them for free text: each whitespace-separated
// word analyzed on its own, stop words dropped, "Z" + stem. Kept besides, for the query-shape
// experiments: the stop words as the index holds them ("Z" + folded form, schema 2) and the
// pairs of stems adjacent in the headline (stop words skipped).
struct QueryTerms {
    std::vector<std::string> stems;       // "Z" + stem, in query order (repeats kept)
    std::vector<std::string> stop_words;  // "Z" + folded form of the stop words
};

std::vector<QueryTerms> query_terms(const QuerySet& qs, rasd::StemmerKind kind) {
    rasd::Analyzer analyzer = rasd::make_analyzer(kind);
    std::vector<QueryTerms> out;
    for (const std::string& text : qs.texts) {
        QueryTerms t;
        for (std::string_view word : split_words(text)) {
            for (const rasd::Token& token : analyzer.analyze(word)) {
                if (token.is_stop_word) {
                    t.stop_words.push_back(rasd::schema::word_term(token.folded));
                } else {
                    t.stems.push_back(rasd::schema::word_term(token.stem));
                }
            }
        }
        out.push_back(std::move(t));
    }
    return out;
}

enum class QueryShape {
    Stems,      // what rasd::Searcher runs
    StemsStop,  // + the stop words
    NearHalf,   // + each adjacent pair of stems within 4 positions (any order), at half weight
    NearFull,   // the same at full weight
};

constexpr Xapian::termcount kNearWindow = 4;

const char* to_string(QueryShape s) {
    switch (s) {
        case QueryShape::Stems: return "stems (rasd)";
        case QueryShape::StemsStop: return "stems + stop words";
        case QueryShape::NearHalf: return "stems + adjacent pairs NEAR/4 x0.5";
        case QueryShape::NearFull: return "stems + adjacent pairs NEAR/4 x1";
    }
    return "?";
}

Xapian::Query or_of(const std::vector<Xapian::Query>& parts) {
    if (parts.empty()) return Xapian::Query();
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query make_query(const QueryTerms& t, QueryShape shape) {
    std::vector<Xapian::Query> parts;
    for (const std::string& term : t.stems) parts.emplace_back(term);
    if (shape == QueryShape::StemsStop) {
        for (const std::string& term : t.stop_words) parts.emplace_back(term);
    }
    if (shape == QueryShape::NearHalf || shape == QueryShape::NearFull) {
        std::vector<Xapian::Query> pairs;
        for (std::size_t i = 0; i + 1 < t.stems.size(); ++i) {
            if (t.stems[i] == t.stems[i + 1]) continue;
            const Xapian::Query both[] = {Xapian::Query(t.stems[i]), Xapian::Query(t.stems[i + 1])};
            pairs.emplace_back(Xapian::Query::OP_NEAR, std::begin(both), std::end(both), kNearWindow);
        }
        if (!pairs.empty()) {
            const double factor = shape == QueryShape::NearHalf ? 0.5 : 1.0;
            parts.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, or_of(pairs), factor);
        }
    }
    return or_of(parts);
}

struct Bm25 {
    double k1 = 1, k2 = 0, k3 = 1, b = 0.5, min_normlen = 0.5;  // Xapian::BM25Weight() defaults
};

// The parameters rasd::Searcher uses (searcher/searcher.cpp, kBm25*; k1 2.0 and b 0.75 since
// af34a4d, Xapian's defaults before). The reproduction check fails if they drift apart.
Bm25 library_bm25() {
    Bm25 w;
    w.k1 = 2.0;
    w.b = 0.75;
    return w;
}

class DirectRunner {
public:
    DirectRunner(const Collection& c, const QuerySet& qs, const fs::path& dir, rasd::StemmerKind kind)
        : m_db(dir.string()), m_terms(query_terms(qs, kind)) {
        for (std::size_t q : qs.docs) {
            const std::string term = rasd::schema::id_term(c.articles[q].id);
            Xapian::PostingIterator p = m_db.postlist_begin(term);
            m_targets.push_back(p == m_db.postlist_end(term) ? 0 : *p);
        }
    }
    const std::vector<Xapian::docid>& targets() const { return m_targets; }
    const Xapian::Database& db() const { return m_db; }

    Ranks run(const Bm25& w, QueryShape shape, double* mean_ms = nullptr) {
        Xapian::Enquire enquire(m_db);
        enquire.set_weighting_scheme(Xapian::BM25Weight(w.k1, w.k2, w.k3, w.b, w.min_normlen));
        Ranks ranks;
        const auto t0 = std::chrono::steady_clock::now();
        for (std::size_t q = 0; q < m_terms.size(); ++q) {
            const Xapian::Query query = make_query(m_terms[q], shape);
            int rank = 0;
            if (!query.empty()) {
                enquire.set_query(query);
                const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(kDepth));
                for (auto it = mset.begin(); it != mset.end(); ++it) {
                    if (*it == m_targets[q]) {
                        rank = static_cast<int>(it.get_rank()) + 1;
                        break;
                    }
                }
            }
            ranks.push_back(rank);
        }
        if (mean_ms && !m_terms.empty()) {
            *mean_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() /
                       static_cast<double>(m_terms.size());
        }
        return ranks;
    }

private:
    Xapian::Database m_db;
    std::vector<QueryTerms> m_terms;
    std::vector<Xapian::docid> m_targets;
};

// k1 2.5 and 3.0 extend the grid the issue asked for, whose best cell was on its k1 = 2.0 edge.
const std::vector<double> kGridK1 = {0.6, 0.9, 1.2, 1.5, 2.0, 2.5, 3.0};
const std::vector<double> kGridB = {0.3, 0.5, 0.75, 0.9};

// The cells of the grid, k1 major.
std::vector<Bm25> grid_cells() {
    std::vector<Bm25> cells;
    for (double k1 : kGridK1) {
        for (double b : kGridB) {
            Bm25 w;
            w.k1 = k1;
            w.b = b;
            cells.push_back(w);
        }
    }
    return cells;
}

// One cell for every variant, so variants compare at the same parameters (the best cell of
// `light` in every run made while writing this bench; now also the library's).
Bm25 common_cell() {
    Bm25 w;
    w.k1 = 2.0;
    w.b = 0.75;
    return w;
}

std::string metrics_cells(const Metrics& m) {
    return rpad(fixed(m.mrr, 4), 8) + rpad(fixed(m.s1, 3), 7) + rpad(fixed(m.s10, 3), 7);
}

// ---- one database variant, evaluated ------------------------------------------------------

struct ShapeResult {
    std::string name;
    Metrics at_default, at_best, holdout_best;
};

struct VariantResult {
    DbVariant variant;
    double index_s = 0;
    std::size_t docs = 0;
    SearcherRun searcher;
    double direct_ms = 0;
    Metrics grid_best;
    Bm25 best;
    std::map<std::pair<double, double>, Metrics> grid;
    std::vector<ShapeResult> shapes;                      // query-shape experiments
    std::map<std::string, Ranks> ranks;                   // for paired comparisons
    Metrics holdout_default, holdout_best;                // on the held-out queries
};

VariantResult evaluate(const Collection& c, const DbVariant& v, const fs::path& workdir, bool reuse, bool grid,
                       bool verbose) {
    VariantResult r;
    r.variant = v;
    const fs::path dir = workdir / v.name;
    r.index_s = build_db(c, v, dir, reuse);

    DirectRunner direct(c, c.queries, dir, v.stemmer);
    r.docs = direct.db().get_doccount();
    check(r.docs == c.articles.size(), v.name + ": database holds " + std::to_string(r.docs) + " documents, " +
                                           std::to_string(c.articles.size()) + " articles were read");
    for (std::size_t q = 0; q < c.queries.docs.size(); ++q) {
        const std::string& id = c.articles[c.queries.docs[q]].id;
        check(direct.targets()[q] != 0, v.name + ": target id '" + id + "' not in the database");
        check(direct.db().get_termfreq(rasd::schema::id_term(id)) == 1, v.name + ": target id '" + id + "' is not unique");
    }

    r.searcher = run_searcher(c, c.queries, dir);
    r.ranks["searcher"] = r.searcher.ranks;
    const Ranks reproduced = direct.run(library_bm25(), QueryShape::Stems, &r.direct_ms);
    std::size_t differ = 0;
    for (std::size_t q = 0; q < reproduced.size(); ++q) differ += reproduced[q] != r.searcher.ranks[q];
    check(differ == 0, v.name + ": the plain-Xapian reproduction ranks " + std::to_string(differ) +
                           " targets differently from rasd::Searcher (MRR " + fixed(metrics(reproduced).mrr, 4) +
                           " vs " + fixed(metrics(r.searcher.ranks).mrr, 4) +
                           "); do library_bm25() and the analyzer still match the library?");
    r.best = library_bm25();
    r.ranks["xapian-defaults"] = direct.run(Bm25{}, QueryShape::Stems);

    r.grid_best = metrics(reproduced);
    if (grid) {
        for (const Bm25& w : grid_cells()) {
            const Ranks ranks = direct.run(w, QueryShape::Stems);
            const Metrics m = metrics(ranks);
            r.grid[{w.k1, w.b}] = m;
            if (m.mrr > r.grid_best.mrr) {
                r.grid_best = m;
                r.best = w;
                r.ranks["best-bm25"] = ranks;
            }
        }
    }
    if (r.ranks.find("best-bm25") == r.ranks.end()) r.ranks["best-bm25"] = reproduced;
    r.ranks["common"] = direct.run(common_cell(), QueryShape::Stems);
    std::unique_ptr<DirectRunner> hold;
    if (!c.holdout.docs.empty()) hold = std::make_unique<DirectRunner>(c, c.holdout, dir, v.stemmer);
    for (QueryShape s : {QueryShape::StemsStop, QueryShape::NearHalf, QueryShape::NearFull}) {
        ShapeResult sr;
        sr.name = to_string(s);
        sr.at_default = metrics(direct.run(library_bm25(), s));
        sr.at_best = metrics(direct.run(r.best, s));
        if (hold) sr.holdout_best = metrics(hold->run(r.best, s));
        r.shapes.push_back(sr);
    }
    if (hold) {
        for (Xapian::docid target : hold->targets()) check(target != 0, v.name + ": a held-out target is not in the database");
        r.ranks["holdout-default"] = hold->run(library_bm25(), QueryShape::Stems);
        r.ranks["holdout-best"] = hold->run(r.best, QueryShape::Stems);
        r.ranks["holdout-common"] = hold->run(common_cell(), QueryShape::Stems);
        r.holdout_default = metrics(r.ranks["holdout-default"]);
        r.holdout_best = metrics(r.ranks["holdout-best"]);
    }
    if (verbose) {
        const Metrics s = metrics(r.searcher.ranks);
        std::cout << "  " << lpad(v.name, 20) << " indexed in " << fixed(r.index_s, 1) << " s" << (r.index_s == 0 ? " (reused)" : "")
                  << "; Searcher MRR@10 " << fixed(s.mrr, 4) << " S@1 " << fixed(s.s1, 3) << " S@10 " << fixed(s.s10, 3)
                  << ", " << fixed(r.searcher.mean_ms, 2) << " ms/query; reproduction identical; best BM25 k1 "
                  << fixed(r.best.k1, 1) << " b " << fixed(r.best.b, 2) << " MRR " << fixed(r.grid_best.mrr, 4) << "\n";
    }
    return r;
}

// ---- the judged corpus (corpus/queries.tsv + qrels.tsv) ----------------------------------
//
// Ordinary use: titles indexed, queries in rasd's query language. The query is built by rasd's
// own (internal) parser and builder, then run by Xapian::Enquire with any BM25 parameters; at the
// defaults the top 10 must be exactly rasd::Searcher's.

struct Judged {
    std::vector<rasd::Article> articles;
    std::vector<std::pair<std::string, std::string>> queries;     // qid, query
    std::map<std::string, std::map<std::string, int>> qrels;      // qid -> doc id -> grade
    std::size_t judged_queries = 0, relevant = 0, must = 0;
};

Judged read_judged(const fs::path& dir) {
    Judged j;
    std::vector<fs::path> inputs;
    for (const fs::directory_entry& e : fs::directory_iterator(dir)) {
        const std::string name = e.path().filename().string();
        if (e.is_directory() || (rasd::is_supported_input_name(name) && name != "README.md")) inputs.push_back(e.path());
    }
    std::sort(inputs.begin(), inputs.end());
    for (const fs::path& input : inputs) {
        rasd::read_articles(
            input.string(), [&](rasd::Article&& a) { j.articles.push_back(std::move(a)); },
            [&](const rasd::ReadProblem& p) { std::cout << "  judged corpus read problem: " << p.message() << "\n"; });
    }
    std::ifstream queries(dir / "queries.tsv");
    for (std::string line; std::getline(queries, line);) {
        if (line.empty() || line[0] == '#') continue;
        const std::size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        j.queries.emplace_back(line.substr(0, tab), line.substr(tab + 1));
    }
    std::ifstream qrels(dir / "qrels.tsv");
    for (std::string line; std::getline(qrels, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream in(line);
        std::string qid, iter, doc;
        int grade = 0;
        if (in >> qid >> iter >> doc >> grade && grade > 0) j.qrels[qid][doc] = grade;
    }
    for (const auto& [qid, text] : j.queries) {
        const auto it = j.qrels.find(qid);
        if (it == j.qrels.end()) continue;
        ++j.judged_queries;
        for (const auto& [doc, grade] : it->second) {
            ++j.relevant;
            j.must += grade >= 2;
        }
    }
    return j;
}

struct JudgedVariant {
    DbVariant variant;   // stemmer and lede recipe (titles are kept here)
    int title_weight = 3;  // 3 = rasd's; 5 = the title twice more in the abstract; 1 = title moved to the abstract
    Bm25 tuned;          // the ANT-tuned parameters of this variant
};

rasd::Article make_judged_article(const rasd::Article& source, const JudgedVariant& jv) {
    rasd::Article a = make_article(source, jv.variant);
    a.title = source.title;
    if (jv.title_weight == 1) {
        a.abstract = source.title + (a.abstract.empty() ? "" : "\n") + a.abstract;
        a.title.clear();
    } else {
        for (int i = 3; i < jv.title_weight; ++i) a.abstract = source.title + (a.abstract.empty() ? "" : "\n") + a.abstract;
    }
    return a;
}

struct JudgedMetrics {
    double mrr = 0, recall = 0;
    std::size_t must_found = 0, must_total = 0;
};

struct JudgedResult {
    JudgedMetrics at_default, at_tuned;
    std::map<std::pair<double, double>, JudgedMetrics> grid;
};

using TopIds = std::vector<std::vector<std::string>>;

JudgedMetrics judge(const Judged& j, const TopIds& top) {
    JudgedMetrics m;
    std::size_t n = 0;
    for (std::size_t q = 0; q < j.queries.size(); ++q) {
        const auto it = j.qrels.find(j.queries[q].first);
        if (it == j.qrels.end()) continue;
        ++n;
        std::size_t found = 0;
        bool first = true;
        for (std::size_t r = 0; r < top[q].size(); ++r) {
            const auto g = it->second.find(top[q][r]);
            if (g == it->second.end()) continue;
            if (first) m.mrr += 1.0 / static_cast<double>(r + 1);
            first = false;
            ++found;
            m.must_found += g->second >= 2;
        }
        m.recall += static_cast<double>(found) / static_cast<double>(it->second.size());
        for (const auto& [doc, grade] : it->second) m.must_total += grade >= 2;
    }
    if (n > 0) {
        m.mrr /= static_cast<double>(n);
        m.recall /= static_cast<double>(n);
    }
    return m;
}

TopIds run_judged(const Judged& j, const fs::path& dir, rasd::StemmerKind kind, const Bm25& w) {
    Xapian::Database db(dir.string());
    rasd::Analyzer analyzer = rasd::make_analyzer(kind);
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BM25Weight(w.k1, w.k2, w.k3, w.b, w.min_normlen));
    TopIds top;
    for (const auto& [qid, text] : j.queries) {
        std::vector<std::string> ids;
        try {
            const rasd::detail::QueryNode syntax = rasd::detail::parse_query_syntax(text);
            const rasd::detail::BuiltQuery built = rasd::detail::build_query(syntax, {}, analyzer);
            if (built.has_text() || built.has_filters()) {
                enquire.set_query(built.combined());
                // As the Searcher orders: ties by article id, lists newest first by date then id.
                if (built.has_text()) {
                    enquire.set_sort_by_relevance_then_value(rasd::schema::kIdSlot, false);
                } else {
                    enquire.set_sort_by_value_then_relevance(rasd::schema::kDateIdSlot, true);
                }
                const Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(kDepth));
                for (auto it = mset.begin(); it != mset.end(); ++it) {
                    ids.push_back(rasd::schema::StoredArticle::from_data(it.get_document().get_data()).id);
                }
            }
        } catch (const rasd::InvalidArgument&) {
            // the Searcher refuses it too (checked below)
        }
        top.push_back(std::move(ids));
    }
    return top;
}

JudgedResult evaluate_judged(const Judged& j, const JudgedVariant& jv, const fs::path& workdir, bool grid) {
    const fs::path dir = workdir / (jv.variant.name + "-tw" + std::to_string(jv.title_weight));
    fs::remove_all(dir);
    {
        rasd::Indexer indexer(dir.string(), rasd::IndexerOptions{jv.variant.stemmer});
        for (const rasd::Article& a : j.articles) (void)indexer.add_or_replace(make_judged_article(a, jv));
        indexer.commit();
    }
    // The reproduction must be rasd::Searcher at BM25's defaults.
    const TopIds reproduced = run_judged(j, dir, jv.variant.stemmer, library_bm25());
    {
        rasd::Searcher searcher(dir.string());
        rasd::SearchOptions options;
        options.limit = kDepth;
        for (std::size_t q = 0; q < j.queries.size(); ++q) {
            std::vector<std::string> ids;
            try {
                for (const rasd::SearchHit& hit : searcher.search(j.queries[q].second, options).hits) ids.push_back(hit.id);
            } catch (const rasd::InvalidArgument&) {
            }
            check(ids == reproduced[q], jv.variant.name + ": judged query " + j.queries[q].first +
                                            " gives another top 10 through rasd::Searcher than through its reproduction");
        }
    }
    JudgedResult r;
    r.at_default = judge(j, reproduced);
    r.at_tuned = judge(j, run_judged(j, dir, jv.variant.stemmer, jv.tuned));
    if (grid) {
        for (const Bm25& w : grid_cells()) r.grid[{w.k1, w.b}] = judge(j, run_judged(j, dir, jv.variant.stemmer, w));
    }
    return r;
}

std::vector<std::string> split_list(const std::string& list) {
    std::vector<std::string> out;
    std::stringstream ss(list);
    for (std::string item; std::getline(ss, item, ',');) {
        if (!item.empty()) out.push_back(item);
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    bool reuse = false, grid = true;
    std::vector<std::string> only;
    std::vector<std::string> positional;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--reuse") {
            reuse = true;
        } else if (arg == "--no-grid") {
            grid = false;
        } else if (arg == "--only" && i + 1 < argc) {
            only = split_list(argv[++i]);
        } else if (arg.starts_with("--")) {
            std::cerr << "usage: bench_ranking [--reuse] [--only NAME[,NAME...]] [--no-grid] "
                         "[CORPUS.jsonl.xz [WORKDIR [JUDGED_CORPUS_DIR|-]]]\n";
            return 2;
        } else {
            positional.push_back(arg);
        }
    }
    const std::string path = positional.size() > 0 ? positional[0] : RASD_BENCH_DEFAULT_CORPUS;
    const fs::path workdir = positional.size() > 1 ? positional[1] : "/tmp/rasd-bench-ranking";
    const std::string judged_dir = positional.size() > 2 ? positional[2] : RASD_BENCH_JUDGED_CORPUS;

    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        std::cout << "bench_ranking: SKIP: " << path << " not found\n";
        return 0;
    }
    std::vector<DbVariant> variants;
    for (const DbVariant& v : all_variants()) {
        if (only.empty() || std::find(only.begin(), only.end(), v.name) != only.end()) variants.push_back(v);
    }
    if (variants.empty()) {
        std::cerr << "bench_ranking: --only matches no variant (names:";
        for (const DbVariant& v : all_variants()) std::cerr << " " << v.name;
        std::cerr << ")\n";
        return 2;
    }

    return run_bench_main("bench_ranking", [&] {
        fs::create_directories(workdir);
        const Collection c = read_collection(path, kQueries);
        std::size_t words = 0;
        for (std::size_t q : c.queries.docs) words += split_words(c.articles[q].title).size();
        std::cout << "bench_ranking: " << path << "\n"
                  << "  articles read: " << c.articles.size() << " (" << c.problems << " records skipped)"
                  << ", unique headlines with >= " << kMinHeadlineWords << " words: " << c.candidates
                  << ", queries: " << c.queries.docs.size() << " (seed " << kSeed << "), held-out queries: "
                  << c.holdout.docs.size() << ", mean headline words: "
                  << fixed(c.queries.docs.empty() ? 0.0 : static_cast<double>(words) / static_cast<double>(c.queries.docs.size()), 2)
                  << "\n  databases under " << workdir.string() << "\n";
        check(c.queries.docs.size() == kQueries, "expected exactly " + std::to_string(kQueries) + " queries, got " +
                                                     std::to_string(c.queries.docs.size()));
        {
            std::unordered_set<std::string> ids;
            for (const rasd::Article& a : c.articles) ids.insert(a.id);
            check(ids.size() == c.articles.size(), "article ids are not unique: " + std::to_string(ids.size()) +
                                                       " distinct of " + std::to_string(c.articles.size()));
        }
        std::size_t changed = 0;
        for (std::size_t q = 0; q < c.queries.docs.size(); ++q) changed += c.queries.texts[q] != c.articles[c.queries.docs[q]].title;
        std::cout << "  headlines changed by the plain-text rewrite (syntax characters, spacing): " << changed << "\n";

        std::vector<VariantResult> results;
        for (const DbVariant& v : variants) results.push_back(evaluate(c, v, workdir, reuse, grid, true));

        // ---- report ---------------------------------------------------------------------
        const VariantResult* base = nullptr;
        for (const VariantResult& r : results) {
            if (r.variant.name == "light") base = &r;
        }
        std::cout << "\n  rasd::Searcher (BM25 k1 " << fixed(library_bm25().k1, 1) << " b " << fixed(library_bm25().b, 2) << "), "
                  << c.queries.docs.size() << " known-item queries; last columns: plain Xapian with Xapian's BM25 defaults (k1 1, b 0.5)\n"
                  << "  variant                  MRR@10    S@1   S@10  ms/query  dMRR vs light [95% CI]   +/-        k1 1 b 0.5\n";
        for (const VariantResult& r : results) {
            const Metrics m = metrics(r.searcher.ranks);
            std::string cmp;
            if (base && &r != base) {
                const Paired p = compare(base->searcher.ranks, r.searcher.ranks);
                cmp = "  " + fixed(p.delta, 4) + " [" + fixed(p.low, 4) + ", " + fixed(p.high, 4) + "]  " +
                      std::to_string(p.better) + "/" + std::to_string(p.worse);
            }
            std::cout << "  " << lpad(r.variant.name, 22) << metrics_cells(m) << rpad(fixed(r.searcher.mean_ms, 2), 10)
                      << lpad(cmp, 38) << metrics_cells(metrics(r.ranks.at("xapian-defaults"))) << "\n";
        }
        if (grid) {
            for (const VariantResult& r : results) {
                std::cout << "\n  BM25 grid, " << r.variant.name << " (MRR@10; rows k1, columns b; k2 0, k3 1, min_normlen 0.5)\n"
                          << "     k1 \\ b";
                for (double b : kGridB) std::cout << rpad(fixed(b, 2), 8);
                std::cout << "\n";
                for (double k1 : kGridK1) {
                    std::cout << "  " << rpad(fixed(k1, 1), 8) << " ";
                    for (double b : kGridB) std::cout << rpad(fixed(r.grid.at({k1, b}).mrr, 4), 8);
                    std::cout << "\n";
                }
                const Paired p = compare(r.searcher.ranks, r.ranks.at("best-bm25"));
                std::cout << "  best: k1 " << fixed(r.best.k1, 1) << " b " << fixed(r.best.b, 2) << ": "
                          << metrics_cells(r.grid_best) << "  (dMRR vs library " << fixed(p.delta, 4) << " ["
                          << fixed(p.low, 4) << ", " << fixed(p.high, 4) << "], " << p.better << "/" << p.worse << ")\n";
            }
        }
        if (!c.holdout.docs.empty()) {
            std::cout << "\n  held-out queries (" << c.holdout.docs.size()
                      << " more, disjoint): the library's BM25 vs the parameters tuned above\n"
                      << "  variant                library MRR    S@1   S@10 | tuned  MRR    S@1   S@10 | dMRR library vs light [95% CI]\n";
            for (const VariantResult& r : results) {
                std::string cmp;
                if (base && &r != base) {
                    const Paired p = compare(base->ranks.at("holdout-default"), r.ranks.at("holdout-default"));
                    cmp = "  " + fixed(p.delta, 4) + " [" + fixed(p.low, 4) + ", " + fixed(p.high, 4) + "]  " +
                          std::to_string(p.better) + "/" + std::to_string(p.worse);
                }
                std::cout << "  " << lpad(r.variant.name, 22) << "    " << metrics_cells(r.holdout_default) << "  | k1 "
                          << fixed(r.best.k1, 1) << " b " << fixed(r.best.b, 2) << metrics_cells(r.holdout_best) << " |" << cmp
                          << "\n";
            }
        }
        if (base && !c.holdout.docs.empty()) {
            std::cout << "\n  every variant at k1 " << fixed(common_cell().k1, 1) << " b " << fixed(common_cell().b, 2)
                      << " (MRR@10 S@1 S@10; dMRR vs light at the same cell [95% CI], better/worse)\n"
                      << "  variant                queries                                          held-out\n";
            for (const VariantResult& r : results) {
                std::string line = "  " + lpad(r.variant.name, 22);
                for (const char* key : {"common", "holdout-common"}) {
                    line += metrics_cells(metrics(r.ranks.at(key)));
                    if (&r != base) {
                        const Paired p = compare(base->ranks.at(key), r.ranks.at(key));
                        line += lpad("  " + fixed(p.delta, 4) + " [" + fixed(p.low, 4) + ", " + fixed(p.high, 4) + "] " +
                                         std::to_string(p.better) + "/" + std::to_string(p.worse),
                                     44);
                    } else {
                        line += std::string(44, ' ');
                    }
                }
                std::cout << line << "\n";
            }
        }
        std::cout << "\n  query shapes (plain Xapian on the same databases; MRR@10 S@1 S@10)\n"
                  << "  variant             shape                                 library BM25          "
                  << "tuned BM25            tuned, held-out\n";
        for (const VariantResult& r : results) {
            std::cout << "  " << lpad(r.variant.name, 20) << lpad("stems (rasd)", 36) << metrics_cells(metrics(r.searcher.ranks))
                      << metrics_cells(r.grid_best) << metrics_cells(r.holdout_best) << "\n";
            for (const ShapeResult& sr : r.shapes) {
                std::cout << "  " << lpad(r.variant.name, 20) << lpad(sr.name, 36) << metrics_cells(sr.at_default)
                          << metrics_cells(sr.at_best) << metrics_cells(sr.holdout_best) << "\n";
            }
        }

        // ---- the judged corpus ------------------------------------------------------------
        nlohmann::json judged_json = nullptr;
        std::vector<std::pair<std::string, std::map<std::pair<double, double>, JudgedMetrics>>> judged_grids;
        if (judged_dir != "-" && fs::is_regular_file(fs::path(judged_dir) / "qrels.tsv", ec) &&
            fs::is_regular_file(fs::path(judged_dir) / "queries.tsv", ec)) {
            const Judged j = read_judged(judged_dir);
            std::cout << "\n  judged corpus " << judged_dir << ": " << j.articles.size() << " articles, " << j.queries.size()
                      << " queries, " << j.judged_queries << " with judgments (" << j.relevant << " relevant, "
                      << j.must << " must-finds); titles indexed (weight 3 unless said)\n"
                      << "  variant                  BM25            MRR@10  R@10  must-finds\n";
            judged_json = nlohmann::json::array();
            std::vector<JudgedVariant> jvs;
            for (const VariantResult& r : results) jvs.push_back({r.variant, 3, r.best});
            for (int tw : {1, 5}) {
                DbVariant v = all_variants().front();
                v.name = "light-title" + std::to_string(tw);
                jvs.push_back({v, tw, library_bm25()});
            }
            for (const JudgedVariant& jv : jvs) {
                const JudgedResult jr = evaluate_judged(j, jv, workdir / "judged", grid);
                auto row = [&](const std::string& label, const JudgedMetrics& m) {
                    std::cout << "  " << lpad(jv.variant.name, 22) << " " << lpad(label, 14) << rpad(fixed(m.mrr, 4), 8)
                              << rpad(fixed(m.recall, 3), 6) << rpad(std::to_string(m.must_found), 6) << "/" << m.must_total
                              << "\n";
                };
                row("library", jr.at_default);
                row("k1 " + fixed(jv.tuned.k1, 1) + " b " + fixed(jv.tuned.b, 2), jr.at_tuned);
                nlohmann::json g = nlohmann::json::array();
                for (const auto& [kb, m] : jr.grid) g.push_back({kb.first, kb.second, m.mrr, m.recall, m.must_found});
                judged_json.push_back({{"variant", jv.variant.name},      {"title_weight", jv.title_weight},
                                       {"mrr10", jr.at_default.mrr},       {"recall10", jr.at_default.recall},
                                       {"must_found", jr.at_default.must_found}, {"must_total", jr.at_default.must_total},
                                       {"tuned_k1", jv.tuned.k1},          {"tuned_b", jv.tuned.b},
                                       {"tuned_mrr10", jr.at_tuned.mrr},   {"tuned_recall10", jr.at_tuned.recall},
                                       {"tuned_must_found", jr.at_tuned.must_found}, {"grid_k1_b_mrr_r10_must", g}});
                judged_grids.emplace_back(jv.variant.name, jr.grid);
            }
            if (grid) {
                for (const auto& [name, g] : judged_grids) {
                    std::cout << "\n  judged corpus BM25 grid, " << name << " (MRR@10, R@10, must-finds; rows k1, columns b)\n"
                              << "     k1 \\ b";
                    for (double b : kGridB) std::cout << rpad(fixed(b, 2), 20);
                    std::cout << "\n";
                    for (double k1 : kGridK1) {
                        std::cout << "  " << rpad(fixed(k1, 1), 8) << " ";
                        for (double b : kGridB) {
                            const JudgedMetrics& m = g.at({k1, b});
                            std::cout << rpad(fixed(m.mrr, 4) + " " + fixed(m.recall, 3) + " " + std::to_string(m.must_found), 20);
                        }
                        std::cout << "\n";
                    }
                }
            }
        } else if (judged_dir != "-") {
            std::cout << "\n  judged corpus: " << judged_dir << " has no queries.tsv and qrels.tsv; skipped\n";
        }

        nlohmann::json out = {{"bench", "ranking"},     {"corpus", path},           {"articles", c.articles.size()},
                              {"skipped", c.problems},  {"candidates", c.candidates}, {"queries", c.queries.docs.size()},
                              {"seed", kSeed},          {"judged_corpus", judged_json}};
        nlohmann::json vs = nlohmann::json::array();
        for (const VariantResult& r : results) {
            const Metrics m = metrics(r.searcher.ranks);
            nlohmann::json g = nlohmann::json::array();
            for (const auto& [kb, gm] : r.grid) g.push_back({kb.first, kb.second, gm.mrr, gm.s1, gm.s10});
            nlohmann::json shapes = nlohmann::json::array();
            for (const ShapeResult& sr : r.shapes) {
                shapes.push_back({{"shape", sr.name},
                                  {"default", {sr.at_default.mrr, sr.at_default.s1, sr.at_default.s10}},
                                  {"tuned", {sr.at_best.mrr, sr.at_best.s1, sr.at_best.s10}},
                                  {"tuned_holdout", {sr.holdout_best.mrr, sr.holdout_best.s1, sr.holdout_best.s10}}});
            }
            vs.push_back({{"name", r.variant.name},
                          {"recipe", r.variant.describe()},
                          {"index_s", r.index_s},
                          {"mrr10", m.mrr},
                          {"s1", m.s1},
                          {"s10", m.s10},
                          {"searcher_ms", r.searcher.mean_ms},
                          {"direct_ms", r.direct_ms},
                          {"refused", r.searcher.refused},
                          {"best_k1", r.best.k1},
                          {"best_b", r.best.b},
                          {"best_mrr10", r.grid_best.mrr},
                          {"library_k1_b", {library_bm25().k1, library_bm25().b}},
                          {"xapian_defaults_mrr10", metrics(r.ranks.at("xapian-defaults")).mrr},
                          {"holdout_mrr10", r.holdout_default.mrr},
                          {"holdout_best_mrr10", r.holdout_best.mrr},
                          {"common_k1_b", {common_cell().k1, common_cell().b}},
                          {"common_mrr10", metrics(r.ranks.at("common")).mrr},
                          {"holdout_common_mrr10", r.ranks.count("holdout-common") ? metrics(r.ranks.at("holdout-common")).mrr : 0.0},
                          {"grid_k1_b_mrr_s1_s10", g},
                          {"shapes", shapes}});
        }
        out["variants"] = vs;
        std::cout << "\n" << out.dump() << "\n";
        return 0;
    });
}

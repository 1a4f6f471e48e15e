#include "judged_corpus.hpp"

#include "bench_main.hpp"
#include "ranking_collection.hpp"

#include "archive/schema.hpp"
#include "knowledge/gazetteer.hpp"
#include "knowledge/topics.hpp"
#include "searcher/alias_expansion.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/query_syntax.hpp"

#include <rasd/analyzer_factory.hpp>
#include <rasd/article_reader.hpp>
#include <rasd/error.hpp>
#include <rasd/indexer.hpp>
#include <rasd/searcher.hpp>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <sstream>
#include <system_error>

namespace fs = std::filesystem;

namespace rasd::bench::ranking {

namespace {

constexpr int kMustGrade = 2;

using TopIds = std::vector<std::vector<std::string>>;

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
            m.must_found += g->second >= kMustGrade;
        }
        m.recall += static_cast<double>(found) / static_cast<double>(it->second.size());
        for (const auto& [doc, grade] : it->second) m.must_total += grade >= kMustGrade;
    }
    if (n > 0) {
        m.mrr /= static_cast<double>(n);
        m.recall /= static_cast<double>(n);
    }
    return m;
}

// The top-10 ids of every query, through rasd's parser and builder and Xapian::Enquire.
TopIds run_judged(const Judged& j, const fs::path& dir, rasd::StemmerKind kind, const Bm25& w) {
    Xapian::Database db(dir.string());
    rasd::Analyzer analyzer = rasd::make_analyzer(kind);
    const rasd::detail::AliasExpander aliases =
        rasd::detail::make_alias_expander(db.get_metadata(rasd::schema::kAliasesKey), dir.string(), analyzer);
    Xapian::Enquire enquire(db);
    enquire.set_weighting_scheme(Xapian::BM25Weight(w.k1, w.k2, w.k3, w.b, w.min_normlen));
    TopIds top;
    for (const auto& [qid, text] : j.queries) {
        std::vector<std::string> ids;
        try {
            const rasd::detail::QueryNode syntax = rasd::detail::parse_query_syntax(text);
            const rasd::detail::BuiltQuery built =
                rasd::detail::build_query(syntax, {}, analyzer, rasd::detail::Gazetteer::builtin(),
                                          rasd::detail::TopicTaxonomy::builtin(), nullptr, &aliases);
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
                    const nlohmann::json data = nlohmann::json::parse(it.get_document().get_data(), nullptr, false);
                    ids.push_back(data.is_object() ? data.value("id", std::string()) : std::string());
                }
            }
        } catch (const rasd::InvalidArgument&) {
            // the Searcher refuses it too (checked by evaluate_judged)
        }
        top.push_back(std::move(ids));
    }
    return top;
}

// The top-10 ids of every query through rasd::Searcher (none for a query it refuses), with or
// without re-ranking by passage.
TopIds searcher_top(const Judged& j, const fs::path& dir, bool passage) {
    rasd::Searcher searcher(dir.string());
    rasd::SearchOptions options;
    options.limit = kDepth;
    options.passage = passage;
    TopIds top;
    for (const auto& [qid, text] : j.queries) {
        std::vector<std::string> ids;
        try {
            for (const rasd::SearchHit& hit : searcher.search(text, options).hits) ids.push_back(hit.id);
        } catch (const rasd::InvalidArgument&) {
        }
        top.push_back(std::move(ids));
    }
    return top;
}

}  // namespace

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
            j.must += grade >= kMustGrade;
        }
    }
    return j;
}

bool is_judged_corpus(const fs::path& dir) {
    std::error_code ec;
    return fs::is_regular_file(dir / "qrels.tsv", ec) && fs::is_regular_file(dir / "queries.tsv", ec);
}

JudgedResult evaluate_judged(const Judged& j, const JudgedVariant& jv, const fs::path& workdir, bool grid) {
    const fs::path dir = workdir / (jv.variant.name + "-tw" + std::to_string(jv.title_weight));
    fs::remove_all(dir);
    {
        rasd::Indexer indexer(dir.string(), rasd::IndexerOptions{jv.variant.stemmer});
        for (const rasd::Article& a : j.articles) (void)indexer.add_or_replace(make_judged_article(a, jv));
        indexer.commit();
    }
    // The reproduction must be rasd::Searcher at the library's parameters (BM25 alone).
    const TopIds reproduced = run_judged(j, dir, jv.variant.stemmer, library_bm25());
    const TopIds searched = searcher_top(j, dir, false);
    for (std::size_t q = 0; q < j.queries.size(); ++q) {
        check(searched[q] == reproduced[q], jv.variant.name + ": judged query " + j.queries[q].first +
                                                " gives another top 10 through rasd::Searcher than through its reproduction");
    }
    JudgedResult r;
    r.at_default = judge(j, reproduced);
    r.at_tuned = judge(j, run_judged(j, dir, jv.variant.stemmer, jv.tuned));
    r.with_passage = judge(j, searcher_top(j, dir, true));
    if (grid) {
        for (const Bm25& w : grid_cells()) r.grid[{w.k1, w.b}] = judge(j, run_judged(j, dir, jv.variant.stemmer, w));
    }
    return r;
}

}  // namespace rasd::bench::ranking

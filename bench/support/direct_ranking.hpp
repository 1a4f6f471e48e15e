#pragma once
// The ranking benchmark's plain-Xapian reproduction of rasd's free-text query on a rasd
// database, with any BM25 parameters and with query shapes rasd does not make (stop words,
// proximity of adjacent words), so that ranking ideas can be tried without a library change.

#include "bm25_parameters.hpp"
#include "ranking_collection.hpp"
#include "ranking_metrics.hpp"

#include "searcher/passage_ranking.hpp"

#include <rasd/analyzer_factory.hpp>

#include <xapian.h>

#include <filesystem>
#include <string>
#include <vector>

namespace rasd::bench::ranking {

// A query as query_builder.cpp makes it for free text (`ranked`: each whitespace-separated word
// analyzed on its own, stop words dropped, "Z" + stem, names of the alias tables expanded), and
// its terms, for the query-shape experiments: the stems and the stop words as the index holds
// them ("Z" + folded form, schema 2).
struct QueryTerms {
    Xapian::Query ranked;                 // what rasd::Searcher ranks
    std::vector<std::string> stems;       // "Z" + stem, in query order (repeats kept)
    std::vector<std::string> stop_words;  // "Z" + folded form of the stop words
};

enum class QueryShape {
    Stems,      // what rasd::Searcher runs
    StemsStop,  // + the stop words
    NearHalf,   // + each adjacent pair of stems within 4 positions (any order), at half weight
    NearFull,   // the same at full weight
};

const char* to_string(QueryShape s);

// Runs the queries of one set on one database and ranks their targets.
class DirectRunner {
public:
    DirectRunner(const Collection& c, const QuerySet& qs, const std::filesystem::path& dir, rasd::StemmerKind kind);

    // The docid of each query's target, 0 if it is not in the database.
    const std::vector<Xapian::docid>& targets() const { return m_targets; }
    const Xapian::Database& db() const { return m_db; }
    // rasd's query of query `q` (QueryTerms::ranked).
    const Xapian::Query& ranked(std::size_t q) const { return m_terms[q].ranked; }
    std::size_t size() const { return m_terms.size(); }

    // The rank of each target in the top 10 of its query of shape `shape` under BM25 `w`;
    // `mean_ms` (if given) gets the mean time per query.
    Ranks run(const Bm25& w, QueryShape shape, double* mean_ms = nullptr);

    // The same for rasd's query (QueryShape::Stems) with BM25's best re-ranked by passage
    // (searcher/passage_ranking.hpp) as rasd::Searcher does it, with parameters `p`.
    // `passage_ms` (if given) gets the mean CPU time of the re-ranking alone (rank_by_passage()).
    Ranks run_passage(const Bm25& w, const rasd::detail::PassageParameters& p, double* mean_ms = nullptr,
                      double* passage_ms = nullptr);

private:
    Xapian::Database m_db;
    std::vector<QueryTerms> m_terms;
    std::vector<Xapian::docid> m_targets;
};

}  // namespace rasd::bench::ranking

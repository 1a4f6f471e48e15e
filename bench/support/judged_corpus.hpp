#pragma once
// The ranking benchmark on a judged corpus (corpus/: articles, queries.tsv, qrels.tsv) in
// ordinary use: titles indexed, queries in rasd's query language, built by rasd's own (internal)
// parser and builder and run by Xapian::Enquire with any BM25 parameters; at the library's
// parameters the top 10 must be exactly rasd::Searcher's.

#include "bm25_parameters.hpp"
#include "ranking_variants.hpp"

#include <rasd/article.hpp>

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

namespace rasd::bench::ranking {

struct Judged {
    std::vector<rasd::Article> articles;
    std::vector<std::pair<std::string, std::string>> queries;  // qid, query
    std::map<std::string, std::map<std::string, int>> qrels;   // qid -> doc id -> grade
    std::size_t judged_queries = 0, relevant = 0, must = 0;
};

// Every data file of `dir` but README.md (read problems said on stdout), its queries.tsv
// (qid<TAB>query) and qrels.tsv (qid 0 docid grade; grade 2 = must be found).
Judged read_judged(const std::filesystem::path& dir);

// Whether `dir` has queries.tsv and qrels.tsv.
bool is_judged_corpus(const std::filesystem::path& dir);

struct JudgedVariant {
    DbVariant variant;     // stemmer and lede recipe (titles are kept here)
    int title_weight = 3;  // 3 = rasd's; 5 = the title twice more in the abstract; 1 = title moved to the abstract
    Bm25 tuned;            // the ANT-tuned parameters of this variant
};

struct JudgedMetrics {
    double mrr = 0, recall = 0;  // MRR@10 (first relevant article), recall@10
    std::size_t must_found = 0, must_total = 0;
};

struct JudgedResult {
    JudgedMetrics at_default, at_tuned;
    JudgedMetrics with_passage;  // rasd::Searcher as it is: the library's BM25 re-ranked by passage
    std::map<std::pair<double, double>, JudgedMetrics> grid;  // (k1, b) -> metrics
};

// Builds WORKDIR/<variant>-tw<title weight> afresh and evaluates it; with `grid`, over the BM25
// grid too. @throws CheckFailed if the reproduction's top 10 differs from rasd::Searcher's.
JudgedResult evaluate_judged(const Judged& j, const JudgedVariant& jv, const std::filesystem::path& workdir, bool grid);

}  // namespace rasd::bench::ranking

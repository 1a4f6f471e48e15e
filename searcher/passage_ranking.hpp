#pragma once
// Passage evidence for relevance ranking: the best BM25 candidates are re-ranked by how much of
// the query stands together in one short window of the article (max-passage scoring, Callan
// 1994; the proximity part of Metzler and Croft's sequential dependence model), so that an
// article holding the query's words side by side, even deep in a long body, does not sink under
// articles that mention them apart. Positions come from Xapian's position lists, which a
// database of several shards (local or remote) answers as one.

#include <xapian.h>

#include <cstddef>
#include <string>
#include <vector>

namespace rasd::detail {

struct PassageParameters {
    Xapian::doccount candidates;  // how many of BM25's best are re-ranked (the rest keep BM25's order)
    Xapian::termpos window;       // the passage: this many consecutive positions
    // The bonus of a passage holding the whole query, as a share of the best BM25 score of the
    // match (so that it scales with the query): bonus = weight * top score * share of IDF.
    double weight;
};

// Tuned on bench_ranking's 1,000 known-item queries and 500 passage queries, reported on 1,000
// and 500 held-out ones (bench/RESULTS.md, "Passage ranking (issue 19)"). Ten candidates, the
// first page: each costs a position-list lookup per query term (30 cost 0.7 ms of CPU a query,
// over the budget); the window and weight are the known-item queries' best at ten.
inline constexpr PassageParameters kPassageParameters{10, 16, 0.65};

// At least this many query words, or there is no passage to find (one word stands with itself
// anywhere). The terms of one OP_SYNONYM (a name and its aliases, a wildcard's words) are one word.
inline constexpr std::size_t kMinPassageWords = 2;

// More distinct terms than this (a wide wildcard, many aliases) are not looked up one by one
// for each candidate: the query keeps BM25's order.
inline constexpr std::size_t kMaxPassageTerms = 24;

// The positional terms of a ranked query, the query word each stands for (the terms of one
// OP_SYNONYM are one word: بوتين and its alias Putin), and the weight of each word (its IDF,
// log(N / df), df summed over its terms).
struct PassageTerms {
    std::vector<std::string> terms;
    std::vector<std::size_t> word_of_term;
    std::vector<double> idf;  // per word
    double total_idf = 0;
};
[[nodiscard]] PassageTerms passage_terms(const Xapian::Database& database, const Xapian::Query& text);

// Whether re-ranking by passage applies: kMinPassageWords words or more, in at most
// kMaxPassageTerms terms.
[[nodiscard]] bool worth_a_passage(const PassageTerms& terms);

// The share (0..1) of the query's IDF whose words occur together within `window` consecutive
// positions of document `did`: the best such window. Each word counts once per window, through
// any of its terms.
[[nodiscard]] double best_passage_share(const Xapian::Database& database, Xapian::docid did, const PassageTerms& terms,
                                        Xapian::termpos window);

// The first `parameters.candidates` hits of `mset` (which must start at rank 0 and be ranked by
// relevance) in their new order: `order` holds indices into the MSet, `scores` the score of each
// (its BM25 weight plus its passage bonus). Ties keep the MSet's order. Empty when the query
// has fewer than two words or more than kMaxPassageTerms terms, or when the database
// cannot give positions (Xapian::UnimplementedError): then BM25's order stands.
struct PassageRanking {
    std::vector<Xapian::doccount> order;
    std::vector<double> scores;
};
// The order of candidates of BM25 weights `weights` (in the MSet's order, best first) and
// passage shares `shares` (best_passage_share()): each scores its weight plus
// `weight` * weights[0] * its share.
[[nodiscard]] PassageRanking order_by_passage(const std::vector<double>& weights, const std::vector<double>& shares,
                                              double weight);

[[nodiscard]] PassageRanking rank_by_passage(const Xapian::Database& database, const Xapian::MSet& mset,
                                             const Xapian::Query& text,
                                             const PassageParameters& parameters = kPassageParameters);

}  // namespace rasd::detail

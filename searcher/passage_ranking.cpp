#include "passage_ranking.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <set>
#include <utility>

namespace rasd::detail {
namespace {

// The positional terms under `query`, grouped by the query word they stand for: an OP_SYNONYM's
// terms are one word, every other term a word of its own; a term met twice keeps its first word.
void collect_words(const Xapian::Query& query, std::vector<std::vector<std::string>>& words) {
    if (query.get_type() == Xapian::Query::OP_SYNONYM || query.get_type() == Xapian::Query::LEAF_TERM) {
        words.emplace_back(query.get_unique_terms_begin(), query.get_unique_terms_end());
        return;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) collect_words(query.get_subquery(i), words);
}

}  // namespace

PassageTerms passage_terms(const Xapian::Database& database, const Xapian::Query& text) {
    std::vector<std::vector<std::string>> words;
    collect_words(text, words);
    // In byte order of their terms (each word's are): the sums below then add up in the same
    // order for the same query, whatever its shape.
    std::sort(words.begin(), words.end());
    PassageTerms out;
    std::set<std::string> seen;
    const double documents = static_cast<double>(database.get_doccount());
    for (const std::vector<std::string>& word : words) {
        double frequency = 0;
        std::vector<std::string> terms;
        for (const std::string& term : word) {
            const Xapian::doccount df = database.get_termfreq(term);
            if (df == 0 || !seen.insert(term).second) continue;  // in no article: no passage holds it
            frequency += df;
            terms.push_back(term);
        }
        if (terms.empty()) continue;
        const double idf = std::log(documents / std::min(frequency, documents));
        if (idf <= 0) continue;  // in every article: says nothing about a passage
        for (std::string& term : terms) {
            out.terms.push_back(std::move(term));
            out.word_of_term.push_back(out.idf.size());
        }
        out.idf.push_back(idf);
        out.total_idf += idf;
    }
    return out;
}

bool worth_a_passage(const PassageTerms& terms) {
    return terms.idf.size() >= kMinPassageWords && terms.terms.size() <= kMaxPassageTerms;
}

double best_passage_share(const Xapian::Database& database, Xapian::docid did, const PassageTerms& terms,
                          Xapian::termpos window) {
    if (terms.total_idf <= 0 || window == 0) return 0;
    // Every occurrence of a query word (through any of its terms), by position.
    std::vector<std::pair<Xapian::termpos, std::size_t>> occurrences;
    for (std::size_t t = 0; t < terms.terms.size(); ++t) {
        for (auto p = database.positionlist_begin(did, terms.terms[t]); p != database.positionlist_end(did, terms.terms[t]);
             ++p) {
            occurrences.emplace_back(*p, terms.word_of_term[t]);
        }
    }
    std::sort(occurrences.begin(), occurrences.end());
    // A window sliding over the occurrences: [first, last] within `window` positions, each word
    // counted once however often it occurs inside.
    std::vector<unsigned> inside(terms.idf.size(), 0);
    double in_window = 0, best = 0;
    std::size_t first = 0;
    for (std::size_t last = 0; last < occurrences.size(); ++last) {
        if (inside[occurrences[last].second]++ == 0) in_window += terms.idf[occurrences[last].second];
        while (occurrences[last].first - occurrences[first].first >= window) {
            if (--inside[occurrences[first].second] == 0) in_window -= terms.idf[occurrences[first].second];
            ++first;
        }
        best = std::max(best, in_window);
    }
    return std::min(1.0, best / terms.total_idf);
}

PassageRanking order_by_passage(const std::vector<double>& weights, const std::vector<double>& shares, double weight) {
    PassageRanking ranking;
    const std::size_t count = std::min(weights.size(), shares.size());
    if (count == 0) return ranking;
    const double bonus_scale = weight * weights.front();
    std::vector<double> scores(count);
    for (std::size_t i = 0; i < count; ++i) scores[i] = weights[i] + bonus_scale * shares[i];
    ranking.order.resize(count);
    std::iota(ranking.order.begin(), ranking.order.end(), Xapian::doccount{0});
    std::stable_sort(ranking.order.begin(), ranking.order.end(),
                     [&](Xapian::doccount a, Xapian::doccount b) { return scores[a] > scores[b]; });
    ranking.scores.reserve(count);
    for (Xapian::doccount i : ranking.order) ranking.scores.push_back(scores[i]);
    return ranking;
}

PassageRanking rank_by_passage(const Xapian::Database& database, const Xapian::MSet& mset, const Xapian::Query& text,
                               const PassageParameters& parameters) {
    if (mset.empty() || mset.get_firstitem() != 0) return {};
    const PassageTerms terms = passage_terms(database, text);
    if (!worth_a_passage(terms)) return {};
    const Xapian::doccount count = std::min<Xapian::doccount>(mset.size(), parameters.candidates);
    std::vector<double> weights(count), shares(count);
    try {
        for (Xapian::doccount i = 0; i < count; ++i) {
            const Xapian::MSetIterator hit = mset[i];
            weights[i] = hit.get_weight();
            shares[i] = best_passage_share(database, *hit, terms, parameters.window);
        }
    } catch (const Xapian::UnimplementedError&) {
        return {};  // a backend without positions: BM25's order stands
    }
    return order_by_passage(weights, shares, parameters.weight);
}

}  // namespace rasd::detail

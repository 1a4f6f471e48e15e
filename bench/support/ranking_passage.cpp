#include "ranking_passage.hpp"

#include <algorithm>
#include <map>

namespace rasd::bench::ranking {
namespace {

using rasd::detail::PassageParameters;

const Xapian::doccount kCandidates[] = {10, 20, 30};
const Xapian::termpos kWindows[] = {6, 8, 12, 16, 24, 40};
const double kWeights[] = {0.1, 0.15, 0.2, 0.3, 0.5, 0.65, 0.8, 1.0, 1.2};
constexpr Xapian::doccount kAffordableCandidates = 10;  // 30 cost 0.7 ms of CPU a query

// One query's BM25 best (up to the largest candidate count) and their passage shares per window,
// looked up once so that every cell of the grid only re-sorts.
struct QueryFeatures {
    std::vector<Xapian::docid> docids;
    std::vector<double> weights;
    std::map<Xapian::termpos, std::vector<double>> shares;  // empty when re-ranking does not apply
};

std::vector<QueryFeatures> features(const DirectRunner& runner, const Bm25& w) {
    const Xapian::doccount most = *std::max_element(std::begin(kCandidates), std::end(kCandidates));
    Xapian::Enquire enquire(runner.db());
    enquire.set_weighting_scheme(Xapian::BM25Weight(w.k1, w.k2, w.k3, w.b, w.min_normlen));
    std::vector<QueryFeatures> out(runner.size());
    for (std::size_t q = 0; q < runner.size(); ++q) {
        if (runner.ranked(q).empty()) continue;
        enquire.set_query(runner.ranked(q));
        const Xapian::MSet mset = enquire.get_mset(0, most);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            out[q].docids.push_back(*it);
            out[q].weights.push_back(it.get_weight());
        }
        const rasd::detail::PassageTerms terms = rasd::detail::passage_terms(runner.db(), runner.ranked(q));
        if (!rasd::detail::worth_a_passage(terms)) continue;
        for (Xapian::termpos window : kWindows) {
            std::vector<double>& shares = out[q].shares[window];
            for (Xapian::docid did : out[q].docids) shares.push_back(rasd::detail::best_passage_share(runner.db(), did, terms, window));
        }
    }
    return out;
}

Ranks cell_ranks(const std::vector<QueryFeatures>& f, const std::vector<Xapian::docid>& targets, const PassageParameters& p) {
    Ranks ranks;
    for (std::size_t q = 0; q < f.size(); ++q) {
        const QueryFeatures& qf = f[q];
        std::vector<Xapian::doccount> order;
        if (!qf.shares.empty()) {
            const std::size_t k = std::min<std::size_t>(p.candidates, qf.weights.size());
            const std::vector<double>& all = qf.shares.at(p.window);
            order = rasd::detail::order_by_passage({qf.weights.begin(), qf.weights.begin() + static_cast<std::ptrdiff_t>(k)},
                                                   {all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k)}, p.weight)
                        .order;
        }
        int rank = 0;
        for (std::size_t i = 0; i < std::min<std::size_t>(qf.docids.size(), kDepth); ++i) {
            if (qf.docids[i < order.size() ? order[i] : i] == targets[q]) {
                rank = static_cast<int>(i) + 1;
                break;
            }
        }
        ranks.push_back(rank);
    }
    return ranks;
}

PassageHeldOut held_out(DirectRunner& runner, const Bm25& w, const rasd::detail::PassageParameters& best) {
    PassageHeldOut h;
    h.off_ranks = runner.run(w, QueryShape::Stems, &h.off_ms);
    h.off = metrics(h.off_ranks);
    h.library_ranks = runner.run_passage(w, rasd::detail::kPassageParameters, &h.library_ms, &h.reranking_ms);
    h.library = metrics(h.library_ranks);
    h.best = metrics(runner.run_passage(w, best));
    return h;
}

}  // namespace

PassageTuning tune_passage(const PassageSets& sets, const Bm25& w) {
    PassageTuning t;
    const std::vector<QueryFeatures> known_item = features(sets.known_item_tune, w);
    const std::vector<QueryFeatures> passage = features(sets.passage_tune, w);
    // Weight 0 is BM25 alone.
    const PassageParameters alone{kCandidates[0], kWindows[0], 0.0};
    t.off = {alone, metrics(cell_ranks(known_item, sets.known_item_tune.targets(), alone)),
             metrics(cell_ranks(passage, sets.passage_tune.targets(), alone))};
    t.best = t.off;
    for (Xapian::doccount k : kCandidates) {
        for (Xapian::termpos window : kWindows) {
            for (double weight : kWeights) {
                const PassageParameters p{k, window, weight};
                PassageCell cell{p, metrics(cell_ranks(known_item, sets.known_item_tune.targets(), p)),
                                 metrics(cell_ranks(passage, sets.passage_tune.targets(), p))};
                t.grid.push_back(cell);
            }
        }
    }
    // The cost grows with the candidates (a position-list lookup per query term each): among
    // the cells within the budget, the best known-item MRR@10.
    for (const PassageCell& cell : t.grid) {
        if (cell.parameters.candidates <= kAffordableCandidates && cell.known_item.mrr > t.best.known_item.mrr) t.best = cell;
    }
    t.known_item = held_out(sets.known_item_holdout, w, t.best.parameters);
    t.passage = held_out(sets.passage_holdout, w, t.best.parameters);
    return t;
}

}  // namespace rasd::bench::ranking

#include "direct_ranking.hpp"

#include "archive/stored_article.hpp"
#include "archive/schema.hpp"
#include "archive/term_codec.hpp"
#include "knowledge/gazetteer.hpp"
#include "knowledge/topics.hpp"
#include "searcher/alias_expansion.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/query_syntax.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/analysis/token.hpp>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <iterator>
#include <string_view>
#include <utility>

namespace rasd::bench::ranking {

namespace {

constexpr Xapian::termcount kNearWindow = 4;

std::vector<QueryTerms> query_terms(const QuerySet& qs, rasd::StemmerKind kind, const Xapian::Database& db,
                                    const std::string& path) {
    rasd::Analyzer analyzer = rasd::make_analyzer(kind);
    const rasd::detail::AliasExpander aliases =
        rasd::detail::make_alias_expander(db.get_metadata(rasd::schema::kAliasesKey), path, analyzer);
    std::vector<QueryTerms> out;
    for (const std::string& text : qs.texts) {
        QueryTerms t;
        t.ranked = rasd::detail::build_query(rasd::detail::parse_query_syntax(text), {}, analyzer,
                                             rasd::detail::Gazetteer::builtin(), rasd::detail::TopicTaxonomy::builtin(),
                                             nullptr, &aliases)
                       .text;
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

Xapian::Query or_of(const std::vector<Xapian::Query>& parts) {
    if (parts.empty()) return Xapian::Query();
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
}

Xapian::Query make_query(const QueryTerms& t, QueryShape shape) {
    std::vector<Xapian::Query> parts;
    if (!t.ranked.empty()) parts.push_back(t.ranked);
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

}  // namespace

const char* to_string(QueryShape s) {
    switch (s) {
        case QueryShape::Stems: return "stems (rasd)";
        case QueryShape::StemsStop: return "stems + stop words";
        case QueryShape::NearHalf: return "stems + adjacent pairs NEAR/4 x0.5";
        case QueryShape::NearFull: return "stems + adjacent pairs NEAR/4 x1";
    }
    return "?";
}

DirectRunner::DirectRunner(const Collection& c, const QuerySet& qs, const std::filesystem::path& dir, rasd::StemmerKind kind)
    : m_db(dir.string()), m_terms(query_terms(qs, kind, m_db, dir.string())) {
    for (std::size_t q : qs.docs) {
        const std::string term = rasd::schema::id_term(c.articles[q].id);
        Xapian::PostingIterator p = m_db.postlist_begin(term);
        m_targets.push_back(p == m_db.postlist_end(term) ? 0 : *p);
    }
}

Ranks DirectRunner::run(const Bm25& w, QueryShape shape, double* mean_ms) {
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

Ranks DirectRunner::run_passage(const Bm25& w, const rasd::detail::PassageParameters& p, double* mean_ms,
                                double* passage_ms) {
    Xapian::Enquire enquire(m_db);
    enquire.set_weighting_scheme(Xapian::BM25Weight(w.k1, w.k2, w.k3, w.b, w.min_normlen));
    const auto fetched = std::max(p.candidates, static_cast<Xapian::doccount>(kDepth));
    Ranks ranks;
    double reranking = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (std::size_t q = 0; q < m_terms.size(); ++q) {
        const Xapian::Query& query = m_terms[q].ranked;
        int rank = 0;
        if (!query.empty()) {
            enquire.set_query(query);
            const Xapian::MSet mset = enquire.get_mset(0, fetched);
            // CPU time, which other processes on a loaded machine do not inflate.
            const std::clock_t r0 = std::clock();
            const rasd::detail::PassageRanking passage = rasd::detail::rank_by_passage(m_db, mset, query, p);
            reranking += 1000.0 * static_cast<double>(std::clock() - r0) / CLOCKS_PER_SEC;
            for (Xapian::doccount i = 0; i < std::min<Xapian::doccount>(mset.size(), kDepth); ++i) {
                if (*mset[i < passage.order.size() ? passage.order[i] : i] == m_targets[q]) {
                    rank = static_cast<int>(i) + 1;
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
    if (passage_ms && !m_terms.empty()) *passage_ms = reranking / static_cast<double>(m_terms.size());
    return ranks;
}

}  // namespace rasd::bench::ranking

#include "ranking_evaluation.hpp"

#include "archive/stored_article.hpp"
#include "archive/term_codec.hpp"

#include "bench_main.hpp"
#include "direct_ranking.hpp"
#include "format.hpp"
#include "passage_queries.hpp"

#include <iostream>
#include <memory>

namespace rasd::bench::ranking {

VariantResult evaluate(const Collection& c, const DbVariant& v, const std::filesystem::path& workdir, bool reuse, bool grid,
                       bool verbose) {
    VariantResult r;
    r.variant = v;
    const std::filesystem::path dir = workdir / v.name;
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
    // The Searcher re-ranks by passage: so does its reproduction.
    const Ranks reproduced_passage = direct.run_passage(library_bm25(), rasd::detail::kPassageParameters);
    std::size_t differ = 0;
    for (std::size_t q = 0; q < reproduced.size(); ++q) differ += reproduced_passage[q] != r.searcher.ranks[q];
    check(differ == 0, v.name + ": the plain-Xapian reproduction ranks " + std::to_string(differ) +
                           " targets differently from rasd::Searcher (MRR " + fixed(metrics(reproduced_passage).mrr, 4) +
                           " vs " + fixed(metrics(r.searcher.ranks).mrr, 4) +
                           "); do library_bm25(), the analyzer and the passage re-ranking still match the library?");
    r.ranks["bm25-alone"] = reproduced;
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
    if (hold) {
        // The passage task in two halves: the first tunes, the second reports.
        const QuerySet task = passage_queries(c, 2 * kPassageQueries);
        QuerySet task_tune, task_holdout;
        for (std::size_t q = 0; q < task.docs.size(); ++q) {
            QuerySet& half = q < task.docs.size() / 2 ? task_tune : task_holdout;
            half.docs.push_back(task.docs[q]);
            half.texts.push_back(task.texts[q]);
        }
        DirectRunner passage_tune(c, task_tune, dir, v.stemmer), passage_holdout(c, task_holdout, dir, v.stemmer);
        r.has_passage = true;
        r.passage_queries = task_holdout.docs.size();
        r.passage = tune_passage({direct, *hold, passage_tune, passage_holdout}, library_bm25());
        r.passage_task_off = run_searcher(c, task_holdout, dir, false);
        r.passage_task_on = run_searcher(c, task_holdout, dir, true);
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

}  // namespace rasd::bench::ranking

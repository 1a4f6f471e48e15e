#include "ranking_report.hpp"

#include "bm25_parameters.hpp"
#include "format.hpp"
#include "ranking_metrics.hpp"

#include <algorithm>
#include <iostream>

namespace rasd::bench::ranking {

namespace {

// The variant every other is paired against.
constexpr const char* kBaseVariant = "light";

const VariantResult* base_of(const std::vector<VariantResult>& results) {
    const VariantResult* base = nullptr;
    for (const VariantResult& r : results) {
        if (r.variant.name == kBaseVariant) base = &r;
    }
    return base;
}

void print_main_table(const Collection& c, const std::vector<VariantResult>& results, const VariantResult* base) {
    std::cout << "\n  rasd::Searcher (BM25 k1 " << fixed(library_bm25().k1, 1) << " b " << fixed(library_bm25().b, 2) << "), "
              << c.queries.docs.size()
              << " known-item queries; last columns: plain Xapian with Xapian's BM25 defaults (k1 1, b 0.5)\n"
              << "  variant                  MRR@10    S@1   S@10  ms/query  dMRR vs light [95% CI]   +/-        k1 1 b 0.5\n";
    for (const VariantResult& r : results) {
        const Metrics m = metrics(r.searcher.ranks);
        std::string cmp;
        if (base && &r != base) cmp = paired_text(compare(base->searcher.ranks, r.searcher.ranks), "  ");
        std::cout << "  " << lpad(r.variant.name, 22) << metrics_cells(m) << rpad(fixed(r.searcher.mean_ms, 2), 10)
                  << lpad(cmp, 38) << metrics_cells(metrics(r.ranks.at("xapian-defaults"))) << "\n";
    }
}

void print_grids(const std::vector<VariantResult>& results) {
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
        std::cout << "  best: k1 " << fixed(r.best.k1, 1) << " b " << fixed(r.best.b, 2) << ": " << metrics_cells(r.grid_best)
                  << "  (dMRR vs library " << fixed(p.delta, 4) << " [" << fixed(p.low, 4) << ", " << fixed(p.high, 4)
                  << "], " << p.better << "/" << p.worse << ")\n";
    }
}

void print_holdout(const Collection& c, const std::vector<VariantResult>& results, const VariantResult* base) {
    std::cout << "\n  held-out queries (" << c.holdout.docs.size()
              << " more, disjoint): the library's BM25 vs the parameters tuned above\n"
              << "  variant                library MRR    S@1   S@10 | tuned  MRR    S@1   S@10 | dMRR library vs light [95% CI]\n";
    for (const VariantResult& r : results) {
        std::string cmp;
        if (base && &r != base) cmp = paired_text(compare(base->ranks.at("holdout-default"), r.ranks.at("holdout-default")), "  ");
        std::cout << "  " << lpad(r.variant.name, 22) << "    " << metrics_cells(r.holdout_default) << "  | k1 "
                  << fixed(r.best.k1, 1) << " b " << fixed(r.best.b, 2) << metrics_cells(r.holdout_best) << " |" << cmp << "\n";
    }
}

void print_common_cell(const std::vector<VariantResult>& results, const VariantResult* base) {
    constexpr std::size_t kComparisonWidth = 44;
    std::cout << "\n  every variant at k1 " << fixed(common_cell().k1, 1) << " b " << fixed(common_cell().b, 2)
              << " (MRR@10 S@1 S@10; dMRR vs light at the same cell [95% CI], better/worse)\n"
              << "  variant                queries                                          held-out\n";
    for (const VariantResult& r : results) {
        std::string line = "  " + lpad(r.variant.name, 22);
        for (const char* key : {"common", "holdout-common"}) {
            line += metrics_cells(metrics(r.ranks.at(key)));
            if (&r != base) {
                line += lpad(paired_text(compare(base->ranks.at(key), r.ranks.at(key)), " "), kComparisonWidth);
            } else {
                line += std::string(kComparisonWidth, ' ');
            }
        }
        std::cout << line << "\n";
    }
}

void print_shapes(const std::vector<VariantResult>& results) {
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
}

std::string passage_text(const rasd::detail::PassageParameters& p) {
    return "K " + std::to_string(p.candidates) + " W " + std::to_string(p.window) + " weight " + fixed(p.weight, 2);
}

void print_held_out(const std::string& name, const PassageHeldOut& h) {
    std::cout << "  " << lpad(name, 26) << metrics_cells(h.off) << metrics_cells(h.library) << metrics_cells(h.best) << "  |"
              << paired_text(compare(h.off_ranks, h.library_ranks), "  ") << "\n";
}

// Re-ranking by passage: the tuning grid's best cells, then the held-out sets without it, with
// the library's parameters and with the best cell, and the passage task through the Searcher.
void print_passage(const std::vector<VariantResult>& results) {
    for (const VariantResult& r : results) {
        if (!r.has_passage) continue;
        const PassageTuning& t = r.passage;
        std::vector<PassageCell> cells = t.grid;
        std::stable_sort(cells.begin(), cells.end(),
                         [](const PassageCell& a, const PassageCell& b) { return a.known_item.mrr > b.known_item.mrr; });
        const auto& library = rasd::detail::kPassageParameters;
        std::cout << "\n  passage re-ranking, " << r.variant.name << " (library: " << passage_text(library)
                  << "); cells by known-item MRR on the tuning sets (known items | passage task, first half; MRR@10 S@1 S@10)\n"
                  << "    " << lpad("BM25 alone", 36) << metrics_cells(t.off.known_item) << " |" << metrics_cells(t.off.passage) << "\n";
        for (std::size_t i = 0; i < cells.size(); ++i) {
            const rasd::detail::PassageParameters& p = cells[i].parameters;
            const bool is_library = p.candidates == library.candidates && p.window == library.window && p.weight == library.weight;
            const bool keeps = cells[i].known_item.mrr >= t.off.known_item.mrr;
            if (i >= 16 && !is_library) continue;
            std::cout << "    " << lpad(passage_text(p) + (is_library ? " (library)" : "") + (keeps ? "" : " (loses)"), 36)
                      << metrics_cells(cells[i].known_item) << " |" << metrics_cells(cells[i].passage) << "\n";
        }
        std::cout << "  best cell (at most 10 candidates, then the best known-item MRR): " << passage_text(t.best.parameters) << "\n";
        std::cout << "  held-out sets               BM25 alone            library               best cell             | dMRR library vs alone [95% CI] +/-\n";
        print_held_out("known items (1000)", t.known_item);
        print_held_out("passage task (" + std::to_string(r.passage_queries) + ")", t.passage);
        std::cout << "  mean ms/query (plain Xapian, no snippets): known items BM25 alone " << fixed(t.known_item.off_ms, 3)
                  << ", with passage " << fixed(t.known_item.library_ms, 3) << "; passage task "
                  << fixed(t.passage.off_ms, 3) << ", " << fixed(t.passage.library_ms, 3) << "; CPU time of the re-ranking itself "
                  << fixed(t.known_item.reranking_ms, 3) << " and " << fixed(t.passage.reranking_ms, 3) << "\n";
        std::cout << "  passage task held-out half, rasd::Searcher: passage off" << metrics_cells(metrics(r.passage_task_off.ranks))
                  << ", on" << metrics_cells(metrics(r.passage_task_on.ranks)) << "; ms/query (snippets) "
                  << fixed(r.passage_task_off.mean_ms, 3) << ", " << fixed(r.passage_task_on.mean_ms, 3) << "\n";
    }
}

}  // namespace

void print_known_item_report(const Collection& c, const std::vector<VariantResult>& results, bool grid) {
    const VariantResult* base = base_of(results);
    print_main_table(c, results, base);
    if (grid) print_grids(results);
    if (!c.holdout.docs.empty()) print_holdout(c, results, base);
    if (base && !c.holdout.docs.empty()) print_common_cell(results, base);
    print_shapes(results);
    print_passage(results);
}

void print_json_line(const std::string& corpus, const Collection& c, const std::vector<VariantResult>& results,
                     const nlohmann::json& judged) {
    nlohmann::json out = {{"bench", "ranking"},     {"corpus", corpus},           {"articles", c.articles.size()},
                          {"skipped", c.problems},  {"candidates", c.candidates}, {"queries", c.queries.docs.size()},
                          {"seed", kSeed},          {"judged_corpus", judged}};
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
        if (r.has_passage) {
            const auto& p = rasd::detail::kPassageParameters;
            const auto& b = r.passage.best.parameters;
            vs.back()["passage"] = {{"library_k_w_weight", {p.candidates, p.window, p.weight}},
                                    {"best_k_w_weight", {b.candidates, b.window, b.weight}},
                                    {"tuning_best_known_item_mrr10", r.passage.best.known_item.mrr},
                                    {"tuning_best_passage_mrr10", r.passage.best.passage.mrr},
                                    {"holdout_off_mrr10", r.passage.known_item.off.mrr},
                                    {"holdout_library_mrr10", r.passage.known_item.library.mrr},
                                    {"holdout_best_mrr10", r.passage.known_item.best.mrr},
                                    {"task_queries", r.passage_queries},
                                    {"task_off_mrr10", r.passage.passage.off.mrr},
                                    {"task_library_mrr10", r.passage.passage.library.mrr},
                                    {"task_best_mrr10", r.passage.passage.best.mrr},
                                    {"task_searcher_off_mrr10", metrics(r.passage_task_off.ranks).mrr},
                                    {"task_searcher_on_mrr10", metrics(r.passage_task_on.ranks).mrr}};
        }
    }
    out["variants"] = vs;
    std::cout << "\n" << json_line(out) << "\n";
}

}  // namespace rasd::bench::ranking

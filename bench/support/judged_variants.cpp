#include "judged_variants.hpp"

#include "bm25_parameters.hpp"
#include "format.hpp"
#include "judged_corpus.hpp"

#include <iostream>
#include <map>
#include <utility>

namespace rasd::bench::ranking {

namespace {

using JudgedGrid = std::map<std::pair<double, double>, JudgedMetrics>;

// The variants evaluated: every known-item variant at rasd's title weight with its tuned
// parameters, then `light` with the title weighted 1 and 5.
std::vector<JudgedVariant> judged_variants(const std::vector<VariantResult>& results) {
    std::vector<JudgedVariant> jvs;
    for (const VariantResult& r : results) jvs.push_back({r.variant, 3, r.best});
    for (int tw : {1, 5}) {
        DbVariant v = all_variants().front();
        v.name = "light-title" + std::to_string(tw);
        jvs.push_back({v, tw, library_bm25()});
    }
    return jvs;
}

void print_row(const JudgedVariant& jv, const std::string& label, const JudgedMetrics& m) {
    std::cout << "  " << lpad(jv.variant.name, 22) << " " << lpad(label, 14) << rpad(fixed(m.mrr, 4), 8)
              << rpad(fixed(m.recall, 3), 6) << rpad(std::to_string(m.must_found), 6) << "/" << m.must_total << "\n";
}

nlohmann::json result_json(const JudgedVariant& jv, const JudgedResult& jr) {
    nlohmann::json g = nlohmann::json::array();
    for (const auto& [kb, m] : jr.grid) g.push_back({kb.first, kb.second, m.mrr, m.recall, m.must_found});
    return {{"variant", jv.variant.name},
            {"title_weight", jv.title_weight},
            {"mrr10", jr.at_default.mrr},
            {"recall10", jr.at_default.recall},
            {"must_found", jr.at_default.must_found},
            {"must_total", jr.at_default.must_total},
            {"tuned_k1", jv.tuned.k1},
            {"tuned_b", jv.tuned.b},
            {"tuned_mrr10", jr.at_tuned.mrr},
            {"passage_mrr10", jr.with_passage.mrr},
            {"passage_recall10", jr.with_passage.recall},
            {"passage_must_found", jr.with_passage.must_found},
            {"tuned_recall10", jr.at_tuned.recall},
            {"tuned_must_found", jr.at_tuned.must_found},
            {"grid_k1_b_mrr_r10_must", g}};
}

void print_grid(const std::string& name, const JudgedGrid& g) {
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

}  // namespace

nlohmann::json run_judged_phase(const std::string& judged_dir, const std::vector<VariantResult>& results,
                                const std::filesystem::path& workdir, bool grid) {
    if (judged_dir == "-") return nullptr;
    if (!is_judged_corpus(judged_dir)) {
        std::cout << "\n  judged corpus: " << judged_dir << " has no queries.tsv and qrels.tsv; skipped\n";
        return nullptr;
    }
    const Judged j = read_judged(judged_dir);
    std::cout << "\n  judged corpus " << judged_dir << ": " << j.articles.size() << " articles, " << j.queries.size()
              << " queries, " << j.judged_queries << " with judgments (" << j.relevant << " relevant, " << j.must
              << " must-finds); titles indexed (weight 3 unless said)\n"
              << "  variant                  BM25            MRR@10  R@10  must-finds\n";
    nlohmann::json out = nlohmann::json::array();
    std::vector<std::pair<std::string, JudgedGrid>> grids;
    for (const JudgedVariant& jv : judged_variants(results)) {
        const JudgedResult jr = evaluate_judged(j, jv, workdir / "judged", grid);
        print_row(jv, "library", jr.at_default);
        print_row(jv, "+ passage", jr.with_passage);
        print_row(jv, "k1 " + fixed(jv.tuned.k1, 1) + " b " + fixed(jv.tuned.b, 2), jr.at_tuned);
        out.push_back(result_json(jv, jr));
        grids.emplace_back(jv.variant.name, jr.grid);
    }
    if (grid) {
        for (const auto& [name, g] : grids) print_grid(name, g);
    }
    return out;
}

}  // namespace rasd::bench::ranking

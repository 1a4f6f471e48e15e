#include "searcher_ranks.hpp"

#include <rasd/error.hpp>
#include <rasd/searcher.hpp>

#include <chrono>
#include <iostream>
#include <string>

namespace rasd::bench::ranking {

namespace {
constexpr std::size_t kRefusalsShown = 3;
}  // namespace

SearcherRun run_searcher(const Collection& c, const QuerySet& qs, const std::filesystem::path& dir, bool passage) {
    rasd::Searcher searcher(dir.string());
    rasd::SearchOptions options;
    options.limit = kDepth;
    options.passage = passage;
    SearcherRun run;
    double total = 0;
    for (std::size_t q = 0; q < qs.docs.size(); ++q) {
        const std::string& target = c.articles[qs.docs[q]].id;
        int rank = 0;
        const auto t0 = std::chrono::steady_clock::now();
        try {
            const rasd::SearchResults results = searcher.search(qs.texts[q], options);
            for (const rasd::SearchHit& hit : results.hits) {
                if (hit.id == target) {
                    rank = static_cast<int>(hit.rank);
                    break;
                }
            }
        } catch (const rasd::InvalidArgument& e) {
            if (++run.refused <= kRefusalsShown) std::cout << "    refused: " << e.what() << "\n";
        }
        total += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        run.ranks.push_back(rank);
    }
    run.mean_ms = qs.docs.empty() ? 0 : total / static_cast<double>(qs.docs.size());
    return run;
}

}  // namespace rasd::bench::ranking

#include "stories_runs.hpp"

#include "database_files.hpp"
#include "process_stats.hpp"
#include "query_words.hpp"

#include <rasd/analyzer_factory.hpp>
#include <rasd/parallel_indexer.hpp>
#include <rasd/searcher.hpp>

#include <chrono>
#include <random>
#include <unordered_map>

namespace rasd::bench::stories {
namespace {

constexpr unsigned kQuerySeed = 16;
constexpr std::size_t kMinQueryWordLetters = 4;

}  // namespace

double IndexingRun::articles_per_second(std::size_t articles) const {
    return seconds > 0 ? static_cast<double>(articles) / seconds : 0.0;
}

IndexingRun index_articles(const std::filesystem::path& dir, const std::vector<rasd::Article>& articles,
                           bool stories, unsigned threads) {
    fresh_dir(dir);
    std::unordered_map<std::string, std::size_t> index_of;
    for (std::size_t i = 0; i < articles.size(); ++i) index_of[articles[i].id] = i;
    IndexingRun run;
    run.stories.assign(articles.size(), "");
    rasd::ParallelIndexerOptions options;
    options.indexer.stories = stories;
    options.threads = threads;
    const auto start = std::chrono::steady_clock::now();
    {
        rasd::ParallelIndexer indexer(dir.string(), options, [&](const rasd::Article& a, const rasd::IndexedArticle& i) {
            run.stories[index_of.at(a.id)] = i.story;
        });
        for (const rasd::Article& article : articles) indexer.add_or_replace(article);
        indexer.finish();
    }
    run.seconds = seconds_since(start);
    return run;
}

CollapseLatency collapse_latency(const std::filesystem::path& dir, const std::vector<rasd::Article>& articles,
                                 std::size_t queries) {
    rasd::Analyzer analyzer = rasd::make_analyzer(rasd::StemmerKind::Light);
    std::mt19937 rng(kQuerySeed);
    std::uniform_int_distribution<std::size_t> pick(0, articles.size() - 1);
    std::vector<std::string> words;
    for (std::size_t attempts = 0; words.size() < queries && attempts < 20 * queries; ++attempts) {
        const std::string word = content_word(analyzer, articles[pick(rng)].title, kMinQueryWordLetters, rng);
        if (!word.empty()) words.push_back(word);
    }
    rasd::Searcher searcher(dir.string());
    rasd::SearchOptions plain;
    rasd::SearchOptions collapsed;
    collapsed.collapse = true;
    CollapseLatency result;
    result.queries = words.size();
    std::vector<double> plain_ms, collapsed_ms;
    for (const std::string& word : words) (void)searcher.search(word, plain);  // warm the caches
    for (std::size_t q = 0; q < words.size(); ++q) {
        for (int side = 0; side < 2; ++side) {
            const bool collapse = (side == 0) == (q % 2 == 0);  // the first side rotates
            const auto start = std::chrono::steady_clock::now();
            const rasd::SearchResults results = searcher.search(words[q], collapse ? collapsed : plain);
            const double ms = seconds_since(start) * 1000.0;
            (collapse ? collapsed_ms : plain_ms).push_back(ms);
            (collapse ? result.collapsed_hits : result.plain_hits) += results.hits.size();
            if (collapse) {
                for (const rasd::SearchHit& hit : results.hits) result.copies_shown += hit.copies;
            }
        }
    }
    result.plain = latency_stats(plain_ms);
    result.collapsed = latency_stats(collapsed_ms);
    return result;
}

}  // namespace rasd::bench::stories

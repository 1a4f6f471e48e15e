#include "topic_accuracy.hpp"

#include "process_stats.hpp"

#include "knowledge/topics.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/analysis/token.hpp>
#include <rasd/analyzer_factory.hpp>
#include <rasd/article.hpp>
#include <rasd/article_reader.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

namespace rasd::bench::topics {

namespace {

using rasd::detail::Topic;
using rasd::detail::TopicTaxonomy;

constexpr std::size_t kConfusionsShown = 12;
constexpr std::size_t kPredictionsShownPerLabel = 6;
const std::string kNone = "(none)";

double percent(std::size_t part, std::size_t whole) {
    return whole == 0 ? 0.0 : 100.0 * static_cast<double>(part) / static_cast<double>(whole);
}

// "a:40% b:30% ..." for the most frequent keys of `counts`.
std::string top_shares(const std::map<std::string, std::size_t>& counts, std::size_t total, std::size_t shown) {
    std::vector<std::pair<std::string, std::size_t>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::string out;
    char buffer[64];
    for (std::size_t i = 0; i < sorted.size() && i < shown; ++i) {
        std::snprintf(buffer, sizeof buffer, "%.1f%%", percent(sorted[i].second, total));
        out += (i == 0 ? "" : "  ") + sorted[i].first + " " + buffer;
    }
    return out;
}

}  // namespace

TopicAccuracy measure_topic_accuracy(std::istream& input, const std::string& name) {
    const TopicTaxonomy& taxonomy = TopicTaxonomy::builtin();
    rasd::Analyzer analyzer = rasd::make_analyzer(rasd::StemmerKind::Light);
    TopicAccuracy acc;
    std::vector<std::string> stems;
    const auto started = std::chrono::steady_clock::now();
    rasd::read_json_lines(
        input, name,
        [&](rasd::Article&& article) {
            ++acc.read;
            stems.clear();
            for (const rasd::Token& token : analyzer.analyze(article.title + "\n" + article.body)) stems.push_back(token.stem);
            const TopicTaxonomy::Inference inference = taxonomy.infer(stems);
            const std::string inferred = inference.topic == nullptr ? kNone : inference.topic->id;
            ++acc.per_label[article.topic][inferred];
            ++acc.label_sizes[article.topic];

            const Topic* gold = taxonomy.resolve(article.topic);
            if (gold == nullptr) {
                ++acc.unmapped;
                return;
            }
            Counts& counts = acc.per_gold[gold->id];
            for (Counts* c : {&acc.overall, &counts}) {
                ++c->articles;
                c->correct += inference.topic == gold;
                c->covered += inference.topic != nullptr;
            }
            if (inference.topic != gold) ++acc.confusions[{gold->id, inferred}];
        },
        [&](const rasd::ReadProblem&) { ++acc.problems; });
    acc.seconds = seconds_since(started);
    return acc;
}

void print_topic_accuracy(const std::string& corpus, const TopicAccuracy& acc) {
    const TopicTaxonomy& taxonomy = TopicTaxonomy::builtin();
    const Counts& overall = acc.overall;
    std::printf("corpus: %s\n", corpus.c_str());
    std::printf("articles: %zu read (%zu skipped: no text or bad JSON), %zu with a label that maps to a "
                "topic, %zu without\n", acc.read, acc.problems, overall.articles, acc.unmapped);
    std::printf("model: min score %.1f; %.1f s\n\n", TopicTaxonomy::kMinScore, acc.seconds);
    std::printf("overall: accuracy %.1f%% (%zu/%zu)  coverage %.1f%%  accuracy when covered %.1f%%\n\n",
                percent(overall.correct, overall.articles), overall.correct, overall.articles,
                percent(overall.covered, overall.articles), percent(overall.correct, overall.covered));

    std::printf("%-14s %7s %9s %9s\n", "gold topic", "n", "accuracy", "coverage");
    for (const Topic& topic : taxonomy.topics()) {
        const auto it = acc.per_gold.find(topic.id);
        if (it == acc.per_gold.end()) continue;
        const Counts& c = it->second;
        std::printf("%-14s %7zu %8.1f%% %8.1f%%\n", topic.id.c_str(), c.articles, percent(c.correct, c.articles),
                    percent(c.covered, c.articles));
    }

    std::vector<std::pair<std::pair<std::string, std::string>, std::size_t>> sorted(acc.confusions.begin(),
                                                                                  acc.confusions.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::printf("\nmost frequent confusions (gold -> inferred: articles, share of gold):\n");
    for (std::size_t i = 0; i < sorted.size() && i < kConfusionsShown; ++i) {
        const auto& [pair, n] = sorted[i];
        std::printf("  %-13s -> %-13s %6zu  %5.1f%%\n", pair.first.c_str(), pair.second.c_str(), n,
                    percent(n, acc.per_gold.at(pair.first).articles));
    }

    std::printf("\nper source label (label => gold topic: n; inferred topics):\n");
    for (const auto& [label, inferred] : acc.per_label) {
        const Topic* gold = taxonomy.resolve(label);
        const std::size_t size = acc.label_sizes.at(label);
        std::printf("  %-18s => %-13s %6zu  %s\n", label.empty() ? "(empty)" : label.c_str(),
                    gold == nullptr ? "(unmapped)" : gold->id.c_str(), size,
                    top_shares(inferred, size, kPredictionsShownPerLabel).c_str());
    }
}

}  // namespace rasd::bench::topics

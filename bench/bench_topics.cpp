// bench_topics: accuracy of rasd's topic inference against the section labels of a news dump.
//
// Usage: bench_topics CORPUS.jsonl[.xz|.gz|.zst]
//
//   CORPUS   JSON-lines articles, e.g. an ANT file (shared/data/ant/*.jsonl.xz); decompressed on
//            the fly by rasd's own reader. A missing file prints SKIP and exits 0.
//
// Each article's section label (`cat`, `topic`, `category` or `section`) goes through
// TopicTaxonomy::resolve() to a gold topic; articles whose label maps to no topic are left out
// of the accuracy (their inferred topics are still listed per label). The topic is inferred
// from the light-analyzer stems of title + text. Printed: accuracy overall and per gold topic,
// coverage (share of articles with a non-null inference), the most frequent confusions, and,
// per source label, where its articles went.
// Exit codes: 0 ok or skipped, 2 usage or input error.

#include "knowledge/topics.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/analysis/token.hpp>
#include <rasd/analyzer_factory.hpp>
#include <rasd/article.hpp>
#include <rasd/article_reader.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace {

using rasd::detail::Topic;
using rasd::detail::TopicTaxonomy;

constexpr std::size_t kConfusionsShown = 12;
constexpr std::size_t kPredictionsShownPerLabel = 6;
const std::string kNone = "(none)";

struct Counts {
    std::size_t articles = 0;
    std::size_t correct = 0;
    std::size_t covered = 0;
};

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

int run(const std::string& path) {
    const TopicTaxonomy& taxonomy = TopicTaxonomy::builtin();
    rasd::Analyzer analyzer = rasd::make_analyzer(rasd::StemmerKind::Light);

    Counts overall;
    std::map<std::string, Counts> per_gold;                                   // gold id -> counts
    std::map<std::pair<std::string, std::string>, std::size_t> confusions;   // (gold, inferred)
    std::map<std::string, std::map<std::string, std::size_t>> per_label;      // label -> inferred -> n
    std::map<std::string, std::size_t> label_sizes;
    std::size_t read = 0;
    std::size_t unmapped = 0;
    std::size_t problems = 0;
    std::vector<std::string> stems;

    const auto started = std::chrono::steady_clock::now();
    const std::unique_ptr<std::istream> input = rasd::open_input_file(path);
    rasd::read_json_lines(
        *input, path,
        [&](rasd::Article&& article) {
            ++read;
            stems.clear();
            for (const rasd::Token& token : analyzer.analyze(article.title + "\n" + article.body)) {
                stems.push_back(token.stem);
            }
            const TopicTaxonomy::Inference inference = taxonomy.infer(stems);
            const std::string inferred = inference.topic == nullptr ? kNone : inference.topic->id;
            ++per_label[article.topic][inferred];
            ++label_sizes[article.topic];

            const Topic* gold = taxonomy.resolve(article.topic);
            if (gold == nullptr) {
                ++unmapped;
                return;
            }
            Counts& counts = per_gold[gold->id];
            for (Counts* c : {&overall, &counts}) {
                ++c->articles;
                c->correct += inference.topic == gold;
                c->covered += inference.topic != nullptr;
            }
            if (inference.topic != gold) ++confusions[{gold->id, inferred}];
        },
        [&](const rasd::ReadProblem&) { ++problems; });
    if (input->bad()) {
        std::cerr << "bench_topics: " << path << ": read error (corrupt or truncated input)\n";
        return 2;
    }
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    std::printf("corpus: %s\n", path.c_str());
    std::printf("articles: %zu read (%zu skipped: no text or bad JSON), %zu with a label that maps to a "
                "topic, %zu without\n", read, problems, overall.articles, unmapped);
    std::printf("model: min score %.1f; %.1f s\n\n", TopicTaxonomy::kMinScore, seconds);
    std::printf("overall: accuracy %.1f%% (%zu/%zu)  coverage %.1f%%  accuracy when covered %.1f%%\n\n",
                percent(overall.correct, overall.articles), overall.correct, overall.articles,
                percent(overall.covered, overall.articles), percent(overall.correct, overall.covered));

    std::printf("%-14s %7s %9s %9s\n", "gold topic", "n", "accuracy", "coverage");
    for (const Topic& topic : taxonomy.topics()) {
        const auto it = per_gold.find(topic.id);
        if (it == per_gold.end()) continue;
        const Counts& c = it->second;
        std::printf("%-14s %7zu %8.1f%% %8.1f%%\n", topic.id.c_str(), c.articles, percent(c.correct, c.articles),
                    percent(c.covered, c.articles));
    }

    std::vector<std::pair<std::pair<std::string, std::string>, std::size_t>> sorted(confusions.begin(),
                                                                                  confusions.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    std::printf("\nmost frequent confusions (gold -> inferred: articles, share of gold):\n");
    for (std::size_t i = 0; i < sorted.size() && i < kConfusionsShown; ++i) {
        const auto& [pair, n] = sorted[i];
        std::printf("  %-13s -> %-13s %6zu  %5.1f%%\n", pair.first.c_str(), pair.second.c_str(), n,
                    percent(n, per_gold[pair.first].articles));
    }

    std::printf("\nper source label (label => gold topic: n; inferred topics):\n");
    for (const auto& [label, inferred] : per_label) {
        const Topic* gold = taxonomy.resolve(label);
        std::printf("  %-18s => %-13s %6zu  %s\n", label.empty() ? "(empty)" : label.c_str(),
                    gold == nullptr ? "(unmapped)" : gold->id.c_str(), label_sizes[label],
                    top_shares(inferred, label_sizes[label], kPredictionsShownPerLabel).c_str());
    }
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: bench_topics CORPUS.jsonl[.xz|.gz|.zst]\n";
        return 2;
    }
    const std::string path = argv[1];
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) {
        std::printf("SKIP: %s not found\n", path.c_str());
        return 0;
    }
    try {
        return run(path);
    } catch (const std::exception& e) {
        std::cerr << "bench_topics: " << e.what() << "\n";
        return 2;
    }
}

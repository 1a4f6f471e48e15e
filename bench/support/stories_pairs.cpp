#include "stories_pairs.hpp"

#include "knowledge/story_fingerprint.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/analyzer_factory.hpp>

#include <algorithm>
#include <unordered_map>

namespace rasd::bench::stories {

std::vector<std::vector<std::uint64_t>> shingle_sets(const std::vector<rasd::Article>& articles) {
    rasd::Analyzer analyzer = rasd::make_analyzer(rasd::StemmerKind::Light);
    std::vector<std::vector<std::uint64_t>> sets;
    sets.reserve(articles.size());
    for (const rasd::Article& article : articles) {
        const std::vector<rasd::Token> tokens = analyzer.analyze(article.body);
        std::vector<std::string_view> words;
        for (const rasd::Token& token : tokens) words.push_back(token.folded);
        sets.push_back(rasd::detail::shingle_hashes(words));
    }
    return sets;
}

std::map<Pair, double> ground_truth(const std::vector<std::vector<std::uint64_t>>& sets) {
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> holders;
    for (std::uint32_t i = 0; i < sets.size(); ++i) {
        for (const std::uint64_t shingle : sets[i]) holders[shingle].push_back(i);
    }
    std::map<Pair, double> pairs;
    for (const auto& [shingle, articles] : holders) {
        if (articles.size() < 2 || articles.size() > kRareShingleArticles) continue;
        for (std::size_t a = 0; a < articles.size(); ++a) {
            for (std::size_t b = a + 1; b < articles.size(); ++b) {
                const Pair pair{articles[a], articles[b]};
                if (!pairs.contains(pair)) pairs[pair] = rasd::detail::jaccard(sets[pair.first], sets[pair.second]);
            }
        }
    }
    return pairs;
}

std::vector<Pair> detector_pairs(const std::vector<std::vector<std::uint64_t>>& sets, double threshold) {
    std::vector<rasd::detail::MinHashes> signatures(sets.size());
    std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> buckets;
    for (std::uint32_t i = 0; i < sets.size(); ++i) {
        if (sets[i].empty()) continue;
        signatures[i] = rasd::detail::minhash_signature(sets[i]);
        for (const std::uint64_t key : rasd::detail::band_keys(signatures[i])) buckets[key].push_back(i);
    }
    std::vector<Pair> candidates;
    for (const auto& [key, articles] : buckets) {
        for (std::size_t a = 0; a < articles.size(); ++a) {
            for (std::size_t b = a + 1; b < articles.size(); ++b) candidates.emplace_back(articles[a], articles[b]);
        }
    }
    std::sort(candidates.begin(), candidates.end());
    candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
    std::vector<Pair> accepted;
    for (const Pair& pair : candidates) {
        if (rasd::detail::estimated_jaccard(signatures[pair.first], signatures[pair.second]) >= threshold) {
            accepted.push_back(pair);
        }
    }
    return accepted;
}

std::vector<Pair> story_pairs(const std::vector<std::string>& stories) {
    std::unordered_map<std::string, std::vector<std::uint32_t>> members;
    for (std::uint32_t i = 0; i < stories.size(); ++i) {
        if (!stories[i].empty()) members[stories[i]].push_back(i);
    }
    std::vector<Pair> pairs;
    for (const auto& [story, articles] : members) {
        for (std::size_t a = 0; a < articles.size(); ++a) {
            for (std::size_t b = a + 1; b < articles.size(); ++b) pairs.emplace_back(articles[a], articles[b]);
        }
    }
    return pairs;
}

double PairScores::precision() const { return predicted == 0 ? 1.0 : static_cast<double>(correct) / static_cast<double>(predicted); }
double PairScores::recall() const { return truth == 0 ? 1.0 : static_cast<double>(found) / static_cast<double>(truth); }

PairScores score_pairs(const std::vector<Pair>& predicted, const std::map<Pair, double>& truth,
                       const std::vector<std::vector<std::uint64_t>>& sets, double threshold) {
    return score_pairs_with_origins(predicted, std::vector<std::string>(sets.size()), truth, sets, threshold);
}

PairScores score_pairs_with_origins(const std::vector<Pair>& predicted, const std::vector<std::string>& origins,
                                    const std::map<Pair, double>& truth,
                                    const std::vector<std::vector<std::uint64_t>>& sets, double threshold) {
    const auto same_origin = [&](const Pair& pair) {
        return !origins[pair.first].empty() && origins[pair.first] == origins[pair.second];
    };
    PairScores scores;
    std::map<std::string, std::size_t> copies;  // origin -> its articles
    for (const std::string& origin : origins) {
        if (!origin.empty()) ++copies[origin];
    }
    for (const auto& [origin, n] : copies) scores.truth += n * (n - 1) / 2;
    for (const auto& [pair, similarity] : truth) scores.truth += similarity >= threshold && !same_origin(pair) ? 1 : 0;
    for (const Pair& pair : predicted) {
        ++scores.predicted;
        if (same_origin(pair)) {
            ++scores.correct;
            ++scores.found;
            continue;
        }
        const auto known = truth.find(pair);
        const double similarity = known != truth.end() ? known->second
                                                       : rasd::detail::jaccard(sets[pair.first], sets[pair.second]);
        if (similarity < threshold) continue;
        ++scores.correct;
        if (known != truth.end()) ++scores.found;
    }
    return scores;
}

}  // namespace rasd::bench::stories

#include "stories_ceiling.hpp"

#include <algorithm>
#include <numeric>
#include <utility>

namespace rasd::bench::stories {
namespace {

// Both figures asked of stories (the target).
constexpr double kTarget = 0.95;
// A partition with precision >= kTarget has at most kWrongPerTrue wrong pairs per true one.
constexpr double kWrongPerTrue = (1 - kTarget) / kTarget;
// The weights of wrong pairs tried, 0 to 1 / kWrongPerTrue (beyond it the bound says nothing).
constexpr double kLambdaStep = 0.01;

struct Counts {
    long true_pairs = 0;
    long wrong_pairs = 0;
};

struct Component {
    std::vector<Counts> reachable;  // partitions worth keeping: fewer wrong pairs, fewer true ones
    long true_pairs = 0;            // all of the component's
    bool exact = true;

    double best(double lambda) const {
        double b = 0;
        for (const Counts& c : reachable) b = std::max(b, c.true_pairs - lambda * c.wrong_pairs);
        return b;
    }
    Counts best_counts(double lambda) const {
        Counts chosen;
        for (const Counts& c : reachable) {
            if (c.true_pairs - lambda * c.wrong_pairs > chosen.true_pairs - lambda * chosen.wrong_pairs) chosen = c;
        }
        return chosen;
    }
    // No partition of the component does better than this at `lambda`.
    double bound(double lambda) const { return exact ? best(lambda) : static_cast<double>(true_pairs); }
};

class DisjointSets {
public:
    explicit DisjointSets(std::size_t n) : m_parent(n) { std::iota(m_parent.begin(), m_parent.end(), 0U); }
    std::uint32_t find(std::uint32_t x) {
        while (m_parent[x] != x) x = m_parent[x] = m_parent[m_parent[x]];
        return x;
    }
    void join(std::uint32_t a, std::uint32_t b) { m_parent[find(a)] = find(b); }

private:
    std::vector<std::uint32_t> m_parent;
};

// Every partition of the n articles (restricted growth strings), the most true pairs for each
// count of wrong pairs, then only those that beat every partition with fewer wrong pairs.
std::vector<Counts> exact_frontier(const std::vector<std::vector<char>>& is_true) {
    const std::size_t n = is_true.size();
    std::map<long, long> most_true;  // wrong pairs -> true pairs
    std::vector<int> block(n, 0);
    const auto visit = [&](const auto& self, std::size_t i, int blocks) -> void {
        if (i == n) {
            Counts c;
            for (std::size_t a = 0; a < n; ++a) {
                for (std::size_t b = a + 1; b < n; ++b) {
                    if (block[a] == block[b]) ++(is_true[a][b] ? c.true_pairs : c.wrong_pairs);
                }
            }
            long& kept = most_true[c.wrong_pairs];
            kept = std::max(kept, c.true_pairs);
            return;
        }
        for (int k = 0; k <= blocks; ++k) {
            block[i] = k;
            self(self, i + 1, std::max(blocks, k + 1));
        }
    };
    visit(visit, 0, 0);
    std::vector<Counts> frontier;
    for (const auto& [wrong, truths] : most_true) {
        if (frontier.empty() || truths > frontier.back().true_pairs) frontier.push_back({truths, wrong});
    }
    return frontier;
}

}  // namespace

StoryCeiling story_ceiling(const std::vector<std::vector<std::uint64_t>>& sets, const std::map<Pair, double>& truth,
                           double threshold) {
    StoryCeiling ceiling;
    DisjointSets components(sets.size());
    for (const auto& [pair, similarity] : truth) {
        if (similarity < threshold) continue;
        ++ceiling.true_pairs;
        components.join(pair.first, pair.second);
    }
    std::map<std::uint32_t, std::vector<std::uint32_t>> members;
    for (std::uint32_t i = 0; i < sets.size(); ++i) members[components.find(i)].push_back(i);

    std::vector<Component> parts;
    for (const auto& [root, articles] : members) {
        const std::size_t n = articles.size();
        if (n < 2) continue;
        Component part;
        if (n <= kExactComponentArticles) {
            // Pairs outside the truth are below the threshold (the header's assumption).
            std::vector<std::vector<char>> is_true(n, std::vector<char>(n, 0));
            for (std::size_t a = 0; a < n; ++a) {
                for (std::size_t b = a + 1; b < n; ++b) {
                    const auto known = truth.find(Pair{articles[a], articles[b]});
                    is_true[a][b] = known != truth.end() && known->second >= threshold ? 1 : 0;
                    part.true_pairs += is_true[a][b];
                }
            }
            part.reachable = exact_frontier(is_true);
        } else {
            // Only the true pairs are counted (from the truth, not pair by pair): a group of
            // boilerplate can hold thousands of articles.
            std::vector<std::uint32_t> sorted = articles;
            std::sort(sorted.begin(), sorted.end());
            for (const auto& [pair, similarity] : truth) {
                if (similarity >= threshold && std::binary_search(sorted.begin(), sorted.end(), pair.first)) ++part.true_pairs;
            }
            const long all_pairs = static_cast<long>(n * (n - 1) / 2);
            part.exact = false;
            part.reachable = {Counts{}, Counts{part.true_pairs, all_pairs - part.true_pairs}};
            ++ceiling.bounded_components;
        }
        parts.push_back(std::move(part));
    }
    ceiling.components = parts.size();
    if (ceiling.true_pairs == 0) return ceiling;

    const double total = static_cast<double>(ceiling.true_pairs);
    // A shortfall this small is rounding, not proof.
    const double tolerance = 1e-9 * total;
    const double last_lambda = 1 / kWrongPerTrue;
    for (double lambda = 0; lambda < last_lambda; lambda += kLambdaStep) {
        double bound = 0;
        Counts reached;
        for (const Component& part : parts) {
            bound += part.bound(lambda);
            const Counts c = part.best_counts(lambda);
            reached.true_pairs += c.true_pairs;
            reached.wrong_pairs += c.wrong_pairs;
        }
        // A partition with both figures at kTarget has true - lambda * wrong >= this.
        const double needed = kTarget * total * (1 - lambda * kWrongPerTrue);
        if (needed - bound > std::max(ceiling.shortfall, tolerance)) {
            ceiling.both_possible = false;
            ceiling.lambda = lambda;
            ceiling.shortfall = needed - bound;
        }
        const long said = reached.true_pairs + reached.wrong_pairs;
        if (said == 0) continue;
        const StoryCeiling::Point point{static_cast<double>(reached.true_pairs) / static_cast<double>(said),
                                        static_cast<double>(reached.true_pairs) / total};
        if (point.recall >= kTarget && point.precision > ceiling.best_precision.precision) ceiling.best_precision = point;
        if (point.precision >= kTarget && point.recall > ceiling.best_recall.recall) ceiling.best_recall = point;
    }
    return ceiling;
}

}  // namespace rasd::bench::stories

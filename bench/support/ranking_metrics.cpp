#include "ranking_metrics.hpp"

#include "format.hpp"
#include "ranking_collection.hpp"
#include "seeded_draws.hpp"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <random>

namespace rasd::bench::ranking {

namespace {
constexpr int kResamples = 2000;
}  // namespace

Metrics metrics(const Ranks& ranks) {
    Metrics m;
    if (ranks.empty()) return m;
    for (int r : ranks) {
        if (r > 0) {
            m.mrr += 1.0 / r;
            m.s10 += 1;
            if (r == 1) m.s1 += 1;
        }
    }
    const double n = static_cast<double>(ranks.size());
    m.mrr /= n;
    m.s1 /= n;
    m.s10 /= n;
    return m;
}

Paired compare(const Ranks& base, const Ranks& other) {
    Paired p;
    const std::size_t n = base.size();
    std::vector<double> d(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double a = base[i] > 0 ? 1.0 / base[i] : 0.0;
        const double b = other[i] > 0 ? 1.0 / other[i] : 0.0;
        d[i] = b - a;
        p.delta += d[i];
        p.better += b > a;
        p.worse += b < a;
    }
    if (n == 0) return p;
    p.delta /= static_cast<double>(n);
    std::mt19937 rng(kSeed);
    std::vector<double> means;
    means.reserve(kResamples);
    for (int r = 0; r < kResamples; ++r) {
        double s = 0;
        for (std::size_t i = 0; i < n; ++i) s += d[uniform_below(rng, static_cast<std::uint32_t>(n))];
        means.push_back(s / static_cast<double>(n));
    }
    std::sort(means.begin(), means.end());
    p.low = means[static_cast<std::size_t>(kResamples * 0.025)];
    p.high = means[static_cast<std::size_t>(kResamples * 0.975) - 1];
    return p;
}

std::string paired_text(const Paired& p, const std::string& gap) {
    return "  " + fixed(p.delta, 4) + " [" + fixed(p.low, 4) + ", " + fixed(p.high, 4) + "]" + gap + std::to_string(p.better) +
           "/" + std::to_string(p.worse);
}

std::string metrics_cells(const Metrics& m) {
    return rpad(fixed(m.mrr, 4), 8) + rpad(fixed(m.s1, 3), 7) + rpad(fixed(m.s10, 3), 7);
}

}  // namespace rasd::bench::ranking

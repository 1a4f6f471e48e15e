#include "watch_queries.hpp"

#include "query_words.hpp"
#include "seeded_draws.hpp"

#include <rasd/analyzer_factory.hpp>

#include <array>
#include <random>
#include <string>

namespace rasd::bench {
namespace {

// Filters a desk puts next to a word: places at several levels and the topics of the news.
constexpr std::array<const char*, 12> kFilters = {
    "place:القاهرة", "place:مصر",     "place:الجيزة",    "place:تونس",     "place:السعودية", "place:لبنان",
    "topic:health",  "topic:sports", "topic:economy",   "topic:security", "topic:politics", "topic:traffic"};
constexpr std::size_t kMinLetters = 4;  // shorter words are mostly particles

}  // namespace

std::vector<rasd::Watch> headline_watches(const std::vector<rasd::Article>& articles, std::size_t count,
                                          std::uint32_t seed) {
    std::mt19937 rng(seed);
    rasd::Analyzer analyzer = rasd::make_analyzer(rasd::StemmerKind::Light);
    std::vector<rasd::Watch> watches;
    std::size_t misses = 0;
    while (watches.size() < count && misses < 100 * count + 1000) {
        const rasd::Article& article = pick(articles, rng);
        std::string query;
        switch (watches.size() % 3) {
            case 0: {
                const std::string a = content_word(analyzer, article.title, kMinLetters, rng);
                const std::string b = content_word(analyzer, article.title, kMinLetters, rng);
                if (!a.empty() && !b.empty() && a != b) query = "+" + a + " +" + b;
                break;
            }
            case 1: {
                const std::string words = fragment(analyzer, article.title, 2, 3, rng);
                if (words.find(' ') != std::string::npos) query = "\"" + words + "\"";
                break;
            }
            default: {
                const std::string word = content_word(analyzer, article.title, kMinLetters, rng);
                if (!word.empty()) query = word + " " + kFilters[uniform_below(rng, kFilters.size())];
            }
        }
        if (query.empty()) {
            ++misses;
            continue;
        }
        std::string name = std::to_string(watches.size() + 1);
        name = "w" + std::string(5 - std::min<std::size_t>(5, name.size()), '0') + name;
        watches.push_back({name, query, ""});
    }
    return watches;
}

}  // namespace rasd::bench

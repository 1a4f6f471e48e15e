#include "ranking_variants.hpp"

#include "process_stats.hpp"

#include "archive/schema.hpp"

#include <rasd/indexer.hpp>

#include <chrono>
#include <fstream>
#include <system_error>

namespace fs = std::filesystem;

namespace rasd::bench::ranking {

namespace {

constexpr const char* kRecipeVersion = "1";  // bump when make_article() changes

std::string recipe(const Collection& c, const DbVariant& v) {
    std::error_code ec;
    const auto size = fs::file_size(c.path, ec);
    return "recipe " + std::string(kRecipeVersion) + "; schema " + rasd::schema::kSchemaVersion + ", analyzer " +
           rasd::make_analyzer(v.stemmer).signature() + "; " + v.describe() + "; input " + c.path + " (" +
           std::to_string(ec ? 0 : size) + " bytes, " + std::to_string(c.articles.size()) + " articles)";
}

}  // namespace

std::string DbVariant::describe() const {
    std::string d = "stemmer " + rasd::to_string(stemmer) + (keep_abstract ? ", abstract kept" : ", abstract dropped");
    if (lede_words > 0) d += ", first " + std::to_string(lede_words) + " body words +" + std::to_string(lede_copies);
    return d;
}

std::vector<DbVariant> all_variants() {
    using K = rasd::StemmerKind;
    return {
        {"light", K::Light, true, 0, 0},
        {"snowball", K::Snowball, true, 0, 0},
        {"none", K::None, true, 0, 0},
        {"light-lede20", K::Light, true, 20, 1},
        {"light-lede40", K::Light, true, 40, 1},
        {"light-lede60", K::Light, true, 60, 1},
        {"light-lede40x2", K::Light, true, 40, 2},
        {"light-noabs", K::Light, false, 0, 0},
        {"light-noabs-lede40", K::Light, false, 40, 1},
        {"snowball-lede40", K::Snowball, true, 40, 1},
    };
}

rasd::Article make_article(const rasd::Article& source, const DbVariant& v) {
    rasd::Article a = source;
    a.title.clear();  // headlines are left out of the index
    if (!v.keep_abstract) a.abstract.clear();
    if (v.lede_words > 0) {
        const std::string lede = first_words(a.body, v.lede_words);
        for (int i = 0; i < v.lede_copies; ++i) a.abstract += (a.abstract.empty() ? "" : "\n") + lede;
    }
    return a;
}

double build_db(const Collection& c, const DbVariant& v, const fs::path& dir, bool reuse) {
    const fs::path marker = dir.string() + ".built";
    const std::string want = recipe(c, v);
    if (reuse && fs::exists(dir) && fs::exists(marker)) {
        std::ifstream in(marker);
        std::string have;
        std::getline(in, have);
        if (have == want) return 0.0;
    }
    fs::remove(marker);
    fs::remove_all(dir);
    const auto t0 = std::chrono::steady_clock::now();
    {
        rasd::Indexer indexer(dir.string(), rasd::IndexerOptions{v.stemmer});
        for (const rasd::Article& a : c.articles) (void)indexer.add_or_replace(make_article(a, v));
        indexer.commit();
    }
    const double seconds = seconds_since(t0);
    std::ofstream(marker) << want << "\n";
    return seconds;
}

}  // namespace rasd::bench::ranking

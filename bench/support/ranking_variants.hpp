#pragma once
// The ranking benchmark's database variants: a stemmer, the abstract kept or dropped, and the
// first words of the body indexed again (through Article.abstract); headlines are left out of
// every index. A database is rebuilt, or with --reuse kept when it records the same recipe.

#include "ranking_collection.hpp"

#include <rasd/analyzer_factory.hpp>
#include <rasd/article.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace rasd::bench::ranking {

struct DbVariant {
    std::string name;
    rasd::StemmerKind stemmer = rasd::StemmerKind::Light;
    bool keep_abstract = true;    // false: Article.abstract emptied
    std::size_t lede_words = 0;   // first N body words appended to the abstract...
    int lede_copies = 0;          // ...this many times (each copy adds 1 to their wdf), on top of
                                  // what the library does (since af34a4d: the first 40 body words
                                  // already count twice)
    std::string describe() const;
};

std::vector<DbVariant> all_variants();

// The article as variant `v` indexes it: no title, the abstract and lede as `v` says.
rasd::Article make_article(const rasd::Article& source, const DbVariant& v);

// Builds (or with `reuse`, keeps) the database of `c` by `v` in `dir`; DIR.built records the
// recipe. @return the indexing time (0 if reused).
double build_db(const Collection& c, const DbVariant& v, const std::filesystem::path& dir, bool reuse);

}  // namespace rasd::bench::ranking

#pragma once
// The sharding benchmark's seeded query mix, drawn from the articles indexed and the filter
// values of the 1-database archive: title words, headline fragments, filters only, and free
// text with facets.

#include <rasd/article.hpp>

#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace rasd::bench::shards {

// The seed of the query mix; seed + 1 orders the timed passes.
inline constexpr std::uint32_t kSeed = 20261202;
// Place filters use the most frequent places.
inline constexpr std::size_t kFilterPlaceChoices = 40;

enum class QueryClass { Word, Headline, Filter, TextFacets };
inline constexpr std::array<QueryClass, 4> kAllClasses = {QueryClass::Word, QueryClass::Headline, QueryClass::Filter,
                                                          QueryClass::TextFacets};

const char* class_name(QueryClass c);

struct BenchQuery {
    QueryClass cls = QueryClass::Word;
    std::string text;  // rasd's query string
    bool facets = false;
};

// Filter values from the 1-database archive: topic ids, years, and the most frequent places by
// their Arabic name (the query language names places; it does not take gazetteer ids).
struct FilterValues {
    std::vector<std::string> topics, places, years;
};

FilterValues filter_values(const std::filesystem::path& archive);

// `total` queries split evenly over the classes, drawn with std::mt19937(kSeed).
// @throws CheckFailed if there is no kind of filter to draw.
std::vector<BenchQuery> make_mix(const std::vector<rasd::Article>& articles, const FilterValues& values, std::size_t total);

}  // namespace rasd::bench::shards

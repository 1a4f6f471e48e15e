#pragma once
// The latency benchmark's seeded query mix, drawn from the articles indexed: five shapes (title
// words, headline fragments, quoted body phrases, text with one of the source article's own
// filters, filters only), each query in rasd's language and in the baseline's.

#include <rasd/article.hpp>

#include <xapian.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace rasd::bench::latency {

enum class Shape { Word, Headline, Phrase, TextFilter, Filter };
inline constexpr std::array<Shape, 5> kAllShapes = {Shape::Word, Shape::Headline, Shape::Phrase, Shape::TextFilter,
                                                    Shape::Filter};

const char* shape_name(Shape s);

// A class of the report: a shape with or without facets ("word", "word+facets", ...).
std::string class_name(Shape s, bool facets);
inline constexpr std::size_t kClasses = kAllShapes.size() * 2;
std::size_t class_index(Shape s, bool facets);

struct BenchQuery {
    Shape shape = Shape::Word;
    std::string rasd;        // rasd's query string
    std::string free_text;   // what the baseline's QueryParser parses ("" for filters only)
    Xapian::Query filter;    // the baseline's boolean filter (empty: none)
    std::size_t source = 0;  // the article the text came from (known-item check for headlines)
};

// `total` queries (at least one per shape, split evenly) drawn with std::mt19937(`seed`) from
// `indexed` (copy 0 of each is in `db`) and the filter values `db` has.
// @throws CheckFailed if `db` has no topics, places or dates to filter on.
std::vector<BenchQuery> make_mix(const std::vector<rasd::Article>& indexed, const Xapian::Database& db, std::size_t total,
                                 std::uint32_t seed);

}  // namespace rasd::bench::latency

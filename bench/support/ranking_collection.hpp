#pragma once
// The ranking benchmark's known-item task: the articles of an ANT file and the queries drawn
// from them, each an article's unique headline made plain free text, its target the article.

#include <rasd/article.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::bench::ranking {

inline constexpr std::size_t kQueries = 1000;
inline constexpr std::uint32_t kSeed = 20261128;  // the query sample and the bootstrap
inline constexpr std::size_t kMinHeadlineWords = 4;
inline constexpr std::size_t kDepth = 10;  // MRR@10, success@10

// The words of `text` split on ASCII whitespace.
std::vector<std::string_view> split_words(std::string_view text);

// The first `n` words of `text`, one space between them.
std::string first_words(std::string_view text, std::size_t n);

// The headline as plain free text for rasd's query language: the query-syntax characters
// " « » “ ” „ ( ) : * + - replaced by spaces and the words AND, OR, NOT lower-cased, so a
// headline such as `عاجل: "داعش" يتبنى...` is a bag of words, never a phrase, a field or an
// exclusion.
std::string plain_query(const std::string& headline);

struct QuerySet {
    std::vector<std::size_t> docs;   // article indices of the queries, in sample order
    std::vector<std::string> texts;  // their headlines as plain free text
};

struct Collection {
    std::string path;
    std::vector<rasd::Article> articles;
    std::size_t problems = 0;
    std::size_t candidates = 0;  // unique headlines with >= kMinHeadlineWords words
    QuerySet queries;            // the first `sample` of the shuffled candidates
    QuerySet holdout;            // the next `sample`: checks that what was tuned carries over
};

// Every article of `path` (the first five records skipped said on stdout); the candidates are
// the articles whose headline occurs once among them and has kMinHeadlineWords words or more,
// shuffled with std::mt19937(kSeed) (seeded_draws.hpp).
Collection read_collection(const std::string& path, std::size_t sample);

}  // namespace rasd::bench::ranking

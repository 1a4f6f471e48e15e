#pragma once
// bench_watch's standing queries, made from real headlines the way a monitoring desk writes
// them: two words of a headline both required, a quoted run of two or three of its words, or one
// of its words within a place or a topic.

#include <rasd/article.hpp>
#include <rasd/watcher.hpp>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace rasd::bench {

// `count` watches "w00001"... from the titles of `articles`, seeded; shapes in turn (required
// words, phrase, word + filter). Titles without enough plain Arabic words are passed over.
std::vector<rasd::Watch> headline_watches(const std::vector<rasd::Article>& articles, std::size_t count,
                                          std::uint32_t seed);

}  // namespace rasd::bench

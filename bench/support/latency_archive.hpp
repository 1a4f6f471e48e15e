#pragma once
// The latency benchmark's database: copies of the articles read (article_copies.hpp), built as
// an archive of 2 shards and compacted into one database, or reused when a database made by the
// same recipe is already there.

#include <rasd/article.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace rasd::bench::latency {

// What a database of `n` articles copied from `sources` articles of `inputs` is made from (and
// whether without story detection); a database is reused only if it records the same.
std::string recipe(const std::vector<std::string>& inputs, std::size_t sources, std::size_t n, bool stories = true);

// The compacted database DIR-compact of `n` articles, reused (DIR-compact, else DIR compacted
// again) or built in `dir` (with story detection unless `stories` is false) and compacted; each
// step said on stdout.
std::filesystem::path ensure_database(const std::filesystem::path& dir, std::size_t n,
                                      const std::vector<rasd::Article>& sources, const std::string& made_by,
                                      bool stories = true);

}  // namespace rasd::bench::latency

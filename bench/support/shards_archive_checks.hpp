#pragma once
// The sharding benchmark's checks of the archives it built: one document per distinct id, every
// id in the shard it hashes to, one id term per document, every article reported indexed.

#include "shards_indexing.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace rasd::bench::shards {

// The failures of every archive (empty if none); fills each Build's shard_articles.
std::vector<std::string> check_archives(std::vector<Build>& builds, const Corpus& corpus);

}  // namespace rasd::bench::shards

#pragma once
// The indexing benchmark's variants: plain Xapian, rasd::Indexer with several commit sizes,
// two rasd::Indexer shards in two threads, rasd::ParallelIndexer as rasd-index runs it, and the
// analysis alone. See bench/README.md, bench_index.

#include <cstddef>
#include <set>
#include <string>
#include <vector>

namespace rasd::bench::indexing {

enum class Kind { Xapian, Rasd, RasdShards, RasdParallel, RasdAnalysis, XapianAnalysis };

struct Variant {
    std::string name;
    Kind kind;
    std::size_t batch = 0;            // commit every N articles (rasd)
    std::size_t flush_threshold = 0;  // XAPIAN_FLUSH_THRESHOLD (0 = Xapian's default, 10000)
    std::size_t shards = 0;
    std::string what;                 // one line for the report
    bool by_default = true;           // false: only with --all or --only
    unsigned threads = 1;             // RasdParallel
    bool stories = true;              // RasdParallel: story detection (false: --no-stories)
};

std::vector<Variant> all_variants();

// The variants to run: those named in `only`, else the default ones (all of them with `all`),
// in all_variants()' order.
std::vector<Variant> select_variants(const std::set<std::string>& only, bool all);

bool writes_db(Kind k);
bool is_rasd_db(Kind k);

}  // namespace rasd::bench::indexing

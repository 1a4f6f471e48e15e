#include "index_variants.hpp"

namespace rasd::bench::indexing {

std::vector<Variant> all_variants() {
    return {
        {"xapian", Kind::Xapian, 0, 0, 0, "plain Xapian: TermGenerator + Stem(arabic), 1 commit at end"},
        {"xapian-ft1000", Kind::Xapian, 0, 1000, 0, "plain Xapian, XAPIAN_FLUSH_THRESHOLD=1000"},
        {"rasd-b250", Kind::Rasd, 250, 0, 0, "rasd::Indexer, commit every 250", false},
        {"rasd-b500", Kind::Rasd, 500, 0, 0, "rasd::Indexer, commit every 500", false},
        {"rasd-b1000", Kind::Rasd, 1000, 0, 0, "rasd::Indexer, commit every 1000 (CLI default)"},
        {"rasd-b2000", Kind::Rasd, 2000, 0, 0, "rasd::Indexer, commit every 2000", false},
        {"rasd-b10000", Kind::Rasd, 10000, 0, 0, "rasd::Indexer, commit every 10000"},
        {"rasd-b50000-ft50000", Kind::Rasd, 50000, 50000, 0,
         "rasd::Indexer, commit every 50000, XAPIAN_FLUSH_THRESHOLD=50000"},
        {"rasd-shard2-b10000", Kind::RasdShards, 10000, 0, 2,
         "2 rasd::Indexer shards in 2 threads (commit every 10000 each), merged by compact"},
        {"rasd-shard2-b1000", Kind::RasdShards, 1000, 0, 2,
         "2 rasd::Indexer shards in 2 threads (commit every 1000 each), merged by compact"},
        {"rasd-shard2-b500", Kind::RasdShards, 500, 0, 2,
         "2 rasd::Indexer shards in 2 threads (commit every 500 each), merged by compact", false},
        {"rasd-shard2-b2000", Kind::RasdShards, 2000, 0, 2,
         "2 rasd::Indexer shards in 2 threads (commit every 2000 each), merged by compact", false},
        {"rasd-j1-b2000", Kind::RasdParallel, 2000, 0, 0,
         "rasd::ParallelIndexer, 1 thread, commit every 2000 (rasd-index --threads 1)", true, 1},
        {"rasd-j2-b2000", Kind::RasdParallel, 2000, 0, 0,
         "rasd::ParallelIndexer, 2 threads, one database (rasd-index on 2 cores)", true, 2},
        {"rasd-j2-shards2-b2000", Kind::RasdParallel, 2000, 0, 2,
         "rasd::ParallelIndexer, 2 threads, archive of 2 shards (rasd-index --shards 2); compaction merges them",
         true, 2},
        {"rasd-j2-b2000-nostories", Kind::RasdParallel, 2000, 0, 0,
         "rasd::ParallelIndexer, 2 threads, one database, no story detection (rasd-index --no-stories)", false, 2,
         false},
        {"rasd-j2-b500", Kind::RasdParallel, 500, 0, 0, "rasd::ParallelIndexer, 2 threads, commit every 500", false, 2},
        {"rasd-j2-b1000", Kind::RasdParallel, 1000, 0, 0, "rasd::ParallelIndexer, 2 threads, commit every 1000", false,
         2},
        {"rasd-j2-b4000", Kind::RasdParallel, 4000, 0, 0, "rasd::ParallelIndexer, 2 threads, commit every 4000", false,
         2},
        {"analysis-rasd", Kind::RasdAnalysis, 0, 0, 0, "rasd::Analyzer (light) over the texts, no database"},
        {"analysis-xapian", Kind::XapianAnalysis, 0, 0, 0, "TermGenerator + Stem(arabic) into documents, no database"},
        {"xapian-end", Kind::Xapian, 0, 0, 0, "plain Xapian again, to see the machine's drift", false},
    };
}

std::vector<Variant> select_variants(const std::set<std::string>& only, bool all) {
    std::vector<Variant> plan;
    for (const Variant& v : all_variants()) {
        if (only.empty() ? (all || v.by_default) : only.count(v.name) != 0) plan.push_back(v);
    }
    return plan;
}

bool writes_db(Kind k) {
    return k == Kind::Xapian || k == Kind::Rasd || k == Kind::RasdShards || k == Kind::RasdParallel;
}

bool is_rasd_db(Kind k) { return k == Kind::Rasd || k == Kind::RasdShards || k == Kind::RasdParallel; }

}  // namespace rasd::bench::indexing

#include "compaction.hpp"

#include "process_stats.hpp"

#include <xapian.h>

#include <chrono>

namespace rasd::bench {

double compact_database(const std::filesystem::path& from, const std::filesystem::path& to) {
    const auto t0 = std::chrono::steady_clock::now();
    Xapian::Database(from.string()).compact(to.string(), Xapian::Compactor::FULL);
    return seconds_since(t0);
}

double merge_databases(const std::vector<std::filesystem::path>& from, const std::filesystem::path& to) {
    const auto t0 = std::chrono::steady_clock::now();
    {
        Xapian::Database all;
        for (const std::filesystem::path& d : from) all.add_database(Xapian::Database(d.string()));
        all.compact(to.string(), Xapian::Compactor::FULL);
    }  // closed: the time includes closing the sources
    return seconds_since(t0);
}

}  // namespace rasd::bench

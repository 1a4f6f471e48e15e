#pragma once
// Compacting databases as xapian-compact does by default (Compactor::FULL), so the benchmarks
// need no xapian-tools; several databases compacted together are merged into one.

#include <filesystem>
#include <vector>

namespace rasd::bench {

// Compacts `from` (one database, or an archive through its stub) into a new database `to`.
// @return the seconds it took.
double compact_database(const std::filesystem::path& from, const std::filesystem::path& to);

// Merges the databases `from` into one new compacted database `to`.
// @return the seconds it took.
double merge_databases(const std::vector<std::filesystem::path>& from, const std::filesystem::path& to);

}  // namespace rasd::bench

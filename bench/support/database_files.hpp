#pragma once
// The benchmarks' databases as files: their size (in all, per file, per Glass table), and
// removing one before it is rebuilt or after the run, never anything that is not a database.

#include <nlohmann/json.hpp>

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rasd::bench {

// Bytes of the regular files below `dir` (what can be read of it).
std::uint64_t dir_bytes(const std::filesystem::path& dir);

struct DirSize {
    std::uint64_t total = 0;
    std::map<std::string, std::uint64_t> files;  // path below the directory -> bytes
};

DirSize dir_size(const std::filesystem::path& dir);

// {"total": bytes, "files": {name: bytes}}.
nlohmann::json dir_size_json(const DirSize& s);

// The Glass tables a report lists, then "other" for every other file.
inline constexpr const char* kGlassTables[] = {"postlist", "position", "termlist", "docdata", "spelling", "other"};

// Bytes per table of kGlassTables (the files of every shard of a table added up).
std::map<std::string, std::uint64_t> glass_table_sizes(const DirSize& s);

// Removes a database or archive directory before it is rebuilt, but only if it is a Xapian
// database, an archive (its XAPIANDB stub), or empty: a mistyped --db or OUTDIR must not delete
// anything else.
void remove_database_dir(const std::filesystem::path& dir);

// Removes `dir` whatever it holds and makes sure its parent exists (a variant's fresh output,
// under a directory the benchmark made).
void fresh_dir(const std::filesystem::path& dir);

// Removes its directories when destroyed (the end of a run, or a failed one) unless `keep`.
struct RemoveAtExit {
    std::vector<std::filesystem::path> dirs;
    bool keep = false;
    RemoveAtExit() = default;
    RemoveAtExit(const RemoveAtExit&) = delete;
    RemoveAtExit& operator=(const RemoveAtExit&) = delete;
    ~RemoveAtExit();
};

}  // namespace rasd::bench

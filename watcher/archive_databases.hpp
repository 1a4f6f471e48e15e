#pragma once
// The databases a Watcher follows one by one: commit sequences are counted per database, so a
// sharded archive is followed shard by shard (its stub names them) and every other source (a
// database, a remote shard) is one database.

#include <xapian.h>

#include <cstdint>
#include <string>
#include <vector>

namespace rasd::detail {

struct WatchedDatabase {
    std::string key;       // how the state names it: the canonical path, or tcp://HOST:PORT
    std::string location;  // what to open: a path or tcp://HOST:PORT
};

// The databases behind `sources` (as Searcher takes them), in order.
// @throws InvalidArgument for a stub file given by another name than XAPIANDB (give its folder),
//         DatabaseError for a stub that cannot be read.
[[nodiscard]] std::vector<WatchedDatabase> watched_databases(const std::vector<std::string>& sources);

// Opens one of them on its own (a fresh handle at its latest commit).
// @throws DatabaseError, ShardUnavailableError.
[[nodiscard]] Xapian::Database open_watched_database(const WatchedDatabase& database);

// The sequence of the last commit that wrote articles into `database` (0: none yet).
// @throws DatabaseError if its rasd.sequence is not a number.
[[nodiscard]] std::uint64_t committed_sequence(const Xapian::Database& database, const std::string& where);

}  // namespace rasd::detail

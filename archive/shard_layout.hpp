#pragma once
// Where the databases of a rasd archive live. An archive DIR is either one Xapian database, or
// a sharded archive: DIR/XAPIANDB, a Xapian stub file naming DIR/shard-00, DIR/shard-01, ...,
// which Xapian::Database opens as one database. Each article lives in the shard its id hashes
// to, so a re-sent article always replaces itself and never appears twice.
//
// A sharded archive is created in an order that a kill at any moment cannot turn into an
// archive that opens but is not whole: first the shard list is written as DIR/XAPIANDB.pending,
// then each shard is created and records its schema and analyzer (committed), and only then is
// the pending list renamed to DIR/XAPIANDB. A directory left with the pending list (or with shard
// folders and no list) is an unfinished archive: writers finish it, searchers say how to.

#include <rasd/indexer.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::detail {

inline constexpr const char* kStubFileName = "XAPIANDB";
// The shard list of an archive whose creation has not finished yet.
inline constexpr const char* kPendingStubFileName = "XAPIANDB.pending";
inline constexpr std::size_t kMaxShards = kMaxArchiveShards;

// "shard-00", "shard-01", ... (two digits at least, so a listing sorts in shard order).
[[nodiscard]] std::string shard_directory_name(std::size_t index);

// The shard an article id belongs to: FNV-1a (64 bit) of the id's bytes, modulo `shards`. Part
// of the on-disk format: changing it would strand articles in the wrong shard.
[[nodiscard]] std::size_t shard_of(std::string_view id, std::size_t shards);

// The local shard paths listed by DIR/XAPIANDB, in order; empty if DIR has no stub file.
// @throws DatabaseError if the stub cannot be read or names a shard rasd cannot write
// (a remote one, or an unknown backend).
[[nodiscard]] std::vector<std::string> read_stub_shards(const std::string& dir);

// The databases to write for the archive DIR.
struct ArchiveLayout {
    std::vector<std::string> databases;
    // A sharded archive being created (or whose creation is being finished): once every shard
    // records its schema and analyzer, complete_archive() makes it an archive.
    bool creating = false;
};

// An existing archive keeps its layout: one database, or the shards its stub lists. An
// unfinished sharded archive is finished with the shards its pending list names. A new one
// (DIR missing or empty) gets `shards` shards when `shards` > 1 (the pending list is written
// here), else is one database. `shards` = 0 means "whatever exists, else one". What a kill left of
// a database Xapian was creating (table files, no revision yet) is removed, to be made again.
// @throws InvalidArgument if `shards` contradicts an existing layout or exceeds kMaxShards, or
// DIR holds shard folders without a shard list and `shards` does not say how many;
// DatabaseError if the folders or the pending list cannot be written.
[[nodiscard]] ArchiveLayout archive_layout(const std::string& dir, std::size_t shards);

// Names the shards in DIR/XAPIANDB (an atomic rename of the pending list), which makes the archive
// visible as one. Call only once every shard records its schema and analyzer.
// @throws DatabaseError if the rename fails.
void complete_archive(const std::string& dir);

// Why DIR is a sharded archive whose creation did not finish, with what to do about it; "" if it
// is not one (an archive, a database, or anything else).
[[nodiscard]] std::string unfinished_archive_problem(const std::string& dir);

}  // namespace rasd::detail

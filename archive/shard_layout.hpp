#pragma once
// Where the databases of a rasd archive live. An archive DIR is either one Xapian database, or
// a sharded archive: DIR/XAPIANDB, a Xapian stub file naming DIR/shard-00, DIR/shard-01, ...,
// which Xapian::Database opens as one database. Each article lives in the shard its id hashes
// to, so a re-sent article always replaces itself and never appears twice.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::detail {

inline constexpr const char* kStubFileName = "XAPIANDB";
inline constexpr std::size_t kMaxShards = 256;

// "shard-00", "shard-01", ... (two digits at least, so a listing sorts in shard order).
[[nodiscard]] std::string shard_directory_name(std::size_t index);

// The shard an article id belongs to: FNV-1a (64 bit) of the id's bytes, modulo `shards`. Part
// of the on-disk format: changing it would strand articles in the wrong shard.
[[nodiscard]] std::size_t shard_of(std::string_view id, std::size_t shards);

// The local shard paths listed by DIR/XAPIANDB, in order; empty if DIR has no stub file.
// @throws DatabaseError if the stub cannot be read or names a shard rasd cannot write
// (a remote one, or an unknown backend).
[[nodiscard]] std::vector<std::string> read_stub_shards(const std::string& dir);

// The databases to write for the archive DIR. An existing archive keeps its layout: one
// database, or the shards its stub lists. A new one (DIR missing or empty) gets `shards`
// shards and a stub when `shards` > 1, else is one database. `shards` = 0 means "whatever
// exists, else one". Creates nothing but the directories and the stub.
// @throws InvalidArgument if `shards` contradicts an existing layout or exceeds kMaxShards.
[[nodiscard]] std::vector<std::string> archive_databases(const std::string& dir, std::size_t shards);

}  // namespace rasd::detail

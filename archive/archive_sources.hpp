#pragma once
// Opening what a Searcher reads: one or more sources, each a local database, a stub file or
// directory listing shards, or a remote shard served by xapian-tcpsrv ("tcp://HOST:PORT"),
// combined into one Xapian::Database. Xapian merges the shards' statistics, so ranking, totals
// and facets are those of one database holding the same articles.

#include <xapian.h>

#include <optional>
#include <string>
#include <vector>

namespace rasd::detail {

inline constexpr const char* kRemoteScheme = "tcp://";
// A shard that does not answer within these is reported as unavailable.
inline constexpr unsigned kRemoteConnectTimeoutMs = 3000;
inline constexpr unsigned kRemoteTimeoutMs = 30000;

struct RemoteAddress {
    std::string host;
    unsigned port = 0;
};

// "tcp://HOST:PORT" -> its parts; std::nullopt for anything else (a local path).
// @throws InvalidArgument if it starts with tcp:// but is not HOST:PORT with a port 1..65535.
[[nodiscard]] std::optional<RemoteAddress> parse_remote_source(const std::string& source);

struct OpenedArchive {
    Xapian::Database database;             // every available source
    std::string analyzer_signature;        // recorded in the sources, all the same
    std::vector<std::string> unavailable;  // sources left out (only with allow_partial)
    bool has_remote = false;               // some source is read over the network
};

// Opens every source and checks that each is a rasd database of this schema, and that they all
// were built with one analyzer. A source that cannot be opened is an error naming it (a remote
// one a ShardUnavailableError, "tcp://10.0.0.5:7001: shard unavailable: ..."); with
// `allow_partial` it is left out and listed in `unavailable` instead, unless no source at all
// can be opened.
// @throws InvalidArgument, DatabaseError, ShardUnavailableError, AnalyzerMismatchError.
[[nodiscard]] OpenedArchive open_archive(const std::vector<std::string>& sources, bool allow_partial);

// The sources of `sources` that do not answer now (each probed on its own); used to name the
// shard behind a network error in the middle of a search.
[[nodiscard]] std::vector<std::string> unreachable_sources(const std::vector<std::string>& sources);

}  // namespace rasd::detail

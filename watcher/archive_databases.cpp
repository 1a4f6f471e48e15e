#include "archive_databases.hpp"

#include "archive/archive_sources.hpp"
#include "archive/schema.hpp"
#include "archive/shard_layout.hpp"
#include "archive/term_codec.hpp"
#include "archive/xapian_error.hpp"

#include <rasd/error.hpp>

#include <filesystem>

namespace rasd::detail {
namespace {

namespace fs = std::filesystem;

std::string canonical_key(const std::string& path) {
    std::error_code error;
    const fs::path canonical = fs::weakly_canonical(path, error);
    return error ? path : canonical.string();
}

}  // namespace

std::vector<WatchedDatabase> watched_databases(const std::vector<std::string>& sources) {
    std::vector<WatchedDatabase> databases;
    for (const std::string& source : sources) {
        if (parse_remote_source(source)) {
            databases.push_back({source, source});
            continue;
        }
        std::error_code error;
        std::string folder = source;
        if (fs::is_regular_file(source, error)) {
            if (fs::path(source).filename() != kStubFileName) {
                throw InvalidArgument(source + ": a stub file is followed through its archive's folder; give the "
                                               "folder that holds XAPIANDB and its shards");
            }
            folder = fs::path(source).parent_path().string();
        }
        const std::vector<std::string> shards = read_stub_shards(folder);
        if (shards.empty()) {
            databases.push_back({canonical_key(source), source});
            continue;
        }
        for (const std::string& shard : shards) databases.push_back({canonical_key(shard), shard});
    }
    return databases;
}

Xapian::Database open_watched_database(const WatchedDatabase& database) {
    if (const std::optional<RemoteAddress> remote = parse_remote_source(database.location)) {
        try {
            return Xapian::Remote::open(remote->host, remote->port, kRemoteTimeoutMs, kRemoteConnectTimeoutMs);
        } catch (const Xapian::Error& e) {
            throw ShardUnavailableError(database.location, e.get_msg());
        }
    }
    return translate_xapian_errors(database.location, [&] { return Xapian::Database(database.location); });
}

std::uint64_t committed_sequence(const Xapian::Database& database, const std::string& where) {
    return schema::sequence_of_metadata(database.get_metadata(schema::kSequenceKey), where);
}

}  // namespace rasd::detail

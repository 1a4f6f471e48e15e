#include "archive_sources.hpp"

#include "schema.hpp"
#include "shard_layout.hpp"

#include <rasd/error.hpp>

#include <charconv>
#include <filesystem>

namespace rasd::detail {
namespace {

// A stub file, or a directory holding one: Xapian opens its shards as one database, whose
// metadata is the first shard's.
bool is_sharded_archive(const std::string& source) {
    std::error_code ignored;
    return std::filesystem::is_regular_file(source, ignored) ||
           std::filesystem::exists(std::filesystem::path(source) / kStubFileName, ignored);
}

// The analyzer signature of one source, checked to be a rasd database of this schema.
std::string checked_signature(const Xapian::Database& database, const std::string& source) {
    const std::string signature = database.get_metadata(schema::kAnalyzerKey);
    if (signature.empty() && (database.get_doccount() == 0 || is_sharded_archive(source))) {
        // rasd records the metadata of a new database (each shard's, before the stub names it) and
        // commits it before anything else: without it, the creation was cut short (or, for
        // shards, made by an older rasd that committed it with the first batch).
        throw DatabaseError(source + ": records no analyzer: its creation was interrupted; "
                                     "rerun rasd-index on this archive to finish creating it");
    }
    if (signature.empty() || signature.find('/') == std::string::npos) {
        throw DatabaseError(source + ": not a rasd database (no analyzer recorded)");
    }
    if (const std::string version = database.get_metadata(schema::kSchemaVersionKey);
        version != schema::kSchemaVersion) {
        throw AnalyzerMismatchError(source + ": database has schema version " + version + ", this rasd reads " +
                                    schema::kSchemaVersion +
                                    "; rebuild it with this version of rasd-index (into a new directory)");
    }
    return signature;
}

Xapian::Database open_source(const std::string& source) {
    if (const std::optional<RemoteAddress> remote = parse_remote_source(source)) {
        try {
            return Xapian::Remote::open(remote->host, remote->port, kRemoteTimeoutMs, kRemoteConnectTimeoutMs);
        } catch (const Xapian::Error& e) {
            throw ShardUnavailableError(source, e.get_msg());
        }
    }
    if (!std::filesystem::exists(source)) throw DatabaseError(source + ": no such database");
    if (const std::string problem = unfinished_archive_problem(source); !problem.empty()) throw DatabaseError(problem);
    try {
        return Xapian::Database(source);
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw DatabaseError(source + ": cannot open database: " + e.get_msg());
    } catch (const Xapian::Error& e) {
        throw DatabaseError(source + ": " + e.get_description());
    }
}

}  // namespace

std::optional<RemoteAddress> parse_remote_source(const std::string& source) {
    const std::string scheme = kRemoteScheme;
    if (source.compare(0, scheme.size(), scheme) != 0) return std::nullopt;
    const std::string rest = source.substr(scheme.size());
    const std::size_t colon = rest.rfind(':');
    RemoteAddress address;
    unsigned long port = 0;
    const char* port_begin = colon == std::string::npos ? nullptr : rest.data() + colon + 1;
    const char* port_end = rest.data() + rest.size();
    const bool port_ok = port_begin && port_begin != port_end &&
                         std::from_chars(port_begin, port_end, port).ptr == port_end && port >= 1 && port <= 65535;
    if (colon == 0 || colon == std::string::npos || !port_ok) {
        throw InvalidArgument("'" + source + "': a remote shard is tcp://HOST:PORT (PORT 1-65535)");
    }
    address.host = rest.substr(0, colon);
    address.port = static_cast<unsigned>(port);
    return address;
}

OpenedArchive open_archive(const std::vector<std::string>& sources, bool allow_partial) {
    if (sources.empty()) throw InvalidArgument("no database given");
    OpenedArchive archive;
    std::string first_source;
    for (const std::string& source : sources) {
        Xapian::Database database;
        std::string signature;
        try {
            database = open_source(source);
            signature = checked_signature(database, source);
        } catch (const AnalyzerMismatchError&) {
            throw;  // a wrong database is never "unavailable"
        } catch (const DatabaseError&) {
            if (!allow_partial) throw;
            archive.unavailable.push_back(source);
            continue;
        } catch (const Xapian::Error& e) {  // the metadata read can fail over the network too
            if (!allow_partial) throw ShardUnavailableError(source, e.get_msg());
            archive.unavailable.push_back(source);
            continue;
        }
        if (archive.analyzer_signature.empty()) {
            archive.analyzer_signature = signature;
            first_source = source;
        } else if (signature != archive.analyzer_signature) {
            throw AnalyzerMismatchError(source + ": built with analyzer '" + signature + "', but " + first_source +
                                        " with '" + archive.analyzer_signature + "'; shards must share one analyzer");
        }
        archive.has_remote = archive.has_remote || parse_remote_source(source).has_value();
        archive.database.add_database(database);
    }
    if (archive.analyzer_signature.empty()) {
        std::string names;
        for (const std::string& s : archive.unavailable) names += (names.empty() ? "" : ", ") + s;
        throw DatabaseError("no shard available (" + names + ")");
    }
    return archive;
}

std::vector<std::string> unreachable_sources(const std::vector<std::string>& sources) {
    std::vector<std::string> down;
    for (const std::string& source : sources) {
        try {
            (void)open_source(source).get_doccount();
        } catch (const DatabaseError&) {
            down.push_back(source);
        } catch (const Xapian::Error&) {
            down.push_back(source);
        }
    }
    return down;
}

}  // namespace rasd::detail

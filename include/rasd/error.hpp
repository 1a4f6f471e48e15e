#pragma once
/// @file error.hpp  The one exception hierarchy of rasd.
///
/// Every error rasd throws derives from rasd::Error, which derives from std::runtime_error,
/// so `catch (const std::exception&)` sees them all. Messages name the bad value.

#include <rasd/export.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

namespace rasd {

/// Root of all rasd errors.
class RASD_EXPORT Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A caller passed a bad argument: an unknown stemmer name, an empty id, a malformed query.
class RASD_EXPORT InvalidArgument : public Error {
public:
    using Error::Error;
};

/// A query that cannot be read: unbalanced quotes or brackets, a lone operator, an unknown
/// field, or a query over the limits (too long, too many words, wildcards or brackets).
/// The message names the problem and, when it is at one place, its 1-based character column:
/// "unbalanced brackets: the '(' at position 5 is never closed".
class RASD_EXPORT QuerySyntaxError : public InvalidArgument {
public:
    /// A problem with the whole query (too long, too many words or wildcards): no position.
    explicit QuerySyntaxError(const std::string& message) : InvalidArgument(message) {}

    /// A problem at `byte_offset` (0-based, in bytes of the query), which is character
    /// `column` (1-based) as the message says.
    QuerySyntaxError(const std::string& message, std::size_t byte_offset, std::size_t column)
        : InvalidArgument(message), m_byte_offset(byte_offset), m_column(column) {}

    /// Where the problem starts, in bytes from the start of the query; empty when the problem
    /// is the whole query.
    [[nodiscard]] std::optional<std::size_t> byte_offset() const noexcept { return m_byte_offset; }

    /// The same place as the 1-based character column the message gives; empty when the
    /// problem is the whole query.
    [[nodiscard]] std::optional<std::size_t> column() const noexcept { return m_column; }

private:
    std::optional<std::size_t> m_byte_offset;
    std::optional<std::size_t> m_column;
};

/// Input data could not be read as what it claims to be (bad JSON, bad UTF-8, unreadable file).
/// The message starts with "FILE:LINE: " when the place is known.
class RASD_EXPORT DataError : public Error {
public:
    using Error::Error;
};

/// The database could not be opened, read or written (wraps Xapian's errors, which do not
/// derive from std::exception).
class RASD_EXPORT DatabaseError : public Error {
public:
    using Error::Error;
};

/// Another process holds the database's write lock.
class RASD_EXPORT DatabaseLockedError : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};

/// The database was built with a different analyzer (name or version) than the one requested.
class RASD_EXPORT AnalyzerMismatchError : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};

/// A shard of an archive cannot be reached: a remote shard (tcp://HOST:PORT) that refuses the
/// connection or stops answering. The message is "SHARD: shard unavailable: REASON", e.g.
/// "tcp://127.0.0.1:7001: shard unavailable: Couldn't connect".
class RASD_EXPORT ShardUnavailableError : public DatabaseError {
public:
    /// @param shard  the shard as it was given to the Searcher (several that stopped answering
    ///               at once are joined by ", ").
    /// @param reason why it cannot be read.
    ShardUnavailableError(const std::string& shard, const std::string& reason)
        : DatabaseError(shard + ": shard unavailable: " + reason),
          m_shard(std::make_shared<const std::string>(shard)) {}
    // Copies only, never moves (as std::filesystem::filesystem_error): a moved-from error
    // would have no shard left to name.
    ShardUnavailableError(const ShardUnavailableError&) noexcept = default;
    ShardUnavailableError& operator=(const ShardUnavailableError&) noexcept = default;
    ~ShardUnavailableError() override = default;

    /// The shard that cannot be read, as it was given.
    [[nodiscard]] const std::string& shard() const noexcept { return *m_shard; }

private:
    // Shared, so that copying the exception cannot throw (as std::runtime_error's message).
    std::shared_ptr<const std::string> m_shard;
};

}  // namespace rasd

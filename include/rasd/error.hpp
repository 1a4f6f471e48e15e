#pragma once
/// @file error.hpp  The one exception hierarchy of rasd.
///
/// Every error rasd throws derives from rasd::Error, which derives from std::runtime_error,
/// so `catch (const std::exception&)` sees them all. Messages name the bad value.

#include <stdexcept>
#include <string>

namespace rasd {

/// Root of all rasd errors.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A caller passed a bad argument: an unknown stemmer name, an empty id, a malformed query.
class InvalidArgument : public Error {
public:
    using Error::Error;
};

/// Input data could not be read as what it claims to be (bad JSON, bad UTF-8, unreadable file).
/// The message starts with "FILE:LINE: " when the place is known.
class DataError : public Error {
public:
    using Error::Error;
};

/// The database could not be opened, read or written (wraps Xapian's errors, which do not
/// derive from std::exception).
class DatabaseError : public Error {
public:
    using Error::Error;
};

/// Another process holds the database's write lock.
class DatabaseLockedError : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};

/// The database was built with a different analyzer (name or version) than the one requested.
class AnalyzerMismatchError : public DatabaseError {
public:
    using DatabaseError::DatabaseError;
};

}  // namespace rasd

#pragma once
// Xapian::Error does not derive from std::exception: it must never leave the library. Every
// public entry point that touches Xapian runs its body through translate_xapian_errors().

#include <rasd/error.hpp>

#include <xapian.h>

#include <string>

namespace rasd::detail {

// @throws DatabaseError "PATH: permission denied: cannot write to the database folder" (or
// "read-only file system: ...") if the folder at `path` cannot be written.
void require_writable_folder(const std::string& path);

// The error for a write lock on the database at `path` that could not be taken: another writer
// holds it (DatabaseLockedError), or the folder cannot be written at all, which is said with the
// reason and the path ("PATH: permission denied: cannot write to the database folder").
[[noreturn]] void throw_lock_error(const std::string& path, const Xapian::DatabaseLockError& error);

template <typename Body>
auto translate_xapian_errors(const std::string& context, Body&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const Xapian::DatabaseLockError& e) {
        throw_lock_error(context, e);
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw DatabaseError(context + ": cannot open database: " + e.get_msg());
    } catch (const Xapian::Error& e) {
        throw DatabaseError(context + ": " + e.get_description());
    }
}

}  // namespace rasd::detail

#pragma once
// Xapian::Error does not derive from std::exception: it must never leave the library. Every
// public entry point that touches Xapian runs its body through translate_xapian_errors().

#include <rasd/error.hpp>

#include <xapian.h>

#include <string>

namespace rasd::detail {

template <typename Body>
auto translate_xapian_errors(const std::string& context, Body&& body) -> decltype(body()) {
    try {
        return body();
    } catch (const Xapian::DatabaseLockError&) {
        throw DatabaseLockedError(context + ": database is locked by another writer");
    } catch (const Xapian::DatabaseOpeningError& e) {
        throw DatabaseError(context + ": cannot open database: " + e.get_msg());
    } catch (const Xapian::Error& e) {
        throw DatabaseError(context + ": " + e.get_description());
    }
}

}  // namespace rasd::detail

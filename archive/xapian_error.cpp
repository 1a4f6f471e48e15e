#include "xapian_error.hpp"

#include <cerrno>
#include <unistd.h>

namespace rasd::detail {

void require_writable_folder(const std::string& path) {
    if (::access(path.c_str(), W_OK) == 0) return;
    if (errno == EROFS) throw DatabaseError(path + ": read-only file system: cannot write to the database folder");
    if (errno == EACCES || errno == EPERM) {
        throw DatabaseError(path + ": permission denied: cannot write to the database folder");
    }
}

void throw_lock_error(const std::string& path, const Xapian::DatabaseLockError& error) {
    // Xapian reports a lock file it cannot create the same way as a lock another process holds;
    // only the second is "locked". Asking the folder itself tells them apart.
    require_writable_folder(path);
    if (error.get_msg().find("already locked") != std::string::npos) {
        throw DatabaseLockedError(path + ": database is locked by another writer");
    }
    throw DatabaseError(path + ": cannot lock the database for writing: " + error.get_msg());
}

}  // namespace rasd::detail

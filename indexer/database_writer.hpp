#pragma once
// The write half of indexing: one writable Xapian database, which checks or records the
// analyzer and schema, replaces articles by their id term, batches spelling words until the
// commit, and translates Xapian's errors. Single-threaded, like Xapian::WritableDatabase.

#include "article_preparer.hpp"

#include <xapian.h>

#include <string>

namespace rasd::detail {

class DatabaseWriter {
public:
    // Opens or creates the database at `path`.
    // @throws DatabaseLockedError, AnalyzerMismatchError or DatabaseError.
    DatabaseWriter(const std::string& path, const std::string& analyzer_signature);
    ~DatabaseWriter();  // commits what was written (errors are reported by commit(), not here)
    DatabaseWriter(const DatabaseWriter&) = delete;
    DatabaseWriter& operator=(const DatabaseWriter&) = delete;

    // Writes `prepared`, replacing the article with the same id. @return true if one existed.
    bool write(PreparedArticle& prepared);

    // @return false if there was no article with `id`.
    bool remove(const std::string& id);

    void commit();

    [[nodiscard]] Xapian::doccount article_count() const;
    [[nodiscard]] std::string analyzer_signature() const;
    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    void flush_spelling();

    std::string m_path;
    Xapian::WritableDatabase m_database;
    SpellingCounts m_spelling;  // title words since the last commit
};

}  // namespace rasd::detail

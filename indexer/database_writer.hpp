#pragma once
// The write half of indexing: one writable Xapian database, which checks or records the
// analyzer and schema, replaces articles by their id term, batches spelling words until the
// commit, and translates Xapian's errors. Single-threaded, like Xapian::WritableDatabase.

#include "article_preparer.hpp"
#include "written_ids_filter.hpp"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace rasd::detail {

class StoryResolver;

struct WriterOptions {
    // Only deletions will be made: they need no analysis, so a database built with any analyzer
    // is accepted (a new one records `analyzer_signature` all the same).
    bool deletions_only = false;
    // Every change waits in one Xapian transaction until commit(); discard() or the destructor
    // drop it, leaving the database as it was at the last commit().
    bool all_or_nothing = false;
    // The archive's own alias table (read_alias_file()) to keep, replacing the one it kept.
    std::optional<std::string> aliases{};
};

class DatabaseWriter {
public:
    // Opens or creates the database at `path`. A new database records the analyzer and schema
    // and commits them at once, before any article: a database rasd made is never without them.
    // @throws DatabaseLockedError, AnalyzerMismatchError or DatabaseError.
    DatabaseWriter(const std::string& path, const std::string& analyzer_signature, WriterOptions options = {});
    // Commits what was written, or with all_or_nothing drops it (errors are reported by commit(),
    // not here).
    ~DatabaseWriter();
    DatabaseWriter(const DatabaseWriter&) = delete;
    DatabaseWriter& operator=(const DatabaseWriter&) = delete;

    // Writes `prepared`, replacing the article with the same id, stamped with the sequence of
    // the commit to come (sequence()). An article whose stored content is unchanged (same
    // content digest) keeps its document and so its old sequence: a re-send alerts no watch
    // again. @return true if one existed.
    bool write(PreparedArticle& prepared);

    // @return false if there was no article with `id`.
    bool remove(const std::string& id);

    // Makes every change so far durable (with all_or_nothing: as one transaction).
    void commit();

    // A batch is written: commit(), or with all_or_nothing write what the transaction holds in
    // memory to the database's files (uncommitted), so that memory does not grow with the run.
    void end_batch();

    // With all_or_nothing: drops every change since the last commit().
    void discard();

    // From now on every article written gets its story from `stories` (shared by the writers of
    // an archive), as the database's `shard`-th; deletions, commits and discards are told to it.
    void attach_stories(std::shared_ptr<StoryResolver> stories, std::size_t shard);
    // The commit sequence the articles written now get: one more than the last commit that
    // wrote articles (schema::kSequenceKey), which commit() records with them.
    [[nodiscard]] std::uint64_t sequence() const { return m_sequence; }

    [[nodiscard]] Xapian::doccount article_count() const;
    [[nodiscard]] std::string analyzer_signature() const;
    [[nodiscard]] const std::string& path() const { return m_path; }

private:
    void flush_spelling();
    void record_sequence();  // sets kSequenceKey when this commit holds articles

    std::string m_path;
    WriterOptions m_options;
    Xapian::WritableDatabase m_database;
    SpellingCounts m_spelling;  // title words since the last commit
    WrittenIdsFilter m_written_ids;  // tracking when the database held no article at opening
    std::shared_ptr<StoryResolver> m_stories;  // none: no story detection
    std::size_t m_shard = 0;
    std::uint64_t m_sequence = 1;    // of the articles written since the last commit
    bool m_wrote_articles = false;   // since the last commit: it records m_sequence
};

}  // namespace rasd::detail

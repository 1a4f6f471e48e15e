#include "database_writer.hpp"

#include "story_resolver.hpp"

#include "archive/schema.hpp"
#include "archive/term_codec.hpp"
#include "archive/xapian_error.hpp"
#include "util/random_id.hpp"

#include <rasd/error.hpp>

#include <array>
#include <cstdio>
#include <filesystem>

namespace rasd::detail {
namespace {

// Records the analyzer in a new database and commits it, or checks that an existing one used
// the same (not needed when only deleting).
void check_or_record_analyzer(Xapian::WritableDatabase& database, const std::string& signature,
                              const std::string& path, const WriterOptions& options) {
    const std::string recorded = database.get_metadata(schema::kAnalyzerKey);
    if (recorded.empty()) {
        if (database.get_doccount() != 0) {
            throw AnalyzerMismatchError(path + ": not a rasd database (documents without analyzer metadata)");
        }
        database.set_metadata(schema::kAnalyzerKey, signature);
        database.set_metadata(schema::kSchemaVersionKey, schema::kSchemaVersion);
        std::array<char, 17> birth{};
        std::snprintf(birth.data(), birth.size(), "%016llx", static_cast<unsigned long long>(detail::random_id()));
        database.set_metadata(schema::kBirthKey, birth.data());
        // Committed before any article, so that a database (or a shard) that exists is a rasd
        // database even if this run is killed the next moment.
        database.commit();
        return;
    }
    const std::string schema_version = database.get_metadata(schema::kSchemaVersionKey);
    if (schema_version != schema::kSchemaVersion) {
        throw AnalyzerMismatchError(path + ": database has schema version " + schema_version + ", this rasd writes " +
                                    schema::kSchemaVersion + "; rebuild it into a new directory");
    }
    if (recorded != signature && !options.deletions_only) {
        throw AnalyzerMismatchError(path + ": database was built with analyzer '" + recorded +
                                    "', refusing to add articles analyzed with '" + signature + "'");
    }
}

Xapian::WritableDatabase open_writable(const std::string& path) {
    std::error_code error;
    std::filesystem::create_directories(path, error);
    if (error) throw DatabaseError(path + ": cannot create the database folder: " + error.message());
    // Xapian would open it (its lock file may be writable) and fail only at the first commit.
    require_writable_folder(path);
    return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
}

}  // namespace

DatabaseWriter::DatabaseWriter(const std::string& path, const std::string& analyzer_signature, WriterOptions options)
    : m_path(path), m_options(options), m_database(translate_xapian_errors(path, [&] { return open_writable(path); })) {
    translate_xapian_errors(m_path, [&] {
        check_or_record_analyzer(m_database, analyzer_signature, m_path, m_options);
        m_sequence = schema::sequence_of_metadata(m_database.get_metadata(schema::kSequenceKey), m_path) + 1;
        if (m_options.all_or_nothing) m_database.begin_transaction();
        if (m_options.aliases) m_database.set_metadata(schema::kAliasesKey, *m_options.aliases);
        if (m_database.get_doccount() == 0) m_written_ids.start();
    });
}

DatabaseWriter::~DatabaseWriter() {
    try {
        if (m_options.all_or_nothing) {
            m_database.cancel_transaction();
        } else {
            flush_spelling();
            record_sequence();
        }
        m_database.close();  // commits pending changes (outside a transaction), releases the lock
    } catch (const Xapian::Error&) {
        // A destructor must not throw; an explicit commit() reports write errors.
    }
}

void DatabaseWriter::flush_spelling() {
    for (const auto& [word, articles] : m_spelling) m_database.add_spelling(word, articles);
    m_spelling.clear();
}

bool DatabaseWriter::write(PreparedArticle& prepared) {
    return translate_xapian_errors(m_path, [&] {
        // An id this writer never wrote to a database that was empty needs no lookup.
        const bool may_exist = m_written_ids.maybe_written(prepared.id_term);
        bool replaced = false;
        Xapian::Document previous;
        if (may_exist) {
            Xapian::PostingIterator existing = m_database.postlist_begin(prepared.id_term);
            replaced = existing != m_database.postlist_end(prepared.id_term);
            if (replaced) previous = m_database.get_document(*existing);
        }
        if (replaced && previous.get_value(schema::kContentDigestSlot) ==
                            prepared.document.get_value(schema::kContentDigestSlot)) {
            // Unchanged: its document, story, sequence and spelling counts stay as they are.
            if (m_stories) prepared.result.story = schema::story_of_value(previous.get_value(schema::kStorySlot));
            return true;
        }
        if (m_stories) {
            // A re-sent article keeps its story, so the story's other articles keep theirs.
            const std::string previous_story =
                replaced ? schema::story_of_value(previous.get_value(schema::kStorySlot)) : std::string();
            m_stories->assign(prepared, m_shard, previous_story);
        }
        prepared.document.add_boolean_term(schema::sequence_term(m_sequence));
        prepared.document.add_value(schema::kSequenceSlot, schema::sequence_value(m_sequence));
        if (replaced) {
            m_database.replace_document(prepared.id_term, prepared.document);
        } else {
            m_database.add_document(prepared.document);  // what replace_document does for a new id
        }
        m_written_ids.add(prepared.id_term);
        m_wrote_articles = true;
        for (const auto& [word, articles] : prepared.spelling) m_spelling[word] += articles;
        return replaced;
    });
}

bool DatabaseWriter::remove(const std::string& id) {
    return translate_xapian_errors(m_path, [&] {
        const std::string term = schema::id_term(id);
        if (!m_database.term_exists(term)) return false;
        m_database.delete_document(term);
        if (m_stories) m_stories->forget(id, m_shard);
        return true;
    });
}

void DatabaseWriter::record_sequence() {
    if (m_wrote_articles) m_database.set_metadata(schema::kSequenceKey, schema::sequence_metadata(m_sequence));
}

void DatabaseWriter::commit() {
    translate_xapian_errors(m_path, [&] {
        flush_spelling();
        // The sequence is recorded in the same commit as its articles: a reader that sees
        // rasd.sequence = N sees every article of N, and Xapian's own flushes in the middle of a
        // batch (XAPIAN_FLUSH_THRESHOLD) show articles of N + 1 before it says N + 1, never after.
        record_sequence();
        if (m_options.all_or_nothing) {
            m_database.commit_transaction();
            m_database.begin_transaction();
        } else {
            m_database.commit();
        }
        if (m_stories) m_stories->committed(m_shard);
        if (m_wrote_articles) ++m_sequence;
        m_wrote_articles = false;
    });
}

void DatabaseWriter::end_batch() {
    if (!m_options.all_or_nothing) return commit();
    translate_xapian_errors(m_path, [&] {
        flush_spelling();
        // Xapian 1.4 flushes a transaction's postings to its tables by itself (every
        // XAPIAN_FLUSH_THRESHOLD documents), but keeps value slot and spelling changes in memory
        // until the commit, unless they are read: opening a value stream and the spelling word
        // list merges them into the tables, still uncommitted. Without this a run of 60,000
        // articles took 120 MB instead of 26 MB.
        (void)m_database.valuestream_begin(schema::kDateSlot);
        (void)m_database.spellings_begin();
    });
}

void DatabaseWriter::discard() {
    translate_xapian_errors(m_path, [&] {
        m_spelling.clear();
        if (!m_options.all_or_nothing) return;
        m_wrote_articles = false;
        m_database.cancel_transaction();
        m_database.begin_transaction();
        if (m_stories) m_stories->discarded(m_shard);
    });
}

void DatabaseWriter::attach_stories(std::shared_ptr<StoryResolver> stories, std::size_t shard) {
    m_stories = std::move(stories);
    m_shard = shard;
}

Xapian::doccount DatabaseWriter::article_count() const {
    return translate_xapian_errors(m_path, [&] { return m_database.get_doccount(); });
}

std::string DatabaseWriter::analyzer_signature() const {
    return translate_xapian_errors(m_path, [&] { return m_database.get_metadata(schema::kAnalyzerKey); });
}

}  // namespace rasd::detail

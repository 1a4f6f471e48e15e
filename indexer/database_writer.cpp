#include "database_writer.hpp"

#include "archive/schema.hpp"
#include "archive/term_codec.hpp"
#include "archive/xapian_error.hpp"

#include <rasd/error.hpp>

#include <filesystem>

namespace rasd::detail {
namespace {

// Records the analyzer in a new database, or checks that an existing one used the same.
void check_or_record_analyzer(Xapian::WritableDatabase& database, const std::string& signature,
                              const std::string& path) {
    const std::string recorded = database.get_metadata(schema::kAnalyzerKey);
    if (recorded.empty()) {
        if (database.get_doccount() != 0) {
            throw AnalyzerMismatchError(path + ": not a rasd database (documents without analyzer metadata)");
        }
        database.set_metadata(schema::kAnalyzerKey, signature);
        database.set_metadata(schema::kSchemaVersionKey, schema::kSchemaVersion);
        return;
    }
    const std::string schema_version = database.get_metadata(schema::kSchemaVersionKey);
    if (schema_version != schema::kSchemaVersion) {
        throw AnalyzerMismatchError(path + ": database has schema version " + schema_version + ", this rasd writes " +
                                    schema::kSchemaVersion + "; rebuild it into a new directory");
    }
    if (recorded != signature) {
        throw AnalyzerMismatchError(path + ": database was built with analyzer '" + recorded +
                                    "', refusing to add articles analyzed with '" + signature + "'");
    }
}

Xapian::WritableDatabase open_writable(const std::string& path) {
    std::error_code ignored;
    std::filesystem::create_directories(path, ignored);
    return Xapian::WritableDatabase(path, Xapian::DB_CREATE_OR_OPEN);
}

}  // namespace

DatabaseWriter::DatabaseWriter(const std::string& path, const std::string& analyzer_signature)
    : m_path(path), m_database(translate_xapian_errors(path, [&] { return open_writable(path); })) {
    translate_xapian_errors(m_path, [&] { check_or_record_analyzer(m_database, analyzer_signature, m_path); });
}

DatabaseWriter::~DatabaseWriter() {
    try {
        flush_spelling();
        m_database.close();  // commits pending changes, releases the lock
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
        const bool replaced = m_database.term_exists(prepared.id_term);
        m_database.replace_document(prepared.id_term, prepared.document);
        for (const auto& [word, articles] : prepared.spelling) m_spelling[word] += articles;
        return replaced;
    });
}

bool DatabaseWriter::remove(const std::string& id) {
    return translate_xapian_errors(m_path, [&] {
        const std::string term = schema::id_term(id);
        if (!m_database.term_exists(term)) return false;
        m_database.delete_document(term);
        return true;
    });
}

void DatabaseWriter::commit() {
    translate_xapian_errors(m_path, [&] {
        flush_spelling();
        m_database.commit();
    });
}

Xapian::doccount DatabaseWriter::article_count() const {
    return translate_xapian_errors(m_path, [&] { return m_database.get_doccount(); });
}

std::string DatabaseWriter::analyzer_signature() const {
    return translate_xapian_errors(m_path, [&] { return m_database.get_metadata(schema::kAnalyzerKey); });
}

}  // namespace rasd::detail

#pragma once
/// @file indexer.hpp  Writing articles into a rasd database.

#include <rasd/analyzer_factory.hpp>
#include <rasd/article.hpp>
#include <rasd/evidence.hpp>
#include <rasd/export.hpp>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rasd {

/// The most shards an archive may have.
inline constexpr std::size_t kMaxArchiveShards = 256;

/// How to open a database for writing.
struct IndexerOptions {
    StemmerKind stemmer = StemmerKind::Light;  ///< Must match the database's if it exists.
    /// Shards of a new archive: with N > 1 the directory gets N databases (shard-00 ...) and a
    /// Xapian stub file `XAPIANDB` listing them, which searchers open as one database; each
    /// article goes to the shard its id hashes to. 0 keeps an existing archive's layout (a new
    /// one is a single database). A value that contradicts an existing archive, or above
    /// kMaxArchiveShards, is an error.
    std::size_t shards = 0;
    /// Open only to delete articles: deleting needs no analysis, so an archive built with any
    /// analyzer (any `stemmer`) is accepted, and add_or_replace() is refused with InvalidArgument.
    bool deletions_only = false;
    /// An alias file (one group of names a line, separated by `|`; docs/CLI.md, --aliases) that
    /// the archive keeps, every shard of it, replacing the one it kept: searches of the archive
    /// then expand its names as they do rasd's own table. Empty: the archive keeps what it has.
    /// The constructor reads and checks it before writing anything: DataError "FILE:LINE: WHAT"
    /// for a bad line, "FILE: cannot read: REASON" for a missing file.
    std::string aliases_file{};
    /// Detect near-duplicate stories (docs/STORIES.md): each article gets a story fingerprint
    /// and joins the story of an earlier article it nearly duplicates. Off, articles get no
    /// story (one hit each under SearchOptions::collapse) and indexing skips the work.
    bool stories = true;
};

/// What add_or_replace() did with one article.
struct IndexedArticle {
    bool replaced = false;              ///< An article with the same id existed and was replaced.
    std::string date;                   ///< "YYYY-MM-DD" as indexed, or "" if none was found.
    DateEvidence date_evidence = DateEvidence::None;     ///< Where the date was found.
    std::string place;                  ///< The place's Arabic name as indexed, or "" if none.
    std::string place_id;               ///< Its gazetteer id, e.g. "eg-cairo-dar-el-salam".
    PlaceEvidence place_evidence = PlaceEvidence::None;  ///< Where the place was found.
    std::string topic;                  ///< rasd's topic id (e.g. "security"), or "" if none.
    TopicEvidence topic_evidence = TopicEvidence::None;  ///< How the topic was found.
    /// The story the article belongs to: the id of the story's first article (the article's own
    /// id when it starts one); "" without story detection (IndexerOptions::stories).
    std::string story;
    std::vector<std::string> warnings;  ///< The reader's (Article::warnings), then metadata
                                        ///< that could not be read; the article is indexed
                                        ///< without it (e.g. "unparseable date 'x'").
};

/// Counts describing a database.
struct IndexStats {
    std::uint64_t articles = 0;   ///< Articles in the database.
    std::string analyzer;         ///< Analyzer signature recorded in the database, e.g. "light/4".
    std::size_t shards = 1;       ///< Databases the archive is made of.
};

/// The shard (0 .. shards-1) that the article with `id` belongs to in an archive of `shards`
/// shards: FNV-1a (64-bit) of the id's bytes modulo `shards`. Stable across versions, so a
/// shard can be built on its own from the articles of its slice.
[[nodiscard]] RASD_EXPORT std::size_t shard_of_article(const std::string& id, std::size_t shards);

/// The single writer of one archive (a database, or the shards of a sharded archive). Not
/// thread-safe; only one writer (in any process) may have an archive open at a time. Changes
/// become visible to searchers at commit(). ParallelIndexer (parallel_indexer.hpp) does the
/// same work on several threads.
class RASD_EXPORT Indexer {
public:
    /// Opens the archive at `path`, creating it (and its directory) if missing.
    /// @throws InvalidArgument if options.shards contradicts the existing archive.
    /// @throws DatabaseLockedError if another writer holds the database.
    /// @throws AnalyzerMismatchError if the database was built with another analyzer (unless
    ///         options.deletions_only).
    /// @throws DatabaseError for any other failure to open or create it.
    explicit Indexer(const std::string& path, IndexerOptions options = {});
    ~Indexer();
    Indexer(Indexer&&) noexcept;
    Indexer& operator=(Indexer&&) noexcept;
    Indexer(const Indexer&) = delete;
    Indexer& operator=(const Indexer&) = delete;

    /// Adds `article`, replacing any article with the same id. The date is read from the date
    /// field (ISO 8601, dd/mm/yyyy, yyyy/mm/dd, Arabic or English words), else from a date path
    /// in the URL, else from a date in words at the start of the abstract or body. The place is
    /// the place field resolved in rasd's gazetteer, else the dateline of the body or byline;
    /// the article is then found under every level of it (district, city, country). The topic is
    /// the topic field mapped onto rasd's taxonomy, else inferred from the text.
    /// @return what was done, including any metadata that could not be read.
    /// @throws InvalidArgument if the id or the body is empty, or the indexer was opened with
    ///         deletions_only; DatabaseError on write failure.
    IndexedArticle add_or_replace(const Article& article);

    /// Deletes the article with `id`. @return false if there was none.
    /// @throws DatabaseError on write failure.
    bool remove(const std::string& id);

    /// Makes every change so far durable and visible to searchers.
    /// @throws DatabaseError on write failure.
    void commit();

    /// The database's counts (including uncommitted changes).
    [[nodiscard]] IndexStats stats() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace rasd

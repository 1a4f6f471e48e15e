#pragma once
/// @file watcher.hpp  Standing queries ("watches") that alert on articles new to an archive.
///
/// Every commit that writes articles into a rasd database records a sequence number with them
/// (one counter per database: a sharded archive has one per shard). A Watcher keeps, for each
/// watch and each database, the last sequence it has looked at, in a state file; poll() runs
/// each watch's query over the articles committed since, and only over those. docs/WATCH.md
/// describes the guarantees.

#include <rasd/export.hpp>
#include <rasd/searcher.hpp>

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rasd {

/// One standing query.
struct Watch {
    std::string name;   ///< unique within a watches file
    std::string query;  ///< rasd's query language, filters included (docs/CLI.md)
    std::string where;  ///< "FILE:LINE" for messages; may be empty
};

/// What read_watch_file() found.
struct WatchFile {
    std::vector<Watch> watches;         ///< in file order
    std::vector<std::string> problems;  ///< "FILE:LINE: ..." for each line left out
};

/// Reads `NAME<TAB>QUERY` lines; blank lines and lines starting with '#' are skipped, a line
/// without a tab, a name or a query is a problem (left out, the others kept).
/// @throws DataError if the file cannot be read; InvalidArgument if it names a watch twice
///         ("FILE:LINE: duplicate watch name 'X' (first on line N)").
[[nodiscard]] RASD_EXPORT WatchFile read_watch_file(const std::string& path);

/// One article that a watch matched, once.
struct Alert {
    /// Stable: the same watch, article and sequence always give the same id (16 hex digits), so
    /// a consumer can drop an alert delivered twice after a crash.
    std::string id;
    std::string watch;          ///< the watch's name
    std::string database;       ///< the database (an archive's shard) the article is in
    std::uint64_t sequence = 0; ///< the commit sequence the article arrived with there
    SearchHit article;          ///< id, title, date, places, topic, source, url, snippet (rank and
                                ///< score are not meaningful)
};

/// Where watches without a position (first run, added, edited) start.
enum class WatchStart {
    Now,        ///< at the archive's current commits: nothing already there alerts
    FromStart,  ///< at the beginning: every article in the archive may alert
    Since,      ///< at the beginning, for articles dated on or after WatcherOptions::since
};

struct WatcherOptions {
    /// The state file; "" puts it next to the first source: "DB.rasd-watch.state" beside the
    /// folder DB (beside, not inside, so that an archive compacted into a new folder and moved
    /// into place keeps it). Required for a remote first source.
    std::string state_path;
    WatchStart start = WatchStart::Now;
    std::string since;                  ///< with WatchStart::Since: a date as date: reads it
    std::size_t snippet_length = 200;   ///< as SearchOptions
    std::string highlight_start = "[";  ///< as SearchOptions
    std::string highlight_end = "]";    ///< as SearchOptions
};

/// Runs watches over what is new in an archive (one database, a sharded archive, or several
/// sources as a Searcher takes them). One Watcher per state file at a time: the state file is
/// locked while the Watcher lives.
class RASD_EXPORT Watcher {
public:
    /// Opens the sources, reads the state (if any) and checks every watch against the archive:
    /// a watch whose query has a syntax error or an unknown place, topic or source is left out
    /// and listed in problems(). The state of watches no longer given is forgotten at the next
    /// save; a watch whose query changed starts afresh.
    /// @throws InvalidArgument for duplicate names, a bad `since`, or no state_path for a remote
    ///         first source; DataError for a state file
    ///         that cannot be read or parsed (it is left as it is); DatabaseLockedError if another
    ///         Watcher holds the state; DatabaseError and the Searcher's errors for the sources.
    Watcher(const std::vector<std::string>& sources, std::vector<Watch> watches, WatcherOptions options = {});
    ~Watcher();
    Watcher(Watcher&&) noexcept;
    Watcher& operator=(Watcher&&) noexcept;
    Watcher(const Watcher&) = delete;
    Watcher& operator=(const Watcher&) = delete;

    /// Watches left out, each as "FILE:LINE: watch 'NAME': what is wrong".
    [[nodiscard]] const std::vector<std::string>& problems() const;

    /// Watches that run, but whose query was read in a way the desk should know (as rasd-search's
    /// notes: a misspelt field searched as words, a shared place name, an unquoted place of
    /// several words), each as "FILE:LINE: watch 'NAME': note: ...".
    [[nodiscard]] const std::vector<std::string>& notes() const;

    /// Reopens the archive at its latest commits and runs each watch over the articles committed
    /// since its position (on one thread per core, each with its own handles); moves the positions there and saves the new alerts as pending in the
    /// same atomic write of the state. @return every pending alert: those of earlier runs not yet
    /// acknowledged (first), then the new ones (by watch, then database, sequence and article).
    /// @throws DataError if the state cannot be written (nothing is lost: the old state stays).
    [[nodiscard]] std::vector<Alert> poll();

    /// The alerts with these ids were delivered: they leave the pending list (saved at once).
    void acknowledge(const std::vector<std::string>& alert_ids);

    /// True if some database of the archive has committed articles beyond what the last poll()
    /// saw (reopens them: survives compaction and a database moved into place).
    [[nodiscard]] bool has_new_commits();

    /// The state file in use.
    [[nodiscard]] const std::string& state_path() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace rasd

#pragma once
// The state of a Watcher on disk: per watch, a digest of its query and the last commit sequence
// looked at in each database; and the alerts found but not yet delivered. Written whole to a
// temporary file, fsync'ed and renamed over the old one (then the folder fsync'ed), so a crash at
// any moment leaves the old state or the new one, never a mix. A lock file next to it keeps two
// Watchers off one state.
//
// Delivered alerts are not written by rewriting the state: each acknowledgement appends the ids
// to `FILE.acked` (fsync'ed), so delivering a backlog of N alerts one at a time costs N short
// appends, not N rewrites of everything still pending. The log is tied to the state it amends by
// the state's `generation`, a random number drawn at each write; a log of another generation (a
// crash between a state's rename and the old log's removal) is ignored. The next full write
// takes the acknowledgements in and removes the log.

#include <rasd/watcher.hpp>

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace rasd::detail {

struct WatchPosition {
    std::string query_digest;                    // of the query it was positioned with
    std::map<std::string, std::uint64_t> seen;   // database key -> last sequence looked at
};

struct WatchState {
    bool existed = false;                          // read from a file (else: a first run)
    std::uint64_t generation = 0;                  // of the write it was read from; 0 for none
    // Database key -> its birth (schema::kBirthKey) when last polled: another birth in the same
    // place means the database was rebuilt, and its sequences count anew.
    std::map<std::string, std::string> births;
    std::map<std::string, WatchPosition> watches;  // by watch name
    std::vector<Alert> pending;                    // found, not yet delivered, in order
};

// The digest of a watch's query (whitespace at its ends ignored): an edited query starts afresh.
[[nodiscard]] std::string query_digest(const std::string& query);

// The state at `path`, with the acknowledgements logged for it taken out of `pending`; an empty
// one (existed = false) if there is no such file.
// @throws DataError if the file exists but cannot be read or is not a state rasd wrote; the
//         file is left as it is.
[[nodiscard]] WatchState load_watch_state(const std::string& path);

// Replaces the state at `path` atomically under a new generation (set in `state` once written),
// then removes the acknowledgements log, which the state now includes. @throws DataError naming
// the step that failed (the old state is then still in place, with its log).
void save_watch_state(const std::string& path, WatchState& state);

// Appends `alert_ids` to the acknowledgements log of the state at `path` (written as generation
// `generation`) and fsyncs it. @throws DataError if it cannot be written.
void log_acknowledged(const std::string& path, std::uint64_t generation, const std::vector<std::string>& alert_ids);

// The file of the acknowledgements log of the state at `path`.
[[nodiscard]] std::string acknowledged_log_path(const std::string& path);

// An exclusive lock on `path`.lock for as long as it lives.
class StateLock {
public:
    // @throws DatabaseLockedError if another process holds it; DataError if it cannot be made.
    explicit StateLock(const std::string& state_path);
    ~StateLock();
    StateLock(const StateLock&) = delete;
    StateLock& operator=(const StateLock&) = delete;

private:
    int m_fd = -1;
};

}  // namespace rasd::detail

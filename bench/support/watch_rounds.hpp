#pragma once
// bench_watch's rounds: a batch of new articles committed to the archive, the Watcher's poll
// timed, its alerts checked against a database holding that batch alone; and the baseline, each
// watch run over the whole archive.

#include <rasd/article.hpp>
#include <rasd/watcher.hpp>

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

namespace rasd::bench {

struct WatchRound {
    std::size_t articles = 0;          // in the batch
    std::size_t alerts = 0;
    std::size_t watches_alerting = 0;
    double index_s = 0;                // committing the batch (not part of the poll)
    double poll_s = 0;                 // Watcher::poll() + acknowledge()
    std::size_t mismatches = 0;        // watches whose alerts differ from the batch alone's answers
    std::string first_mismatch;
};

// Commits `batch` to `archive`, polls `watcher` and acknowledges the alerts; then compares them,
// watch by watch, with what rasd::Searcher finds in a database of `batch` alone (built under
// `scratch`). Watches in `skipped` (those the Watcher left out) are not compared.
WatchRound run_watch_round(const std::string& archive, rasd::Watcher& watcher, const std::vector<rasd::Article>& batch,
                           const std::vector<rasd::Watch>& watches, const std::filesystem::path& scratch);

struct WholeArchiveRun {
    std::size_t watches = 0;  // run
    double seconds = 0;       // for those
    double per_watch_s() const { return watches ? seconds / static_cast<double>(watches) : 0; }
};

// The first `count` watches, each as rasd::Searcher::search over the whole archive, newest first
// (what finding a watch's new articles without sequences means: every match is looked at to
// order them by date), a page of 10.
WholeArchiveRun run_whole_archive(const std::string& archive, const std::vector<rasd::Watch>& watches,
                                  std::size_t count);

}  // namespace rasd::bench

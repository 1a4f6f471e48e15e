#include "watch_rounds.hpp"

#include "database_files.hpp"
#include "process_stats.hpp"

#include <rasd/error.hpp>
#include <rasd/indexer.hpp>
#include <rasd/searcher.hpp>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>

namespace rasd::bench {
namespace {

using Clock = std::chrono::steady_clock;

}  // namespace

WatchRound run_watch_round(const std::string& archive, rasd::Watcher& watcher, const std::vector<rasd::Article>& batch,
                           const std::vector<rasd::Watch>& watches, const std::filesystem::path& scratch) {
    WatchRound round;
    round.articles = batch.size();
    auto start = Clock::now();
    {
        rasd::Indexer indexer(archive);
        for (const rasd::Article& article : batch) indexer.add_or_replace(article);
        indexer.commit();
    }
    round.index_s = seconds_since(start);

    start = Clock::now();
    const std::vector<rasd::Alert> alerts = watcher.poll();
    std::vector<std::string> ids;
    ids.reserve(alerts.size());
    for (const rasd::Alert& alert : alerts) ids.push_back(alert.id);
    watcher.acknowledge(ids);
    round.poll_s = seconds_since(start);

    // Exactness: the batch alone, searched by each watch, must give the same articles.
    std::map<std::string, std::set<std::string>> alerted;
    for (const rasd::Alert& alert : alerts) alerted[alert.watch].insert(alert.article.id);
    round.alerts = alerts.size();
    round.watches_alerting = alerted.size();
    const std::filesystem::path alone = scratch / "batch-alone";
    remove_database_dir(alone);
    {
        rasd::Indexer indexer(alone.string());
        for (const rasd::Article& article : batch) indexer.add_or_replace(article);
        indexer.commit();
    }
    std::set<std::string> skipped;
    for (const std::string& problem : watcher.problems()) {
        const std::size_t open = problem.find("watch '");
        if (open != std::string::npos) skipped.insert(problem.substr(open + 7, problem.find('\'', open + 7) - open - 7));
    }
    rasd::Searcher searcher(alone.string());
    rasd::SearchOptions all;
    all.limit = batch.size();
    all.snippet_length = 0;
    for (const rasd::Watch& watch : watches) {
        if (skipped.count(watch.name)) continue;
        std::set<std::string> expected;
        for (const rasd::SearchHit& hit : searcher.search(watch.query, all).hits) expected.insert(hit.id);
        const auto found = alerted.find(watch.name);
        const std::set<std::string> got = found == alerted.end() ? std::set<std::string>() : found->second;
        if (got != expected) {
            if (round.mismatches++ == 0) {
                round.first_mismatch = "watch " + watch.name + " (" + watch.query + "): " + std::to_string(got.size()) +
                                       " alerts, the batch alone answers " + std::to_string(expected.size());
            }
        }
    }
    remove_database_dir(alone);
    return round;
}

WholeArchiveRun run_whole_archive(const std::string& archive, const std::vector<rasd::Watch>& watches,
                                  std::size_t count) {
    rasd::Searcher searcher(archive);
    rasd::SearchOptions newest;
    newest.sort = rasd::SortOrder::Newest;
    WholeArchiveRun run;
    const auto start = Clock::now();
    for (std::size_t i = 0; i < std::min(count, watches.size()); ++i) {
        try {
            (void)searcher.search(watches[i].query, newest);
        } catch (const rasd::InvalidArgument&) {
            // a watch the Watcher leaves out too: its cost is nothing on either side
        }
        ++run.watches;
    }
    run.seconds = seconds_since(start);
    return run;
}

}  // namespace rasd::bench

// Watcher: the watches, checked once against the archive; each poll() opens every database of
// the archive afresh, reads how far each has committed, runs each watch over what it has not
// seen yet, and saves positions and new alerts in one atomic write of the state.

#include "archive_databases.hpp"
#include "watch_matching.hpp"
#include "watch_state.hpp"

#include "archive/archive_sources.hpp"
#include "archive/shard_layout.hpp"
#include "archive/xapian_analysis.hpp"
#include "archive/xapian_error.hpp"
#include "knowledge/gazetteer.hpp"
#include "knowledge/topics.hpp"
#include "archive/schema.hpp"
#include "searcher/alias_expansion.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/query_syntax.hpp"
#include "searcher/source_names.hpp"
#include "util/control_characters.hpp"
#include "util/fnv1a.hpp"

#include <rasd/error.hpp>
#include <rasd/watcher.hpp>

#include <algorithm>
#include <chrono>
#include <exception>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <thread>
#include <tuple>

namespace rasd {
namespace {

namespace fs = std::filesystem;

constexpr const char* kStateSuffix = ".rasd-watch.state";

// Acknowledgements are appended to the state's log; the state is written whole again only once
// the log holds at least this many ids and as many as there are alerts left (watch_state.hpp).
constexpr std::size_t kMinLoggedBeforeRewrite = 256;
// A writer that commits while a poll reads can recycle the revision it reads (glass keeps two):
// the poll starts again at the latest commit, a bounded number of times, waiting a little longer
// each time. Nothing is saved before a poll has read everything, so a retry repeats nothing.
constexpr int kMaxModifiedRetries = 20;
constexpr auto kRetryBackoffStep = std::chrono::milliseconds(5);

// Stems remembered for snippets, per poll thread: the vocabulary of many batches, a few megabytes
// at most. Snippets stem every body word; remembering took a poll of 2,000 watches from 7.3 to
// 5.0 s (bench/RESULTS.md, bench_watch).
constexpr std::size_t kSnippetStemMemo = 200000;

std::string default_state_path(const std::vector<std::string>& sources) {
    if (sources.empty()) throw InvalidArgument("no database given");
    if (detail::parse_remote_source(sources.front())) {
        throw InvalidArgument(sources.front() + ": a remote archive has no folder to keep the watch state beside: "
                                                "give its path (rasd-watch --state FILE)");
    }
    fs::path path(sources.front());
    if (!path.has_filename()) path = path.parent_path();  // "db/" -> "db"
    if (path.filename() == detail::kStubFileName) path = path.parent_path();
    return path.string() + kStateSuffix;
}

std::string alert_id(const std::string& watch, const std::string& article, std::uint64_t sequence) {
    constexpr char kSeparator = '\x1f';  // unit separator: in no name or id boundary by accident
    std::ostringstream hex;
    hex.width(16);
    hex.fill('0');
    hex << std::hex << detail::fnv1a64(watch + kSeparator + article + kSeparator + std::to_string(sequence));
    return hex.str();
}

// "FILE:LINE: watch 'NAME': ", how a problem with a watch starts.
std::string watch_prefix(const Watch& watch) {
    return (watch.where.empty() ? "" : watch.where + ": ") + "watch '" + detail::escape_control_characters(watch.name) +
           "': ";
}

// One watch that passed the checks.
struct CheckedWatch {
    Watch watch;
    detail::QueryNode syntax;
    std::string digest;
};

// What one thread of a poll owns: an Analyzer keeps ICU state, a Xapian handle is not shared,
// and the snippet stems it remembers serve the next polls too.
struct PollThread {
    std::shared_ptr<Analyzer> analyzer;
    Xapian::Stem stem;
};

// What a poll found for one watch.
struct WatchOutcome {
    detail::WatchPosition position;  // where it stands now
    std::vector<Alert> alerts;
    std::string problem;             // set: left where it was
};

// A poll runs its watches on this many threads at most (one per core, as rasd-index).
unsigned poll_thread_count() { return std::max(1U, std::thread::hardware_concurrency()); }

}  // namespace

struct RASD_NO_EXPORT Watcher::Impl {
    std::vector<std::string> sources;
    WatcherOptions options;
    SearchOptions snippet_options;
    std::string state_path;
    std::unique_ptr<detail::StateLock> lock;
    detail::WatchState state;
    std::size_t acknowledged_in_log = 0;  // ids logged since the state was last written whole
    std::vector<detail::WatchedDatabase> databases;
    std::shared_ptr<Analyzer> analyzer;   // checking the watches (the caller's thread)
    std::vector<PollThread> threads;      // a poll's threads, each with its own analysis
    std::vector<CheckedWatch> watches;
    std::vector<std::string> problems;
    std::vector<std::string> notes;  // how watches that run were read: "FILE:LINE: watch 'W': note: ..."
    std::vector<std::uint64_t> polled_sequences;  // per database, at the last poll()
    // rasd's alias table and the archive's own, as rasd-search expands them; rebuilt when the
    // archive's table changes. Read only while watches run, so the poll threads share it.
    std::string archive_aliases_text;
    std::optional<detail::AliasExpander> aliases;

    void refresh_aliases(const Xapian::Database& archive) {
        std::string text = archive.get_metadata(schema::kAliasesKey);
        if (!aliases || text != archive_aliases_text) {
            aliases = detail::make_alias_expander(text, context(), *analyzer);
            archive_aliases_text = std::move(text);
        }
    }

    std::string context() const {
        std::string names;
        for (const std::string& source : sources) names += (names.empty() ? "" : ", ") + source;
        return names;
    }

    detail::BuiltQuery build(const CheckedWatch& checked, const detail::SourceCatalog& catalog, Analyzer& with) const {
        return detail::build_query(checked.syntax, {}, with, detail::Gazetteer::builtin(),
                                   detail::TopicTaxonomy::builtin(), &catalog, aliases ? &*aliases : nullptr);
    }

    // The articles dated options.since or later: a filter of its own, so that it narrows a
    // watch's own date: filter (as a --from flag beside date: would widen it, rasd-search's rule).
    Xapian::Query since_filter(const detail::SourceCatalog& catalog, Analyzer& with) const {
        detail::QueryNode everything;
        everything.kind = detail::QueryNode::Kind::Default;
        detail::FlagFilters flags;
        flags.from = options.since;
        return detail::build_query(everything, flags, with, detail::Gazetteer::builtin(),
                                   detail::TopicTaxonomy::builtin(), &catalog)
            .combined();
    }

    void check_watches(std::vector<Watch> given, const Xapian::Database& archive);
    // Runs watches first, first + step, ... over what is new, on `thread`'s own database handles.
    void run_watches(PollThread& thread, std::size_t first, std::size_t step, const std::vector<std::uint64_t>& committed,
                     const std::vector<bool>& rebuilt, std::vector<WatchOutcome>& outcomes) const;
    std::vector<Alert> poll_once(std::vector<std::string>& run_problems);

    // A database now at a key the state does not know, born where the state knew another key (the
    // archive moved with its state): the watches' positions move to the new key, so nothing
    // committed in between is skipped.
    void follow_moved_databases(const std::map<std::string, std::string>& births) {
        for (const auto& database : births) {
            const std::string& key = database.first;
            const std::string& birth = database.second;  // a name, not a structured binding: lambdas capture it
            if (state.births.contains(key)) continue;
            const auto old = std::find_if(state.births.begin(), state.births.end(), [&](const auto& known) {
                return known.second == birth && !births.contains(known.first);
            });
            if (old == state.births.end()) continue;
            for (auto& [name, position] : state.watches) {
                const auto seen = position.seen.find(old->first);
                if (seen == position.seen.end()) continue;
                position.seen.emplace(key, seen->second);
                position.seen.erase(seen);
            }
            state.births.erase(old);
        }
    }
};

void Watcher::Impl::check_watches(std::vector<Watch> given, const Xapian::Database& archive) {
    refresh_aliases(archive);
    const detail::ArchiveSourceCatalog catalog(archive);
    std::set<std::string> names;
    for (Watch& watch : given) {
        if (!names.insert(watch.name).second) {
            throw InvalidArgument((watch.where.empty() ? "" : watch.where + ": ") + "duplicate watch name '" +
                                  detail::escape_control_characters(watch.name) + "'");
        }
        try {
            CheckedWatch checked{watch, detail::parse_query_syntax(watch.query), detail::query_digest(watch.query)};
            const detail::BuiltQuery built = build(checked, catalog, *analyzer);
            if (!built.has_text() && !built.has_filters()) throw InvalidArgument("the query has no searchable words");
            for (const std::string& note : built.notes) {
                notes.push_back(watch_prefix(watch) + "note: " + detail::escape_control_characters(note));
            }
            watches.push_back(std::move(checked));
        } catch (const InvalidArgument& e) {  // syntax errors, unknown places, topics, sources
            problems.push_back(watch_prefix(watch) + detail::escape_control_characters(e.what()));
            // A source the archive does not hold yet may come: the watch runs (and is reported at
            // each poll until then), so that it keeps its place and the source's first articles alert.
            if (std::string_view(e.what()).starts_with(detail::kUnknownSourceError)) {
                watches.push_back({watch, detail::parse_query_syntax(watch.query), detail::query_digest(watch.query)});
            }
        }
    }
    if (options.start == WatchStart::Since) (void)since_filter(catalog, *analyzer);  // a bad date: the caller's error
}

void Watcher::Impl::run_watches(PollThread& thread, std::size_t first, std::size_t step,
                                const std::vector<std::uint64_t>& committed, const std::vector<bool>& rebuilt,
                                std::vector<WatchOutcome>& outcomes) const {
    std::vector<Xapian::Database> opened;
    Xapian::Database archive;
    for (const detail::WatchedDatabase& database : databases) {
        opened.push_back(detail::open_watched_database(database));
        archive.add_database(opened.back());
    }
    // A handle opened after the sequences were read may see later commits: the filter stops at
    // `committed`, so they wait for the next poll.
    const detail::ArchiveSourceCatalog catalog(archive);
    std::vector<detail::StoredHits> read(databases.size());
    for (std::size_t w = first; w < watches.size(); w += step) {
        const CheckedWatch& checked = watches[w];
        WatchOutcome& outcome = outcomes[w];
        const auto known = state.watches.find(checked.watch.name);
        const bool starts = known == state.watches.end() || known->second.query_digest != checked.digest;
        if (!starts) outcome.position = known->second;
        outcome.position.query_digest = checked.digest;
        const bool since = starts && options.start == WatchStart::Since;
        std::optional<Xapian::Query> query;  // built once some database has something new
        std::optional<Xapian::Stem> snippet_stem;  // its snippets' stemmer (snippet_stem_for())
        // Where the watch starts in each database, before anything can fail: a watch whose source
        // is not in the archive yet keeps this place until it is.
        for (std::size_t i = 0; i < databases.size(); ++i) {
            auto [seen, inserted] = outcome.position.seen.emplace(
                databases[i].key, starts && options.start != WatchStart::Now ? 0 : committed[i]);
            // A database rebuilt (another birth, or counting from lower than before) holds the
            // articles of the old one again: the watch starts where it stands now.
            if (seen->second > committed[i] || (rebuilt[i] && !inserted && !starts)) seen->second = committed[i];
        }
        const detail::WatchPosition start = outcome.position;
        try {
            for (std::size_t i = 0; i < databases.size(); ++i) {
                const auto seen = outcome.position.seen.find(databases[i].key);
                if (seen->second == committed[i]) continue;
                if (!query) {
                    query = build(checked, catalog, *thread.analyzer).combined();
                    if (since) {
                        query = Xapian::Query(Xapian::Query::OP_FILTER, *query, since_filter(catalog, *thread.analyzer));
                    }
                    snippet_stem = detail::snippet_stem_for(thread.stem, *thread.analyzer, *query);
                }
                for (detail::NewMatch& match : detail::match_new_articles(opened[i], *query, seen->second, committed[i],
                                                                          *snippet_stem, snippet_options, read[i])) {
                    Alert alert;
                    alert.id = alert_id(checked.watch.name, match.hit.id, match.sequence);
                    alert.watch = checked.watch.name;
                    alert.database = databases[i].key;
                    alert.sequence = match.sequence;
                    alert.article = std::move(match.hit);
                    alert.article.copies = detail::other_articles_of_story(opened, alert.article.story);
                    outcome.alerts.push_back(std::move(alert));
                }
                seen->second = committed[i];
            }
        } catch (const InvalidArgument& e) {  // a source: the archive no longer names: tried again later
            outcome.problem = watch_prefix(checked.watch) + detail::escape_control_characters(e.what());
            outcome.alerts.clear();
            outcome.position = start;
        }
    }
}

std::vector<Alert> Watcher::Impl::poll_once(std::vector<std::string>& run_problems) {
    std::vector<std::uint64_t> committed;
    std::map<std::string, std::string> births;
    std::vector<bool> rebuilt;  // per database: another birth than at the last poll
    for (const detail::WatchedDatabase& database : databases) {
        const Xapian::Database opened = detail::open_watched_database(database);
        committed.push_back(detail::committed_sequence(opened, database.location));
        const std::string birth = opened.get_metadata(schema::kBirthKey);
        const auto known = state.births.find(database.key);
        rebuilt.push_back(!birth.empty() && known != state.births.end() && known->second != birth);
        if (!birth.empty()) births[database.key] = birth;
    }
    follow_moved_databases(births);
    // Every shard keeps the archive's alias table: the first one's is the archive's.
    if (!databases.empty()) refresh_aliases(detail::open_watched_database(databases.front()));
    // The watches in turn over the threads (alerts cluster in a few watches); the caller's thread
    // takes the first share.
    std::vector<WatchOutcome> outcomes(watches.size());
    const std::size_t step = std::min(threads.size(), std::max<std::size_t>(1, watches.size()));
    std::vector<std::exception_ptr> failures(step);
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < step; ++t) {
        helpers.emplace_back([&, t] {
            try {
                run_watches(threads[t], t, step, committed, rebuilt, outcomes);
            } catch (...) {
                failures[t] = std::current_exception();
            }
        });
    }
    try {
        run_watches(threads[0], 0, step, committed, rebuilt, outcomes);
    } catch (...) {
        failures[0] = std::current_exception();
    }
    for (std::thread& helper : helpers) helper.join();
    for (const std::exception_ptr& failure : failures) {
        if (failure) std::rethrow_exception(failure);  // DatabaseModifiedError: the poll starts again
    }

    detail::WatchState next;
    next.existed = true;
    next.generation = state.generation;
    next.births = std::move(births);
    next.pending = state.pending;
    // By watch (in the file's order), then database, commit order and article id.
    std::map<std::string, std::size_t> database_index;
    for (std::size_t i = 0; i < databases.size(); ++i) database_index[databases[i].key] = i;
    for (std::size_t w = 0; w < watches.size(); ++w) {
        WatchOutcome& outcome = outcomes[w];
        const std::string& name = watches[w].watch.name;
        if (!outcome.problem.empty()) {
            // Its place as it was (or where it starts, if new): nothing it will match is skipped.
            run_problems.push_back(outcome.problem);
            next.watches[name] = std::move(outcome.position);
            continue;
        }
        std::sort(outcome.alerts.begin(), outcome.alerts.end(), [&](const Alert& a, const Alert& b) {
            return std::tuple(database_index[a.database], a.sequence, a.article.id) <
                   std::tuple(database_index[b.database], b.sequence, b.article.id);
        });
        for (Alert& alert : outcome.alerts) next.pending.push_back(std::move(alert));
        next.watches[name] = std::move(outcome.position);
    }
    detail::save_watch_state(state_path, next);
    state = std::move(next);
    acknowledged_in_log = 0;
    polled_sequences = std::move(committed);
    return state.pending;
}

Watcher::Watcher(const std::vector<std::string>& sources, std::vector<Watch> watches, WatcherOptions options)
    : m_impl(std::make_unique<Impl>()) {
    Impl& impl = *m_impl;
    impl.sources = sources;
    impl.options = std::move(options);
    impl.snippet_options.snippet_length = impl.options.snippet_length;
    impl.snippet_options.highlight_start = impl.options.highlight_start;
    impl.snippet_options.highlight_end = impl.options.highlight_end;
    impl.state_path = impl.options.state_path.empty() ? default_state_path(sources) : impl.options.state_path;
    detail::OpenedArchive archive = detail::open_archive(sources, false);
    impl.databases = detail::watched_databases(sources);
    detail::translate_xapian_errors(impl.context(), [&] {
        impl.analyzer = detail::analyzer_of_signature(archive.analyzer_signature, impl.context());
        impl.check_watches(std::move(watches), archive.database);
        for (unsigned t = 0; t < poll_thread_count(); ++t) {
            auto analyzer = detail::analyzer_of_signature(archive.analyzer_signature, impl.context());
            Xapian::Stem stem = detail::make_xapian_stem(analyzer, kSnippetStemMemo);
            impl.threads.push_back({std::move(analyzer), std::move(stem)});
        }
    });
    impl.lock = std::make_unique<detail::StateLock>(impl.state_path);
    impl.state = detail::load_watch_state(impl.state_path);
}

Watcher::~Watcher() = default;
Watcher::Watcher(Watcher&&) noexcept = default;
Watcher& Watcher::operator=(Watcher&&) noexcept = default;

const std::vector<std::string>& Watcher::problems() const { return m_impl->problems; }

const std::vector<std::string>& Watcher::notes() const { return m_impl->notes; }

const std::string& Watcher::state_path() const { return m_impl->state_path; }

std::vector<Alert> Watcher::poll() {
    Impl& impl = *m_impl;
    return detail::translate_xapian_errors(impl.context(), [&] {
        for (int attempt = 1;; ++attempt) {
            std::vector<std::string> run_problems;
            try {
                std::vector<Alert> alerts = impl.poll_once(run_problems);
                for (std::string& problem : run_problems) {
                    if (std::find(impl.problems.begin(), impl.problems.end(), problem) == impl.problems.end()) {
                        impl.problems.push_back(std::move(problem));
                    }
                }
                return alerts;
            } catch (const Xapian::DatabaseModifiedError&) {
                if (attempt == kMaxModifiedRetries) throw;
                std::this_thread::sleep_for(kRetryBackoffStep * attempt);
            }
        }
    });
}

void Watcher::acknowledge(const std::vector<std::string>& alert_ids) {
    Impl& impl = *m_impl;
    const std::set<std::string> delivered(alert_ids.begin(), alert_ids.end());
    std::vector<std::string> known;  // the pending ones, each once
    for (const Alert& alert : impl.state.pending) {
        if (delivered.contains(alert.id)) known.push_back(alert.id);
    }
    if (known.empty()) return;
    // A state never written has no generation for a log to amend: it is written whole.
    if (impl.state.generation == 0) {
        detail::WatchState next = impl.state;
        std::erase_if(next.pending, [&](const Alert& alert) { return delivered.contains(alert.id); });
        detail::save_watch_state(impl.state_path, next);
        impl.state = std::move(next);
        impl.acknowledged_in_log = 0;
        return;
    }
    detail::log_acknowledged(impl.state_path, impl.state.generation, known);
    std::erase_if(impl.state.pending, [&](const Alert& alert) { return delivered.contains(alert.id); });
    impl.acknowledged_in_log += known.size();
    // Once the log holds more ids than alerts are left, the state is written whole and the log
    // removed: each whole write is paid for by as many appends as it writes alerts.
    if (impl.acknowledged_in_log >= kMinLoggedBeforeRewrite && impl.acknowledged_in_log >= impl.state.pending.size()) {
        detail::save_watch_state(impl.state_path, impl.state);
        impl.acknowledged_in_log = 0;
    }
}

bool Watcher::has_new_commits() {
    Impl& impl = *m_impl;
    return detail::translate_xapian_errors(impl.context(), [&] {
        for (std::size_t i = 0; i < impl.databases.size(); ++i) {
            const Xapian::Database database = detail::open_watched_database(impl.databases[i]);
            const std::uint64_t committed = detail::committed_sequence(database, impl.databases[i].location);
            if (i >= impl.polled_sequences.size() || committed != impl.polled_sequences[i]) return true;
        }
        return false;
    });
}

}  // namespace rasd

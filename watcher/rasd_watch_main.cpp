// rasd-watch: standing queries over a rasd archive; alerts for the articles that reached it
// since the last run, for people (text), scripts (JSON lines) or a command per alert.

#include "cli/cli_common.hpp"
#include "cli/command_runner.hpp"
#include "cli/hit_output.hpp"
#include "cli/interrupt.hpp"
#include "cli/whole_number_option.hpp"
#include "util/counted_nouns.hpp"

#include <rasd/error.hpp>
#include <rasd/watcher.hpp>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>
#include <set>
#include <thread>

namespace po = boost::program_options;

namespace {

const std::string kProgram = "rasd-watch";
// --follow looks at the archive's commits this often (a reopen and one metadata read per
// database): new articles alert within about this long, and an idle watcher costs nothing.
constexpr auto kFollowInterval = std::chrono::seconds(1);
constexpr auto kSleepSlice = std::chrono::milliseconds(100);  // how soon a stop signal is seen
// --exec: the first retry waits this long, each later one twice as long as the one before.
constexpr auto kFirstRetryDelay = std::chrono::milliseconds(500);
constexpr std::size_t kMaxExecAttempts = 100;
constexpr std::size_t kMaxExecTimeoutSeconds = 86400;

struct Options {
    std::vector<std::string> dbs;
    std::string watches;
    std::string state;
    bool json = false;
    std::string exec;
    std::size_t exec_attempts = 3;
    std::size_t exec_timeout_seconds = 60;
    bool follow = false;
    std::string since;
    bool from_start = false;
};

po::options_description visible_options(Options& o) {
    po::options_description desc(
        "Usage: rasd-watch --db DIR --watches FILE [options]\n\n"
        "Run the standing queries of FILE (one NAME<TAB>QUERY per line, in\n"
        "rasd-search's query language; blank lines and # comments skipped) over the\n"
        "articles that reached the archive since the last run, and print an alert for\n"
        "each match, once. The first run alerts nothing and marks where the archive\n"
        "stands (unless --since or --from-start).\n\n"
        "Options",
        rasd::cli::kHelpLineLength, rasd::cli::kHelpLineLength / 2);
    desc.add_options()
        ("help,h", "show this help and exit")
        ("version,V", "show the version and exit")
        ("db,d", po::value(&o.dbs)->value_name("DIR"),
         "database directory, sharded archive, or remote shard tcp://HOST:PORT; repeat for several")
        ("watches,w", po::value(&o.watches)->value_name("FILE"), "the watches file (required)")
        ("state", po::value(&o.state)->value_name("FILE"),
         "where each watch's position and the undelivered alerts are kept (default: DIR.rasd-watch.state "
         "beside the first --db)")
        ("json", po::bool_switch(&o.json), "one JSON object per alert and line")
        ("exec", po::value(&o.exec)->value_name("CMD"),
         "run CMD (by /bin/sh -c) for each alert, its JSON on standard input, instead of printing it; "
         "a failing CMD is retried, then the alert is kept for the next run")
        ("exec-attempts", rasd::cli::whole_number(&o.exec_attempts, "--exec-attempts", std::size_t{1}, kMaxExecAttempts)
                              ->value_name("N")->default_value("3"),
         "times CMD is tried per alert in one run (1 to 100; waits 0.5 s, 1 s, 2 s ... between)")
        ("exec-timeout", rasd::cli::whole_number(&o.exec_timeout_seconds, "--exec-timeout", std::size_t{0},
                                                  kMaxExecTimeoutSeconds)
                             ->value_name("SECONDS")->default_value("60"),
         "an attempt still running after SECONDS is stopped and counts as failed (0: no limit)")
        ("follow,f", po::bool_switch(&o.follow),
         "keep running: look for new commits every second, alert on them; stop on SIGINT or SIGTERM")
        ("since", po::value(&o.since)->value_name("DATE"),
         "watches without a position (first run, new, edited) start with the articles dated DATE or later")
        ("from-start", po::bool_switch(&o.from_start),
         "watches without a position start with every article in the archive");
    return desc;
}

nlohmann::json alert_json(const rasd::Alert& alert) {
    const rasd::SearchHit& a = alert.article;
    return {{"id", alert.id},       {"watch", alert.watch},   {"article", a.id},
            {"title", a.title},     {"date", a.date},         {"places", rasd::cli::places_json(a.places)},
            {"topic", a.topic},     {"source", a.source},     {"url", a.url},
            {"snippet", a.snippet}, {"story", a.story},     {"copies", a.copies}};
}

// Every string printed here comes from the articles or the watches file: each goes through shown().
void print_text(const rasd::Alert& alert, const rasd::WatcherOptions& options) {
    using rasd::cli::shown;
    const rasd::SearchHit& a = alert.article;
    std::cout << shown(alert.watch) << ": " << shown(a.title) << "\n   ";
    for (const std::string* field : {&a.date, &a.place, &a.topic_label, &a.source}) {
        if (!field->empty()) std::cout << shown(*field) << " | ";
    }
    std::cout << shown(a.id) << " | alert " << alert.id << '\n';
    if (!a.url.empty()) std::cout << "   " << shown(a.url) << '\n';
    std::cout << "   " << rasd::cli::shown_snippet(a.snippet, options.highlight_start, options.highlight_end)
              << "\n\n";
}

// Prints every alert, then acknowledges them all once standard output took them.
void print_alerts(rasd::Watcher& watcher, const std::vector<rasd::Alert>& alerts, const Options& o,
                  const rasd::WatcherOptions& options) {
    if (alerts.empty()) return;
    std::vector<std::string> ids;
    for (const rasd::Alert& alert : alerts) {
        if (o.json) {
            std::cout << rasd::cli::json_text(alert_json(alert)) << '\n';
        } else {
            print_text(alert, options);
        }
        ids.push_back(alert.id);
    }
    std::cout.flush();
    if (!std::cout) throw rasd::DataError("standard output: write error; the alerts stay pending for the next run");
    watcher.acknowledge(ids);
}

void sleep_unless_stopped(std::chrono::milliseconds duration) {
    for (auto slept = std::chrono::milliseconds(0); slept < duration && !rasd::cli::interrupt_requested();
         slept += kSleepSlice) {
        std::this_thread::sleep_for(kSleepSlice);
    }
}

// Runs the command for each alert in order, retrying a failure; acknowledges each one delivered.
// The first alert that fails every attempt ends the delivery: the command is broken (a mail
// server down), and trying each later alert would only repeat the wait, and deliver out of order.
// @return the number of alerts left pending because the command kept failing.
std::size_t exec_alerts(rasd::Watcher& watcher, const std::vector<rasd::Alert>& alerts, const Options& o) {
    const auto time_limit = std::chrono::milliseconds(std::chrono::seconds(o.exec_timeout_seconds));
    for (std::size_t a = 0; a < alerts.size(); ++a) {
        const rasd::Alert& alert = alerts[a];
        if (rasd::cli::interrupt_requested()) break;  // the rest stay pending
        const std::string input = rasd::cli::json_text(alert_json(alert)) + '\n';
        rasd::cli::CommandOutcome outcome;
        auto delay = std::chrono::duration_cast<std::chrono::milliseconds>(kFirstRetryDelay);
        for (std::size_t attempt = 1; attempt <= o.exec_attempts; ++attempt) {
            outcome = rasd::cli::run_shell_command(o.exec, input, time_limit);
            if (outcome.succeeded || attempt == o.exec_attempts || rasd::cli::interrupt_requested()) break;
            sleep_unless_stopped(delay);
            delay *= 2;
        }
        if (outcome.succeeded) {
            watcher.acknowledge({alert.id});
            continue;
        }
        if (rasd::cli::interrupt_requested()) break;  // stopped, not failed: pending, said by the exit
        const std::size_t left = alerts.size() - a;
        rasd::cli::print_diagnostic(kProgram, "error",
                                    "alert " + alert.id + " (watch '" + rasd::cli::shown(alert.watch) + "', article " +
                                        rasd::cli::shown(alert.article.id) + "): --exec command failed (" +
                                        outcome.failure + "); kept pending for the next run" +
                                        (left > 1 ? ", with the " + rasd::detail::counted(left - 1, "alert", "alerts") +
                                                        " after it (not tried)"
                                                  : ""));
        return left;
    }
    return 0;
}

// Waits until the archive has new commits or a stop signal came. A database that cannot be read
// for a moment (being replaced by its compacted copy) is reported once and looked at again.
void wait_for_commits(rasd::Watcher& watcher) {
    std::string last_problem;
    while (!rasd::cli::interrupt_requested()) {
        sleep_unless_stopped(kFollowInterval);
        if (rasd::cli::interrupt_requested()) return;
        try {
            if (watcher.has_new_commits()) return;
            last_problem.clear();
        } catch (const rasd::DatabaseError& e) {
            if (e.what() != last_problem) rasd::cli::print_diagnostic(kProgram, "warning", rasd::cli::shown(e.what()));
            last_problem = e.what();
        }
    }
}

rasd::WatcherOptions watcher_options(const Options& o, const po::variables_map& vm) {
    rasd::WatcherOptions options;
    options.state_path = o.state;
    if (vm.count("since") && o.from_start) throw po::error("--since and --from-start conflict");
    if (vm.count("since")) {
        options.start = rasd::WatchStart::Since;
        options.since = o.since;
    } else if (o.from_start) {
        options.start = rasd::WatchStart::FromStart;
    }
    if (!o.json && o.exec.empty() && rasd::cli::stdout_is_terminal()) {
        options.highlight_start = rasd::cli::kBoldOn;
        options.highlight_end = rasd::cli::kBoldOff;
    }
    return options;
}

}  // namespace

int main(int argc, char** argv) {
    return rasd::cli::run(kProgram, [&]() -> int {
        Options o;
        const po::options_description visible = visible_options(o);
        std::vector<std::string> extra;
        const po::variables_map vm = rasd::cli::parse_command_line(argc, argv, visible, extra);
        if (rasd::cli::print_help_or_version(
                kProgram, vm, visible,
                "Exit status: 0 every alert delivered, 1 runtime error or alerts left pending\n"
                "(a failing --exec command), 2 usage error or a watch left out (the others\n"
                "ran), 130 Ctrl-C without --follow. With --follow, SIGINT or SIGTERM stop it\n"
                "cleanly (exit 0).\n")) {
            return rasd::cli::kExitOk;
        }
        if (!extra.empty()) throw po::error("unexpected argument '" + extra.front() + "'");
        if (o.dbs.empty()) throw po::error("the option '--db' is required");
        if (o.watches.empty()) throw po::error("the option '--watches' is required");
        // An empty value would quietly mean the option's absence: text on stdout, or every article.
        for (const char* option : {"exec", "since"}) {
            if (vm.count(option) && vm[option].as<std::string>().find_first_not_of(" \t") == std::string::npos) {
                throw po::error(std::string("--") + option + " needs a value, not an empty one");
            }
        }
        if (o.json && !o.exec.empty()) throw po::error("--json and --exec conflict (--exec always sends JSON)");
        const rasd::WatcherOptions options = watcher_options(o, vm);
        rasd::cli::catch_stop_signals();

        const rasd::WatchFile file = rasd::read_watch_file(o.watches);
        rasd::Watcher watcher(o.dbs, file.watches, options);
        std::set<std::string> reported;  // each problem once, also in --follow
        auto report_problems = [&] {
            for (const auto* list : {&file.problems, &watcher.problems()}) {
                for (const std::string& problem : *list) {
                    if (reported.insert(problem).second) rasd::cli::print_diagnostic(kProgram, "error", problem);
                }
            }
        };
        for (const std::string& note : watcher.notes()) rasd::cli::print_diagnostic(kProgram, "warning", note);
        report_problems();
        std::size_t pending = 0;
        while (!rasd::cli::interrupt_requested()) {
            const std::vector<rasd::Alert> alerts = watcher.poll();
            report_problems();
            if (o.exec.empty()) {
                print_alerts(watcher, alerts, o, options);
                pending = 0;
            } else {
                pending = exec_alerts(watcher, alerts, o);
            }
            if (!o.follow) break;
            wait_for_commits(watcher);
        }
        if (rasd::cli::interrupt_requested() && !o.follow) return rasd::cli::kExitInterrupted;
        if (pending > 0) return rasd::cli::kExitRuntime;
        return reported.empty() ? rasd::cli::kExitOk : rasd::cli::kExitUsage;
    });
}

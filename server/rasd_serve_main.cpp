// rasd-serve: the archive over HTTP: the JSON API of docs/API.md and an Arabic search page.

#include "cli/cli_common.hpp"
#include "cli/whole_number_option.hpp"
#include "server/http_server.hpp"
#include "server/listen_address.hpp"
#include "server/searcher_pool.hpp"

#include <rasd/searcher.hpp>

#include <boost/program_options.hpp>

#include <iostream>

namespace po = boost::program_options;

namespace {

const std::string kProgram = "rasd-serve";
constexpr std::size_t kMaxThreads = 1024;
constexpr std::size_t kMaxTimeoutSeconds = 3600;
constexpr std::size_t kMaxDeadlineMs = 3'600'000;
constexpr double kMsPerSecond = 1000.0;

struct Options {
    std::vector<std::string> dbs;
    bool allow_partial = false;
    std::string listen = "127.0.0.1:8080";
    std::size_t threads = 32;
    std::size_t timeout = 10;
    std::size_t deadline_ms = 1000;
    bool access_log = false;
};

po::options_description visible_options(Options& o) {
    po::options_description desc(
        "Usage: rasd-serve --db SOURCE... [--listen 127.0.0.1:8080] [--threads N]\n"
        "                  [options]\n\n"
        "Serve the archive over HTTP: the JSON API (/api/search, /api/article/ID,\n"
        "/api/stats, /healthz; docs/API.md) and an Arabic search page at /. New\n"
        "commits to the archive are answered without a restart. SIGTERM or Ctrl-C\n"
        "stops it once the requests in flight are answered.\n\nOptions",
        rasd::cli::kHelpLineLength, rasd::cli::kHelpLineLength / 2);
    desc.add_options()
        ("help,h", "show this help and exit")
        ("version,V", "show the version and exit")
        ("db,d", po::value(&o.dbs)->value_name("SOURCE"),
         "database directory, sharded archive, or remote shard tcp://HOST:PORT; repeat for several")
        ("allow-partial", po::bool_switch(&o.allow_partial),
         "answer from the shards that respond when some do not (marked partial)")
        ("listen", po::value(&o.listen)->value_name("HOST:PORT")->default_value("127.0.0.1:8080"),
         "address to listen on (port 0: any free port, printed); loopback unless told otherwise")
        ("threads", rasd::cli::whole_number(&o.threads, "--threads", std::size_t{1}, kMaxThreads)
                        ->value_name("N")->default_value("32"),
         "worker threads, each with its own Searcher, each serving one connection at a time")
        ("timeout", rasd::cli::whole_number(&o.timeout, "--timeout", std::size_t{1}, kMaxTimeoutSeconds)
                        ->value_name("SECONDS")->default_value("10"),
         "deadline to read a request and to write its reply")
        ("deadline-ms", rasd::cli::whole_number(&o.deadline_ms, "--deadline-ms", std::size_t{0}, kMaxDeadlineMs)
                            ->value_name("MS")->default_value("1000"),
         "time a search may spend matching: past it the match stops counting beyond the page, "
         "and the answer says \"cut_short\" (0: no limit)")
        ("access-log", po::bool_switch(&o.access_log), "write one line per request to standard error");
    return desc;
}

}  // namespace

int main(int argc, char** argv) {
    return rasd::cli::run(kProgram, [&]() -> int {
        Options o;
        const po::options_description visible = visible_options(o);
        std::vector<std::string> positionals;
        const po::variables_map vm = rasd::cli::parse_command_line(argc, argv, visible, positionals);
        if (rasd::cli::print_help_or_version(kProgram, vm, visible,
                                              "Exit status: 0 stopped by a signal, 1 runtime error, 2 usage error.\n")) {
            return rasd::cli::kExitOk;
        }
        if (o.dbs.empty()) throw po::error("the option '--db' is required");
        if (!positionals.empty()) throw po::error("unexpected argument '" + positionals.front() + "'");
        const rasd::serve::ListenAddress address = rasd::serve::parse_listen_address(o.listen);

        const rasd::SearcherOptions searcher_options{o.allow_partial,
                                                     static_cast<double>(o.deadline_ms) / kMsPerSecond};
        rasd::serve::SearcherPool pool(o.dbs, searcher_options);
        { rasd::Searcher check(o.dbs, rasd::SearcherOptions{o.allow_partial}); }  // fail now, not per request

        rasd::serve::ServerSettings settings;
        settings.host = address.host;
        settings.port = address.port;
        settings.threads = o.threads;
        settings.timeout = std::chrono::seconds(o.timeout);
        settings.access_log = o.access_log;
        rasd::serve::serve(pool, settings, [&](int port) {
            const bool v6 = address.host.find(':') != std::string::npos;
            std::cout << kProgram << ": listening on http://" << (v6 ? "[" + address.host + "]" : address.host) << ":"
                      << port << "/" << std::endl;
        });
        return rasd::cli::kExitOk;
    });
}

// bench_shards: what sharding costs and buys. Indexing throughput of rasd::ParallelIndexer into
// an archive of 1, 2 and 4 shards, and query latency of rasd::Searcher against one database,
// against 2 and 4 local shards (the archive's stub), and against the same shards served by
// xapian-tcpsrv on the loopback interface; with self-checks that every configuration gives the
// answers of one database.
//
// Usage: bench_shards [--articles N] [--queries Q] [--repeat R] [--threads T] [--keep]
//                     [OUTDIR [INPUT...]]
//
//   --articles N   index only the first N articles read (default 0 = all).
//   --queries Q    query strings in the mix (default 500), split evenly over four classes.
//   --repeat R     timed passes over the mix after the warm-up pass (default 3).
//   --threads T    ParallelIndexer threads (default 2).
//   --keep         keep the archives (OUTDIR/shards-1, -2, -4) after the run; by default they
//                  are removed at the end.
//   OUTDIR         where the archives go (default /tmp/rasd-bench-shards). Each archive
//                  directory is removed first if present (only if it is a Xapian database or
//                  empty); the xapian-tcpsrv logs go to OUTDIR/tcpsrv-logs. Nothing else in
//                  OUTDIR is touched.
//   INPUT          what rasd::read_articles() reads (default: the two ANT JSON-lines files next
//                  to the repository, see bench/CMakeLists.txt). A missing input: SKIP, exit 0.
//
// Indexing: all articles are read into memory first (not timed). For S = 1, 2, 4 a forked
// child builds a fresh archive with rasd::ParallelIndexer (shards S, where S = 1 is one
// database; T threads; commit every 2000 articles per database), so its wall time, CPU time and
// peak RSS (wait4's ru_maxrss) are its own.
//
// Queries: a seeded mix of four classes drawn from the articles indexed: single title words,
// 2-5 word title fragments, filters only (topic:, place:, topic: + date:YYYY in turn, values from
// the database; a kind without values is left out), and free text (a title word or a 2-3 word
// fragment) with facets. Each runs through one rasd::Searcher per configuration (SearchOptions
// defaults: 10 hits with snippets):
// (a) the 1-database archive, (b) the 2-shard archive's directory, (c) the 4-shard archive's
// directory, (d) the 2 shards served by 2 xapian-tcpsrv on 127.0.0.1, (e) the 4 shards over
// loopback likewise. (d) and (e) are skipped, and said so, without xapian-tcpsrv. An untimed
// warm-up pass runs every query on every configuration; then R timed passes, each in a new
// seeded order of the queries, every query running on all configurations in turn (the first
// one rotating), so that load drifting during the run falls on all alike.
//
// Self-checks (exit 1 with "bench_shards: CHECK FAILED: ..."): every archive holds exactly one
// document per distinct id; in every shard, every id (its Q term) hashes to that shard
// (rasd::shard_of_article) and each document has one id; rasd accepts every generated query; and
// for every query every configuration gives the same top-10 ids in the same order and the same
// scores (relative tolerance 1e-9) as (a), the same facets for the facet class, and the same
// total. Totals are compared exactly, except where (a)'s total is an estimate (more than 1000
// matches without facets): Xapian's estimate depends on how the articles are split, so there
// the two totals' bounds must overlap, and the estimates that differ are listed, not failed.
// Snippets are not compared: over shards Xapian may pick another passage of the same article
// (docs/SCALING.md). Exit codes: 0 ok/skip, 1 check failed, 2 usage, input or run error.

#include "bench_child.hpp"
#include "bench_corpus.hpp"
#include "bench_support.hpp"
#include "query_sample.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/analyzer_factory.hpp>
#include <rasd/article.hpp>
#include <rasd/article_reader.hpp>
#include <rasd/indexer.hpp>
#include <rasd/parallel_indexer.hpp>
#include <rasd/searcher.hpp>

// Internal header (read only): the term prefixes, to read ids and filter values from databases.
#include "archive/schema.hpp"
#include "archive/term_codec.hpp"

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <random>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

// The helpers of bench_support.hpp, bench_child.hpp, bench_corpus.hpp and query_sample.hpp.
using namespace rasd::bench;

constexpr const char* kDefaultOutdir = "/tmp/rasd-bench-shards";
constexpr std::size_t kDefaultQueries = 500;
constexpr std::size_t kDefaultRepeat = 3;
constexpr unsigned kDefaultThreads = 2;     // the machines these runs are made on have 2 cores
constexpr std::uint32_t kSeed = 20261202;  // the query mix and the orders of the timed passes

// Indexing: the shard counts compared, and the commit size (ParallelIndexerOptions' default).
constexpr std::array<std::size_t, 3> kShardCounts = {1, 2, 4};
constexpr std::size_t kBatch = 2000;

// The query mix.
constexpr std::size_t kMinHeadlineWords = 2, kMaxHeadlineWords = 5;
constexpr std::size_t kMinFacetWords = 2, kMaxFacetWords = 3;  // fragments of the facet class
constexpr std::size_t kMinWordLetters = 3;       // a single-word query is no clitic or particle
constexpr std::size_t kFilterPlaceChoices = 40;  // place filters use the most frequent places
constexpr std::size_t kMaxDrawAttempts = 100000;

// Answers must agree to this relative difference in score (sums over shards may add in another
// order), and a report lists at most this many differences.
constexpr double kScoreTolerance = 1e-9;
constexpr std::size_t kDifferencesShown = 20;
// rasd counts matches exactly up to this many without facets (kExactTotalUpTo in
// searcher/searcher.cpp); above it a total is Xapian's estimate.
constexpr std::size_t kExactTotalUpTo = 1000;

// xapian-tcpsrv: tries with a fresh port when one turns out taken, and how long a server may
// take to accept its first connection.
constexpr const char* kTcpServer = "xapian-tcpsrv";
constexpr const char* kLoopback = "127.0.0.1";
constexpr int kServerStartAttempts = 10;
constexpr auto kServerStartTimeout = std::chrono::seconds(10);
constexpr auto kServerPollInterval = std::chrono::milliseconds(50);
constexpr std::size_t kMaxServers = 16;

// ---- small helpers --------------------------------------------------------------------------

// The command line as a shell would take it back (arguments with unusual characters quoted).
std::string command_line(int argc, char** argv) {
    std::string out;
    for (int i = 0; i < argc; ++i) {
        const std::string arg = argv[i];
        const bool plain = !arg.empty() && arg.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                                                 "0123456789-_./=:,+@%") == std::string::npos;
        std::string quoted = "'";
        for (char c : arg) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
        out += (i ? " " : "") + (plain ? arg : quoted + "'");
    }
    return out;
}

std::string shard_name(std::size_t index) {
    char name[32];
    std::snprintf(name, sizeof name, "shard-%02zu", index);
    return name;
}

// ---- indexing in a child process ------------------------------------------------------------

// In the child: a new archive of `shards` shards (1: one database) with ParallelIndexer.
json build_archive(const Corpus& corpus, const fs::path& dir, std::size_t shards, unsigned threads) {
    json r{{"rss_at_start_kib", proc_status_kib("VmRSS")}};
    std::size_t indexed = 0, warnings = 0;
    const double c0 = process_cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    {
        rasd::ParallelIndexerOptions options;
        options.indexer.shards = shards == 1 ? 0 : shards;  // 0: a new archive is one database
        options.threads = threads;
        options.batch = kBatch;
        rasd::ParallelIndexer indexer(dir.string(), options, [&](const rasd::Article&, const rasd::IndexedArticle& done) {
            ++indexed;
            warnings += done.warnings.size();
        });
        for (const rasd::Article& a : corpus.articles) indexer.add_or_replace(a);
        indexer.finish();
        r["threads"] = indexer.threads();
        r["shards_reported"] = indexer.stats().shards;
    }  // closed: the time includes closing the databases
    r["seconds"] = seconds_since(t0);
    r["cpu_seconds"] = process_cpu_seconds() - c0;
    r["indexed"] = indexed;
    r["metadata_warnings"] = warnings;
    return r;
}

struct Build {
    std::size_t shards = 0;
    fs::path dir;
    double seconds = 0, cpu_seconds = 0;
    std::uint64_t peak_rss_kib = 0, rss_at_start_kib = 0;
    std::uint64_t disk_bytes = 0;
    unsigned threads = 0;
    std::vector<std::size_t> shard_articles;
    std::string load_before, load_after;
    json child;
};

// The self-checks of one archive: one document per distinct id, every id in the shard it hashes
// to, one id term per document. Returns the failures (empty if none).
std::vector<std::string> check_archive(Build& b, std::size_t distinct_ids) {
    std::vector<std::string> failures;
    const std::string id_prefix = rasd::schema::kIdPrefix;
    std::vector<fs::path> databases;
    if (b.shards == 1) {
        databases.push_back(b.dir);
    } else {
        if (!fs::exists(b.dir / "XAPIANDB")) failures.push_back(b.dir.string() + ": no XAPIANDB stub");
        for (std::size_t k = 0; k < b.shards; ++k) databases.push_back(b.dir / shard_name(k));
        if (fs::exists(b.dir / shard_name(b.shards))) failures.push_back(b.dir.string() + ": more shards than " + std::to_string(b.shards));
    }
    std::size_t total = 0;
    for (std::size_t k = 0; k < databases.size(); ++k) {
        const Xapian::Database db(databases[k].string());
        std::size_t ids = 0, misplaced = 0;
        std::string example;
        for (auto it = db.allterms_begin(id_prefix); it != db.allterms_end(id_prefix); ++it) {
            ++ids;
            if (it.get_termfreq() != 1) failures.push_back(databases[k].string() + ": id term " + *it + " on " + std::to_string(it.get_termfreq()) + " documents");
            const std::string id = rasd::schema::id_of_term(*it);
            if (rasd::shard_of_article(id, b.shards) != k) {
                if (misplaced++ == 0) example = id;
            }
        }
        if (misplaced != 0) {
            failures.push_back(databases[k].string() + ": " + std::to_string(misplaced) + " ids hash to another shard (e.g. '" +
                               example + "' -> " + std::to_string(rasd::shard_of_article(example, b.shards)) + ")");
        }
        if (ids != db.get_doccount()) {
            failures.push_back(databases[k].string() + ": " + std::to_string(db.get_doccount()) + " documents but " +
                               std::to_string(ids) + " ids");
        }
        b.shard_articles.push_back(ids);
        total += ids;
    }
    if (total != distinct_ids) {
        failures.push_back(b.dir.string() + ": " + std::to_string(total) + " ids, not the " + std::to_string(distinct_ids) +
                           " distinct ids read");
    }
    const std::size_t opened = Xapian::Database(b.dir.string()).get_doccount();  // the stub opens every shard
    if (opened != distinct_ids) {
        failures.push_back(b.dir.string() + ": opens as " + std::to_string(opened) + " documents, not " + std::to_string(distinct_ids));
    }
    return failures;
}

// ---- xapian-tcpsrv --------------------------------------------------------------------------

// Servers still running, for the signal handler (plain array: async-signal-safe to read).
std::array<std::atomic<pid_t>, kMaxServers> g_servers{};

extern "C" void stop_servers_and_die(int sig) {
    for (auto& pid : g_servers) {
        const pid_t p = pid.load();
        if (p > 0) kill(p, SIGTERM);
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

bool on_path(const std::string& program) {
    const char* path = std::getenv("PATH");
    if (path == nullptr) return false;
    std::string_view rest = path;
    while (!rest.empty()) {
        const std::size_t colon = rest.find(':');
        const std::string dir(rest.substr(0, colon));
        if (!dir.empty() && access((dir + "/" + program).c_str(), X_OK) == 0) return true;
        rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    }
    return false;
}

// A port on the loopback interface nobody listens on now (the kernel's choice). Another
// process may take it before the server binds it; start() then tries another.
int free_port() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw std::runtime_error(std::string("socket: ") + std::strerror(errno));
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = 0;
    socklen_t len = sizeof addr;
    const bool ok = bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 &&
                    getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len) == 0;
    const int err = errno;
    close(fd);
    if (!ok) throw std::runtime_error(std::string("cannot find a free port: ") + std::strerror(err));
    return ntohs(addr.sin_port);
}

bool accepts_connection(int port) {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) return false;
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
    close(fd);
    return ok;
}

// xapian-tcpsrv processes serving shards on 127.0.0.1; all stopped when this is destroyed.
class TcpServers {
public:
    TcpServers() = default;
    TcpServers(const TcpServers&) = delete;
    TcpServers& operator=(const TcpServers&) = delete;
    ~TcpServers() { stop_all(); }

    // Starts a server for `database` and waits until it accepts a connection.
    // @return its address, "tcp://127.0.0.1:PORT". @throws std::runtime_error if it cannot.
    std::string start(const fs::path& database, const fs::path& log_dir) {
        if (m_pids.size() == kMaxServers) throw std::runtime_error("too many servers");
        std::string why = "no attempt";
        for (int attempt = 0; attempt < kServerStartAttempts; ++attempt) {
            const int port = free_port();
            const std::string port_text = std::to_string(port);
            const std::string db = database.string();
            const std::string log = (log_dir / ("tcpsrv-" + port_text + ".log")).string();
            std::cout.flush();
            std::fflush(nullptr);
            const pid_t pid = fork();
            if (pid < 0) throw std::runtime_error(std::string("fork: ") + std::strerror(errno));
            if (pid == 0) {
                // A session of its own: on SIGTERM xapian-tcpsrv signals its whole process group,
                // which must not include this benchmark.
                setsid();
                const int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
                if (fd >= 0) {
                    dup2(fd, STDOUT_FILENO);
                    dup2(fd, STDERR_FILENO);
                    close(fd);
                }
                execlp(kTcpServer, kTcpServer, "--interface", kLoopback, "--port", port_text.c_str(), "--quiet", db.c_str(),
                       static_cast<char*>(nullptr));
                _exit(127);
            }
            remember(pid);
            // Listening once it accepts a connection; a taken port makes it exit at once.
            const auto t0 = std::chrono::steady_clock::now();
            for (;;) {
                int status = 0;
                if (waitpid(pid, &status, WNOHANG) == pid) {
                    forget(pid);
                    why = "exited with status " + std::to_string(status) + " (see " + log + ")";
                    break;
                }
                if (accepts_connection(port)) return "tcp://" + std::string(kLoopback) + ":" + port_text;
                if (std::chrono::steady_clock::now() - t0 > kServerStartTimeout) {
                    stop(pid);
                    why = "not listening after " + std::to_string(kServerStartTimeout.count()) + " s";
                    break;
                }
                std::this_thread::sleep_for(kServerPollInterval);
            }
        }
        throw std::runtime_error("cannot start " + std::string(kTcpServer) + " for " + database.string() + ": " + why);
    }

    void stop_all() {
        while (!m_pids.empty()) stop(m_pids.back());
    }

private:
    void remember(pid_t pid) {
        m_pids.push_back(pid);
        for (auto& slot : g_servers) {
            pid_t empty = 0;
            if (slot.compare_exchange_strong(empty, pid)) return;
        }
    }

    void forget(pid_t pid) {
        m_pids.erase(std::remove(m_pids.begin(), m_pids.end(), pid), m_pids.end());
        for (auto& slot : g_servers) {
            pid_t mine = pid;
            slot.compare_exchange_strong(mine, 0);
        }
    }

    void stop(pid_t pid) {
        kill(pid, SIGTERM);
        int status = 0;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
        }
        forget(pid);
    }

    std::vector<pid_t> m_pids;
};

// ---- the query mix --------------------------------------------------------------------------

enum class QueryClass { Word, Headline, Filter, TextFacets };
constexpr std::array<QueryClass, 4> kAllClasses = {QueryClass::Word, QueryClass::Headline, QueryClass::Filter,
                                                    QueryClass::TextFacets};

const char* class_name(QueryClass c) {
    switch (c) {
        case QueryClass::Word: return "word";
        case QueryClass::Headline: return "headline";
        case QueryClass::Filter: return "filter";
        case QueryClass::TextFacets: return "text+facets";
    }
    return "?";
}

struct BenchQuery {
    QueryClass cls = QueryClass::Word;
    std::string text;  // rasd's query string
    bool facets = false;
};

// Values of one kind of boolean term in a database, in term order (Omega's capital-letter colon
// dropped).
std::vector<std::string> term_values(const Xapian::Database& db, const std::string& prefix) {
    std::vector<std::string> out;
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        std::string value = rasd::schema::term_value(prefix, *it);
        if (!value.empty()) out.push_back(value);
    }
    return out;
}

// Filter values from the 1-database archive: topic ids, years, and the most frequent places by
// their Arabic name (the query language names places; it does not take gazetteer ids).
struct FilterValues {
    std::vector<std::string> topics, places, years;
};

FilterValues filter_values(const fs::path& archive) {
    FilterValues v;
    const Xapian::Database db(archive.string());
    v.topics = term_values(db, rasd::schema::kTopicPrefix);
    for (const std::string& y : term_values(db, rasd::schema::kYearPrefix)) {
        if (y.size() == 4) v.years.push_back(y);  // Y + YYYY
    }
    rasd::Searcher searcher(archive.string());
    for (const rasd::TermCount& place : searcher.stats(kFilterPlaceChoices).top_places) {
        if (!place.label.empty() && place.label != place.value) v.places.push_back(place.label);
    }
    return v;
}

enum class FilterKind { Topic, Place, TopicYear, Year };

// The kinds of filter the archive has values for (an archive may lack places, e.g. JawharaFM's
// articles alone: no place field, no dateline rasd knows).
std::vector<FilterKind> filter_kinds(const FilterValues& values) {
    std::vector<FilterKind> kinds;
    if (!values.topics.empty()) kinds.push_back(FilterKind::Topic);
    if (!values.places.empty()) kinds.push_back(FilterKind::Place);
    if (!values.topics.empty() && !values.years.empty()) kinds.push_back(FilterKind::TopicYear);
    if (values.topics.empty() && !values.years.empty()) kinds.push_back(FilterKind::Year);
    return kinds;
}

std::vector<BenchQuery> make_mix(const std::vector<rasd::Article>& articles, const FilterValues& values, std::size_t total) {
    const std::vector<FilterKind> kinds = filter_kinds(values);
    check(!kinds.empty(), "the archive has topics, places or years to filter on");
    std::mt19937 rng(kSeed);
    rasd::Analyzer analyzer = rasd::make_analyzer(rasd::StemmerKind::Light);
    std::vector<BenchQuery> mix;
    for (std::size_t c = 0; c < kAllClasses.size(); ++c) {
        const QueryClass cls = kAllClasses[c];
        const std::size_t count = total / kAllClasses.size() + (c < total % kAllClasses.size() ? 1 : 0);
        for (std::size_t q = 0; q < count; ++q) {
            BenchQuery bq{cls, "", cls == QueryClass::TextFacets};
            for (std::size_t attempt = 0; bq.text.empty(); ++attempt) {
                if (attempt == kMaxDrawAttempts) throw std::runtime_error(std::string("cannot draw ") + class_name(cls) + " queries");
                const std::string& title = pick(articles, rng).title;
                switch (cls) {
                    case QueryClass::Word: bq.text = content_word(analyzer, title, kMinWordLetters, rng); break;
                    case QueryClass::Headline:
                        bq.text = fragment(analyzer, title, kMinHeadlineWords, kMaxHeadlineWords, rng);
                        break;
                    case QueryClass::Filter:
                        switch (kinds[q % kinds.size()]) {
                            case FilterKind::Topic: bq.text = "topic:" + pick(values.topics, rng); break;
                            case FilterKind::Place: bq.text = "place:\"" + pick(values.places, rng) + "\""; break;
                            case FilterKind::TopicYear:
                                bq.text = "topic:" + pick(values.topics, rng) + " date:" + pick(values.years, rng);
                                break;
                            case FilterKind::Year: bq.text = "date:" + pick(values.years, rng); break;
                        }
                        break;
                    case QueryClass::TextFacets:  // half single words, half short fragments
                        bq.text = q % 2 == 0 ? content_word(analyzer, title, kMinWordLetters, rng)
                                             : fragment(analyzer, title, kMinFacetWords, kMaxFacetWords, rng);
                        break;
                }
            }
            mix.push_back(std::move(bq));
        }
    }
    return mix;
}

// ---- configurations and answers -------------------------------------------------------------

struct Config {
    std::string key;   // "a" .. "e"
    std::string name;  // as printed
    std::vector<std::string> sources;
    std::size_t shards = 1;
    bool remote = false;
};

// What is compared between configurations (snippets are not: see the header comment).
struct Answer {
    std::string error;  // what search() threw, "" if it answered
    rasd::MatchTotal total;
    std::vector<std::pair<std::string, double>> top;  // id, score
    bool has_facets = false;
    rasd::Facets facets;
    bool partial = false;
};

rasd::SearchOptions search_options(const BenchQuery& q) {
    rasd::SearchOptions o;  // defaults: 10 hits with snippets, as rasd-search
    o.facets = q.facets;
    return o;
}

Answer answer_of(rasd::Searcher& searcher, const BenchQuery& q) {
    Answer a;
    try {
        const rasd::SearchResults r = searcher.search(q.text, search_options(q));
        a.total = r.total;
        for (const rasd::SearchHit& h : r.hits) a.top.emplace_back(h.id, h.score);
        a.has_facets = r.has_facets;
        a.facets = r.facets;
        a.partial = r.partial;
    } catch (const std::exception& e) {
        a.error = e.what();
    }
    return a;
}

bool same_score(double a, double b) { return std::fabs(a - b) <= kScoreTolerance * std::max(std::fabs(a), std::fabs(b)); }

std::string facet_list(const std::vector<rasd::FacetValue>& values) {
    std::string out;
    for (const rasd::FacetValue& v : values) out += (out.empty() ? "" : ", ") + v.value + "=" + std::to_string(v.count);
    return "[" + out + "]";
}

std::string total_text(const rasd::MatchTotal& t) {
    return std::to_string(t.estimated) + " [" + std::to_string(t.lower) + ", " + std::to_string(t.upper) + "]";
}

// How an answer differs from the 1-database answer.
struct Comparison {
    std::string difference;  // what differs that must not: "" if nothing
    // The 1-database total is an estimate (more than kExactTotalUpTo matches), the other
    // differs, and both bounds hold the true count: "" if not. Xapian's estimate depends on how
    // the articles are split (a remote shard counts up to kExactTotalUpTo of its own matches, so
    // it is often exact where one database estimates).
    std::string estimate;
};

Comparison compare(const Answer& want, const Answer& got) {
    if (!got.error.empty()) return {"error: " + got.error, ""};
    if (got.partial) return {"answer marked partial", ""};
    Comparison out;
    std::string& d = out.difference;
    auto add = [&](const std::string& what) { d += (d.empty() ? "" : "; ") + what; };
    if (got.total.estimated != want.total.estimated) {
        const std::string what = "total " + total_text(got.total) + " vs " + total_text(want.total);
        // The true count lies within both answers' bounds, so the bounds must overlap.
        const bool consistent = got.total.lower <= got.total.estimated && got.total.estimated <= got.total.upper &&
                                std::max(got.total.lower, want.total.lower) <= std::min(got.total.upper, want.total.upper);
        if (want.total.lower < want.total.upper && consistent) {
            out.estimate = what;
        } else {
            add(what);
        }
    }
    if (got.top.size() != want.top.size()) add(std::to_string(got.top.size()) + " hits vs " + std::to_string(want.top.size()));
    for (std::size_t i = 0; i < std::min(got.top.size(), want.top.size()); ++i) {
        if (got.top[i].first != want.top[i].first) {
            add("rank " + std::to_string(i + 1) + ": " + got.top[i].first + " (" + fixed(got.top[i].second, 6) + ") vs " +
                want.top[i].first + " (" + fixed(want.top[i].second, 6) + ")");
            break;  // the rest of the list is shifted too
        }
        if (!same_score(got.top[i].second, want.top[i].second)) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "score at rank %zu: %.17g vs %.17g", i + 1, got.top[i].second, want.top[i].second);
            add(buf);
            break;
        }
    }
    if (got.has_facets != want.has_facets) add("facets missing");
    const std::array<std::pair<const char*, std::vector<rasd::FacetValue> rasd::Facets::*>, 5> facets = {{
        {"topic", &rasd::Facets::topic},
        {"country", &rasd::Facets::country},
        {"city", &rasd::Facets::city},
        {"year", &rasd::Facets::year},
        {"month", &rasd::Facets::month},
    }};
    for (const auto& [name, member] : facets) {
        const auto& g = got.facets.*member;
        const auto& w = want.facets.*member;
        const bool same = g.size() == w.size() && std::equal(g.begin(), g.end(), w.begin(), [](const auto& x, const auto& y) {
                              return x.value == y.value && x.count == y.count;
                          });
        if (!same) add(std::string(name) + " facet " + facet_list(g) + " vs " + facet_list(w));
    }
    return out;
}

// ---- options --------------------------------------------------------------------------------

struct Options {
    std::size_t articles = 0;  // 0: all
    std::size_t queries = kDefaultQueries;
    std::size_t repeat = kDefaultRepeat;
    unsigned threads = kDefaultThreads;
    bool keep = false;
    fs::path outdir = kDefaultOutdir;
    std::vector<std::string> inputs;
};

constexpr const char* kUsage =
    "usage: bench_shards [--articles N] [--queries Q] [--repeat R] [--threads T] [--keep] [OUTDIR [INPUT...]]\n";

Options parse_options(int argc, char** argv) {
    Options o;
    std::vector<std::string> positional;
    for (ArgReader args(argc, argv); args.next();) {
        const std::string& arg = args.arg();
        if (arg == "--articles") o.articles = parse_count(args.value());
        else if (arg == "--queries") o.queries = parse_count(args.value());
        else if (arg == "--repeat") o.repeat = parse_count(args.value());
        else if (arg == "--threads") o.threads = static_cast<unsigned>(parse_count(args.value()));
        else if (arg == "--keep") o.keep = true;
        else if (!arg.empty() && arg[0] == '-') throw std::invalid_argument("unknown option " + arg);
        else positional.push_back(arg);
    }
    if (o.queries < kAllClasses.size() || o.repeat == 0 || o.threads == 0) {
        throw std::invalid_argument("--queries must be at least 4, --repeat and --threads at least 1");
    }
    if (!positional.empty()) o.outdir = positional[0];
    o.inputs.assign(positional.size() > 1 ? positional.begin() + 1 : positional.end(), positional.end());
    if (o.inputs.empty()) o.inputs = default_ant_inputs();
    return o;
}

// Removes the archives at the end unless --keep, also when the run fails.
struct ArchiveCleanup {
    std::vector<fs::path> dirs;
    bool keep = false;
    ~ArchiveCleanup() {
        if (keep) return;
        for (const fs::path& d : dirs) {
            std::error_code ec;
            fs::remove_all(d, ec);
        }
    }
};

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    try {
        opt = parse_options(argc, argv);
    } catch (const std::exception& e) {
        std::cerr << "bench_shards: " << e.what() << "\n" << kUsage;
        return 2;
    }
    if (skip_missing_input("bench_shards", opt.inputs)) return 0;
    // Servers run in sessions of their own, so an interrupt would not reach them: stop them here.
    for (int sig : {SIGINT, SIGTERM, SIGHUP}) signal(sig, stop_servers_and_die);

    const std::string command = command_line(argc, argv);
    const std::string load_at_start = loadavg();
    ArchiveCleanup cleanup;
    cleanup.keep = opt.keep;
    return run_bench_main("bench_shards", [&] {
        std::cout << "bench_shards: " << command << "\n  load average at start: " << load_at_start << "\n";

        // 1. The articles, in memory (untimed).
        const auto read0 = std::chrono::steady_clock::now();
        const Corpus corpus = read_corpus(opt.inputs, opt.articles, "read problem (record skipped)");
        if (corpus.articles.empty() || corpus.raw_bytes == 0) throw std::runtime_error("no article read from the inputs");
        const double raw_mib = mib(corpus.raw_bytes);
        std::cout << "  " << corpus.articles.size() << " articles (" << corpus.distinct_ids << " distinct ids, "
                  << corpus.problems << " records skipped), raw text (title+abstract+body) " << fixed(raw_mib, 2)
                  << " MiB, read in " << fixed(seconds_since(read0), 1) << " s (not timed)\n";
        for (const std::string& input : opt.inputs) std::cout << "  input: " << input << "\n";
        fs::create_directories(opt.outdir);

        // 2. Indexing: each archive in its own child.
        std::vector<Build> builds;
        for (std::size_t shards : kShardCounts) {
            Build b;
            b.shards = shards;
            b.dir = opt.outdir / ("shards-" + std::to_string(shards));
            remove_database_dir(b.dir);
            cleanup.dirs.push_back(b.dir);
            b.load_before = loadavg();
            std::cout << "  indexing into " << shards << (shards == 1 ? " database" : " shards") << " (" << opt.threads
                      << " threads) ..." << std::flush;
            const ChildOutcome c =
                run_in_child([&] { return build_archive(corpus, b.dir, shards, opt.threads); }, "indexing child");
            b.load_after = loadavg();
            b.child = c.result;
            b.seconds = c.result["seconds"].get<double>();
            b.cpu_seconds = c.result["cpu_seconds"].get<double>();
            b.threads = c.result["threads"].get<unsigned>();
            b.rss_at_start_kib = c.result["rss_at_start_kib"].get<std::uint64_t>();
            b.peak_rss_kib = c.maxrss_kib;
            b.disk_bytes = dir_bytes(b.dir);
            std::cout << " " << fixed(b.seconds, 1) << " s (CPU " << fixed(b.cpu_seconds, 1) << " s)\n";
            builds.push_back(std::move(b));
        }
        std::vector<std::string> archive_failures;
        for (Build& b : builds) {
            for (std::string& f : check_archive(b, corpus.distinct_ids)) archive_failures.push_back(std::move(f));
            if (b.child["indexed"].get<std::size_t>() != corpus.articles.size()) {
                archive_failures.push_back(b.dir.string() + ": " + b.child["indexed"].dump() + " articles reported indexed, not " +
                                           std::to_string(corpus.articles.size()));
            }
        }

        const double base_seconds = builds.front().seconds;
        std::cout << "\n## Indexing: " << corpus.articles.size() << " articles, " << fixed(raw_mib, 2)
                  << " MiB of text, ParallelIndexer with " << opt.threads << " threads, commit every " << kBatch << "\n\n"
                  << "| shards | threads used | s | articles/s | MiB/s | speed-up | CPU s | peak RSS MiB (+ over start) "
                     "| on disk MiB (× raw) | articles per shard |\n"
                  << "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n";
        json index_rows = json::array();
        for (const Build& b : builds) {
            const double peak = static_cast<double>(b.peak_rss_kib) / 1024.0;
            const double start = static_cast<double>(b.rss_at_start_kib) / 1024.0;
            std::string per_shard;
            for (std::size_t n : b.shard_articles) per_shard += (per_shard.empty() ? "" : " / ") + std::to_string(n);
            std::cout << "| " << b.shards << " | " << b.threads << " | " << fixed(b.seconds, 1) << " | "
                      << fixed(static_cast<double>(corpus.articles.size()) / b.seconds, 0) << " | "
                      << fixed(raw_mib / b.seconds, 2) << " | " << fixed(base_seconds / b.seconds, 2) << " | "
                      << fixed(b.cpu_seconds, 1) << " | " << fixed(peak, 0) << " (+" << fixed(peak - start, 0) << ") | "
                      << fixed(mib(b.disk_bytes), 1) << " (" << fixed(static_cast<double>(b.disk_bytes) / static_cast<double>(corpus.raw_bytes), 2)
                      << ") | " << per_shard << " |\n";
            index_rows.push_back({{"shards", b.shards},
                                  {"threads", b.threads},
                                  {"seconds", b.seconds},
                                  {"articles_per_s", static_cast<double>(corpus.articles.size()) / b.seconds},
                                  {"mib_per_s", raw_mib / b.seconds},
                                  {"speedup", base_seconds / b.seconds},
                                  {"cpu_seconds", b.cpu_seconds},
                                  {"peak_rss_kib", b.peak_rss_kib},
                                  {"rss_at_start_kib", b.rss_at_start_kib},
                                  {"disk_bytes", b.disk_bytes},
                                  {"shard_articles", b.shard_articles},
                                  {"metadata_warnings", b.child["metadata_warnings"]},
                                  {"load_before", b.load_before},
                                  {"load_after", b.load_after}});
        }
        std::cout << "\n  speed-up: seconds with 1 database / seconds. CPU s: user + system of all the child's threads.\n"
                     "  peak RSS: the child's ru_maxrss, which includes the articles it inherited in memory.\n"
                     "  load average before -> after each build:";
        for (const Build& b : builds) std::cout << "  " << b.shards << ": " << b.load_before << " -> " << b.load_after << ";";
        std::cout << "\n  archive checks: " << (archive_failures.empty() ? "ok" : "FAILED") << "\n";
        for (const std::string& f : archive_failures) std::cout << "    FAIL " << f << "\n";
        check(archive_failures.empty(), archive_failures.empty() ? "" : archive_failures.front());

        // 3. The configurations. Servers first, so no database is open when they are forked.
        const Build& one = builds[0];
        const Build& two = builds[1];
        const Build& four = builds[2];
        std::vector<Config> configs = {
            {"a", "1 database", {one.dir.string()}, 1, false},
            {"b", "2 shards, local", {two.dir.string()}, 2, false},
            {"c", "4 shards, local", {four.dir.string()}, 4, false},
        };
        TcpServers servers;
        const bool have_server = on_path(kTcpServer);
        std::string remote_note;
        if (have_server) {
            const fs::path logs = opt.outdir / "tcpsrv-logs";
            fs::create_directories(logs);
            cleanup.dirs.push_back(logs);
            for (const Build* b : {&two, &four}) {
                Config c{b->shards == 2 ? "d" : "e", std::to_string(b->shards) + " shards, loopback remote", {}, b->shards, true};
                for (std::size_t k = 0; k < b->shards; ++k) c.sources.push_back(servers.start(b->dir / shard_name(k), logs));
                configs.push_back(std::move(c));
            }
        } else {
            remote_note = std::string(kTcpServer) + " not found on PATH (Debian package xapian-tools): configurations (d) and (e) skipped";
            std::cout << "\n  NOTE: " << remote_note << "\n";
        }
        std::cout << "\n  configurations:\n";
        for (const Config& c : configs) {
            std::cout << "    (" << c.key << ") " << lpad(c.name, 28);
            for (const std::string& s : c.sources) std::cout << " " << s;
            std::cout << "\n";
        }
        std::vector<rasd::Searcher> searchers;  // destroyed before the servers stop
        searchers.reserve(configs.size());
        for (const Config& c : configs) searchers.emplace_back(c.sources);

        // 4. The query mix, from the articles indexed and the 1-database archive's values.
        const FilterValues values = filter_values(one.dir);
        const std::vector<BenchQuery> queries = make_mix(corpus.articles, values, opt.queries);
        std::cout << "\n  query mix (seed " << kSeed << "): " << queries.size() << " queries:";
        for (QueryClass cls : kAllClasses) {
            std::cout << " " << class_name(cls) << " "
                      << std::count_if(queries.begin(), queries.end(), [&](const BenchQuery& q) { return q.cls == cls; });
        }
        std::cout << "\n  filters drawn from " << values.topics.size() << " topics, " << values.places.size()
                  << " places (of the " << kFilterPlaceChoices << " most frequent, named in Arabic), " << values.years.size() << " years\n";

        // 5. Warm-up pass (untimed): every query on every configuration, answers compared.
        struct Difference {
            std::size_t config = 0, query = 0;
            std::string what;
        };
        std::vector<Difference> differences;  // failures
        std::vector<Difference> estimates;    // estimated totals that differ within their bounds
        std::vector<std::size_t> differing_queries(configs.size(), 0), differing_estimates(configs.size(), 0);
        std::vector<std::size_t> estimated_totals(configs.size(), 0);  // totals that are estimates (lower < upper)
        for (std::size_t q = 0; q < queries.size(); ++q) {
            const Answer want = answer_of(searchers[0], queries[q]);
            if (!want.error.empty()) throw CheckFailed("rasd refused the generated query '" + queries[q].text + "': " + want.error);
            if (want.total.lower != want.total.upper) ++estimated_totals[0];
            for (std::size_t c = 1; c < configs.size(); ++c) {
                const Answer got = answer_of(searchers[c], queries[q]);
                if (got.error.empty() && got.total.lower != got.total.upper) ++estimated_totals[c];
                Comparison cmp = compare(want, got);
                if (!cmp.difference.empty()) {
                    ++differing_queries[c];
                    differences.push_back({c, q, std::move(cmp.difference)});
                }
                if (!cmp.estimate.empty()) {
                    ++differing_estimates[c];
                    estimates.push_back({c, q, std::move(cmp.estimate)});
                }
            }
        }

        // 6. Timed passes: each search timed alone; a new query order each pass, and the
        // configuration that goes first rotates.
        std::vector<std::vector<std::vector<double>>> ms(configs.size(), std::vector<std::vector<double>>(kAllClasses.size()));
        std::vector<std::size_t> order(queries.size());
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::mt19937 order_rng(kSeed + 1);
        std::uint64_t sink = 0;
        const std::string load_before_queries = loadavg();
        const auto timed0 = std::chrono::steady_clock::now();
        for (std::size_t pass = 0; pass < opt.repeat; ++pass) {
            shuffle(order, order_rng);
            for (std::size_t i = 0; i < order.size(); ++i) {
                const BenchQuery& q = queries[order[i]];
                const rasd::SearchOptions options = search_options(q);
                for (std::size_t k = 0; k < configs.size(); ++k) {
                    const std::size_t c = (i + pass + k) % configs.size();
                    const auto t0 = std::chrono::steady_clock::now();
                    const rasd::SearchResults r = searchers[c].search(q.text, options);
                    ms[c][static_cast<std::size_t>(q.cls)].push_back(seconds_since(t0) * 1000.0);
                    sink += r.hits.size();
                }
            }
        }
        const double timed_s = seconds_since(timed0);
        const std::string load_after_queries = loadavg();

        // 7. Report.
        struct Row {
            LatencyStats all;
            std::array<LatencyStats, kAllClasses.size()> by_class;
        };
        std::vector<Row> rows(configs.size());
        for (std::size_t c = 0; c < configs.size(); ++c) {
            std::vector<double> pooled;
            for (std::size_t k = 0; k < kAllClasses.size(); ++k) {
                rows[c].by_class[k] = latency_stats(ms[c][k]);
                pooled.insert(pooled.end(), ms[c][k].begin(), ms[c][k].end());
            }
            rows[c].all = latency_stats(pooled);
        }
        auto ms2 = [](double v) { return fixed(v, 2); };
        auto ratio = [](double v, double base) { return base > 0 ? fixed(v / base, 2) : std::string("-"); };
        std::cout << "\n## Query latency: " << queries.size() << " queries × " << opt.repeat
                  << " timed passes per configuration (ms; rasd::Searcher, 10 hits with snippets)\n\n"
                  << "| configuration | n | p50 | p95 | p99 | mean | × (a) p50 | × (a) p95 | × (a) mean |\n"
                  << "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
        const Row& base = rows[0];
        for (std::size_t c = 0; c < configs.size(); ++c) {
            const LatencyStats& s = rows[c].all;
            std::cout << "| (" << configs[c].key << ") " << configs[c].name << " | " << s.n << " | " << ms2(s.p50) << " | "
                      << ms2(s.p95) << " | " << ms2(s.p99) << " | " << ms2(s.mean) << " | " << ratio(s.p50, base.all.p50)
                      << " | " << ratio(s.p95, base.all.p95) << " | " << ratio(s.mean, base.all.mean) << " |\n";
        }
        std::cout << "\n### Per query class (ms)\n\n"
                  << "| class | configuration | n | p50 | p95 | p99 | mean | × (a) p50 | × (a) p95 | × (a) mean |\n"
                  << "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n";
        for (std::size_t k = 0; k < kAllClasses.size(); ++k) {
            for (std::size_t c = 0; c < configs.size(); ++c) {
                const LatencyStats& s = rows[c].by_class[k];
                const LatencyStats& b = base.by_class[k];
                std::cout << "| " << class_name(kAllClasses[k]) << " | (" << configs[c].key << ") " << configs[c].name << " | "
                          << s.n << " | " << ms2(s.p50) << " | " << ms2(s.p95) << " | " << ms2(s.p99) << " | " << ms2(s.mean)
                          << " | " << ratio(s.p50, b.p50) << " | " << ratio(s.p95, b.p95) << " | " << ratio(s.mean, b.mean)
                          << " |\n";
            }
        }
        std::cout << "\n  classes: word = one title word; headline = 2-5 consecutive title words; filter = topic:, place:\n"
                     "  or topic: + date:YYYY alone (newest first); text+facets = a title word or 2-3 title words, with\n"
                     "  facets (over remote shards rasd counts facets in a match of their own). Percentiles: nearest rank.\n"
                  << "  load average before the timed passes: " << load_before_queries << "; after: " << load_after_queries
                  << "; timed passes took " << fixed(timed_s, 1) << " s (checksum " << sink % 1000 << ")\n";
        if (!remote_note.empty()) std::cout << "  NOTE: " << remote_note << "\n";

        std::cout << "\n  answer checks (warm-up pass, against (a)):\n";
        for (std::size_t c = 1; c < configs.size(); ++c) {
            std::cout << "    (" << configs[c].key << ") " << lpad(configs[c].name, 28) << " answers differing: "
                      << differing_queries[c] << "/" << queries.size() << "; estimated totals differing within bounds: "
                      << differing_estimates[c] << "; totals that are estimates: " << estimated_totals[c] << " (in (a): "
                      << estimated_totals[0] << ")\n";
        }
        auto list = [&](const std::vector<Difference>& found, const char* tag) {
            for (std::size_t i = 0; i < found.size() && i < kDifferencesShown; ++i) {
                const Difference& d = found[i];
                std::cout << "    " << tag << " (" << configs[d.config].key << ") " << class_name(queries[d.query].cls) << " '"
                          << queries[d.query].text << "': " << d.what << "\n";
            }
            if (found.size() > kDifferencesShown) {
                std::cout << "    ... and " << found.size() - kDifferencesShown << " more (all in the JSON line)\n";
            }
        };
        list(differences, "DIFF");
        if (!estimates.empty()) {
            std::cout << "  estimated totals (more than " << kExactTotalUpTo
                      << " matches without facets) that differ from (a)'s, every count within both answers' bounds\n"
                         "  (not a failure: Xapian estimates from how the articles are split):\n";
        }
        list(estimates, "EST ");

        json config_rows = json::array();
        for (std::size_t c = 0; c < configs.size(); ++c) {
            json classes = json::object();
            for (std::size_t k = 0; k < kAllClasses.size(); ++k) {
                const LatencyStats& s = rows[c].by_class[k];
                const LatencyStats& b = base.by_class[k];
                classes[class_name(kAllClasses[k])] = {{"latency", stats_json(s)},
                                                      {"ratio_p50", s.p50 / b.p50},
                                                      {"ratio_p95", s.p95 / b.p95},
                                                      {"ratio_mean", s.mean / b.mean}};
            }
            const LatencyStats& s = rows[c].all;
            config_rows.push_back({{"key", configs[c].key},
                                   {"name", configs[c].name},
                                   {"sources", configs[c].sources},
                                   {"shards", configs[c].shards},
                                   {"remote", configs[c].remote},
                                   {"latency", stats_json(s)},
                                   {"ratio_p50", s.p50 / base.all.p50},
                                   {"ratio_p95", s.p95 / base.all.p95},
                                   {"ratio_mean", s.mean / base.all.mean},
                                   {"classes", classes},
                                   {"answers_differing", differing_queries[c]},
                                   {"estimates_differing", differing_estimates[c]},
                                   {"estimated_totals", estimated_totals[c]}});
        }
        auto rows_of = [&](const std::vector<Difference>& found) {
            json out = json::array();
            for (const Difference& d : found) {
                out.push_back({{"config", configs[d.config].key},
                               {"class", class_name(queries[d.query].cls)},
                               {"query", queries[d.query].text},
                               {"what", d.what}});
            }
            return out;
        };
        json j = {{"bench", "shards"},
                  {"command", command},
                  {"inputs", opt.inputs},
                  {"outdir", opt.outdir.string()},
                  {"articles", corpus.articles.size()},
                  {"distinct_ids", corpus.distinct_ids},
                  {"raw_bytes", corpus.raw_bytes},
                  {"threads", opt.threads},
                  {"batch", kBatch},
                  {"indexing", index_rows},
                  {"queries", queries.size()},
                  {"filter_values", {{"topics", values.topics.size()}, {"places", values.places.size()}, {"years", values.years.size()}}},
                  {"seed", kSeed},
                  {"repeat", opt.repeat},
                  {"configurations", config_rows},
                  {"remote_skipped", remote_note},
                  {"differences", rows_of(differences)},
                  {"estimate_differences", rows_of(estimates)},
                  {"timed_seconds", timed_s},
                  {"load_at_start", load_at_start},
                  {"load_before_queries", load_before_queries},
                  {"load_after_queries", load_after_queries},
                  {"load_at_end", loadavg()}};
        std::cout << "\n  load average at the end: " << loadavg() << "\n";
        std::cout << "\n" << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";

        check(differences.empty(), differences.empty() ? "" : std::to_string(differences.size()) +
                                                                  " answers differ from one database's (first: (" +
                                                                  configs[differences.front().config].key + ") '" +
                                                                  queries[differences.front().query].text + "': " +
                                                                  differences.front().what + ")");
        return 0;
    });
}

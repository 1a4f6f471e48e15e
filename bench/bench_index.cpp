// bench_index: indexing throughput, peak memory and database size of rasd::Indexer against a
// baseline of plain Xapian (TermGenerator + Snowball arabic, one thread, default settings), on
// the same articles, in the same run.
//
// Usage: bench_index [--max-articles N] [--repeat K] [--all | --only NAME[,NAME...]] [OUTDIR [INPUT...]]
//
//   OUTDIR     where the databases go (default /tmp/rasd-bench-index); each variant writes a
//              fresh subdirectory OUTDIR/<variant> (removed first if present) and its compacted
//              copy OUTDIR/<variant>-compact. Nothing else in OUTDIR is touched.
//   INPUT      files or folders rasd::read_articles() reads (default: the two ANT JSON-lines
//              files next to the repo, see bench/CMakeLists.txt). A missing input: SKIP, exit 0.
//   --max-articles N   use only the first N articles read (0 = all), for quick runs.
//   --repeat K         run the whole plan K times in turn and keep each variant's fastest
//                      round (every round's times are reported; peak RSS is the highest).
//   --all              also run the extra variants (commit every 250, 500, 2000; 2 shards
//                      committing every 500 or 2000; plain Xapian again at the end); see
//                      all_variants().
//   --only LIST        run only these variants (names as printed; the checks adapt).
//
// All articles are read into memory first (not timed). Each variant then runs in its own
// child process (fork), so its peak RSS (ru_maxrss from wait4) is its own; each database is
// then compacted (Xapian::Database::compact, Compactor::FULL = xapian-compact's default) in
// another child. Self-checks at the end: every database holds one document per distinct id,
// rasd databases find a common word, and every rasd database (single writer, compacted, or
// merged from shards) gives the same top-10 ids as rasd-b10000 for a few queries.
// Exit codes: 0 ok/skip, 1 self-check failed, 2 usage, input or run error.

#include "bench_child.hpp"
#include "bench_corpus.hpp"
#include "bench_support.hpp"

#include "util/fnv1a.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/analyzer_factory.hpp>
#include <rasd/article.hpp>
#include <rasd/article_reader.hpp>
#include <rasd/indexer.hpp>
#include <rasd/parallel_indexer.hpp>
#include <rasd/searcher.hpp>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
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

constexpr const char* kDefaultOutdir = "/tmp/rasd-bench-index";

// A word common in Arabic news: every rasd database must find it.
constexpr const char* kKnownQuery = "الحكومة";
// Queries whose top-10 ids must agree between all rasd databases.
const std::vector<std::string> kCompareQueries = {
    "الحكومة", "كأس العالم", "أسعار النفط", "مهرجان السينما", "الانتخابات البلدية", "وزير الصحة",
};

using namespace rasd::bench;  // the helpers of bench_support.hpp, bench_child.hpp, bench_corpus.hpp

// ---- process measurements ---------------------------------------------------------------

// write_bytes of /proc/self/io: bytes this process caused to be sent to storage.
std::uint64_t proc_write_bytes() {
    std::ifstream in("/proc/self/io");
    std::string key;
    std::uint64_t v = 0;
    while (in >> key >> v) {
        if (key == "write_bytes:") return v;
    }
    return 0;
}

// Runs `fn` (a variant or a compaction) in a forked child and collects its JSON result and
// resource usage. The result also gets the RSS at the child's start (if `fn` did not measure
// it), the bytes it wrote to storage and its whole CPU time (child_cpu_total_s); cpu_s is the
// CPU time of the timed section if the child measured it, else of the whole child.
ChildOutcome run_measured(const std::function<json()>& fn) {
    ChildOutcome outcome = run_in_child([&] {
        json r = fn();
        r["rss_at_start_kib"] = r.value("rss_at_start_kib", std::uint64_t{0});
        r["write_bytes"] = proc_write_bytes();
        return r;
    });
    const double child_cpu = outcome.cpu_s;
    outcome.cpu_s = outcome.result.value("cpu_seconds", child_cpu);
    outcome.result["child_cpu_total_s"] = child_cpu;
    return outcome;
}

// ---- database sizes ---------------------------------------------------------------------

struct DirSize {
    std::uint64_t total = 0;
    std::map<std::string, std::uint64_t> files;  // file name -> bytes
};

DirSize dir_size(const fs::path& dir) {
    DirSize s;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const std::uint64_t bytes = it->file_size(ec);
        s.total += bytes;
        s.files[fs::relative(it->path(), dir, ec).string()] += bytes;
    }
    return s;
}

json dir_size_json(const DirSize& s) { return json{{"total", s.total}, {"files", s.files}}; }

// ---- the variants (each runs inside a child) ----------------------------------------------

void fresh_dir(const fs::path& dir) {
    fs::remove_all(dir);
    fs::create_directories(dir.parent_path());
}

// An article as plain Xapian indexes it: title, abstract (if any) and body through `tg`, each
// one position after the last, and the boolean id term `id_term`.
Xapian::Document xapian_document(Xapian::TermGenerator& tg, const rasd::Article& a, const std::string& id_term) {
    Xapian::Document doc;
    tg.set_document(doc);
    tg.index_text(a.title);
    if (!a.abstract.empty()) {
        tg.increase_termpos();
        tg.index_text(a.abstract);
    }
    tg.increase_termpos();
    tg.index_text(a.body);
    doc.add_boolean_term(id_term);
    return doc;
}

// a. Plain Xapian: TermGenerator + Snowball arabic (STEM_SOME), positions, no stored text,
// replace by the Q id term, default auto-flush, one commit at the end.
json run_xapian(const Corpus& corpus, const fs::path& dir, std::size_t flush_threshold) {
    if (flush_threshold > 0) setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(flush_threshold).c_str(), 1);
    json r{{"rss_at_start_kib", proc_status_kib("VmRSS")}};
    const double c0 = process_cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    {
        Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OPEN);
        Xapian::TermGenerator tg;
        tg.set_stemmer(Xapian::Stem("arabic"));
        for (const rasd::Article& a : corpus.articles) {
            const std::string q = "Q" + a.id;
            db.replace_document(q, xapian_document(tg, a, q));
        }
        db.commit();
        r["commits"] = 1;
    }  // closed
    r["seconds"] = seconds_since(t0);
    r["cpu_seconds"] = process_cpu_seconds() - c0;
    return r;
}

// b/c. rasd::Indexer with default options, commit every `batch` articles and at the end.
// `flush_threshold` > 0 sets XAPIAN_FLUSH_THRESHOLD (read by Xapian when the database opens).
json run_rasd(const Corpus& corpus, const fs::path& dir, std::size_t batch, std::size_t flush_threshold) {
    if (flush_threshold > 0) setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(flush_threshold).c_str(), 1);
    json r{{"rss_at_start_kib", proc_status_kib("VmRSS")}};
    const double c0 = process_cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    std::size_t commits = 0;
    {
        rasd::Indexer indexer(dir.string());
        std::size_t since = 0;
        for (const rasd::Article& a : corpus.articles) {
            indexer.add_or_replace(a);
            if (++since >= batch) {
                indexer.commit();
                ++commits;
                since = 0;
            }
        }
        indexer.commit();
        ++commits;
    }  // closed
    r["seconds"] = seconds_since(t0);
    r["cpu_seconds"] = process_cpu_seconds() - c0;
    r["commits"] = commits;
    return r;
}

// e. rasd::ParallelIndexer as rasd-index uses it: `threads` threads, a new archive of `shards`
// shards (0: one database), commit every `batch` articles per database.
json run_rasd_parallel(const Corpus& corpus, const fs::path& dir, std::size_t batch, unsigned threads,
                       std::size_t shards) {
    json r{{"rss_at_start_kib", proc_status_kib("VmRSS")}};
    const double c0 = process_cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    std::size_t indexed = 0;
    {
        rasd::ParallelIndexerOptions options;
        options.threads = threads;
        options.indexer.shards = shards;
        options.batch = batch;
        rasd::ParallelIndexer indexer(dir.string(), options,
                                      [&](const rasd::Article&, const rasd::IndexedArticle&) { ++indexed; });
        for (const rasd::Article& a : corpus.articles) indexer.add_or_replace(a);
        indexer.finish();
        r["threads"] = indexer.threads();
    }  // closed
    r["seconds"] = seconds_since(t0);
    r["cpu_seconds"] = process_cpu_seconds() - c0;
    r["indexed"] = indexed;
    check(indexed == corpus.articles.size(), "every article was reported indexed");
    return r;
}

std::vector<fs::path> shard_dirs(const fs::path& base, std::size_t shards) {
    std::vector<fs::path> dirs;
    for (std::size_t i = 0; i < shards; ++i) dirs.push_back(base / ("shard" + std::to_string(i)));
    return dirs;
}

// d. `shards` rasd::Indexer instances in as many threads, articles split by the FNV-1a hash of
// their id (so an id always lands in the same shard), each committing every `batch` of its own
// articles; then merged into `merged` with the compactor.
json run_rasd_shards(const Corpus& corpus, const fs::path& base, const fs::path& merged, std::size_t shards,
                     std::size_t batch) {
    json r{{"rss_at_start_kib", proc_status_kib("VmRSS")}};
    std::vector<std::vector<const rasd::Article*>> parts(shards);
    for (const rasd::Article& a : corpus.articles) parts[rasd::detail::fnv1a64(a.id) % shards].push_back(&a);
    const std::vector<fs::path> dirs = shard_dirs(base, shards);

    const double c0 = process_cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<double> shard_seconds(shards, 0.0);
    std::vector<std::exception_ptr> errors(shards);
    std::vector<std::string> xapian_errors(shards);
    {
        std::vector<std::thread> threads;
        for (std::size_t i = 0; i < shards; ++i) {
            threads.emplace_back([&, i] {
                const auto ts = std::chrono::steady_clock::now();
                try {
                    rasd::Indexer indexer(dirs[i].string());
                    std::size_t since = 0;
                    for (const rasd::Article* a : parts[i]) {
                        indexer.add_or_replace(*a);
                        if (++since >= batch) {
                            indexer.commit();
                            since = 0;
                        }
                    }
                    indexer.commit();
                } catch (const Xapian::Error& e) {
                    xapian_errors[i] = e.get_description();
                } catch (...) {
                    errors[i] = std::current_exception();
                }
                shard_seconds[i] = seconds_since(ts);
            });
        }
        for (std::thread& t : threads) t.join();
    }
    const double build_s = seconds_since(t0);
    for (std::size_t i = 0; i < shards; ++i) {
        if (errors[i]) std::rethrow_exception(errors[i]);
        if (!xapian_errors[i].empty()) throw std::runtime_error("shard " + std::to_string(i) + ": " + xapian_errors[i]);
    }

    const auto t1 = std::chrono::steady_clock::now();
    {
        Xapian::Database all;
        for (const fs::path& d : dirs) all.add_database(Xapian::Database(d.string()));
        all.compact(merged.string(), Xapian::Compactor::FULL);
    }
    const double merge_s = seconds_since(t1);
    std::vector<std::size_t> sizes;
    for (const auto& p : parts) sizes.push_back(p.size());
    r["build_seconds"] = build_s;
    r["shard_seconds"] = shard_seconds;
    r["shard_articles"] = sizes;
    r["merge_seconds"] = merge_s;
    r["seconds"] = build_s + merge_s;
    r["cpu_seconds"] = process_cpu_seconds() - c0;
    return r;
}

// rasd's analysis alone (public API): rasd::Analyzer (light) over title, abstract and body, no
// metadata, no document, no database. What Indexer::add_or_replace() does beyond this is
// metadata extraction, building the Xapian document (terms, stored data) and writing it.
json run_rasd_analysis(const Corpus& corpus) {
    json r{{"rss_at_start_kib", proc_status_kib("VmRSS")}};
    rasd::Analyzer analyzer = rasd::make_analyzer(rasd::StemmerKind::Light);
    std::uint64_t tokens = 0, stems = 0;
    const double c0 = process_cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    for (const rasd::Article& a : corpus.articles) {
        for (const std::string* text : {&a.title, &a.abstract, &a.body}) {
            for (const rasd::Token& t : analyzer.analyze(*text)) {
                ++tokens;
                if (!t.stem.empty()) ++stems;
            }
        }
    }
    r["seconds"] = seconds_since(t0);
    r["cpu_seconds"] = process_cpu_seconds() - c0;
    r["tokens"] = tokens;
    r["stems"] = stems;
    return r;
}

// Plain Xapian's analysis alone: TermGenerator + Snowball into documents, no database.
json run_xapian_analysis(const Corpus& corpus) {
    json r{{"rss_at_start_kib", proc_status_kib("VmRSS")}};
    Xapian::TermGenerator tg;
    tg.set_stemmer(Xapian::Stem("arabic"));
    std::uint64_t terms = 0;
    const double c0 = process_cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    for (const rasd::Article& a : corpus.articles) terms += xapian_document(tg, a, "Q" + a.id).termlist_count();
    r["seconds"] = seconds_since(t0);
    r["cpu_seconds"] = process_cpu_seconds() - c0;
    r["terms"] = terms;
    return r;
}

json compact_db(const fs::path& src, const fs::path& dst) {
    json r{{"rss_at_start_kib", proc_status_kib("VmRSS")}};
    const double c0 = process_cpu_seconds();
    const auto t0 = std::chrono::steady_clock::now();
    Xapian::Database(src.string()).compact(dst.string(), Xapian::Compactor::FULL);
    r["seconds"] = seconds_since(t0);
    r["cpu_seconds"] = process_cpu_seconds() - c0;
    return r;
}

// ---- the run plan -----------------------------------------------------------------------

enum class Kind { Xapian, Rasd, RasdShards, RasdParallel, RasdAnalysis, XapianAnalysis };

struct Variant {
    std::string name;
    Kind kind;
    std::size_t batch = 0;            // commit every N articles (rasd)
    std::size_t flush_threshold = 0;  // XAPIAN_FLUSH_THRESHOLD (0 = Xapian's default, 10000)
    std::size_t shards = 0;
    std::string what;                 // one line for the report
    bool by_default = true;           // false: only with --all or --only
    unsigned threads = 1;             // RasdParallel
};

std::vector<Variant> all_variants() {
    return {
        {"xapian", Kind::Xapian, 0, 0, 0, "plain Xapian: TermGenerator + Stem(arabic), 1 commit at end"},
        {"xapian-ft1000", Kind::Xapian, 0, 1000, 0, "plain Xapian, XAPIAN_FLUSH_THRESHOLD=1000"},
        {"rasd-b250", Kind::Rasd, 250, 0, 0, "rasd::Indexer, commit every 250", false},
        {"rasd-b500", Kind::Rasd, 500, 0, 0, "rasd::Indexer, commit every 500", false},
        {"rasd-b1000", Kind::Rasd, 1000, 0, 0, "rasd::Indexer, commit every 1000 (CLI default)"},
        {"rasd-b2000", Kind::Rasd, 2000, 0, 0, "rasd::Indexer, commit every 2000", false},
        {"rasd-b10000", Kind::Rasd, 10000, 0, 0, "rasd::Indexer, commit every 10000"},
        {"rasd-b50000-ft50000", Kind::Rasd, 50000, 50000, 0,
         "rasd::Indexer, commit every 50000, XAPIAN_FLUSH_THRESHOLD=50000"},
        {"rasd-shard2-b10000", Kind::RasdShards, 10000, 0, 2,
         "2 rasd::Indexer shards in 2 threads (commit every 10000 each), merged by compact"},
        {"rasd-shard2-b1000", Kind::RasdShards, 1000, 0, 2,
         "2 rasd::Indexer shards in 2 threads (commit every 1000 each), merged by compact"},
        {"rasd-shard2-b500", Kind::RasdShards, 500, 0, 2,
         "2 rasd::Indexer shards in 2 threads (commit every 500 each), merged by compact", false},
        {"rasd-shard2-b2000", Kind::RasdShards, 2000, 0, 2,
         "2 rasd::Indexer shards in 2 threads (commit every 2000 each), merged by compact", false},
        {"rasd-j1-b2000", Kind::RasdParallel, 2000, 0, 0,
         "rasd::ParallelIndexer, 1 thread, commit every 2000 (rasd-index --threads 1)", true, 1},
        {"rasd-j2-b2000", Kind::RasdParallel, 2000, 0, 0,
         "rasd::ParallelIndexer, 2 threads, one database (rasd-index on 2 cores)", true, 2},
        {"rasd-j2-shards2-b2000", Kind::RasdParallel, 2000, 0, 2,
         "rasd::ParallelIndexer, 2 threads, archive of 2 shards (rasd-index --shards 2); compaction merges them",
         true, 2},
        {"analysis-rasd", Kind::RasdAnalysis, 0, 0, 0, "rasd::Analyzer (light) over the texts, no database"},
        {"analysis-xapian", Kind::XapianAnalysis, 0, 0, 0, "TermGenerator + Stem(arabic) into documents, no database"},
        {"xapian-end", Kind::Xapian, 0, 0, 0, "plain Xapian again, to see the machine's drift", false},
    };
}

bool writes_db(Kind k) {
    return k == Kind::Xapian || k == Kind::Rasd || k == Kind::RasdShards || k == Kind::RasdParallel;
}
bool is_rasd_db(Kind k) { return k == Kind::Rasd || k == Kind::RasdShards || k == Kind::RasdParallel; }

struct Outcome {
    Variant variant;
    ChildOutcome run;
    std::string load_before, load_after;
    // Databases: before compaction (single writer) or the shards; after compaction / merged.
    DirSize before;
    DirSize after;
    fs::path final_dir;     // the database to check and compare
    fs::path written_dir;   // the database as written (single writer) or "" (shards)
    double compact_s = 0;
    std::uint64_t compact_maxrss_kib = 0;
    std::vector<double> all_seconds;  // every round's wall time
    std::vector<double> all_cpu;      // every round's CPU time
    std::uint64_t max_rss_kib = 0;    // the highest peak RSS over the rounds
};

// Top-10 ids and scores of `query` in `db`.
std::vector<std::pair<std::string, double>> top10(const fs::path& db, const std::string& query) {
    rasd::Searcher s(db.string());
    rasd::SearchOptions o;
    o.limit = 10;
    std::vector<std::pair<std::string, double>> out;
    for (const rasd::SearchHit& h : s.search(query, o).hits) out.emplace_back(h.id, h.score);
    return out;
}

// "same" (ids in the same order), "ties" (same ids and scores, order differs only among equal
// scores), or "DIFFERENT".
std::string compare_top10(const std::vector<std::pair<std::string, double>>& a,
                          const std::vector<std::pair<std::string, double>>& b) {
    if (a.size() != b.size()) return "DIFFERENT";
    bool same = true;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].first != b[i].first) same = false;
        if (std::fabs(a[i].second - b[i].second) > 1e-9 * std::max(1.0, std::fabs(a[i].second))) return "DIFFERENT";
    }
    if (same) return "same";
    // Order may differ only within runs of equal scores (docids differ after a merge); the
    // last run may also be cut differently by the top-10 boundary.
    std::size_t i = 0;
    while (i < a.size()) {
        std::size_t j = i;
        while (j < a.size() && std::fabs(a[j].second - a[i].second) <= 1e-9 * std::max(1.0, std::fabs(a[i].second))) ++j;
        if (j < a.size()) {
            std::multiset<std::string> sa, sb;
            for (std::size_t k = i; k < j; ++k) {
                sa.insert(a[k].first);
                sb.insert(b[k].first);
            }
            if (sa != sb) return "DIFFERENT";
        }
        i = j;
    }
    return "ties";
}

std::string mib_str(std::uint64_t bytes, int decimals = 1) { return fixed(static_cast<double>(bytes) / kMiB, decimals); }

// Sizes of the main glass tables, other files together.
std::map<std::string, std::uint64_t> table_sizes(const DirSize& s) {
    std::map<std::string, std::uint64_t> t{{"postlist", 0}, {"position", 0}, {"termlist", 0},
                                           {"docdata", 0},  {"spelling", 0}, {"other", 0}};
    for (const auto& [file, bytes] : s.files) {
        const std::string name = fs::path(file).filename().string();
        const std::string table = name.size() > 6 && name.ends_with(".glass") ? name.substr(0, name.size() - 6) : "";
        if (t.count(table) != 0 && table != "other") {
            t[table] += bytes;
        } else {
            t["other"] += bytes;
        }
    }
    return t;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t max_articles = 0;
    std::size_t repeat = 1;
    bool all = false;
    std::set<std::string> only;
    std::vector<std::string> positional;
    const char* usage = "usage: bench_index [--max-articles N] [--repeat K] [--all | --only NAME[,NAME...]] [OUTDIR [INPUT...]]\n";
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string_view arg = argv[i];
            if ((arg == "--max-articles" || arg == "--only" || arg == "--repeat") && i + 1 < argc) {
                const std::string value = argv[++i];
                if (arg == "--max-articles") {
                    max_articles = static_cast<std::size_t>(parse_count(value));
                } else if (arg == "--repeat") {
                    repeat = static_cast<std::size_t>(parse_count(value));
                    if (repeat == 0) throw std::invalid_argument("--repeat must be at least 1");
                } else {
                    std::stringstream list(value);
                    std::string name;
                    while (std::getline(list, name, ',')) {
                        if (!name.empty()) only.insert(name);
                    }
                }
            } else if (arg == "--all") {
                all = true;
            } else if (arg == "-h" || arg == "--help") {
                std::cout << usage;
                return 0;
            } else if (arg.starts_with("--")) {
                throw std::invalid_argument("unknown option");
            } else {
                positional.emplace_back(arg);
            }
        }
    } catch (const std::exception&) {
        std::cerr << usage;
        return 2;
    }

    std::vector<Variant> plan;
    for (const Variant& v : all_variants()) {
        if (only.empty() ? (all || v.by_default) : only.count(v.name) != 0) plan.push_back(v);
    }
    for (const std::string& name : only) {
        const bool known = std::any_of(plan.begin(), plan.end(), [&](const Variant& v) { return v.name == name; });
        if (!known) {
            std::cerr << "bench_index: unknown variant '" << name << "'\n" << usage;
            return 2;
        }
    }

    const fs::path outdir = positional.empty() ? fs::path(kDefaultOutdir) : fs::path(positional[0]);
    std::vector<std::string> inputs(positional.size() > 1 ? positional.begin() + 1 : positional.end(), positional.end());
    if (inputs.empty()) inputs = default_ant_inputs();
    if (skip_missing_input("bench_index", inputs)) return 0;

    return run_bench_main("bench_index", [&] {
        // ---- untimed: read everything into memory ---------------------------------------
        const auto tr = std::chrono::steady_clock::now();
        const Corpus corpus = read_corpus(inputs, max_articles);
        const double read_s = seconds_since(tr);
        std::cout << "bench_index: " << corpus.articles.size() << " articles (" << corpus.distinct_ids
                  << " distinct ids, " << corpus.problems << " skipped records), raw text (title+abstract+body) "
                  << fixed(corpus.mib(), 2) << " MiB (" << corpus.raw_bytes << " bytes), read in "
                  << fixed(read_s, 1) << " s (not timed)\n";
        for (const std::string& input : inputs) std::cout << "  input: " << input << "\n";
        std::cout << "  outdir: " << outdir.string() << ", parent RSS after reading: "
                  << fixed(static_cast<double>(proc_status_kib("VmRSS")) / 1024.0, 0) << " MiB\n\n";
        if (corpus.articles.empty() || corpus.raw_bytes == 0) {
            std::cerr << "bench_index: ERROR: no article read from the inputs\n";
            return 2;
        }
        fs::create_directories(outdir);

        // ---- timed: each variant in its own child, `repeat` rounds ----------------------------
        std::vector<Outcome> outcomes(plan.size());
        for (std::size_t round = 1; round <= repeat; ++round) {
            for (std::size_t i = 0; i < plan.size(); ++i) {
                const Variant& v = plan[i];
                Outcome o;
                o.variant = v;
                o.load_before = loadavg();
                const fs::path dir = outdir / v.name;
                const fs::path compact_dir = outdir / (v.name + "-compact");
                if (writes_db(v.kind)) {
                    fresh_dir(dir);
                    fresh_dir(compact_dir);
                }
                std::cout << "  running " << v.name << " (" << v.what << ")";
                if (repeat > 1) std::cout << ", round " << round << "/" << repeat;
                std::cout << " ..." << std::flush;
                switch (v.kind) {
                    case Kind::Xapian:
                        o.run = run_measured([&] { return run_xapian(corpus, dir, v.flush_threshold); });
                        break;
                    case Kind::Rasd:
                        o.run = run_measured([&] { return run_rasd(corpus, dir, v.batch, v.flush_threshold); });
                        break;
                    case Kind::RasdShards:
                        o.run = run_measured([&] { return run_rasd_shards(corpus, dir, compact_dir, v.shards, v.batch); });
                        break;
                    case Kind::RasdParallel:
                        o.run = run_measured(
                            [&] { return run_rasd_parallel(corpus, dir, v.batch, v.threads, v.shards); });
                        break;
                    case Kind::RasdAnalysis: o.run = run_measured([&] { return run_rasd_analysis(corpus); }); break;
                    case Kind::XapianAnalysis: o.run = run_measured([&] { return run_xapian_analysis(corpus); }); break;
                }
                o.load_after = loadavg();
                std::cout << " " << fixed(o.run.result["seconds"].get<double>(), 1) << " s (CPU "
                          << fixed(o.run.cpu_s, 1) << " s)";
                if (writes_db(v.kind)) {
                    o.before = dir_size(dir);
                    o.final_dir = compact_dir;
                    if (v.kind != Kind::RasdShards) {
                        o.written_dir = dir;
                        const ChildOutcome c = run_measured([&] { return compact_db(dir, compact_dir); });
                        o.compact_s = c.result["seconds"].get<double>();
                        o.compact_maxrss_kib = c.maxrss_kib;
                        std::cout << ", compacted in " << fixed(o.compact_s, 1) << " s";
                    }
                    o.after = dir_size(compact_dir);
                }
                std::cout << "\n";
                // Keep the fastest round; remember every round's times and the highest peak RSS.
                Outcome& kept = outcomes[i];
                const bool first = round == 1;
                std::vector<double> all_seconds = first ? std::vector<double>{} : kept.all_seconds;
                std::vector<double> all_cpu = first ? std::vector<double>{} : kept.all_cpu;
                const std::uint64_t max_rss = first ? 0 : kept.max_rss_kib;
                all_seconds.push_back(o.run.result["seconds"].get<double>());
                all_cpu.push_back(o.run.cpu_s);
                if (first || o.run.result["seconds"].get<double>() < kept.run.result["seconds"].get<double>()) {
                    kept = std::move(o);
                }
                kept.all_seconds = std::move(all_seconds);
                kept.all_cpu = std::move(all_cpu);
                kept.max_rss_kib = std::max(max_rss, kept.run.maxrss_kib);
            }
        }

        // ---- self-checks (untimed) ---------------------------------------------------------
        json checks = json::array();
        std::vector<std::string> failures;
        auto expect = [&](bool ok, const std::string& what) {
            checks.push_back({{"ok", ok}, {"what", what}});
            if (!ok) failures.push_back(what);
        };
        const Outcome* reference = nullptr;
        for (const Outcome& o : outcomes) {
            if (o.variant.name == "rasd-b10000") reference = &o;
        }
        for (const Outcome& o : outcomes) {
            if (reference == nullptr && is_rasd_db(o.variant.kind)) reference = &o;
        }
        std::map<std::string, std::vector<std::pair<std::string, double>>> reference_top;
        if (reference != nullptr) {
            for (const std::string& q : kCompareQueries) reference_top[q] = top10(reference->final_dir, q);
        }
        json comparisons = json::object();
        for (const Outcome& o : outcomes) {
            if (!writes_db(o.variant.kind)) continue;
            std::vector<fs::path> dbs{o.final_dir};
            if (!o.written_dir.empty()) dbs.insert(dbs.begin(), o.written_dir);
            for (const fs::path& db : dbs) {
                const std::size_t docs = Xapian::Database(db.string()).get_doccount();
                expect(docs == corpus.distinct_ids, db.filename().string() + ": doccount " + std::to_string(docs) +
                                                        " == distinct ids " + std::to_string(corpus.distinct_ids));
                if (!is_rasd_db(o.variant.kind)) continue;
                rasd::Searcher s(db.string());
                const std::size_t matches = s.search(kKnownQuery).total.estimated;
                expect(matches > 0, db.filename().string() + ": query '" + kKnownQuery + "' matches " +
                                        std::to_string(matches) + " > 0 articles");
                for (const std::string& q : kCompareQueries) {
                    const std::string verdict = compare_top10(reference_top[q], top10(db, q));
                    comparisons[db.filename().string()][q] = verdict;
                    expect(verdict != "DIFFERENT", db.filename().string() + ": top-10 of '" + q + "' " + verdict +
                                                       " vs " + reference->final_dir.filename().string());
                }
            }
        }

        // ---- report ------------------------------------------------------------------------
        const double raw = static_cast<double>(corpus.raw_bytes);
        const double mib = corpus.mib();
        auto mibs_of = [&](const Outcome& o) { return mib / o.run.result["seconds"].get<double>(); };
        // CPU time: the lowest of the rounds (it need not be the fastest round's).
        auto min_cpu = [](const Outcome& o) { return *std::min_element(o.all_cpu.begin(), o.all_cpu.end()); };
        // The baseline: the mean MiB/s (and CPU MiB/s) of the plain Xapian runs (first and last).
        double base_mibs = 0, base_cpu_mibs = 0;
        int base_runs = 0;
        for (const Outcome& o : outcomes) {
            if (o.variant.kind != Kind::Xapian || o.variant.flush_threshold != 0) continue;
            base_mibs += mibs_of(o);
            base_cpu_mibs += mib / min_cpu(o);
            ++base_runs;
        }
        const bool have_base = base_runs > 0;
        if (have_base) {
            base_mibs /= base_runs;
            base_cpu_mibs /= base_runs;
        }

        std::cout << "\n  (seconds: the fastest round; CPU s: the lowest CPU time of the rounds)"
                  << "\n  variant               seconds  articles/s   MiB/s  x base   CPU s  CPU MiB/s  x base"
                     "  peak RSS MiB (+ over start)  DB MiB (x raw)  compact MiB (x raw)  compact s\n";
        json rows = json::array();
        for (const Outcome& o : outcomes) {
            const double s = o.run.result["seconds"].get<double>();
            const double mibs = mibs_of(o);
            const double ratio = have_base ? mibs / base_mibs : 0.0;
            const double cpu_mibs = mib / min_cpu(o);
            const double cpu_ratio = have_base ? cpu_mibs / base_cpu_mibs : 0.0;
            const double peak = static_cast<double>(o.max_rss_kib) / 1024.0;
            const double start = static_cast<double>(o.run.result["rss_at_start_kib"].get<std::uint64_t>()) / 1024.0;
            std::cout << "  " << lpad(o.variant.name, 20) << rpad(fixed(s, 1), 9)
                      << rpad(fixed(static_cast<double>(corpus.articles.size()) / s, 0), 12) << rpad(fixed(mibs, 2), 8)
                      << rpad(have_base ? fixed(ratio, 2) : "-", 8) << rpad(fixed(min_cpu(o), 1), 8)
                      << rpad(fixed(cpu_mibs, 2), 11) << rpad(have_base ? fixed(cpu_ratio, 2) : "-", 8)
                      << rpad(fixed(peak, 0) + " (+" + fixed(peak - start, 0) + ")", 29);
            if (writes_db(o.variant.kind)) {
                std::cout << rpad(mib_str(o.before.total) + " (" + fixed(static_cast<double>(o.before.total) / raw, 2) + ")", 16)
                          << rpad(mib_str(o.after.total) + " (" + fixed(static_cast<double>(o.after.total) / raw, 2) + ")", 21)
                          << rpad(o.variant.kind == Kind::RasdShards ? "(merge)" : fixed(o.compact_s, 1), 11);
            }
            std::cout << "\n";
            json row = {
                {"variant", o.variant.name},
                {"what", o.variant.what},
                {"seconds", s},
                {"articles_per_s", static_cast<double>(corpus.articles.size()) / s},
                {"mib_per_s", mibs},
                {"ratio_to_baseline", ratio},
                {"cpu_mib_per_s", cpu_mibs},
                {"cpu_ratio_to_baseline", cpu_ratio},
                {"peak_rss_kib", o.max_rss_kib},
                {"all_seconds", o.all_seconds},
                {"all_cpu_s", o.all_cpu},
                {"cpu_s", min_cpu(o)},
                {"load_before", o.load_before},
                {"load_after", o.load_after},
                {"child", o.run.result},
            };
            if (writes_db(o.variant.kind)) {
                row["db_before"] = dir_size_json(o.before);
                row["db_after"] = dir_size_json(o.after);
                row["compact_seconds"] = o.compact_s;
                row["compact_peak_rss_kib"] = o.compact_maxrss_kib;
            }
            rows.push_back(row);
        }
        for (const Outcome& o : outcomes) {
            if (o.variant.kind != Kind::RasdShards) continue;
            const json& r = o.run.result;
            std::cout << "  " << o.variant.name << ": build " << fixed(r["build_seconds"].get<double>(), 1)
                      << " s (shards " << r["shard_articles"].dump() << " articles, "
                      << fixed(r["shard_seconds"][0].get<double>(), 1) << " / "
                      << fixed(r["shard_seconds"][r["shard_seconds"].size() - 1].get<double>(), 1)
                      << " s), merge " << fixed(r["merge_seconds"].get<double>(), 1) << " s, total "
                      << fixed(r["seconds"].get<double>(), 1) << " s; build alone "
                      << fixed(mib / r["build_seconds"].get<double>(), 2) << " MiB/s\n";
        }
        if (repeat > 1) {
            std::cout << "  every round, wall s / CPU s:";
            for (const Outcome& o : outcomes) {
                std::cout << "\n    " << lpad(o.variant.name, 20);
                for (std::size_t k = 0; k < o.all_seconds.size(); ++k) {
                    std::cout << (k ? ",  " : "") << fixed(o.all_seconds[k], 1) << " / " << fixed(o.all_cpu[k], 1);
                }
            }
            std::cout << "\n";
        }
        std::cout << "  load average (1/5/15 min) before/after each variant (its fastest round):";
        for (const Outcome& o : outcomes) std::cout << "\n    " << lpad(o.variant.name, 20) << o.load_before << "  ->  " << o.load_after;
        std::cout << "\n";

        std::cout << "\n  tables (MiB)                      postlist  position  termlist   docdata  spelling     other     total\n";
        for (const Outcome& o : outcomes) {
            if (!writes_db(o.variant.kind)) continue;
            const std::vector<std::pair<std::string, const DirSize*>> dbs = {
                {o.variant.name, &o.before}, {o.final_dir.filename().string(), &o.after}};
            for (const auto& [name, size] : dbs) {
                const auto t = table_sizes(*size);
                std::cout << "  " << lpad(name, 32);
                for (const char* k : {"postlist", "position", "termlist", "docdata", "spelling", "other"}) {
                    std::cout << rpad(mib_str(t.at(k)), 10);
                }
                std::cout << rpad(mib_str(size->total), 10) << "\n";
            }
        }
        std::cout << "  (files per database, bytes, are in the JSON line: db_before/db_after)\n";
        for (const Outcome& o : outcomes) {
            if (o.variant.kind != Kind::RasdAnalysis) continue;
            const json& r = o.run.result;
            std::cout << "  analysis-rasd: " << r["tokens"].get<std::uint64_t>() << " tokens, "
                      << r["stems"].get<std::uint64_t>() << " stems\n";
        }
        std::cout << "\n  checks:\n";
        for (const json& c : checks) std::cout << "    " << (c["ok"].get<bool>() ? "ok   " : "FAIL ") << c["what"].get<std::string>() << "\n";

        json j = {
            {"bench", "index"},
            {"inputs", inputs},
            {"outdir", outdir.string()},
            {"articles", corpus.articles.size()},
            {"distinct_ids", corpus.distinct_ids},
            {"raw_bytes", corpus.raw_bytes},
            {"raw_mib", mib},
            {"runs", rows},
            {"top10_comparisons", comparisons},
            {"checks_failed", failures.size()},
        };
        std::cout << "\n" << j.dump(-1, ' ', false, json::error_handler_t::replace) << "\n";
        check(failures.empty(), failures.empty() ? "" : failures.front() + " (" + std::to_string(failures.size()) + " failed)");
        return 0;
    });
}

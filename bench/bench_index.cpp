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
//              files next to the repo, see bench/support/CMakeLists.txt). A missing input:
//              SKIP, exit 0.
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

#include "bench/support/bench_main.hpp"
#include "bench/support/check_list.hpp"
#include "bench/support/corpus.hpp"
#include "bench/support/format.hpp"
#include "bench/support/index_report.hpp"
#include "bench/support/index_rounds.hpp"
#include "bench/support/index_variants.hpp"
#include "bench/support/options.hpp"
#include "bench/support/process_stats.hpp"
#include "bench/support/top10_comparison.hpp"

#include <rasd/searcher.hpp>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <exception>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;

namespace {

using namespace rasd::bench;
using namespace rasd::bench::indexing;

constexpr const char* kDefaultOutdir = "/tmp/rasd-bench-index";
constexpr const char* kUsage =
    "usage: bench_index [--max-articles N] [--repeat K] [--all | --only NAME[,NAME...]] [OUTDIR [INPUT...]]\n";

// The database every other rasd database's top 10 is compared with.
constexpr const char* kReferenceVariant = "rasd-b10000";
// A word common in Arabic news: every rasd database must find it.
constexpr const char* kKnownQuery = "الحكومة";
// Queries whose top-10 ids must agree between all rasd databases.
const std::vector<std::string> kCompareQueries = {
    "الحكومة", "كأس العالم", "أسعار النفط", "مهرجان السينما", "الانتخابات البلدية", "وزير الصحة",
};

struct Options {
    std::size_t max_articles = 0;
    std::size_t repeat = 1;
    bool all = false;
    std::set<std::string> only;
    std::vector<std::string> positional;
    bool help = false;
};

Options parse_options(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if ((arg == "--max-articles" || arg == "--only" || arg == "--repeat") && i + 1 < argc) {
            const std::string value = argv[++i];
            if (arg == "--max-articles") {
                o.max_articles = static_cast<std::size_t>(parse_count(value));
            } else if (arg == "--repeat") {
                o.repeat = static_cast<std::size_t>(parse_count(value));
                if (o.repeat == 0) throw std::invalid_argument("--repeat must be at least 1");
            } else {
                for (const std::string& name : split_list(value)) o.only.insert(name);
            }
        } else if (arg == "--all") {
            o.all = true;
        } else if (arg == "-h" || arg == "--help") {
            o.help = true;
            return o;
        } else if (arg.starts_with("--")) {
            throw std::invalid_argument("unknown option");
        } else {
            o.positional.emplace_back(arg);
        }
    }
    return o;
}

// The reference for the top-10 comparisons: kReferenceVariant, else the first rasd database.
const Outcome* reference_of(const std::vector<Outcome>& outcomes) {
    for (const Outcome& o : outcomes) {
        if (o.variant.name == kReferenceVariant) return &o;
    }
    for (const Outcome& o : outcomes) {
        if (is_rasd_db(o.variant.kind)) return &o;
    }
    return nullptr;
}

// The self-checks of every database written (before and after compaction); returns the top-10
// verdicts, database -> query -> verdict.
nlohmann::json check_databases(const std::vector<Outcome>& outcomes, const Corpus& corpus, CheckList& checks) {
    const Outcome* reference = reference_of(outcomes);
    std::map<std::string, TopHits> reference_top;
    if (reference != nullptr) {
        for (const std::string& q : kCompareQueries) reference_top[q] = top10(reference->final_dir, q);
    }
    nlohmann::json comparisons = nlohmann::json::object();
    for (const Outcome& o : outcomes) {
        if (!writes_db(o.variant.kind)) continue;
        std::vector<fs::path> dbs{o.final_dir};
        if (!o.written_dir.empty()) dbs.insert(dbs.begin(), o.written_dir);
        for (const fs::path& db : dbs) {
            const std::string name = db.filename().string();
            const std::size_t docs = Xapian::Database(db.string()).get_doccount();
            checks.expect(docs == corpus.distinct_ids, name + ": doccount " + std::to_string(docs) + " == distinct ids " +
                                                           std::to_string(corpus.distinct_ids));
            if (!is_rasd_db(o.variant.kind)) continue;
            const std::size_t matches = rasd::Searcher(db.string()).search(kKnownQuery).total.estimated;
            checks.expect(matches > 0, name + ": query '" + kKnownQuery + "' matches " + std::to_string(matches) + " > 0 articles");
            for (const std::string& q : kCompareQueries) {
                const std::string verdict = compare_top10(reference_top[q], top10(db, q));
                comparisons[name][q] = verdict;
                checks.expect(verdict != "DIFFERENT",
                              name + ": top-10 of '" + q + "' " + verdict + " vs " + reference->final_dir.filename().string());
            }
        }
    }
    return comparisons;
}

}  // namespace

int main(int argc, char** argv) {
    Options opt;
    try {
        opt = parse_options(argc, argv);
    } catch (const std::exception&) {
        std::cerr << kUsage;
        return 2;
    }
    if (opt.help) {
        std::cout << kUsage;
        return 0;
    }
    const std::vector<Variant> plan = select_variants(opt.only, opt.all);
    for (const std::string& name : opt.only) {
        if (std::none_of(plan.begin(), plan.end(), [&](const Variant& v) { return v.name == name; })) {
            std::cerr << "bench_index: unknown variant '" << name << "'\n" << kUsage;
            return 2;
        }
    }
    const fs::path outdir = opt.positional.empty() ? fs::path(kDefaultOutdir) : fs::path(opt.positional[0]);
    std::vector<std::string> inputs(opt.positional.size() > 1 ? opt.positional.begin() + 1 : opt.positional.end(),
                                    opt.positional.end());
    if (inputs.empty()) inputs = default_ant_inputs();
    if (skip_missing_input("bench_index", inputs)) return 0;

    return run_bench_main("bench_index", [&] {
        // Untimed: read everything into memory.
        const auto tr = std::chrono::steady_clock::now();
        const Corpus corpus = read_corpus(inputs, opt.max_articles);
        std::cout << "bench_index: " << corpus.articles.size() << " articles (" << corpus.distinct_ids << " distinct ids, "
                  << corpus.problems << " skipped records), raw text (title+abstract+body) " << fixed(corpus.mib(), 2)
                  << " MiB (" << corpus.raw_bytes << " bytes), read in " << fixed(seconds_since(tr), 1) << " s (not timed)\n";
        for (const std::string& input : inputs) std::cout << "  input: " << input << "\n";
        std::cout << "  outdir: " << outdir.string() << ", parent RSS after reading: "
                  << fixed(static_cast<double>(proc_status_kib("VmRSS")) / 1024.0, 0) << " MiB\n\n";
        if (corpus.articles.empty() || corpus.raw_bytes == 0) {
            std::cerr << "bench_index: ERROR: no article read from the inputs\n";
            return 2;
        }
        fs::create_directories(outdir);

        // Timed: each variant in its own child, `repeat` rounds. Then the checks (untimed).
        const std::vector<Outcome> outcomes = run_rounds(plan, corpus, outdir, opt.repeat);
        CheckList checks;
        const nlohmann::json comparisons = check_databases(outcomes, corpus, checks);

        print_report({inputs, outdir.string(), opt.repeat}, corpus, outcomes, checks, comparisons);
        checks.throw_if_failed();
        return 0;
    });
}

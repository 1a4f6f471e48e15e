#include "latency_archive.hpp"

#include "archive_build.hpp"
#include "article_copies.hpp"
#include "compaction.hpp"
#include "database_files.hpp"
#include "format.hpp"
#include "process_stats.hpp"

#include "archive/schema.hpp"
#include "archive/shard_layout.hpp"

#include <rasd/searcher.hpp>

#include <xapian.h>

#include <chrono>
#include <exception>
#include <iostream>

namespace fs = std::filesystem;

namespace rasd::bench::latency {

namespace {

constexpr const char* kRecipeVersion = "2";  // 2: schema 3, built as 2 shards and merged
constexpr const char* kRecipeKey = "rasd.bench.latency.recipe";  // database metadata

// Building: commit size (rasd-index --batch's default, measured in bench_index), shards written
// in parallel (the fastest measured way to index; the compaction merges them), and how often to
// report progress.
constexpr std::size_t kCommitEvery = 2000;
constexpr std::size_t kBuildShards = 2;
constexpr double kProgressSeconds = 10.0;

// Why `dir` cannot be reused as a database of `n` articles by `want`; "" if it can.
std::string not_reusable(const fs::path& dir, std::size_t n, const std::string& want) {
    if (!fs::exists(dir)) return "absent";
    try {
        Xapian::Database db(dir.string());
        if (db.get_metadata(rasd::schema::kAnalyzerKey).empty()) return "not a rasd database";
        if (db.get_doccount() != n) return "holds " + std::to_string(db.get_doccount()) + " articles, not " + std::to_string(n);
        if (db.get_metadata(kRecipeKey) != want) return "made by another recipe ('" + db.get_metadata(kRecipeKey) + "')";
        rasd::Searcher probe(dir.string());  // the schema and analyzer must be this rasd's
        return "";
    } catch (const Xapian::Error& e) {
        return "unreadable: " + e.get_description();
    } catch (const std::exception& e) {
        return std::string("unusable: ") + e.what();
    }
}

void build_database(const fs::path& dir, std::size_t n, const std::vector<rasd::Article>& sources,
                    const std::string& made_by, bool stories) {
    remove_database_dir(dir);
    const auto t0 = std::chrono::steady_clock::now();
    auto last_report = t0;
    ArchiveBuildOptions options;
    options.shards = kBuildShards;
    options.batch = kCommitEvery;
    options.stories = stories;
    const ArchiveBuild build = build_archive(
        dir, options, n, [&](std::size_t i) { return make_copy(sources[i % sources.size()], i / sources.size()); },
        [&](std::size_t queued) {
            if (seconds_since(last_report) < kProgressSeconds) return;
            last_report = std::chrono::steady_clock::now();
            const double rate = static_cast<double>(queued) / seconds_since(t0);
            std::cerr << "  indexed " << queued << "/" << n << " (" << fixed(rate, 0) << " articles/s, about "
                      << fixed(static_cast<double>(n - queued) / rate, 0) << " s left)\n";
        });
    for (std::size_t shard = 0; shard < build.shards; ++shard) {
        Xapian::WritableDatabase w((dir / rasd::detail::shard_directory_name(shard)).string(), Xapian::DB_OPEN);
        w.set_metadata(kRecipeKey, made_by);
        w.commit();
    }
    const double s = seconds_since(t0);
    std::cout << "  built " << n << " articles in " << fixed(s, 1) << " s (" << fixed(static_cast<double>(n) / s, 0)
              << " articles/s, " << build.shards << " shards), " << fixed(mib(dir_bytes(dir)), 1) << " MiB; "
              << build.metadata_warnings << " metadata warnings\n";
}

void compact_into(const fs::path& from, const fs::path& to) {
    remove_database_dir(to);
    const double seconds = compact_database(from, to);
    std::cout << "  compacted into " << to.string() << " in " << fixed(seconds, 1) << " s, " << fixed(mib(dir_bytes(to)), 1)
              << " MiB\n";
}

}  // namespace

std::string recipe(const std::vector<std::string>& inputs, std::size_t sources, std::size_t n, bool stories) {
    std::string r = "bench_latency/" + std::string(kRecipeVersion) + " articles=" + std::to_string(n) +
                    " sources=" + std::to_string(sources) + " inputs=";
    for (const std::string& in : inputs) r += fs::path(in).filename().string() + ",";
    if (!stories) r += " stories=0";
    return r;
}

fs::path ensure_database(const fs::path& dir, std::size_t n, const std::vector<rasd::Article>& sources,
                         const std::string& made_by, bool stories) {
    const fs::path compacted = dir.string() + "-compact";
    if (const std::string why = not_reusable(compacted, n, made_by); why.empty()) {
        std::cout << "  reused " << compacted.string() << " (" << n << " articles, same recipe), "
                  << fixed(mib(dir_bytes(compacted)), 1) << " MiB\n";
        return compacted;
    } else {
        std::cout << "  " << compacted.string() << ": " << why << "\n";
    }
    if (const std::string why = not_reusable(dir, n, made_by); why.empty()) {
        std::cout << "  reused " << dir.string() << " (" << n << " articles, same recipe); compacting it\n";
    } else {
        std::cout << "  " << dir.string() << ": " << why << "; building it\n";
        build_database(dir, n, sources, made_by, stories);
    }
    compact_into(dir, compacted);
    return compacted;
}

}  // namespace rasd::bench::latency

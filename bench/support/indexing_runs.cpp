#include "indexing_runs.hpp"

#include "util/fnv1a.hpp"

#include "archive_build.hpp"
#include "bench_main.hpp"
#include "compaction.hpp"
#include "hashing.hpp"
#include "measured_section.hpp"
#include "process_stats.hpp"
#include "xapian_term_generator.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/analysis/token.hpp>
#include <rasd/analyzer_factory.hpp>
#include <rasd/indexer.hpp>

#include <xapian.h>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

namespace fs = std::filesystem;
using nlohmann::json;

namespace rasd::bench::indexing {

namespace {

// XAPIAN_FLUSH_THRESHOLD, read by Xapian when a database opens; 0 leaves Xapian's default.
void set_flush_threshold(std::size_t flush_threshold) {
    if (flush_threshold > 0) setenv("XAPIAN_FLUSH_THRESHOLD", std::to_string(flush_threshold).c_str(), 1);
}

// Plain Xapian: TermGenerator + Snowball arabic (STEM_SOME), positions, no stored text,
// replace by the Q id term, default auto-flush, one commit at the end.
json run_xapian(const Corpus& corpus, const fs::path& dir, std::size_t flush_threshold) {
    set_flush_threshold(flush_threshold);
    return measure_section([&](json& r) {
        Xapian::WritableDatabase db(dir.string(), Xapian::DB_CREATE_OR_OPEN);
        Xapian::TermGenerator tg = make_arabic_term_generator();
        for (const rasd::Article& a : corpus.articles) {
            const std::string q = "Q" + a.id;
            db.replace_document(q, xapian_document(tg, a, q));
        }
        db.commit();
        r["commits"] = 1;
    });
}

// rasd::Indexer with default options, commit every `batch` articles and at the end.
json run_rasd(const Corpus& corpus, const fs::path& dir, std::size_t batch, std::size_t flush_threshold) {
    set_flush_threshold(flush_threshold);
    return measure_section([&](json& r) {
        std::size_t commits = 0;
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
        r["commits"] = commits;
    });
}

// rasd::ParallelIndexer as rasd-index uses it: `threads` threads, a new archive of `shards`
// shards (0: one database), commit every `batch` articles per database.
json run_rasd_parallel(const Corpus& corpus, const fs::path& dir, std::size_t batch, unsigned threads, std::size_t shards,
                       bool stories) {
    std::size_t indexed = 0;
    json r = measure_section([&](json& result) {
        ArchiveBuildOptions options;
        options.shards = shards;
        options.threads = threads;
        options.batch = batch;
        options.stories = stories;
        const ArchiveBuild build =
            build_archive(dir, options, corpus.articles.size(), [&](std::size_t i) { return corpus.articles[i]; });
        result["threads"] = build.threads;
        indexed = build.indexed;
    });
    r["indexed"] = indexed;
    check(indexed == corpus.articles.size(), "every article was reported indexed");
    return r;
}

std::vector<fs::path> shard_dirs(const fs::path& base, std::size_t shards) {
    std::vector<fs::path> dirs;
    for (std::size_t i = 0; i < shards; ++i) dirs.push_back(base / ("shard" + std::to_string(i)));
    return dirs;
}

// Indexes `articles` into `dir` with rasd::Indexer, committing every `batch`; an error is kept
// for the caller's thread (a Xapian::Error, which is no std::exception, as its description).
void index_shard(const std::vector<const rasd::Article*>& articles, const fs::path& dir, std::size_t batch,
                 std::exception_ptr& error, std::string& xapian_error) {
    try {
        rasd::Indexer indexer(dir.string());
        std::size_t since = 0;
        for (const rasd::Article* a : articles) {
            indexer.add_or_replace(*a);
            if (++since >= batch) {
                indexer.commit();
                since = 0;
            }
        }
        indexer.commit();
    } catch (const Xapian::Error& e) {
        xapian_error = e.get_description();
    } catch (...) {
        error = std::current_exception();
    }
}

// `shards` rasd::Indexer instances in as many threads, articles split by an FNV-1a hash of
// the id (a re-sent id lands in the same shard), each committing every `batch` of its own
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
                index_shard(parts[i], dirs[i], batch, errors[i], xapian_errors[i]);
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

    const double merge_s = merge_databases(dirs, merged);
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
    std::optional<rasd::Analyzer> analyzer;
    return measure_section(
        [&](json& r) {
            std::uint64_t tokens = 0, stems = 0;
            for (const rasd::Article& a : corpus.articles) {
                for (const std::string* text : {&a.title, &a.abstract, &a.body}) {
                    for (const rasd::Token& t : analyzer->analyze(*text)) {
                        ++tokens;
                        if (!t.stem.empty()) ++stems;
                    }
                }
            }
            r["tokens"] = tokens;
            r["stems"] = stems;
        },
        [&] { analyzer.emplace(rasd::make_analyzer(rasd::StemmerKind::Light)); });
}

// Plain Xapian's analysis alone: TermGenerator + Snowball into documents, no database.
json run_xapian_analysis(const Corpus& corpus) {
    Xapian::TermGenerator tg;
    return measure_section(
        [&](json& r) {
            std::uint64_t terms = 0;
            for (const rasd::Article& a : corpus.articles) terms += xapian_document(tg, a, "Q" + a.id).termlist_count();
            r["terms"] = terms;
        },
        [&] { tg = make_arabic_term_generator(); });
}

}  // namespace

json run_variant(const Variant& v, const Corpus& corpus, const fs::path& dir, const fs::path& merged) {
    switch (v.kind) {
        case Kind::Xapian: return run_xapian(corpus, dir, v.flush_threshold);
        case Kind::Rasd: return run_rasd(corpus, dir, v.batch, v.flush_threshold);
        case Kind::RasdShards: return run_rasd_shards(corpus, dir, merged, v.shards, v.batch);
        case Kind::RasdParallel: return run_rasd_parallel(corpus, dir, v.batch, v.threads, v.shards, v.stories);
        case Kind::RasdAnalysis: return run_rasd_analysis(corpus);
        case Kind::XapianAnalysis: return run_xapian_analysis(corpus);
    }
    throw std::logic_error("unknown variant kind");
}

json compact_measured(const fs::path& src, const fs::path& dst) {
    return measure_section([&](json&) { compact_database(src, dst); });
}

}  // namespace rasd::bench::indexing

// bench_stories: near-duplicate story detection against brute force, its cost at index time and
// the cost of collapsed queries.
//
// Usage: bench_stories [--max N] [--copies-of N] [--copies K] [--threads T] [--queries Q]
//                      [--dir DIR] [--archive DIR [--judged FILE]] [INPUT.jsonl.xz ...]
//
//   INPUT        JSON-lines corpora, each measured on its own (default: both ANT files); a
//                missing one prints SKIP and exits 0
//   --max N      the first N articles of each input (default 0: all)
//   --copies-of N, --copies K   the synthetic corpus: the first N articles of the first input
//                (default 2000) and K perturbed re-publications of each (default 3), made as
//                bench_latency makes its copies (a fresh id, 10% of the sentences left out);
//                the other inputs' copies, made alike, get the stories' ceiling only
//   --threads T  indexing threads (default 2)
//   --queries Q  one-word queries for the --collapse latency (default 300)
//   --dir DIR    scratch databases (default: a folder in the system's temporary directory)
//   --archive DIR  measure only the --collapse latency, on the existing archive DIR (e.g.
//                bench_latency's 500,000 articles, DIR-compact), with query words from the
//                titles of INPUT's articles; nothing is indexed, DIR is left as it was
//   --judged FILE  with --archive: instead, judge DIR's stories against FILE's pairs of real
//                articles judged by reading them (bench/stories/judged_pairs.tsv, an archive of
//                both ANT files): precision and recall over the pairs, and per stratum
//
// For each corpus: ground truth by brute force (the exact Jaccard of word 3-shingles of every
// pair of articles sharing a rare shingle); the best any partition into stories could reach
// against it (stories_ceiling.hpp; on synthetic copies of every input); pair precision and recall of the detector at several
// thresholds (the choice of kStoryJaccard) and of the stories an index formed (on synthetic
// copies also with every pair of copies of one origin counted as a true pair); the duplicate
// rate; indexing throughput with and without detection in the same run (two rounds in turn, the
// fastest of each kept); query p95 with and without --collapse. Exit codes: 0 ok or skipped, 1 a self-check failed, 2 usage or input error.

#include "bench/support/article_copies.hpp"
#include "bench/support/bench_main.hpp"
#include "bench/support/corpus.hpp"
#include "bench/support/database_files.hpp"
#include "bench/support/format.hpp"
#include "bench/support/options.hpp"
#include "bench/support/process_stats.hpp"
#include "bench/support/stories_ceiling.hpp"
#include "bench/support/stories_judged.hpp"
#include "bench/support/stories_pairs.hpp"
#include "bench/support/stories_runs.hpp"
#include "knowledge/story_fingerprint.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

using namespace rasd::bench;
using namespace rasd::bench::stories;

struct Options {
    std::vector<std::string> inputs;
    std::size_t max = 0;
    std::size_t copies_of = 2000;
    std::size_t copies = 3;
    unsigned threads = 2;
    std::size_t queries = 300;
    std::filesystem::path dir = std::filesystem::temp_directory_path() / "rasd-bench-stories";
    std::filesystem::path archive;
    std::filesystem::path judged;
};

constexpr double kThresholds[] = {0.5, 0.6, 0.7, 0.8};
constexpr int kIndexingRounds = 2;

std::string scores_cells(const PairScores& s) {
    return fixed(s.precision(), 3) + " | " + fixed(s.recall(), 3) + " | " + std::to_string(s.truth) + " | " +
           std::to_string(s.predicted);
}

CollapseLatency measure_collapse(const std::string& name, const std::filesystem::path& archive,
                                 const std::vector<rasd::Article>& articles, const Options& o) {
    const CollapseLatency latency = collapse_latency(archive, articles, o.queries);
    check(latency.collapsed_hits <= latency.plain_hits, name + ": collapsing never adds hits");
    std::cout << "queries (" << latency.queries << " one-word, 10 hits): p50/p95 plain " << fixed(latency.plain.p50, 2)
              << "/" << fixed(latency.plain.p95, 2) << " ms, --collapse " << fixed(latency.collapsed.p50, 2) << "/"
              << fixed(latency.collapsed.p95, 2) << " ms: p95 ratio "
              << fixed(latency.plain.p95 > 0 ? latency.collapsed.p95 / latency.plain.p95 : 0.0, 2)
              << "; copies folded into the collapsed pages: " << latency.copies_shown << '\n';
    return latency;
}

std::string point_text(const StoryCeiling::Point& point) {
    if (point.precision < 0) return "none found";
    return "P " + fixed(point.precision, 3) + " / R " + fixed(point.recall, 3);
}

// What partitions into stories reach against the Jaccard truth, with hindsight (stories_ceiling.hpp).
StoryCeiling print_ceiling(const std::vector<std::vector<std::uint64_t>>& sets, const std::map<Pair, double>& truth) {
    const StoryCeiling c = story_ceiling(sets, truth, rasd::detail::kStoryJaccard);
    if (c.true_pairs == 0) {
        std::cout << "stories with hindsight: no true pairs to judge\n";
        return c;
    }
    std::cout << "stories with hindsight (exact Jaccard; " << c.components << " groups of true pairs, "
              << c.bounded_components << " over " << kExactComponentArticles
              << " articles bounded): best precision found at recall >= 0.95: " << point_text(c.best_precision)
              << "; best recall found at precision >= 0.95: " << point_text(c.best_recall) << "; both >= 0.95: "
              << (c.both_reached()    ? std::string("reached")
                  : c.both_possible ? std::string("not ruled out")
                                    : "impossible (at weight " + fixed(c.lambda, 2) + " per wrong pair, " +
                                          fixed(c.shortfall, 1) + " true pairs short)")
              << '\n';
    return c;
}

// The ceiling of a known case: A near B and C, B not near C. Stories {A, B, C} score P 2/3 at
// R 1; {A, B}, {C} score P 1 at R 1/2; so no partition has both at 0.95.
void check_ceiling_of_a_star() {
    const std::vector<std::vector<std::uint64_t>> sets(3);
    const std::map<Pair, double> truth{{{0, 1}, 0.7}, {{0, 2}, 0.7}, {{1, 2}, 0.4}};
    const StoryCeiling c = story_ceiling(sets, truth, 0.6);
    check(c.true_pairs == 2 && c.components == 1 && c.bounded_components == 0, "ceiling of a star: its groups");
    check(std::abs(c.best_precision.precision - 2.0 / 3.0) < 1e-12 && c.best_precision.recall == 1.0 &&
              c.best_recall.precision == 1.0 && c.best_recall.recall == 0.5,
          "ceiling of a star: the partitions found");
    check(!c.both_possible, "ceiling of a star: both at 0.95 proven impossible");
}

void measure(const std::string& name, const std::vector<rasd::Article>& articles, const Options& o) {
    std::cout << "\n## " << name << ": " << articles.size() << " articles (load " << loadavg() << ")\n\n";
    const auto sets = shingle_sets(articles);
    const auto truth = ground_truth(sets);
    std::cout << "ground truth: " << truth.size() << " pairs share a shingle held by at most "
              << kRareShingleArticles << " articles\n";
    const StoryCeiling ceiling = print_ceiling(sets, truth);
    std::cout << "\n| detector threshold | precision | recall | true pairs | predicted |\n|---|---|---|---|---|\n";
    for (const double threshold : kThresholds) {
        const PairScores s = score_pairs(detector_pairs(sets, threshold), truth, sets, threshold);
        std::cout << "| " << fixed(threshold, 2) << " | " << scores_cells(s) << " |\n";
    }
    // Both sides in turn, kIndexingRounds times each, the fastest kept: the machine's load moves.
    IndexingRun without, with;
    for (int round = 0; round < kIndexingRounds; ++round) {
        IndexingRun a = index_articles(o.dir / "without", articles, false, o.threads);
        IndexingRun b = index_articles(o.dir / "with", articles, true, o.threads);
        if (round == 0 || a.seconds < without.seconds) without = std::move(a);
        if (round == 0 || b.seconds < with.seconds) with = std::move(b);
    }
    check(with.stories.size() == articles.size(), name + ": every article reported");
    const PairScores stories = score_pairs(story_pairs(with.stories), truth, sets, rasd::detail::kStoryJaccard);
    check(ceiling.both_possible || stories.precision() < 0.95 || stories.recall() < 0.95,
          name + ": the index's stories cannot pass a ceiling proven for every partition");
    std::size_t duplicates = 0;
    for (std::size_t i = 0; i < articles.size(); ++i) duplicates += with.stories[i] != articles[i].id ? 1 : 0;
    std::cout << "\nstories of the index (threshold " << fixed(rasd::detail::kStoryJaccard, 2)
              << "): precision | recall | true pairs | same-story pairs: " << scores_cells(stories) << '\n';
    // Synthetic copies know their origin ("<origin id>~k"): the stories judged against it too.
    std::vector<std::string> origins;
    for (const rasd::Article& article : articles) {
        origins.push_back(latency::is_copy_id(article.id) ? latency::source_id(article.id) : std::string());
    }
    if (std::any_of(origins.begin(), origins.end(), [](const std::string& origin) { return !origin.empty(); })) {
        const PairScores by_origin = score_pairs_with_origins(story_pairs(with.stories), origins, truth, sets,
                                                              rasd::detail::kStoryJaccard);
        check(by_origin.predicted == stories.predicted && by_origin.correct >= stories.correct,
              name + ": judged by origin too, the same pairs and no fewer of them right");
        std::cout << "stories of the index, copies of one origin counted as true pairs: precision | recall | true "
                     "pairs | same-story pairs: "
                  << scores_cells(by_origin) << '\n';
    }
    std::cout << "duplicate rate: " << duplicates << " of " << articles.size() << " articles ("
              << fixed(100.0 * static_cast<double>(duplicates) / static_cast<double>(articles.size()), 1)
              << "%) joined an earlier article's story\n";
    const double ratio = without.seconds > 0 ? with.seconds / without.seconds : 0.0;
    std::cout << "indexing (" << o.threads << " threads, best of " << kIndexingRounds << " rounds in turn): without detection " << fixed(without.seconds, 2) << " s ("
              << fixed(without.articles_per_second(articles.size()), 0) << "/s), with " << fixed(with.seconds, 2)
              << " s (" << fixed(with.articles_per_second(articles.size()), 0) << "/s): throughput drop "
              << fixed(100.0 * (1.0 - 1.0 / (ratio > 0 ? ratio : 1.0)), 1) << "%\n";
    const CollapseLatency latency = measure_collapse(name, o.dir / "with", articles, o);
    std::cout << json_line({{"corpus", name}, {"articles", articles.size()}, {"ground_truth_pairs", truth.size()},
                            {"story_precision", stories.precision()}, {"story_recall", stories.recall()},
                            {"duplicates", duplicates}, {"seconds_without", without.seconds},
                            {"seconds_with", with.seconds}, {"plain", stats_json(latency.plain)},
                            {"collapsed", stats_json(latency.collapsed)}})
              << '\n';
}

// The archive's stories against pairs judged by reading the articles.
void measure_judged(const Options& o) {
    const std::vector<JudgedPair> pairs = read_judged_pairs(o.judged);
    const JudgedScores scores = score_judged_pairs(o.archive, pairs);
    check(scores.all.pairs > 0, o.judged.string() + ": no judged pair has both articles in " + o.archive.string());
    std::cout << "judged pairs: " << pairs.size() << " (" << scores.missing
              << " with an article the archive does not hold, left out)\n\n"
              << "| pairs drawn as | pairs | judged one story | put in one story | both | precision | recall |\n"
              << "|---|---:|---:|---:|---:|---:|---:|\n";
    const auto row = [](const std::string& name, const JudgedCounts& c) {
        std::cout << "| " << name << " | " << c.pairs << " | " << c.same << " | " << c.together << " | "
                  << c.same_together << " | " << fixed(c.precision(), 3) << " | " << fixed(c.recall(), 3) << " |\n";
    };
    for (const auto& [stratum, counts] : scores.by_stratum) row(stratum, counts);
    row("all", scores.all);
    std::cout << json_line({{"judged_pairs", scores.all.pairs}, {"judged_same", scores.all.same},
                            {"together", scores.all.together}, {"same_together", scores.all.same_together},
                            {"precision", scores.all.precision()}, {"recall", scores.all.recall()}})
              << '\n';
}

std::vector<rasd::Article> synthetic_copies(const std::vector<rasd::Article>& originals, const Options& o) {
    std::vector<rasd::Article> out;
    const std::size_t n = std::min(o.copies_of, originals.size());
    for (std::size_t k = 0; k <= o.copies; ++k) {
        for (std::size_t i = 0; i < n; ++i) out.push_back(latency::make_copy(originals[i], k));
    }
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    return run_bench_main("bench_stories", [&]() -> int {
        Options o;
        for (ArgReader args(argc, argv); args.next();) {
            if (args.arg() == "--max") o.max = parse_count(args.value());
            else if (args.arg() == "--copies-of") o.copies_of = parse_count(args.value());
            else if (args.arg() == "--copies") o.copies = parse_count(args.value());
            else if (args.arg() == "--threads") o.threads = static_cast<unsigned>(parse_count(args.value()));
            else if (args.arg() == "--queries") o.queries = parse_count(args.value());
            else if (args.arg() == "--dir") o.dir = args.value();
            else if (args.arg() == "--archive") o.archive = args.value();
            else if (args.arg() == "--judged") o.judged = args.value();
            else o.inputs.push_back(args.arg());
        }
        if (o.inputs.empty()) o.inputs = default_ant_inputs();
        if (skip_missing_input("bench_stories", o.inputs)) return 0;
        if (!o.judged.empty() && o.archive.empty()) throw std::runtime_error("--judged needs --archive DIR");
        if (!o.archive.empty()) {
            if (!std::filesystem::exists(o.archive)) throw std::runtime_error("no archive at " + o.archive.string());
            if (!o.judged.empty()) {
                std::cout << "# bench_stories: " << command_line(argc, argv) << "\n\n## " << o.archive.string() << "\n\n";
                measure_judged(o);
                return 0;
            }
            std::cout << "# bench_stories: " << command_line(argc, argv) << "\n\n## " << o.archive.string()
                      << " (load " << loadavg() << ")\n\n";
            const Corpus corpus = read_corpus(o.inputs, o.max);
            (void)measure_collapse(o.archive.string(), o.archive, corpus.articles, o);
            return 0;
        }
        RemoveAtExit cleanup;  // the scratch databases
        cleanup.dirs.push_back(o.dir);
        std::cout << "# bench_stories: " << command_line(argc, argv) << '\n';
        check_ceiling_of_a_star();
        std::vector<rasd::Article> first;
        for (std::size_t i = 0; i < o.inputs.size(); ++i) {
            Corpus corpus = read_corpus({o.inputs[i]}, o.max);
            const std::string name = std::filesystem::path(o.inputs[i]).filename().string();
            measure(name, corpus.articles, o);
            if (i == 0) {
                first = std::move(corpus.articles);
                continue;
            }
            // Copies of the other inputs: the criterion's ceiling only (no indexing).
            const std::vector<rasd::Article> copies = synthetic_copies(corpus.articles, o);
            std::cout << "\n## synthetic copies of " << name << " (" << copies.size() << " articles): ceiling only\n\n";
            const auto sets = shingle_sets(copies);
            (void)print_ceiling(sets, ground_truth(sets));
        }
        measure("synthetic copies (" + std::to_string(o.copies) + " of each of " +
                    std::to_string(std::min(o.copies_of, first.size())) + ")",
                synthetic_copies(first, o), o);
        return 0;
    });
}

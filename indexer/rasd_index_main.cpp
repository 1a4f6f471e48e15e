// rasd-index: analyze text, or index article dumps into a rasd database.

#include "cli/cli_common.hpp"
#include "cli/hit_output.hpp"
#include "cli/interrupt.hpp"
#include "cli/progress_meter.hpp"
#include "cli/search_json.hpp"
#include "cli/whole_number_option.hpp"
#include "util/control_characters.hpp"
#include "util/counted_nouns.hpp"

#include <rasd/analyzer_factory.hpp>
#include <rasd/article_reader.hpp>
#include <rasd/error.hpp>
#include <rasd/indexer.hpp>
#include <rasd/parallel_indexer.hpp>
#include <rasd/searcher.hpp>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <iostream>

namespace po = boost::program_options;

namespace {

const std::string kProgram = "rasd-index";
// The valid ranges of the numeric options (beyond them a value is a typo, or wrapped around).
constexpr unsigned kMaxThreads = 256;
constexpr std::size_t kMaxBatch = 1'000'000;

struct Options {
    std::string db;
    std::vector<std::string> inputs;
    std::string stemmer = "light";
    std::string analyze_text;
    std::size_t batch = 2000;
    unsigned threads = 0;
    std::size_t shards = 0;
    std::string slice;  // "K/N": index only the articles of shard K of N
    std::vector<std::string> delete_ids;
    std::vector<std::string> field_specs;
    std::string aliases;
    bool strict = false;
    bool quiet = false;
    bool stats = false;
    bool json = false;
    bool no_stories = false;
};

struct Counts {
    std::size_t read = 0;
    std::size_t added = 0;
    std::size_t replaced = 0;
    std::size_t skipped = 0;
    std::map<rasd::ProblemKind, std::size_t> skipped_by_kind;
    std::size_t deleted = 0;
    std::size_t not_found = 0;
    std::size_t other_shards = 0;
    std::size_t dated = 0;
    std::size_t placed = 0;
    std::size_t topic_given = 0;
    std::size_t topic_inferred = 0;
};

po::options_description visible_options(Options& o) {
    using rasd::cli::kHelpLineLength;
    po::options_description desc("Usage: rasd-index --db DIR [options] [--delete ID]... INPUT...\n"
                                 "       rasd-index --db DIR --delete ID [--delete ID]...\n"
                                 "       rasd-index --db DIR --aliases FILE\n"
                                 "       rasd-index --db DIR --stats [--json]\n"
                                 "       rasd-index --analyze TEXT [--stemmer NAME]\n\n"
                                 "Index article dumps into the rasd database DIR, or show how TEXT is\n"
                                 "analyzed. INPUT: JSON lines (.jsonl), JSON (.json), TREC SGML (.trec,\n"
                                 ".sgml), one article per .txt/.md file (optional key: value header or\n"
                                 "YAML front matter), any of them compressed (.gz, .xz, .zst); folders\n"
                                 "are walked recursively; - reads JSON lines from standard input. Every\n"
                                 "INPUT must exist: a missing one stops the run before anything is written.\n\n"
                                 "Options",
                                 kHelpLineLength, kHelpLineLength / 2);
    desc.add_options()
        ("help,h", "show this help and exit")
        ("version,V", "show the version and exit")
        ("db,d", po::value(&o.db)->value_name("DIR"), "database directory (created if missing)")
        ("stemmer,s", po::value(&o.stemmer)->value_name("NAME")->default_value("light"),
         "Arabic stemmer, one of: light, snowball, none")
        ("analyze,a", po::value(&o.analyze_text)->value_name("TEXT"),
         "print the tokens of TEXT, one per line: position<TAB>surface<TAB>folded<TAB>stem "
         "(a stop word prints - as its stem), and exit")
        ("batch,b", rasd::cli::whole_number(&o.batch, "--batch", std::size_t{1}, kMaxBatch)
                        ->value_name("N")->default_value("2000"),
         "commit every N articles (1 to 1000000); a crash loses at most one batch")
        ("threads,j", rasd::cli::whole_number(&o.threads, "--threads", 0U, kMaxThreads)
                          ->value_name("N")->default_value("0", "all cores"),
         "threads to use (0 to 256, 0: one per core): with one database, N-1 analyze "
         "while one writes; with shards, up to one per shard analyzes and writes")
        ("shards", rasd::cli::whole_number(&o.shards, "--shards", std::size_t{1}, rasd::kMaxArchiveShards)
                       ->value_name("N"),
         "create a new archive of N shards (1 to 256): databases DIR/shard-00 ... "
         "and a stub file DIR/XAPIANDB that searchers open as one, written in "
         "parallel; an article's shard is fixed by its id")
        ("shard", po::value(&o.slice)->value_name("K/N"),
         "index only the articles that belong to shard K (0-based) of an N-shard "
         "archive, to build that shard on its own machine; the others are counted "
         "and passed over")
        ("field,f", po::value(&o.field_specs)->value_name("FIELD=NAME,..."),
         "take an article field from these source fields, e.g. body=text,abstract "
         "(repeatable); FIELD is one of: id, title, body, abstract, date, place, "
         "topic, source, url, author")
        ("aliases", po::value(&o.aliases)->value_name("FILE"),
         "keep FILE's alias groups (one a line, names separated by |) in the archive, replacing "
         "those it kept; searches expand them as they do rasd's own")
        ("delete", po::value(&o.delete_ids)->value_name("ID"),
         "delete the article with this id, before indexing any INPUT; repeat it for "
         "each id (--delete ID1 --delete ID2): every other argument is an INPUT")
        ("stats", po::bool_switch(&o.stats),
         "print the database's article count, date span and top topics, places and "
         "sources")
        ("json", po::bool_switch(&o.json), "with --stats: print one JSON document")
        ("no-stories", po::bool_switch(&o.no_stories),
         "skip near-duplicate story detection for these articles: they get no story (each is "
         "one hit under rasd-search --collapse) and are no candidates for later copies")
        ("strict", po::bool_switch(&o.strict),
         "all or nothing: stop at the first bad record or unreadable input and "
         "commit nothing from this run (the database stays as it was)")
        ("quiet,q", po::bool_switch(&o.quiet), "print no summary");
    return desc;
}

int print_analysis(const Options& o) {
    rasd::Analyzer analyzer = rasd::make_analyzer(rasd::parse_stemmer_kind(o.stemmer));
    for (const rasd::Token& t : analyzer.analyze(o.analyze_text)) {
        std::cout << t.position << '\t' << t.surface << '\t' << t.folded << '\t'
                  << (t.is_stop_word ? "-" : t.stem) << '\n';
    }
    return rasd::cli::kExitOk;
}

using rasd::cli::shown;  // text from the archive, safe for a terminal

int print_stats(const Options& o) {
    if (o.db.empty()) throw po::error("the option '--db' is required with --stats");
    rasd::Searcher searcher(o.db);
    const rasd::ArchiveStats stats = searcher.stats();
    if (o.json) {
        nlohmann::json document = rasd::cli::stats_json(stats);
        document["db"] = o.db;
        std::cout << rasd::cli::json_text(document) << '\n';
        return rasd::cli::kExitOk;
    }
    std::cout << "database:  " << shown(o.db) << "\narticles:  " << stats.articles << "\nanalyzer:  " << stats.analyzer
              << "\ndates:     " << (stats.first_date.empty() ? "(none)" : stats.first_date + " .. " + stats.last_date)
              << '\n';
    const std::pair<const char*, const std::vector<rasd::TermCount>*> groups[] = {
        {"topics", &stats.top_topics}, {"places", &stats.top_places}, {"sources", &stats.top_sources}};
    for (const auto& [label, counts] : groups) {
        std::cout << label << ":";
        if (counts->empty()) std::cout << " (none)";
        const bool show_value = counts != &stats.top_sources;  // a source's value is only its folded name
        for (const auto& c : *counts) {
            std::cout << "\n  " << c.articles << '\t' << shown(c.label);
            if (show_value && c.label != c.value) std::cout << " (" << shown(c.value) << ")";
        }
        std::cout << '\n';
    }
    // The largest stories follow, one a line; an archive without articles has none to list.
    std::cout << "stories:   " << stats.stories << " (" << stats.stories_with_copies << " with copies)";
    for (const rasd::StorySize& story : stats.largest_stories) {
        std::cout << "\n  " << story.articles << '\t' << shown(story.story) << '\t' << shown(story.title)
                  << (story.source.empty() ? "" : " (" + shown(story.source) + ")");
    }
    std::cout << '\n';
    return rasd::cli::kExitOk;
}

// " (empty body: 23, malformed record: 1)", or "" when nothing was skipped.
std::string skip_reasons(const Counts& counts) {
    std::string text;
    for (const auto& [kind, n] : counts.skipped_by_kind) {
        text += (text.empty() ? " (" : ", ") + rasd::to_string(kind) + ": " + std::to_string(n);
    }
    return text.empty() ? text : text + ")";
}

struct Slice {
    std::size_t shard = 0;
    std::size_t shards = 0;  // 0: every article
};

// "K/N" with 0 <= K < N; "" is every article.
Slice parse_slice(const std::string& text) {
    if (text.empty()) return {};
    Slice slice;
    const std::size_t slash = text.find('/');
    const auto digits = [](const std::string& s) {
        return !s.empty() && s.size() <= 3 && s.find_first_not_of("0123456789") == std::string::npos;
    };
    if (slash == std::string::npos || !digits(text.substr(0, slash)) || !digits(text.substr(slash + 1)) ||
        (slice.shard = std::stoul(text.substr(0, slash))) >= (slice.shards = std::stoul(text.substr(slash + 1)))) {
        throw po::error("--shard '" + text + "': expected K/N with 0 <= K < N, e.g. 0/4");
    }
    return slice;
}

// What follows an input that is not one when ids were given to --delete: the old form
// `--delete ID ID...` now reads the second id as an INPUT.
std::string delete_hint(const Options& o) {
    return o.delete_ids.empty() ? "" : " (--delete takes one id: repeat it for each, --delete ID1 --delete ID2)";
}

// Every INPUT must name something that can be read, checked before anything is written: a typo
// in a scheduled job must not leave an empty or half-updated database behind. Prints one error
// per bad input. @return false if any was bad.
bool inputs_can_be_read(const Options& o) {
    namespace fs = std::filesystem;
    bool all_readable = true;
    auto bad = [&](const std::string& input, const std::string& reason) {
        rasd::cli::print_diagnostic(kProgram, "error", input + ": " + reason + delete_hint(o));
        all_readable = false;
    };
    for (const std::string& input : o.inputs) {
        if (input == "-") continue;
        std::error_code error;
        const fs::file_status status = fs::status(input, error);
        if (!fs::exists(status)) {
            bad(input, error && error != std::errc::no_such_file_or_directory ? "cannot read: " + error.message()
                                                                               : "no such file or folder");
        } else if (fs::is_directory(status)) {
            fs::directory_iterator probe(input, error);
            if (error) bad(input, "cannot read folder: " + error.message());
        } else if (std::ifstream probe(input, std::ios::binary); !probe) {
            bad(input, std::string("cannot open file: ") + std::strerror(errno));
        }
    }
    return all_readable;
}

// "1 article", "3 articles".
std::string articles(std::size_t count) { return rasd::detail::counted(count, "article", "articles"); }

void print_summary(const Options& o, const Counts& counts, const rasd::IndexStats& stats) {
    const std::string shard_note = stats.shards > 1 ? " in " + std::to_string(stats.shards) + " shards" : "";
    std::cerr << kProgram << ": read " << counts.read << ", indexed " << counts.added << " new, " << counts.replaced
              << " replaced, skipped " << counts.skipped << skip_reasons(counts) << ", deleted " << counts.deleted
              << " (" << counts.not_found << " not found)"
              << (o.slice.empty() ? "" : ", " + std::to_string(counts.other_shards) + " of other shards")
              << "; with a date " << counts.dated << ", a place " << counts.placed << ", a topic "
              << counts.topic_given + counts.topic_inferred << " (" << counts.topic_inferred
              << " inferred); database " << o.db << " holds " << articles(stats.articles) << shard_note << '\n';
}

// "database DIR holds N articles, as before the run": what an all-or-nothing run that stopped
// left, after its changes were dropped.
std::string unchanged_note(const Options& o, rasd::ParallelIndexer& indexer) {
    return "nothing from this run was committed; database " + o.db + " holds " + articles(indexer.stats().articles) +
           ", as before the run";
}

int index_inputs(const Options& o) {
    if (o.db.empty()) throw po::error("the option '--db' is required to index (or use --analyze)");
    if (o.inputs.empty() && o.delete_ids.empty() && o.aliases.empty()) {
        throw po::error("no INPUT given: name .jsonl files, or - for standard input");
    }
    rasd::cli::catch_interrupt();
    const Slice slice = parse_slice(o.slice);
    for (const std::string& input : o.inputs) {
        std::error_code ignored;
        if (input != "-" && !std::filesystem::is_directory(input, ignored) && !rasd::is_supported_input_name(input)) {
            throw rasd::InvalidArgument("'" + input + "': unsupported input format (expected .jsonl, .json, "
                                        ".trec, .sgml, .txt, .md, optionally .gz/.xz/.zst, a folder, or -)" +
                                        delete_hint(o));
        }
    }
    if (!inputs_can_be_read(o)) return rasd::cli::kExitRuntime;
    std::uint64_t total_bytes = 0;
    for (const std::string& input : o.inputs) {
        if (input == "-") {
            total_bytes = 0;  // standard input has no known size, so neither has the whole run
            break;
        }
        total_bytes += rasd::input_size(input);
    }
    rasd::cli::ProgressMeter progress(kProgram, !o.quiet && rasd::cli::stderr_is_terminal(), total_bytes);
    rasd::ReaderOptions reader_options;
    for (const std::string& spec : o.field_specs) reader_options.fields.set(spec);

    Counts counts;
    auto on_indexed = [&](const rasd::Article& article, const rasd::IndexedArticle& indexed) {
        (indexed.replaced ? counts.replaced : counts.added) += 1;
        if (!indexed.date.empty()) ++counts.dated;
        if (!indexed.place_id.empty()) ++counts.placed;
        if (indexed.topic_evidence == rasd::TopicEvidence::Field) ++counts.topic_given;
        if (indexed.topic_evidence == rasd::TopicEvidence::Inferred) ++counts.topic_inferred;
        for (const std::string& warning : indexed.warnings) {
            progress.finish();
            rasd::cli::print_diagnostic(kProgram, "warning",
                                        rasd::detail::escape_control_characters(article.origin) + ": article '" +
                                            rasd::detail::quotable(article.id) + "': " + warning);
        }
    };
    rasd::ParallelIndexerOptions indexer_options;
    // Deleting needs no analysis: a run that only deletes accepts a database of any stemmer.
    indexer_options.indexer = rasd::IndexerOptions{rasd::parse_stemmer_kind(o.stemmer), o.shards, o.inputs.empty(),
                                                   o.aliases, !o.no_stories};
    indexer_options.threads = o.threads;
    indexer_options.batch = o.batch;
    indexer_options.all_or_nothing = o.strict;
    rasd::ParallelIndexer indexer = [&] {
        const rasd::cli::InterruptBlockedInNewThreads workers_never_take_ctrl_c;
        return rasd::ParallelIndexer(o.db, indexer_options, on_indexed);
    }();
    auto on_problem = [&](const rasd::ReadProblem& problem) {
        rasd::cli::stop_if_interrupted();  // a read cut short by Ctrl-C is no problem of the data
        if (o.strict) throw rasd::DataError(problem.message());
        progress.finish();  // a warning starts on a clean line
        rasd::cli::print_diagnostic(kProgram, "warning", problem.message() + " (skipped)");
        ++counts.skipped;
        ++counts.skipped_by_kind[problem.kind];
    };
    auto on_article = [&](rasd::Article&& article) {
        rasd::cli::stop_if_interrupted();
        ++counts.read;
        if (slice.shards > 0 && rasd::shard_of_article(article.id, slice.shards) != slice.shard) {
            ++counts.other_shards;
            return;
        }
        indexer.add_or_replace(std::move(article));
    };
    reader_options.on_progress = [&](const rasd::ReadProgress& p) {
        progress.on_file_progress(p.file, p.bytes_read, p.file_size, counts.read);
    };
    try {
        for (const std::string& id : o.delete_ids) {
            if (indexer.remove(id)) {
                ++counts.deleted;
            } else {
                ++counts.not_found;
                rasd::cli::print_diagnostic(kProgram, "warning", "no article with id '" + id + "' to delete");
            }
        }
        for (const std::string& input : o.inputs) {
            rasd::cli::stop_if_interrupted();
            rasd::read_articles(input, on_article, on_problem, reader_options);
        }
        rasd::cli::stop_if_interrupted();
    } catch (const rasd::cli::Interrupted&) {
        progress.finish();
        if (o.strict) {
            indexer.discard();
            rasd::cli::print_diagnostic(kProgram, "interrupted", unchanged_note(o, indexer) + " (--strict)");
            return rasd::cli::kExitInterrupted;
        }
        indexer.finish();  // what was read is committed, so a rerun has less to do
        if (!o.quiet) print_summary(o, counts, indexer.stats());
        rasd::cli::print_diagnostic(kProgram, "interrupted",
                                    "the " + articles(counts.added + counts.replaced) + " indexed and " +
                                        std::to_string(counts.deleted) +
                                        " deleted so far are committed; run the same command again to continue "
                                        "(articles indexed already are replaced, not duplicated)");
        return rasd::cli::kExitInterrupted;
    } catch (const rasd::DataError& e) {
        if (!o.strict) throw;
        progress.finish();
        indexer.discard();
        rasd::cli::print_diagnostic(kProgram, "error", e.what());
        rasd::cli::print_diagnostic(kProgram, "error", "stopped at the first bad record (--strict): " +
                                                          unchanged_note(o, indexer));
        return rasd::cli::kExitRuntime;
    }
    indexer.finish();
    progress.finish();
    if (!o.quiet) print_summary(o, counts, indexer.stats());
    return rasd::cli::kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
    // A file-size limit (ulimit -f) must surface as a write error with a clear message, not as
    // a silent kill: ignoring SIGXFSZ makes the write fail with EFBIG instead.
    std::signal(SIGXFSZ, SIG_IGN);
    return rasd::cli::run(kProgram, [&]() -> int {
        Options o;
        const po::options_description visible = visible_options(o);
        const po::variables_map vm = rasd::cli::parse_command_line(argc, argv, visible, o.inputs);
        if (rasd::cli::print_help_or_version(kProgram, vm, visible,
                                              "Exit status: 0 done (skipped records included, unless --strict),\n"
                                              "1 runtime or data error (a missing INPUT included), 2 usage error,\n"
                                              "130 stopped by Ctrl-C (what was indexed is committed, unless\n"
                                              "--strict; run the same command again to continue).\n")) {
            return rasd::cli::kExitOk;
        }
        (void)rasd::parse_stemmer_kind(o.stemmer);  // a bad name is a usage error, before any work
        if (vm.count("analyze")) return print_analysis(o);
        if (o.stats) return print_stats(o);
        return index_inputs(o);
    });
}

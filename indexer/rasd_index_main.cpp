// rasd-index: analyze text, or index article dumps into a rasd database.

#include "cli_common.hpp"

#include <rasd/analyzer_factory.hpp>
#include <rasd/article_reader.hpp>
#include <rasd/error.hpp>
#include <rasd/indexer.hpp>

#include <boost/program_options.hpp>

#include <fstream>
#include <iostream>

namespace po = boost::program_options;

namespace {

constexpr unsigned kHelpLineLength = 100;
const std::string kProgram = "rasd-index";

struct Options {
    std::string db;
    std::vector<std::string> inputs;
    std::string stemmer = "light";
    std::string analyze_text;
    std::size_t batch = 1000;
    bool strict = false;
    bool quiet = false;
};

struct Counts {
    std::size_t read = 0;
    std::size_t added = 0;
    std::size_t replaced = 0;
    std::size_t skipped = 0;
};

po::options_description visible_options(Options& o) {
    po::options_description desc("Usage: rasd-index --db DIR [options] INPUT...\n"
                                 "       rasd-index --analyze TEXT [--stemmer NAME]\n\n"
                                 "Index article dumps (JSON lines: .jsonl, or - for standard input)\n"
                                 "into the rasd database DIR, or show how TEXT is analyzed.\n\n"
                                 "Options", kHelpLineLength, kHelpLineLength / 2);
    desc.add_options()
        ("help,h", "show this help and exit")
        ("version,V", "show the version and exit")
        ("db,d", po::value(&o.db)->value_name("DIR"), "database directory (created if missing)")
        ("stemmer,s", po::value(&o.stemmer)->value_name("NAME")->default_value("light"),
         "Arabic stemmer, one of: light, snowball, none")
        ("analyze,a", po::value(&o.analyze_text)->value_name("TEXT"),
         "print the tokens of TEXT, one per line: position<TAB>surface<TAB>folded<TAB>stem\n"
         "(a stop word prints - as its stem), and exit")
        ("batch,b", po::value(&o.batch)->value_name("N")->default_value(1000),
         "commit every N articles (N >= 1); a crash loses at most one batch")
        ("strict", po::bool_switch(&o.strict), "stop at the first bad record or unreadable input")
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

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

int index_inputs(const Options& o) {
    if (o.db.empty()) throw po::error("the option '--db' is required to index (or use --analyze)");
    if (o.inputs.empty()) throw po::error("no INPUT given: name .jsonl files, or - for standard input");
    if (o.batch == 0) throw po::error("--batch must be at least 1");
    for (const std::string& input : o.inputs) {
        if (input != "-" && !ends_with(input, ".jsonl")) {
            throw rasd::InvalidArgument("'" + input + "': unsupported input format (expected .jsonl or -)");
        }
    }

    rasd::Indexer indexer(o.db, rasd::IndexerOptions{rasd::parse_stemmer_kind(o.stemmer)});
    Counts counts;
    std::size_t since_commit = 0;
    auto on_problem = [&](const rasd::ReadProblem& problem) {
        if (o.strict) throw rasd::DataError(problem.message());
        rasd::cli::print_diagnostic(kProgram, "warning", problem.message() + " (skipped)");
        ++counts.skipped;
    };
    auto on_article = [&](rasd::Article&& article) {
        ++counts.read;
        (indexer.add_or_replace(article) ? counts.replaced : counts.added) += 1;
        if (++since_commit >= o.batch) {
            indexer.commit();
            since_commit = 0;
        }
    };
    for (const std::string& input : o.inputs) {
        if (input == "-") {
            rasd::read_json_lines(std::cin, "-", on_article, on_problem);
            continue;
        }
        std::ifstream file(input, std::ios::binary);
        if (!file) {
            on_problem({input, 0, "cannot open file"});
            continue;
        }
        rasd::read_json_lines(file, input, on_article, on_problem);
    }
    indexer.commit();
    if (!o.quiet) {
        std::cerr << kProgram << ": read " << counts.read << ", indexed " << counts.added << " new, "
                  << counts.replaced << " replaced, skipped " << counts.skipped << "; database "
                  << o.db << " holds " << indexer.stats().articles << " articles\n";
    }
    return rasd::cli::kExitOk;
}

}  // namespace

int main(int argc, char** argv) {
    return rasd::cli::run(kProgram, [&]() -> int {
        Options o;
        po::options_description visible = visible_options(o);
        po::options_description all;
        all.add(visible).add_options()("input", po::value(&o.inputs));
        po::positional_options_description positional;
        positional.add("input", -1);
        po::variables_map vm;
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        po::notify(vm);
        if (vm.count("help")) {
            std::cout << visible << "\nExit status: 0 done (skipped records included, unless --strict),\n"
                      << "1 runtime or data error, 2 usage error.\n";
            return rasd::cli::kExitOk;
        }
        if (vm.count("version")) {
            std::cout << rasd::cli::version_text(kProgram);
            return rasd::cli::kExitOk;
        }
        (void)rasd::parse_stemmer_kind(o.stemmer);  // a bad name is a usage error, before any work
        if (vm.count("analyze")) return print_analysis(o);
        return index_inputs(o);
    });
}

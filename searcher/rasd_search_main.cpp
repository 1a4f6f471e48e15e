// rasd-search: ranked search over a rasd database.

#include "cli_common.hpp"

#include <rasd/error.hpp>
#include <rasd/searcher.hpp>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <iostream>

namespace po = boost::program_options;

namespace {

constexpr unsigned kHelpLineLength = 100;
const std::string kProgram = "rasd-search";
constexpr const char* kBoldOn = "\033[1m";
constexpr const char* kBoldOff = "\033[0m";

struct Options {
    std::string db;
    std::vector<std::string> words;
    std::size_t limit = 10;
    std::size_t offset = 0;
    bool json = false;
};

po::options_description visible_options(Options& o) {
    po::options_description desc("Usage: rasd-search --db DIR [options] QUERY...\n\n"
                                 "Search the rasd database DIR. QUERY is free text in Arabic or\n"
                                 "English, analyzed exactly like the articles.\n\nOptions");
    desc.add_options()
        ("help,h", "show this help and exit")
        ("version,V", "show the version and exit")
        ("db,d", po::value(&o.db)->value_name("DIR"), "database directory")
        ("limit,n", po::value(&o.limit)->value_name("N")->default_value(10), "hits per page")
        ("offset", po::value(&o.offset)->value_name("N")->default_value(0), "hits to skip")
        ("json", po::bool_switch(&o.json), "print one JSON document instead of text");
    return desc;
}

void print_text(const rasd::SearchResults& results) {
    std::cout << "~" << results.total.estimated << " matches for: " << results.query << "\n";
    for (const rasd::SearchHit& hit : results.hits) {
        std::cout << "\n" << hit.rank << ". " << hit.title << "  [" << hit.id << "]\n   ";
        for (const std::string* field : {&hit.date, &hit.place, &hit.topic, &hit.source}) {
            if (!field->empty()) std::cout << *field << " | ";
        }
        std::string snippet = hit.snippet;
        std::replace(snippet.begin(), snippet.end(), '\n', ' ');  // keep each hit's lines aligned
        std::cout << "score " << hit.score << "\n   " << snippet << "\n";
    }
}

void print_json(const rasd::SearchResults& results) {
    nlohmann::json hits = nlohmann::json::array();
    for (const rasd::SearchHit& hit : results.hits) {
        hits.push_back({{"rank", hit.rank}, {"id", hit.id}, {"score", hit.score},
                        {"title", hit.title}, {"date", hit.date}, {"place", hit.place},
                        {"topic", hit.topic}, {"source", hit.source}, {"url", hit.url},
                        {"snippet", hit.snippet}});
    }
    const nlohmann::json document = {
        {"query", results.query},
        {"total", {{"estimated", results.total.estimated}, {"lower", results.total.lower},
                   {"upper", results.total.upper}}},
        {"hits", hits},
    };
    std::cout << document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

}  // namespace

int main(int argc, char** argv) {
    return rasd::cli::run(kProgram, [&]() -> int {
        Options o;
        po::options_description visible = visible_options(o);
        po::options_description all;
        all.add(visible).add_options()("query", po::value(&o.words));
        po::positional_options_description positional;
        positional.add("query", -1);
        po::variables_map vm;
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        po::notify(vm);
        if (vm.count("help")) {
            std::cout << visible << "\nExit status: 0 done, 1 runtime error, 2 usage error.\n";
            return rasd::cli::kExitOk;
        }
        if (vm.count("version")) {
            std::cout << rasd::cli::version_text(kProgram);
            return rasd::cli::kExitOk;
        }
        if (o.db.empty()) throw po::error("the option '--db' is required");
        if (o.words.empty()) throw po::error("no QUERY given");
        std::string query;
        for (const std::string& word : o.words) query += (query.empty() ? "" : " ") + word;

        rasd::SearchOptions search_options;
        search_options.limit = o.limit;
        search_options.offset = o.offset;
        if (!o.json && rasd::cli::stdout_is_terminal()) {
            search_options.highlight_start = kBoldOn;
            search_options.highlight_end = kBoldOff;
        }
        rasd::Searcher searcher(o.db);
        const rasd::SearchResults results = searcher.search(query, search_options);
        o.json ? print_json(results) : print_text(results);
        return rasd::cli::kExitOk;
    });
}

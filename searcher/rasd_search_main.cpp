// rasd-search: ranked search over a rasd database, for people (text) and scripts (JSON, TREC).

#include "cli/cli_common.hpp"
#include "cli/whole_number_option.hpp"

#include <rasd/error.hpp>
#include <rasd/searcher.hpp>

#include <boost/program_options.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iostream>

namespace po = boost::program_options;

namespace {

constexpr unsigned kHelpLineLength = 100;
const std::string kProgram = "rasd-search";
// Hits per page and hits to skip: beyond this a value is a typo (or a wrapped-around -1).
constexpr std::size_t kMaxHits = 1'000'000;
constexpr const char* kBoldOn = "\033[1m";
constexpr const char* kBoldOff = "\033[0m";

enum class Format { Text, Json, Trec };

struct Options {
    std::vector<std::string> dbs;
    bool allow_partial = false;
    std::vector<std::string> words;
    std::string queries_file;
    std::size_t limit = 10;
    std::size_t offset = 0;
    std::string sort = "relevance";
    std::string format = "text";
    bool json = false;
    bool facets = false;
    bool explain = false;
    std::vector<std::string> topics, places, sources;
    std::string from, to;
};

po::options_description visible_options(Options& o) {
    po::options_description desc(
        "Usage: rasd-search --db DIR [options] QUERY...\n"
        "       rasd-search --db DIR --queries FILE [options]\n"
        "       rasd-search --db SOURCE --db SOURCE... [--allow-partial] [options] QUERY...\n\n"
        "Search the rasd database DIR. QUERY is free text in Arabic or English, analyzed exactly\n"
        "like the articles, with \"phrases\", prefix*, -exclude, +require, AND OR NOT ( ), and\n"
        "fields topic: place: date: source: title: (or موضوع: مكان: تاريخ: مصدر: عنوان:).\n"
        "Dates: 2018, 2018-03, 2018-03-05, \"مارس 2018\", ranges 2018-03..2018-06, 2018.., ..2019.\n\n"
        "Options",
        kHelpLineLength, kHelpLineLength / 2);
    desc.add_options()
        ("help,h", "show this help and exit")
        ("version,V", "show the version and exit")
        ("db,d", po::value(&o.dbs)->value_name("DIR"),
         "database directory, sharded archive (directory or stub file), or remote shard "
         "tcp://HOST:PORT served by xapian-tcpsrv; repeat to search several as one archive")
        ("allow-partial", po::bool_switch(&o.allow_partial),
         "answer from the shards that respond when some do not (marked partial) instead of failing")
        ("topic,t", po::value(&o.topics)->value_name("TOPIC"),
         "only this topic (id, Arabic or English label); repeat for any of several")
        ("place,p", po::value(&o.places)->value_name("PLACE"),
         "only this place and every place within it (Arabic or English name); repeatable")
        ("source", po::value(&o.sources)->value_name("SOURCE"), "only this source; repeatable")
        ("from", po::value(&o.from)->value_name("DATE"), "only articles from this date on")
        ("to", po::value(&o.to)->value_name("DATE"), "only articles up to this date (its last day included)")
        ("sort", po::value(&o.sort)->value_name("ORDER")->default_value("relevance"),
         "relevance, newest or oldest (a query of filters only lists newest first)")
        ("limit,n", rasd::cli::whole_number(&o.limit, "--limit", std::size_t{0}, kMaxHits)->value_name("N")
                        ->default_value("10"), "hits per page (0 to 1000000)")
        ("offset", rasd::cli::whole_number(&o.offset, "--offset", std::size_t{0}, kMaxHits)->value_name("N")
                       ->default_value("0"), "hits to skip, for paging (0 to 1000000)")
        ("facets", po::bool_switch(&o.facets), "count matches by topic, country, city, year and month")
        ("explain", po::bool_switch(&o.explain), "show how the query was understood: words, stems, filters")
        ("format", po::value(&o.format)->value_name("FORMAT")->default_value("text"),
         "text, json (one JSON document per query) or trec (a TREC run: qid Q0 docid rank score rasd)")
        ("json", po::bool_switch(&o.json), "same as --format json")
        ("queries", po::value(&o.queries_file)->value_name("FILE"),
         "run every line qid<TAB>query of FILE (- for standard input), opening the database once");
    return desc;
}

Format parse_format(const Options& o) {
    if (o.json || o.format == "json") return Format::Json;
    if (o.format == "text") return Format::Text;
    if (o.format == "trec") return Format::Trec;
    throw rasd::InvalidArgument("unknown --format '" + o.format + "' (valid: text, json, trec)");
}

nlohmann::json facet_json(const std::vector<rasd::FacetValue>& values) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto& v : values) list.push_back({{"value", v.value}, {"label", v.label}, {"count", v.count}});
    return list;
}

nlohmann::json results_json(const rasd::SearchResults& r, const Options& o) {
    nlohmann::json hits = nlohmann::json::array();
    for (const rasd::SearchHit& hit : r.hits) {
        nlohmann::json places = nlohmann::json::array();
        for (const rasd::HitPlace& place : hit.places) {
            places.push_back({{"id", place.id}, {"name", place.name}, {"evidence", place.evidence}});
        }
        hits.push_back({{"rank", hit.rank}, {"id", hit.id}, {"score", hit.score}, {"title", hit.title},
                        {"date", hit.date}, {"place", hit.place}, {"places", places}, {"topic", hit.topic},
                        {"source", hit.source}, {"url", hit.url}, {"snippet", hit.snippet}});
    }
    nlohmann::json facets = nlohmann::json::object();
    if (r.has_facets) {
        facets = {{"topic", facet_json(r.facets.topic)},   {"country", facet_json(r.facets.country)},
                  {"city", facet_json(r.facets.city)},     {"year", facet_json(r.facets.year)},
                  {"month", facet_json(r.facets.month)}};
    }
    nlohmann::json document = {
        {"query", r.query},
        {"total", {{"estimated", r.total.estimated}, {"lower", r.total.lower}, {"upper", r.total.upper}}},
        {"hits", hits},
        {"facets", facets},
        {"suggestion", r.suggestion.empty() ? nlohmann::json(nullptr) : nlohmann::json(r.suggestion)},
    };
    if (r.partial) {
        document["partial"] = true;
        document["unavailable"] = r.unavailable;
    }
    if (o.explain) document["explain"] = r.explanation;
    return document;
}

void print_facet_line(const char* name, const std::vector<rasd::FacetValue>& values) {
    if (values.empty()) return;
    std::cout << "  " << name << ":";
    for (const auto& v : values) std::cout << "  " << v.label << " (" << v.count << ")";
    std::cout << '\n';
}

void print_text(const rasd::SearchResults& r, const Options& o) {
    if (o.explain) {
        std::cout << "understood as:\n";
        for (const std::string& line : r.explanation) std::cout << "  " << line << '\n';
        std::cout << '\n';
    }
    std::cout << "~" << r.total.estimated << " matches (" << r.total.lower << ".." << r.total.upper
              << ") for: " << r.query << '\n';
    if (!r.suggestion.empty()) std::cout << "هل تقصد: " << r.suggestion << '\n';
    if (r.partial) {
        std::cout << "partial: no answer from";
        for (const std::string& source : r.unavailable) std::cout << ' ' << source;
        std::cout << '\n';
    }
    for (const rasd::SearchHit& hit : r.hits) {
        std::cout << '\n' << hit.rank << ". " << hit.title << "\n   ";
        for (const std::string* field : {&hit.date, &hit.place, &hit.topic_label, &hit.source}) {
            if (!field->empty()) std::cout << *field << " | ";
        }
        std::cout << hit.id << " | " << hit.score << '\n';
        if (o.explain && !hit.places.empty()) {
            std::cout << "   places:";
            for (const rasd::HitPlace& place : hit.places) std::cout << ' ' << place.name << " (" << place.evidence << ')';
            std::cout << '\n';
        }
        std::string snippet = hit.snippet;
        std::replace(snippet.begin(), snippet.end(), '\n', ' ');  // keep each hit's lines together
        std::cout << "   " << snippet << '\n';
    }
    if (r.has_facets) {
        std::cout << "\nfacets:\n";
        print_facet_line("topic", r.facets.topic);
        print_facet_line("country", r.facets.country);
        print_facet_line("city", r.facets.city);
        print_facet_line("year", r.facets.year);
        print_facet_line("month", r.facets.month);
    }
}

void print_trec(const std::string& qid, const rasd::SearchResults& r) {
    for (const rasd::SearchHit& hit : r.hits) {
        std::cout << qid << " Q0 " << hit.id << ' ' << hit.rank << ' ' << hit.score << " rasd\n";
    }
}

rasd::SearchOptions search_options(const Options& o, Format format) {
    rasd::SearchOptions options;
    options.limit = o.limit;
    options.offset = o.offset;
    options.sort = rasd::parse_sort_order(o.sort);
    options.topics = o.topics;
    options.places = o.places;
    options.sources = o.sources;
    options.from = o.from;
    options.to = o.to;
    options.facets = o.facets;
    if (format == Format::Text && rasd::cli::stdout_is_terminal()) {
        options.highlight_start = kBoldOn;
        options.highlight_end = kBoldOff;
    }
    return options;
}

void print_results(const std::string& qid, const rasd::SearchResults& results, const Options& o, Format format) {
    switch (format) {
        case Format::Text: print_text(results, o); break;
        case Format::Trec: print_trec(qid, results); break;
        case Format::Json: {
            nlohmann::json document = results_json(results, o);
            if (!qid.empty()) document["qid"] = qid;
            std::cout << document.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
            break;
        }
    }
}

// Runs every "qid<TAB>query" line; a bad line or query is reported and the batch goes on.
int run_batch(rasd::Searcher& searcher, const Options& o, Format format, const rasd::SearchOptions& options) {
    std::ifstream file;
    std::istream* input = &std::cin;
    if (o.queries_file != "-") {
        file.open(o.queries_file);
        if (!file) throw rasd::DataError(o.queries_file + ": cannot open file");
        input = &file;
    }
    int status = rasd::cli::kExitOk;
    std::string line;
    for (std::size_t number = 1; std::getline(*input, line); ++number) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        const std::size_t tab = line.find('\t');
        const std::string where = o.queries_file + ":" + std::to_string(number);
        if (tab == std::string::npos) {
            rasd::cli::print_diagnostic(kProgram, "error", where + ": expected qid<TAB>query");
            status = rasd::cli::kExitUsage;
            continue;
        }
        const std::string qid = line.substr(0, tab);
        try {
            const rasd::SearchResults results = searcher.search(line.substr(tab + 1), options);
            if (format == Format::Text) std::cout << (number > 1 ? "\n" : "") << "== " << qid << '\n';
            print_results(qid, results, o, format);
        } catch (const rasd::InvalidArgument& e) {
            rasd::cli::print_diagnostic(kProgram, "error", where + ": query " + qid + ": " + e.what());
            status = rasd::cli::kExitUsage;
        }
    }
    return status;
}

}  // namespace

int main(int argc, char** argv) {
    return rasd::cli::run(kProgram, [&]() -> int {
        Options o;
        const po::options_description visible = visible_options(o);
        const po::variables_map vm = rasd::cli::parse_command_line(argc, argv, visible, o.words);
        if (rasd::cli::print_help_or_version(kProgram, vm, visible,
                                              "Exit status: 0 done, 1 runtime error, 2 usage error (including a bad query).\n")) {
            return rasd::cli::kExitOk;
        }
        if (o.dbs.empty()) throw po::error("the option '--db' is required");
        const Format format = parse_format(o);
        const rasd::SearchOptions options = search_options(o, format);
        const bool has_filters = !o.topics.empty() || !o.places.empty() || !o.sources.empty() ||
                                 !o.from.empty() || !o.to.empty();
        if (o.queries_file.empty() && o.words.empty() && !has_filters) {
            throw po::error("no QUERY given (or use --queries FILE)");
        }
        if (!o.queries_file.empty() && !o.words.empty()) throw po::error("give either QUERY or --queries, not both");

        rasd::Searcher searcher(o.dbs, rasd::SearcherOptions{o.allow_partial});
        if (!o.queries_file.empty()) return run_batch(searcher, o, format, options);
        std::string query;
        for (const std::string& word : o.words) query += (query.empty() ? "" : " ") + word;
        print_results("1", searcher.search(query, options), o, format);
        return rasd::cli::kExitOk;
    });
}

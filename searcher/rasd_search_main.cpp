// rasd-search: ranked search over a rasd database, for people (text) and scripts (JSON, TREC).

#include "cli/cli_common.hpp"
#include "cli/hit_output.hpp"
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
        "fields topic: place: date: source: title: (or موضوع: مكان: تاريخ: مصدر: عنوان:, with or\n"
        "without ال). Dates: 2018, 2018-03, 2018-03-05, \"مارس 2018\", ranges 2018-03..2018-06,\n"
        "2018.., ..2019, \"مارس 2018\"..\"يونيو 2018\". An argument -WORD excludes WORD.\n\n"
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

Format parse_format(const Options& o, const po::variables_map& vm) {
    if (o.json && !vm["format"].defaulted() && o.format != "json") {
        throw po::error("--json and --format " + o.format + " conflict (--json is --format json)");
    }
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

using rasd::cli::json_text;
using rasd::cli::shown;

std::string shown_snippet(const std::string& snippet, const rasd::SearchOptions& options) {
    return rasd::cli::shown_snippet(snippet, options.highlight_start, options.highlight_end);
}

// What was searched for: the query, then the filters the flags added, in the query's own
// syntax, so that "--topic sports" alone reads "for: topic:sports".
std::string searched_for(const std::string& query, const Options& o) {
    std::string text = query;
    auto add = [&](const char* field, const std::string& value) {
        const bool quoted = value.find_first_of(" \t") != std::string::npos;
        text += (text.empty() ? "" : " ") + std::string(field) + ":" + (quoted ? "\"" + value + "\"" : value);
    };
    for (const std::string& topic : o.topics) add("topic", topic);
    for (const std::string& place : o.places) add("place", place);
    for (const std::string& source : o.sources) add("source", source);
    if (!o.from.empty() || !o.to.empty()) add("date", o.from + ".." + o.to);
    return text;
}

nlohmann::json results_json(const rasd::SearchResults& r, const Options& o) {
    nlohmann::json hits = nlohmann::json::array();
    for (const rasd::SearchHit& hit : r.hits) {
        hits.push_back({{"rank", hit.rank}, {"id", hit.id}, {"score", hit.score}, {"title", hit.title},
                        {"date", hit.date}, {"place", hit.place}, {"places", rasd::cli::places_json(hit.places)},
                        {"topic", hit.topic},
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
    if (!r.notes.empty()) document["notes"] = r.notes;
    if (o.explain) document["explain"] = r.explanation;
    return document;
}

void print_facet_line(const char* name, const std::vector<rasd::FacetValue>& values) {
    if (values.empty()) return;
    std::cout << "  " << name << ":";
    for (const auto& v : values) std::cout << "  " << shown(v.label) << " (" << v.count << ")";
    std::cout << '\n';
}

// Every string printed here may come from the articles or the query: each goes through shown().
void print_text(const rasd::SearchResults& r, const Options& o, const rasd::SearchOptions& options) {
    if (o.explain) {
        std::cout << "understood as:\n";
        for (const std::string& line : r.explanation) std::cout << "  " << shown(line) << '\n';
        std::cout << '\n';
    }
    std::cout << "~" << r.total.estimated << " matches (" << r.total.lower << ".." << r.total.upper
              << ") for: " << shown(searched_for(r.query, o)) << '\n';
    for (const std::string& note : r.notes) std::cout << "note: " << shown(note) << '\n';
    if (!r.suggestion.empty()) std::cout << "هل تقصد: " << shown(r.suggestion) << '\n';
    if (r.partial) {
        std::cout << "partial: no answer from";
        for (const std::string& source : r.unavailable) std::cout << ' ' << shown(source);
        std::cout << '\n';
    }
    for (const rasd::SearchHit& hit : r.hits) {
        std::cout << '\n' << hit.rank << ". " << shown(hit.title) << "\n   ";
        for (const std::string* field : {&hit.date, &hit.place, &hit.topic_label, &hit.source}) {
            if (!field->empty()) std::cout << shown(*field) << " | ";
        }
        std::cout << shown(hit.id) << " | " << hit.score << '\n';
        if (o.explain && !hit.places.empty()) {
            std::cout << "   places:";
            for (const rasd::HitPlace& place : hit.places) {
                std::cout << ' ' << shown(place.name) << " (" << shown(place.evidence) << ')';
            }
            std::cout << '\n';
        }
        std::cout << "   " << shown_snippet(hit.snippet, options) << '\n';  // one line per snippet
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

// trec_eval orders a run by score, not by rank: a list by date (--sort newest or oldest, or
// filters only, whose scores are all 0) gets the score M - rank + 1 instead, M being the number of
// matches (at least the last rank), so that scores fall with the rank, from one page to the next
// too while the total is exact.
void print_trec(const std::string& qid, const rasd::SearchResults& r) {
    const bool by_relevance = r.order == rasd::SortOrder::Relevance;
    const std::size_t matches = std::max(r.total.lower, r.hits.empty() ? std::size_t{0} : r.hits.back().rank);
    for (const rasd::SearchHit& hit : r.hits) {
        std::cout << shown(qid) << " Q0 " << shown(hit.id) << ' ' << hit.rank << ' ';
        if (by_relevance) {
            std::cout << hit.score;
        } else {
            std::cout << matches - hit.rank + 1;
        }
        std::cout << " rasd\n";
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

void print_results(const std::string& qid, const rasd::SearchResults& results, const Options& o, Format format,
                   const rasd::SearchOptions& options) {
    switch (format) {
        case Format::Text: print_text(results, o, options); break;
        case Format::Trec: print_trec(qid, results); break;
        case Format::Json: {
            nlohmann::json document = results_json(results, o);
            if (!qid.empty()) document["qid"] = qid;
            std::cout << json_text(document) << '\n';
            break;
        }
    }
}

// A bad query's message may quote the archive's data (the nearest source names): escaped.
rasd::SearchResults search_or_explain(rasd::Searcher& searcher, const std::string& query,
                                      const rasd::SearchOptions& options) {
    try {
        return searcher.search(query, options);
    } catch (const rasd::InvalidArgument& e) {
        throw rasd::InvalidArgument(shown(e.what()));
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
            rasd::cli::print_diagnostic(kProgram, "error", shown(where) + ": expected qid<TAB>query");
            status = rasd::cli::kExitUsage;
            continue;
        }
        const std::string qid = line.substr(0, tab);
        try {
            const rasd::SearchResults results = search_or_explain(searcher, line.substr(tab + 1), options);
            if (format == Format::Text) std::cout << (number > 1 ? "\n" : "") << "== " << shown(qid) << '\n';
            print_results(qid, results, o, format, options);
        } catch (const rasd::InvalidArgument& e) {
            rasd::cli::print_diagnostic(kProgram, "error", shown(where + ": query " + qid + ": ") + e.what());
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
        // "rasd-search --db d سائق -ميكروباص": an excluded word is a word, not an option.
        const po::variables_map vm = rasd::cli::parse_command_line(argc, argv, visible, o.words,
                                                                   rasd::cli::DashArguments::WordsToo);
        if (rasd::cli::print_help_or_version(kProgram, vm, visible,
                                              "Exit status: 0 done, 1 runtime error, 2 usage error (including a bad query).\n")) {
            return rasd::cli::kExitOk;
        }
        if (o.dbs.empty()) throw po::error("the option '--db' is required");
        const Format format = parse_format(o, vm);
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
        print_results("1", search_or_explain(searcher, query, options), o, format, options);
        return rasd::cli::kExitOk;
    });
}

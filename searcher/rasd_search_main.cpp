// rasd-search: ranked search over a rasd database, for people (text) and scripts (JSON, TREC).

#include "cli/cli_common.hpp"
#include "cli/hit_output.hpp"
#include "cli/search_json.hpp"
#include "cli/search_request.hpp"
#include "cli/whole_number_option.hpp"
#include "util/counted_nouns.hpp"
#include "util/utf8.hpp"

#include <rasd/error.hpp>
#include <rasd/searcher.hpp>

#include <boost/program_options.hpp>

#include <algorithm>
#include <array>
#include <charconv>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>

namespace po = boost::program_options;

namespace {

const std::string kProgram = "rasd-search";
// How much of a malformed --queries line its error quotes.
constexpr std::size_t kShownLineBytes = 60;
// Significant digits of a TREC run's scores (print_trec).
constexpr int kTrecScoreDigits = 12;
using rasd::cli::kMaxHits;

enum class Format { Text, Json, Trec };

struct Options {
    std::vector<std::string> dbs;
    bool allow_partial = false;
    std::vector<std::string> words;
    std::string queries_file;
    rasd::cli::SearchRequest request;  // limit, offset, sort, filters, facets, explain
    std::string format = "text";
    bool json = false;
    bool no_relax = false;  // --no-relax: SearchRequest::relax off
    bool no_passage = false;  // --no-passage: SearchRequest::passage off
    bool no_snippets = false;  // --no-snippets: SearchRequest::snippets off
};

po::options_description visible_options(Options& o) {
    po::options_description desc(
        "Usage: rasd-search --db DIR [options] QUERY...\n"
        "       rasd-search --db DIR --queries FILE [options]\n"
        "       rasd-search --db SOURCE --db SOURCE... [--allow-partial] [options]\n"
        "                   QUERY...\n"
        "       rasd-search --db DIR --story ID | --like ID [options]\n\n"
        "Search the rasd database DIR. QUERY is free text in Arabic or English,\n"
        "analyzed exactly like the articles, with \"phrases\", prefix*, -exclude,\n"
        "+require, AND OR NOT ( ), and fields topic: place: date: source: title:\n"
        "(or موضوع: مكان: تاريخ: مصدر: عنوان:, with or without ال). Dates: 2018,\n"
        "2018-03, 2018-03-05, \"مارس 2018\", ranges 2018-03..2018-06, 2018..,\n"
        "..2019, \"مارس 2018\"..\"يونيو 2018\". An argument -WORD excludes WORD.\n\n"
        "Options",
        rasd::cli::kHelpLineLength, rasd::cli::kHelpLineLength / 2);
    desc.add_options()
        ("help,h", "show this help and exit")
        ("version,V", "show the version and exit")
        ("db,d", po::value(&o.dbs)->value_name("DIR"),
         "database directory, sharded archive (directory or stub file), or remote shard "
         "tcp://HOST:PORT served by xapian-tcpsrv; repeat to search several as one archive")
        ("allow-partial", po::bool_switch(&o.allow_partial),
         "answer from the shards that respond when some do not (marked partial) instead of failing")
        ("topic,t", po::value(&o.request.topics)->value_name("TOPIC"),
         "only this topic (id, Arabic or English label); repeat for any of several")
        ("place,p", po::value(&o.request.places)->value_name("PLACE"),
         "only this place and every place within it (Arabic or English name); repeatable")
        ("source", po::value(&o.request.sources)->value_name("SOURCE"), "only this source; repeatable")
        ("from", po::value(&o.request.from)->value_name("DATE"), "only articles from this date on")
        ("to", po::value(&o.request.to)->value_name("DATE"), "only articles up to this date (its last day included)")
        ("sort", po::value(&o.request.sort)->value_name("ORDER")->default_value("relevance"),
         "relevance, newest or oldest (a query of filters only lists newest first)")
        ("limit,n", rasd::cli::whole_number(&o.request.limit, "--limit", std::size_t{0}, kMaxHits)->value_name("N")
                        ->default_value("10"), "hits per page (0 to 1000000)")
        ("offset", rasd::cli::whole_number(&o.request.offset, "--offset", std::size_t{0}, kMaxHits)->value_name("N")
                       ->default_value("0"), "hits to skip, for paging (0 to 1000000)")
        ("facets", po::bool_switch(&o.request.facets), "count matches by topic, country, city, source, year and month")
        ("collapse", po::bool_switch(&o.request.collapse),
         "one hit per story (near-duplicate copies folded into their best-ranked one), with how "
         "many other copies matched and their sources; totals and facets count stories")
        ("story", po::value(&o.request.story)->value_name("ID"),
         "list every article of a story, earliest first: ID is the story's id or any of its articles'")
        ("like", po::value(&o.request.like)->value_name("ID"),
         "articles like the article ID (more like this from its own top terms), other stories first")
        ("no-relax", po::bool_switch(&o.no_relax),
         "a \"quoted phrase\" that finds no article stays a phrase (by default it is searched as its words)")
        ("exact-total", po::bool_switch(&o.request.exact_total),
         "count the matches of free text exactly up to 1000 (by default Xapian's estimate with its bounds)")
        ("no-passage", po::bool_switch(&o.no_passage),
         "rank by BM25 alone (by default the best hits are re-ranked by how much of the query stands "
         "together in one passage)")
        ("no-snippets", po::bool_switch(&o.no_snippets),
         "hits without snippets (faster; --format trec never prints them and leaves them out anyway)")
        ("explain", po::bool_switch(&o.request.explain), "show how the query was understood: words, stems, filters")
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

using rasd::cli::shown;

std::string shown_snippet(const std::string& snippet, const rasd::SearchOptions& options) {
    return rasd::cli::shown_snippet(snippet, options.highlight_start, options.highlight_end);
}

void print_facet_line(const char* name, const std::vector<rasd::FacetValue>& values) {
    if (values.empty()) return;
    std::cout << "  " << name << ":";
    for (const auto& v : values) std::cout << "  " << shown(v.label) << " (" << v.count << ")";
    std::cout << '\n';
}

// "+3 نسخ أخرى: المصدر، المصدر" (one other copy: نسخة أخرى), "…" when more copies than listed sources.
std::string copies_line(const rasd::SearchHit& hit) {
    std::string line = "+" + std::to_string(hit.copies) + " " + std::string(rasd::detail::other_copies_label(hit.copies));
    std::string sources;
    for (const std::string& source : hit.copy_sources) {
        if (!source.empty()) sources += (sources.empty() ? "" : "، ") + shown(source);
    }
    if (hit.copies > rasd::kListedCopySources) sources += sources.empty() ? "…" : "، …";
    return sources.empty() ? line : line + ": " + sources;
}

// --story: every article of the story, earliest first; the first is who published it first.
void print_story_text(const rasd::SearchResults& r, const rasd::SearchOptions& options) {
    std::cout << "story " << shown(r.query) << ": " << rasd::detail::counted(r.total.estimated, "article", "articles");
    if (const rasd::SearchHit* first = rasd::cli::first_published(r)) {
        std::cout << ", first published by " << (first->source.empty() ? "(no source)" : shown(first->source));
        if (!first->date.empty()) std::cout << " on " << shown(first->date);
    }
    std::cout << '\n';
    for (const rasd::SearchHit& hit : r.hits) {
        std::cout << '\n' << hit.rank << ". " << shown(hit.title) << "\n   ";
        for (const std::string* field : {&hit.date, &hit.source, &hit.place}) {
            if (!field->empty()) std::cout << shown(*field) << " | ";
        }
        std::cout << shown(hit.id) << '\n';
        if (options.snippets) std::cout << "   " << shown_snippet(hit.snippet, options) << '\n';
    }
}

// Every string printed here may come from the articles or the query: each goes through shown().
void print_text(const rasd::SearchResults& r, const Options& o, const rasd::SearchOptions& options) {
    if (o.request.explain) {
        std::cout << "understood as:\n";
        for (const std::string& line : r.explanation) std::cout << "  " << shown(line) << '\n';
        std::cout << '\n';
    }
    if (!o.request.story.empty()) return print_story_text(r, options);
    const char* counted = o.request.collapse ? " stories (" : " matches (";
    if (o.request.like.empty()) {
        std::cout << "~" << r.total.estimated << counted << r.total.lower << ".." << r.total.upper
                  << ") for: " << shown(rasd::cli::searched_for(r.query, o.request)) << '\n';
    } else {
        std::cout << "~" << r.total.estimated << counted << r.total.lower << ".." << r.total.upper
                  << ") like: " << shown(r.query) << " (other stories first)\n";
    }
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
        if (o.request.collapse && hit.copies > 0) std::cout << "   " << copies_line(hit) << '\n';
        if (o.request.explain && !hit.places.empty()) {
            std::cout << "   places:";
            for (const rasd::HitPlace& place : hit.places) {
                std::cout << ' ' << shown(place.name) << " (" << shown(place.evidence) << ')';
            }
            std::cout << '\n';
        }
        if (options.snippets) std::cout << "   " << shown_snippet(hit.snippet, options) << '\n';  // one line each
    }
    if (r.has_facets) {
        std::cout << "\nfacets:\n";
        print_facet_line("topic", r.facets.topic);
        print_facet_line("country", r.facets.country);
        print_facet_line("city", r.facets.city);
        print_facet_line("source", r.facets.source);
        print_facet_line("year", r.facets.year);
        print_facet_line("month", r.facets.month);
    }
}

// How a TREC line scores its hit (trec_eval orders a run by score, not by rank).
enum class TrecScore {
    Relevance,     // the hit's score
    MatchesLeft,   // M - rank + 1, M the number of matches (at least the last rank): a list by
                   // date (--sort newest or oldest, or filters only, whose scores are all 0),
                   // falling from one page to the next too while the total is exact
    RankInverse,   // 1 / rank: a --like list (other stories first, then its own story's copies,
                   // whatever their scores), whose total is an estimate: falls across pages always
};

// Twelve significant digits: six made false ties (16.8436 for 16.84359 and 16.84355), which
// trec_eval breaks by document id, not by rasd's order; all 17 would show the last-bit
// differences between a sharded archive's sums and one database's.
void print_trec_score(double score) {
    std::array<char, 32> digits{};
    const auto written = std::to_chars(digits.data(), digits.data() + digits.size(), score,
                                       std::chars_format::general, kTrecScoreDigits);
    std::cout << std::string_view(digits.data(), static_cast<std::size_t>(written.ptr - digits.data()));
}

void print_trec(const std::string& qid, const rasd::SearchResults& r, bool like) {
    const TrecScore scoring = like                                        ? TrecScore::RankInverse
                              : r.order == rasd::SortOrder::Relevance ? TrecScore::Relevance
                                                                      : TrecScore::MatchesLeft;
    const std::size_t matches = std::max(r.total.lower, r.hits.empty() ? std::size_t{0} : r.hits.back().rank);
    for (const rasd::SearchHit& hit : r.hits) {
        std::cout << shown(qid) << " Q0 " << shown(hit.id) << ' ' << hit.rank << ' ';
        switch (scoring) {
            case TrecScore::Relevance: print_trec_score(hit.score); break;
            case TrecScore::MatchesLeft: std::cout << matches - hit.rank + 1; break;
            case TrecScore::RankInverse: print_trec_score(1.0 / static_cast<double>(hit.rank)); break;
        }
        std::cout << " rasd\n";
    }
}

rasd::SearchOptions search_options(const Options& o, Format format) {
    rasd::cli::SearchRequest request = o.request;
    request.relax = !o.no_relax;
    request.passage = !o.no_passage;
    request.snippets = !o.no_snippets && format != Format::Trec;  // a TREC run shows no snippet
    rasd::SearchOptions options = rasd::cli::search_options(request);
    if (format == Format::Text && rasd::cli::stdout_is_terminal()) {
        options.highlight_start = rasd::cli::kBoldOn;
        options.highlight_end = rasd::cli::kBoldOff;
    }
    return options;
}

void print_results(const std::string& qid, const rasd::SearchResults& results, const Options& o, Format format,
                   const rasd::SearchOptions& options) {
    switch (format) {
        case Format::Text: print_text(results, o, options); break;
        case Format::Trec: print_trec(qid, results, !o.request.like.empty()); break;
        case Format::Json: {
            nlohmann::json document = rasd::cli::results_json(results, o.request);
            if (!qid.empty()) document["qid"] = qid;
            std::cout << rasd::cli::json_text(document) << '\n';
            break;
        }
    }
}

// A bad query's message may quote the archive's data (the nearest source names): escaped.
template <typename Search>
rasd::SearchResults search_or_explain(Search&& search) {
    try {
        return search();
    } catch (const rasd::InvalidArgument& e) {
        throw rasd::InvalidArgument(shown(e.what()));
    }
}

rasd::SearchResults search_or_explain(rasd::Searcher& searcher, const std::string& query,
                                      const rasd::SearchOptions& options) {
    return search_or_explain([&] { return searcher.search(query, options); });
}

// Runs every "qid<TAB>query" line; a bad line or query is reported and the batch goes on.
int run_batch(rasd::Searcher& searcher, const Options& o, Format format, const rasd::SearchOptions& options) {
    std::ifstream file;
    std::istream* input = &std::cin;
    if (o.queries_file != "-") {
        file.open(o.queries_file);
        if (!file) throw rasd::DataError(o.queries_file + ": cannot open file: " + std::strerror(errno));
        input = &file;
    }
    int status = rasd::cli::kExitOk;
    std::string line;
    std::map<std::string, std::size_t> qid_lines;  // qid -> the line that used it first
    for (std::size_t number = 1; std::getline(*input, line); ++number) {
        if (number == 1 && line.starts_with(rasd::detail::kUtf8ByteOrderMark)) {
            line.erase(0, rasd::detail::kUtf8ByteOrderMark.size());
        }
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line.front() == '#') continue;
        const std::size_t tab = line.find('\t');
        const std::string where = o.queries_file + ":" + std::to_string(number);
        // A TREC run and trec_eval read a qid as one word; a repeated qid would merge two runs.
        std::string problem;
        const std::string qid = tab == std::string::npos ? std::string() : line.substr(0, tab);
        if (tab == std::string::npos) {
            problem = "expected qid<TAB>query, got '" + std::string(rasd::detail::utf8_prefix(line, kShownLineBytes)) +
                      (line.size() > kShownLineBytes ? "…'" : "'");
        } else if (qid.empty()) {
            problem = "empty qid before the tab";
        } else if (qid.find_first_of(" \t\v\f") != std::string::npos) {
            problem = "qid '" + qid + "' holds a space (a qid is one word)";
        } else if (const auto [first, added] = qid_lines.emplace(qid, number); !added) {
            problem = "qid '" + qid + "' already used on line " + std::to_string(first->second);
        }
        if (!problem.empty()) {
            rasd::cli::print_diagnostic(kProgram, "error", shown(where + ": " + problem));
            status = rasd::cli::kExitUsage;
            continue;
        }
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
        const bool has_filters = o.request.has_filters();
        for (const char* flag : {"story", "like"}) {
            if (vm.count(flag) && vm[flag].as<std::string>().empty()) {
                throw po::error(std::string("--") + flag + " needs an article id, not an empty value");
            }
        }
        if (!o.request.story.empty() || !o.request.like.empty()) {
            if (!o.request.story.empty() && !o.request.like.empty()) throw po::error("give either --story or --like, not both");
            const char* flag = o.request.story.empty() ? "--like" : "--story";
            if (!o.words.empty() || !o.queries_file.empty()) {
                throw po::error(std::string(flag) + " takes no QUERY and no --queries");
            }
            if (has_filters || o.request.facets || !vm["sort"].defaulted()) {
                throw po::error(std::string(flag) + " takes no filters, --facets or --sort");
            }
        } else if (o.queries_file.empty() && o.words.empty() && !has_filters) {
            throw po::error("no QUERY given (or use --queries FILE)");
        }
        if (!o.queries_file.empty() && !o.words.empty()) throw po::error("give either QUERY or --queries, not both");

        rasd::Searcher searcher(o.dbs, rasd::SearcherOptions{o.allow_partial});
        if (!o.request.story.empty() || !o.request.like.empty()) {
            const rasd::SearchResults results =
                search_or_explain([&] { return o.request.story.empty() ? searcher.like(o.request.like, options) : searcher.story(o.request.story, options); });
            print_results("1", results, o, format, options);
            return rasd::cli::kExitOk;
        }
        if (!o.queries_file.empty()) return run_batch(searcher, o, format, options);
        std::string query;
        for (const std::string& word : o.words) query += (query.empty() ? "" : " ") + word;
        print_results("1", search_or_explain(searcher, query, options), o, format, options);
        return rasd::cli::kExitOk;
    });
}

#pragma once
// The bodies of rasd's fuzz targets, shared by the libFuzzer entry points (tests/fuzz/fuzz_*.cpp,
// one thin wrapper each) and by the ordinary regression test (tests/fuzz/regressions_test.cpp),
// which feeds every file of tests/fuzz/corpus/ and tests/fuzz/regressions/ through the same
// function without libFuzzer.
//
// Each body takes arbitrary bytes and must neither crash, nor trip a sanitizer, nor throw anything
// but the exceptions the API documents for bad input (caught here). Invariants are checked with
// RASD_FUZZ_CHECK: by default a failed check prints the condition and aborts (what libFuzzer
// wants); a file that defines RASD_FUZZ_FAIL(message) before including this header decides
// otherwise (the regression test throws, so doctest reports it).

#include "archive/stored_article.hpp"
#include "archive/term_codec.hpp"
#include "indexer/article_document.hpp"
#include "indexer/article_metadata.hpp"
#include "knowledge/date_parser.hpp"
#include "knowledge/dateline.hpp"
#include "knowledge/gazetteer.hpp"
#include "ingest/record_support.hpp"
#include "knowledge/aliases.hpp"
#include "server/request_target.hpp"
#include "server/search_parameters.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/query_syntax.hpp"
#include "tests/support/article_builder.hpp"
#include "util/utf8.hpp"
#include "watcher/watch_file.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/analyzer_factory.hpp>
#include <rasd/article_reader.hpp>
#include <rasd/error.hpp>
#include <rasd/watcher.hpp>

#include <xapian.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace rasd::fuzz {

[[noreturn]] inline void abort_with(const char* message, const char* file, int line) {
    std::fprintf(stderr, "%s:%d: %s\n", file, line, message);
    std::abort();
}

}  // namespace rasd::fuzz

#ifndef RASD_FUZZ_FAIL
#define RASD_FUZZ_FAIL(message) ::rasd::fuzz::abort_with((message), __FILE__, __LINE__)
#endif
#define RASD_FUZZ_CHECK(condition)                                  \
    do {                                                            \
        if (!(condition)) RASD_FUZZ_FAIL("check failed: " #condition); \
    } while (false)

namespace rasd::fuzz {

// ---- Helpers -----------------------------------------------------------------------------------

inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return size == 0 ? std::string_view() : std::string_view(reinterpret_cast<const char*>(data), size);
}

// Splits at every NUL byte (so "a\0b" gives "a", "b"; no NUL gives the whole input).
inline std::vector<std::string_view> split_at_nul(std::string_view text) {
    std::vector<std::string_view> parts;
    while (true) {
        const std::size_t nul = text.find('\0');
        parts.push_back(text.substr(0, nul));
        if (nul == std::string_view::npos) return parts;
        text.remove_prefix(nul + 1);
    }
}

// True if `text` holds nothing a terminal would act on: valid UTF-8 without C0, DEL or C1
// control characters.
inline bool is_printable(std::string_view text) {
    if (!detail::is_valid_utf8(text)) return false;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t c = detail::next_code_point(text, pos);
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return false;
    }
    return true;
}

// A reason quotes at most detail::kMaxQuotedBytes of a bad value or parser message (or an id of
// at most kMaxArticleIdBytes) within a short sentence: never the bulk of a record.
inline constexpr std::size_t kMaxReasonBytes = 512;

// What every reader promises of the articles it hands on and the problems it reports: text
// fields in valid UTF-8 (bad bytes repaired), and warnings as short and printable as reasons.
inline void check_article(const Article& article) {
    RASD_FUZZ_CHECK(!article.id.empty());
    RASD_FUZZ_CHECK(!detail::is_blank(article.body));
    RASD_FUZZ_CHECK(!article.origin.empty());
    for (const std::string* field : {&article.id, &article.title, &article.body, &article.abstract, &article.date,
                                     &article.place, &article.topic, &article.source, &article.url, &article.author}) {
        RASD_FUZZ_CHECK(detail::is_valid_utf8(*field));
    }
    for (const std::string& warning : article.warnings) {
        RASD_FUZZ_CHECK(is_printable(warning));
        RASD_FUZZ_CHECK(warning.size() <= kMaxReasonBytes);
    }
}

inline void check_problem(const ReadProblem& problem, const std::string& name) {
    RASD_FUZZ_CHECK(problem.file.rfind(name, 0) == 0);  // the name, or "NAME: element N"
    RASD_FUZZ_CHECK(!problem.reason.empty());
    RASD_FUZZ_CHECK(problem.reason.size() <= kMaxReasonBytes);
    RASD_FUZZ_CHECK(is_printable(problem.reason));  // nothing from the data reaches a terminal raw
    RASD_FUZZ_CHECK(!problem.message().empty());
}

// Reads with checking sinks; the count returned must be the number of articles delivered.
template <typename Read>
void run_reader(const std::string& name, Read&& read) {
    std::size_t delivered = 0;
    const ArticleSink on_article = [&](Article&& article) {
        check_article(article);
        ++delivered;
    };
    const ProblemSink on_problem = [&](const ReadProblem& problem) { check_problem(problem, name); };
    const std::size_t count = read(on_article, on_problem);
    RASD_FUZZ_CHECK(count == delivered);
}

inline bool is_valid_date(const detail::CalendarDate& d) {
    if (d.year < 1900 || d.year > 2100 || d.month < 1 || d.month > 12 || d.day < 1) return false;
    constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
    const int days = d.month == 2 && leap ? 29 : kDays[static_cast<std::size_t>(d.month - 1)];
    return d.day <= days;
}

inline void check_date(const detail::CalendarDate& d) {
    RASD_FUZZ_CHECK(is_valid_date(d));
    const std::string compact = detail::to_yyyymmdd(d);
    RASD_FUZZ_CHECK(compact.size() == 8);
    // The ISO form of a date it returned must read back as the same date.
    const std::string iso = compact.substr(0, 4) + "-" + compact.substr(4, 2) + "-" + compact.substr(6, 2);
    const std::optional<detail::CalendarDate> again = detail::parse_date_field(iso);
    RASD_FUZZ_CHECK(again.has_value() && *again == d);
}

inline bool not_after(const detail::CalendarDate& a, const detail::CalendarDate& b) {
    return std::tie(a.year, a.month, a.day) <= std::tie(b.year, b.month, b.day);
}

// ---- Readers -------------------------------------------------------------------------------------

// A document's stored data as StoredArticle::from_data reads it, and the same bytes as the facets
// value slot's (an archive written by another program, or a damaged one): whatever either reads
// writes back and reads again the same.
inline int stored_data(const std::uint8_t* data, std::size_t size) {
    const schema::StoredArticle article = schema::StoredArticle::from_data(as_text(data, size));
    for (const std::string* field : {&article.id, &article.title, &article.body, &article.source}) {
        RASD_FUZZ_CHECK(detail::is_valid_utf8(*field));
    }
    RASD_FUZZ_CHECK(schema::StoredArticle::from_data(article.to_data()) == article);
    const schema::FacetSlotValues facets = schema::facets_of_value(as_text(data, size));
    RASD_FUZZ_CHECK(schema::facets_of_value(schema::facets_value(facets)) == facets);
    return 0;
}

// rasd::read_json_lines over the bytes, and the JSON-array reader (which falls back to lines).
inline int json_lines(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(as_text(data, size));
    const std::string name = "fuzz.jsonl";
    run_reader(name, [&](const ArticleSink& on_article, const ProblemSink& on_problem) {
        std::istringstream input(bytes);
        return read_json_lines(input, name, on_article, on_problem);
    });
    run_reader(name, [&](const ArticleSink& on_article, const ProblemSink& on_problem) {
        std::istringstream input(bytes);
        return detail::read_json_array(input, name, on_article, on_problem, ReaderOptions{});
    });
    return 0;
}

// TREC SGML <DOC> records.
inline int trec(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(as_text(data, size));
    const std::string name = "fuzz.trec";
    run_reader(name, [&](const ArticleSink& on_article, const ProblemSink& on_problem) {
        std::istringstream input(bytes);
        return detail::read_trec(input, name, on_article, on_problem, ReaderOptions{});
    });
    return 0;
}

// One text/Markdown file with YAML front matter or a "key: value" header.
inline int front_matter(const std::uint8_t* data, std::size_t size) {
    const std::string bytes(as_text(data, size));
    const std::string name = "fuzz.md";
    run_reader(name, [&](const ArticleSink& on_article, const ProblemSink& on_problem) {
        std::istringstream input(bytes);
        const std::size_t count =
            detail::read_text_file(input, name, "fuzz-fallback-id", on_article, on_problem, ReaderOptions{});
        RASD_FUZZ_CHECK(count <= 1);
        return count;
    });
    return 0;
}

// ---- Dates ---------------------------------------------------------------------------------------

inline int date_parser(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = as_text(data, size);
    const std::optional<detail::CalendarDate> field = detail::parse_date_field(text);
    if (field) check_date(*field);
    for (const std::size_t max_bytes : {std::size_t{600}, text.size() / 2}) {
        if (const auto in_text = detail::find_date_in_text(text, max_bytes)) check_date(*in_text);
    }
    if (const auto in_url = detail::find_date_in_url(text)) check_date(*in_url);
    const std::optional<detail::DateSpan> span = detail::parse_date_span(text);
    if (span) {
        RASD_FUZZ_CHECK(is_valid_date(span->first));
        RASD_FUZZ_CHECK(is_valid_date(span->last));
        RASD_FUZZ_CHECK(not_after(span->first, span->last));
    }
    if (field) {  // a day is a span of one day
        RASD_FUZZ_CHECK(span.has_value() && span->first == *field && span->last == *field);
    }
    if (const auto hijri_only = detail::find_dates_in_text(text).hijri_only) check_date(*hijri_only);
    // A readable span has no Hijri problem to report.
    if (span) RASD_FUZZ_CHECK(detail::hijri_span_problem(text).empty());
    return 0;
}

// ---- Places --------------------------------------------------------------------------------------

// nearest() computes an edit distance to every spelling in the gazetteer (time proportional to
// the name's length), by far the slowest call here, more so under coverage instrumentation: the
// fuzzer asks it only about inputs "NAME NUL" (empty body) with NAME of at most kNearestBytes,
// to keep the target fast. (Long names through nearest() are a resource question for the query
// front end, where `place:` values reach it; see tests/fuzz/README.md.)
inline constexpr std::size_t kNearestBytes = 24;

inline void check_place(const detail::Gazetteer& gazetteer, const detail::Place* place) {
    if (place == nullptr) return;
    RASD_FUZZ_CHECK(gazetteer.find(place->id) == place);
    const std::vector<const detail::Place*> chain = gazetteer.chain(*place);
    RASD_FUZZ_CHECK(!chain.empty() && chain.front() == place);
    RASD_FUZZ_CHECK(chain.back()->parent_id.empty());
}

inline void check_name(const detail::Gazetteer& gazetteer, std::string_view name) {
    const detail::Place* exact = gazetteer.resolve_exact(name);
    const detail::Place* tolerant = gazetteer.resolve(name);
    check_place(gazetteer, exact);
    check_place(gazetteer, tolerant);
    if (exact != nullptr) RASD_FUZZ_CHECK(tolerant == exact);  // tolerance only adds matches
    const std::string key = detail::Gazetteer::normalize(name);
    RASD_FUZZ_CHECK(detail::is_valid_utf8(key));
}

inline void check_nearest(const detail::Gazetteer& gazetteer, std::string_view name) {
    if (name.empty() || name.size() > kNearestBytes) return;
    const std::vector<std::string> nearest = gazetteer.nearest(name, 3);
    RASD_FUZZ_CHECK(nearest.size() <= 3);
    for (const std::string& spelling : nearest) RASD_FUZZ_CHECK(gazetteer.resolve_exact(spelling) != nullptr);
}

// Input: BYLINE NUL BODY (no NUL: the whole input is the body and the byline is empty).
inline int dateline_place(const std::uint8_t* data, std::size_t size) {
    const detail::Gazetteer& gazetteer = detail::Gazetteer::builtin();
    const std::string_view text = as_text(data, size);
    const std::size_t nul = text.find('\0');
    const std::string_view byline = nul == std::string_view::npos ? std::string_view() : text.substr(0, nul);
    const std::string_view body = nul == std::string_view::npos ? text : text.substr(nul + 1);
    for (const std::string_view part : {byline, body}) check_name(gazetteer, part);
    if (body.empty()) check_nearest(gazetteer, byline);
    for (const auto& id : {detail::find_dateline_place(byline, body, gazetteer),
                           detail::find_body_dateline(body, gazetteer),
                           detail::find_byline_dateline(byline, gazetteer)}) {
        if (id) RASD_FUZZ_CHECK(gazetteer.find(*id) != nullptr);
    }
    return 0;
}

// ---- Analysis ------------------------------------------------------------------------------------

inline Analyzer& analyzer_of(StemmerKind kind) {
    static std::array<std::unique_ptr<Analyzer>, 3> analyzers;
    auto& slot = analyzers[static_cast<std::size_t>(kind)];
    if (!slot) slot = std::make_unique<Analyzer>(make_analyzer(kind));
    return *slot;
}

inline void check_tokens(std::string_view text, const std::vector<Token>& tokens) {
    std::uint32_t expected_position = 0;
    std::size_t previous_begin = 0;
    for (const Token& token : tokens) {
        RASD_FUZZ_CHECK(token.byte_begin < token.byte_end);
        RASD_FUZZ_CHECK(token.byte_end <= text.size());
        RASD_FUZZ_CHECK(token.byte_begin >= previous_begin);
        previous_begin = token.byte_begin;
        RASD_FUZZ_CHECK(token.surface == text.substr(token.byte_begin, token.byte_end - token.byte_begin));
        RASD_FUZZ_CHECK(!token.folded.empty());
        RASD_FUZZ_CHECK(token.folded.size() <= kMaxWordBytes);
        RASD_FUZZ_CHECK(detail::is_valid_utf8(token.folded));
        RASD_FUZZ_CHECK(detail::is_valid_utf8(token.stem));
        RASD_FUZZ_CHECK(token.is_stop_word == token.stem.empty());
        RASD_FUZZ_CHECK(token.position == expected_position);
        ++expected_position;
    }
}

// Input: one byte choosing the stemmer (light, snowball, none), then the text.
inline int analyzer(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const auto kind = static_cast<StemmerKind>(data[0] % 3);
    const std::string_view text = as_text(data + 1, size - 1);
    Analyzer& analyzer = analyzer_of(kind);
    const std::vector<Token> tokens = analyzer.analyze(text);
    check_tokens(text, tokens);
    // A snippet's stemmer leaves out the words StemFilter stops: none may have the stem it was
    // made for. Checked for each token's surface and for the whole input taken as one word.
    std::vector<std::string_view> words = {text};
    for (const Token& token : tokens) words.push_back(token.surface);
    for (const std::string_view word : words) {
        const std::string stem = analyzer.stem_word(word);
        if (!stem.empty()) RASD_FUZZ_CHECK(analyzer.stem_filter({stem}).may_stem_to_one(word));
    }
    return 0;
}

// ---- Queries -------------------------------------------------------------------------------------

// Three articles in an in-memory database laid out as rasd indexes them (schema.hpp), so that
// stems, phrases, wildcards, places, topics and dates in fuzzed queries have something to match.
inline Xapian::Database& query_database() {
    static Xapian::Database database = [] {
        Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
        Analyzer& light = analyzer_of(StemmerKind::Light);
        const std::array<Article, 3> articles = {
            test::ArticleBuilder("a1")
                .title("حادث سير على طريق القاهرة الإسكندرية الصحراوي")
                .body("القاهرة - لقي سائق سيارة نقل مصرعه وأصيب ثلاثة في حادث تصادم على الطريق الصحراوي.")
                .date("2019-03-14")
                .place("القاهرة")
                .topic("حوادث")
                .source("الأهرام")
                .url("https://example.com/2019/03/14/a1"),
            test::ArticleBuilder("a2")
                .title("المنتخب يفوز في مباراة ودية")
                .body("بيروت (رويترز) - فاز المنتخب الوطني لكرة القدم في مباراة ودية.")
                .date("2021-07-01")
                .topic("رياضة")
                .source("Reuters"),
            test::ArticleBuilder("a3")
                .title("Minister visits Cairo")
                .body("CAIRO (Reuters) - The minister met officials to discuss trade.")
                .topic("politics")
                .source("reuters"),
        };
        for (const Article& article : articles) {
            const detail::AnalyzedArticle analyzed = detail::analyze_article(article, light);
            const detail::ArticleMetadata metadata = detail::extract_metadata(article, detail::stems_of(analyzed));
            db.replace_document(schema::id_term(article.id), detail::make_document(article, analyzed, metadata));
        }
        db.commit();
        return Xapian::Database(db);
    }();
    return database;
}

// Six rows of knowledge/data/gazetteer.tsv (same ids, so place filters meet the documents of
// query_database()). The query target resolves places against these rather than the built-in
// 425 places because a `place:` value that names no place costs a Gazetteer::nearest() over
// every spelling, which would otherwise take most of the target's time; the built-in gazetteer
// gets fuzzed by fuzz_dateline_place.
inline const detail::Gazetteer& query_gazetteer() {
    static const detail::Gazetteer gazetteer(
        "eg\t\tcountry\tمصر\tEgypt\tجمهورية مصر العربية|Arab Republic of Egypt|Misr\n"
        "lb\t\tcountry\tلبنان\tLebanon\tالجمهورية اللبنانية|Lebanese Republic\n"
        "eg-cairo\teg\tgovernorate\tالقاهرة\tCairo\tالقاهره|القاهرة الكبرى|Al-Qahira|Cairo Governorate\n"
        "eg-cairo-dar-el-salam\teg-cairo\tdistrict\tدار السلام\tDar El Salam\tDar al-Salam\n"
        "eg-alexandria\teg\tgovernorate\tالإسكندرية\tAlexandria\tIskandariya\n"
        "lb-beirut\tlb\tcity\tبيروت\tBeirut\t\n");
    return gazetteer;
}

// Input: QUERY [NUL FLAG]...: the flags go round to --from, --to, --place, --topic, --source.
// parse_query_syntax and build_query may throw rasd::InvalidArgument (QuerySyntaxError is one)
// for a bad query; anything else escaping, a crash or a sanitizer report is a bug. The query is
// then run against query_database(), where no Xapian::Error is expected either.
inline int query(const std::uint8_t* data, std::size_t size) {
    const std::vector<std::string_view> parts = split_at_nul(as_text(data, size));
    detail::FlagFilters flags;
    for (std::size_t i = 1; i < parts.size(); ++i) {
        const std::string value(parts[i]);
        switch (i % 5) {
            case 1: flags.from = value; break;
            case 2: flags.to = value; break;
            case 3: flags.places.push_back(value); break;
            case 4: flags.topics.push_back(value); break;
            default: flags.sources.push_back(value); break;
        }
    }
    detail::QueryNode root;
    try {
        root = detail::parse_query_syntax(parts[0]);
    } catch (const QuerySyntaxError& e) {
        RASD_FUZZ_CHECK(e.what()[0] != '\0');
        return 0;
    }
    detail::BuiltQuery built;
    try {
        built = detail::build_query(root, flags, analyzer_of(StemmerKind::Light), query_gazetteer());
    } catch (const InvalidArgument& e) {
        RASD_FUZZ_CHECK(e.what()[0] != '\0');
        return 0;
    }
    for (const Token& word : built.words) RASD_FUZZ_CHECK(!word.stem.empty());
    const Xapian::Query combined = built.combined();
    try {
        Xapian::Enquire enquire(query_database());
        enquire.set_query(combined);
        const Xapian::MSet mset = enquire.get_mset(0, 10);
        RASD_FUZZ_CHECK(mset.size() <= 3);
        for (auto it = mset.begin(); it != mset.end(); ++it) RASD_FUZZ_CHECK(it.get_document().get_docid() == *it);
    } catch (const Xapian::Error& e) {
        const std::string message = std::string("unexpected ") + e.get_type() + ": " + e.get_msg() + " for " + combined.get_description();
        RASD_FUZZ_FAIL(message.c_str());
    }
    return 0;
}

// ---- fuzz_request_target: rasd-serve's request target and search parameters ----------------------

inline bool starts_with(std::string_view text, std::string_view prefix) { return text.rfind(prefix, 0) == 0; }

// The target parsed, or nothing for a RequestError (a bad request: the expected outcome).
inline std::optional<serve::RequestTarget> parsed_target(std::string_view target) {
    try {
        return serve::parse_request_target(target);
    } catch (const serve::RequestError& e) {
        RASD_FUZZ_CHECK(e.status() == 400);
        RASD_FUZZ_CHECK(std::string_view(e.what()).size() > 0);
        return std::nullopt;
    }
}

inline std::optional<serve::SearchParameters> search_parameters(const serve::QueryParameters& parameters) {
    try {
        return serve::read_search_parameters(parameters);
    } catch (const serve::RequestError& e) {
        RASD_FUZZ_CHECK(e.status() == 400);
        RASD_FUZZ_CHECK(std::string_view(e.what()).size() > 0);
        return std::nullopt;
    }
}

// The bytes as a request target: decoded parts are valid UTF-8; percent_encode and query_string
// give back what was decoded; search parameters read from a page's link are the same search.
inline int request_target(const std::uint8_t* data, std::size_t size) {
    const std::optional<serve::RequestTarget> target = parsed_target(as_text(data, size));
    if (!target) return 0;
    RASD_FUZZ_CHECK(detail::is_valid_utf8(target->path));
    for (const auto& [name, value] : target->parameters) {
        RASD_FUZZ_CHECK(detail::is_valid_utf8(name));
        RASD_FUZZ_CHECK(detail::is_valid_utf8(value));
    }
    const std::optional<serve::RequestTarget> path_again = parsed_target(serve::percent_encode(target->path));
    RASD_FUZZ_CHECK(path_again && path_again->path == target->path && path_again->parameters.empty());
    const std::optional<serve::RequestTarget> again =
        parsed_target("/?" + serve::query_string(target->parameters));
    RASD_FUZZ_CHECK(again && again->path == "/" && again->parameters == target->parameters);

    const std::optional<serve::SearchParameters> search = search_parameters(target->parameters);
    if (!search) return 0;
    RASD_FUZZ_CHECK(search->request.limit <= serve::kMaxHitsPerRequest);
    RASD_FUZZ_CHECK(search->request.offset <= cli::kMaxHits);
    const serve::QueryParameters link = serve::search_parameters_of(*search);
    const std::optional<serve::RequestTarget> followed = parsed_target("/?" + serve::query_string(link));
    RASD_FUZZ_CHECK(followed && followed->parameters == link);
    const std::optional<serve::SearchParameters> search_again = search_parameters(followed->parameters);
    RASD_FUZZ_CHECK(search_again && serve::search_parameters_of(*search_again) == link);
    RASD_FUZZ_CHECK(search_again->query == search->query);
    return 0;
}

// ---- fuzz_watch_and_alias_files: the text files people edit ----------------------------------------

inline bool is_trimmed(std::string_view text) {
    constexpr std::string_view kBlanks = " \t\r";
    return !text.empty() && kBlanks.find(text.front()) == std::string_view::npos &&
           kBlanks.find(text.back()) == std::string_view::npos;
}

inline void check_watch_file(std::string_view text) {
    const std::string file = "watches.tsv";
    try {
        const WatchFile watches = detail::parse_watch_text(file, text);
        std::set<std::string> names;
        for (const Watch& watch : watches.watches) {
            RASD_FUZZ_CHECK(is_trimmed(watch.name) && is_trimmed(watch.query));
            RASD_FUZZ_CHECK(watch.name.find('\t') == std::string::npos);
            RASD_FUZZ_CHECK(watch.name.find('\n') == std::string::npos && watch.query.find('\n') == std::string::npos);
            RASD_FUZZ_CHECK(names.insert(watch.name).second);
            RASD_FUZZ_CHECK(starts_with(watch.where, file + ":"));
        }
        for (const std::string& problem : watches.problems) {
            RASD_FUZZ_CHECK(starts_with(problem, file + ":"));
            RASD_FUZZ_CHECK(is_printable(problem));  // names and lines quoted escaped
        }
    } catch (const InvalidArgument& e) {  // a duplicate name
        RASD_FUZZ_CHECK(starts_with(e.what(), file + ":"));
        RASD_FUZZ_CHECK(is_printable(e.what()));
    }
}

inline void check_alias_file(std::string_view text) {
    const std::string file = "aliases.tsv";
    try {
        const detail::AliasTable table = detail::AliasTable::parse(file, text);
        std::size_t last_line = 0;
        for (const detail::AliasGroup& group : table.groups()) {
            RASD_FUZZ_CHECK(group.names.size() >= 2 && group.names.size() <= detail::kMaxAliasGroupNames);
            RASD_FUZZ_CHECK(group.line > last_line);
            last_line = group.line;
            for (const std::string& name : group.names) {
                RASD_FUZZ_CHECK(!name.empty() && name.size() <= detail::kMaxAliasNameBytes);
                RASD_FUZZ_CHECK(name.find('|') == std::string::npos);
                RASD_FUZZ_CHECK(is_printable(name));
            }
        }
    } catch (const DataError& e) {
        RASD_FUZZ_CHECK(starts_with(e.what(), file + ":"));
        RASD_FUZZ_CHECK(is_printable(e.what()));
    }
}

// The bytes as a watches file and as an archive's alias table.
inline int watch_and_alias_files(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = as_text(data, size);
    check_watch_file(text);
    check_alias_file(text);
    return 0;
}

}  // namespace rasd::fuzz

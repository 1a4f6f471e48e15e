#include "../indexer/article_document.hpp"
#include "../indexer/gazetteer.hpp"
#include "../indexer/topics.hpp"
#include "../indexer/schema.hpp"
#include "../indexer/xapian_analysis.hpp"
#include "../indexer/xapian_error.hpp"

#include <rasd/analyzer_factory.hpp>
#include <rasd/searcher.hpp>

#include <algorithm>
#include <chrono>
#include <thread>
#include <filesystem>

namespace rasd {
namespace {

// The analyzer a database was built with, from its "NAME/VERSION" metadata.
std::shared_ptr<Analyzer> analyzer_for(const Xapian::Database& database, const std::string& path) {
    const std::string signature = database.get_metadata(schema::kAnalyzerKey);
    const std::size_t slash = signature.find('/');
    if (signature.empty() || slash == std::string::npos) {
        throw DatabaseError(path + ": not a rasd database (no analyzer recorded)");
    }
    auto analyzer = std::make_shared<Analyzer>(make_analyzer(parse_stemmer_kind(signature.substr(0, slash))));
    if (analyzer->signature() != signature) {
        throw AnalyzerMismatchError(path + ": database was built with analyzer '" + signature +
                                    "' but this rasd has '" + analyzer->signature() +
                                    "'; rebuild the database");
    }
    return analyzer;
}

// A reader that falls behind the writer gets DatabaseModifiedError once the revision it reads
// is recycled (glass keeps two): reopen at the latest commit and run the whole request again,
// as notmuch and recoll do. Under a writer committing many times a second a retry can lose the
// race again, so later attempts wait a little longer first; the count is bounded so a request
// never hangs.
constexpr int kMaxModifiedRetries = 10;
constexpr auto kRetryBackoffStep = std::chrono::milliseconds(2);

template <typename Body>
auto with_reopen_on_modification(Xapian::Database& database, Body&& body) -> decltype(body()) {
    for (int attempt = 1;; ++attempt) {
        try {
            return body();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == kMaxModifiedRetries) throw;
            std::this_thread::sleep_for(kRetryBackoffStep * (attempt - 1));
            database.reopen();
        }
    }
}

// The `top` terms under `prefix` by article count, prefix removed.
std::vector<TermCount> top_terms(const Xapian::Database& database, const std::string& prefix, std::size_t top) {
    std::vector<TermCount> counts;
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
        std::string value = (*it).substr(prefix.size());
        if (!value.empty() && value.front() == ':') value.erase(0, 1);  // Omega's capital-letter colon
        counts.push_back({value, value, it.get_termfreq()});
    }
    std::stable_sort(counts.begin(), counts.end(),
                     [](const TermCount& a, const TermCount& b) { return a.articles > b.articles; });
    if (counts.size() > top) counts.resize(top);
    return counts;
}

std::string iso_from_yyyymmdd(const std::string& value) {
    if (value.size() != 8) return {};
    return value.substr(0, 4) + "-" + value.substr(4, 2) + "-" + value.substr(6, 2);
}

}  // namespace

struct Searcher::Impl {
    Xapian::Database database;
    std::shared_ptr<Analyzer> analyzer;
    Xapian::Stem snippet_stem;
    std::string path;

    // One attempt at a query against the current revision (may throw DatabaseModifiedError).
    SearchResults run_query(const std::vector<Xapian::Query>& stems, const SearchOptions& options);
};

SearchResults Searcher::Impl::run_query(const std::vector<Xapian::Query>& stems, const SearchOptions& options) {
    Xapian::Enquire enquire(database);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_OR, stems.begin(), stems.end()));
    enquire.set_weighting_scheme(Xapian::BM25Weight());
    const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                               static_cast<Xapian::doccount>(options.limit));
    SearchResults results;
    results.total = {mset.get_matches_estimated(), mset.get_matches_lower_bound(),
                     mset.get_matches_upper_bound()};
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Article article = detail::stored_article(it.get_document());
        SearchHit hit;
        hit.rank = it.get_rank() + 1;
        hit.id = article.id;
        hit.score = it.get_weight();
        hit.title = article.title;
        hit.date = article.date;
        hit.place = article.place;
        hit.topic = article.topic;
        hit.source = article.source;
        hit.url = article.url;
        hit.snippet = mset.snippet(article.body, options.snippet_length, snippet_stem,
                                   Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE,
                                   options.highlight_start, options.highlight_end, "…");
        results.hits.push_back(std::move(hit));
    }
    return results;
}

Searcher::Searcher(const std::string& path) {
    if (!std::filesystem::exists(path)) throw DatabaseError(path + ": no such database");
    m_impl = detail::translate_xapian_errors(path, [&] {
        Xapian::Database database(path);
        auto analyzer = analyzer_for(database, path);
        Xapian::Stem stem = detail::make_xapian_stem(analyzer);
        return std::make_unique<Impl>(Impl{std::move(database), std::move(analyzer), std::move(stem), path});
    });
}

Searcher::~Searcher() = default;
Searcher::Searcher(Searcher&&) noexcept = default;
Searcher& Searcher::operator=(Searcher&&) noexcept = default;

ArchiveStats Searcher::stats(std::size_t top) {
    return detail::translate_xapian_errors(m_impl->path, [&] {
        const Xapian::Database& db = m_impl->database;
        ArchiveStats stats;
        stats.articles = db.get_doccount();
        stats.analyzer = db.get_metadata(schema::kAnalyzerKey);
        if (db.get_value_freq(schema::kDateSlot) > 0) {
            stats.first_date = iso_from_yyyymmdd(db.get_value_lower_bound(schema::kDateSlot));
            stats.last_date = iso_from_yyyymmdd(db.get_value_upper_bound(schema::kDateSlot));
        }
        stats.top_topics = top_terms(db, schema::kTopicPrefix, top);
        for (TermCount& t : stats.top_topics) {
            if (const detail::Topic* topic = detail::TopicTaxonomy::builtin().resolve(t.value)) t.label = topic->arabic;
        }
        stats.top_places = top_terms(db, schema::kPlacePrefix, top);
        for (TermCount& t : stats.top_places) {
            if (const detail::Place* place = detail::Gazetteer::builtin().find(t.value)) t.label = place->arabic;
        }
        stats.top_sources = top_terms(db, schema::kSourcePrefix, top);
        return stats;
    });
}

void Searcher::reopen() {
    detail::translate_xapian_errors(m_impl->path, [&] { m_impl->database.reopen(); });
}

SearchResults Searcher::search(const std::string& query, const SearchOptions& options) {
    std::vector<Xapian::Query> stems;
    for (const Token& token : m_impl->analyzer->analyze(query)) {
        if (!token.is_stop_word) stems.emplace_back(schema::kStemPrefix + token.stem);
    }
    if (stems.empty()) throw InvalidArgument("query '" + query + "' has no searchable words");

    return detail::translate_xapian_errors(m_impl->path, [&] {
        SearchResults results =
            with_reopen_on_modification(m_impl->database, [&] { return m_impl->run_query(stems, options); });
        results.query = query;
        return results;
    });
}


}  // namespace rasd

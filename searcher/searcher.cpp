#include "knowledge/gazetteer.hpp"
#include "knowledge/topics.hpp"
#include "archive/schema.hpp"
#include "archive/stored_article.hpp"
#include "archive/term_codec.hpp"
#include "archive/source_names.hpp"
#include "archive/xapian_analysis.hpp"
#include "archive/xapian_error.hpp"
#include "archive/archive_sources.hpp"
#include "util/counted_nouns.hpp"
#include "deadline_decider.hpp"
#include "facet_counting.hpp"
#include "alias_expansion.hpp"
#include "passage_ranking.hpp"
#include "phrase_relaxation.hpp"
#include "query_builder.hpp"
#include "query_syntax.hpp"
#include "search_hit.hpp"
#include "source_names.hpp"
#include "story_queries.hpp"
#include "vocabulary_suggestion.hpp"

#include <rasd/analyzer_factory.hpp>
#include <rasd/article.hpp>
#include <rasd/searcher.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <chrono>
#include <thread>
#include <filesystem>

namespace rasd {
namespace {

// A reader that falls behind the writer gets DatabaseModifiedError once the revision it reads
// is recycled (glass keeps two): reopen at the latest commit and run the whole request again,
// as notmuch and recoll do. Under a writer committing many times a second a retry can lose the
// race again, so later attempts wait a little longer first; the count is bounded so a request
// never hangs.
constexpr int kMaxModifiedRetries = 20;
constexpr auto kRetryBackoffStep = std::chrono::milliseconds(5);  // at most ~1 s of waiting in all

template <typename Body>
auto with_reopen_on_modification(Xapian::Database& database, Body&& body) -> decltype(body()) {
    for (int attempt = 1;; ++attempt) {
        try {
            if (attempt > 1) {
                std::this_thread::sleep_for(kRetryBackoffStep * (attempt - 2));
                database.reopen();  // inside the try: reopening can lose the race too
            }
            return body();
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == kMaxModifiedRetries) throw;
        }
    }
}

// BM25 parameters, tuned on 1,000 ANT known-item queries (bench/RESULTS.md): k1 2.0 and b 0.75
// raised MRR@10 by about 0.012 over Xapian's defaults (k1 1, b 0.5) and left the corpus/
// judgments unchanged. k2, k3 and the minimum normalized length are Xapian's defaults.
constexpr double kBm25K1 = 2.0;
constexpr double kBm25K2 = 0.0;
constexpr double kBm25K3 = 1.0;
constexpr double kBm25B = 0.75;
constexpr double kBm25MinNormalizedLength = 0.5;

// Xapian's count of an MSet's matches, as the results give it.
MatchTotal total_of(const Xapian::MSet& mset) {
    return {mset.get_matches_estimated(), mset.get_matches_lower_bound(), mset.get_matches_upper_bound()};
}

// The count of a collapsed match's stories. Xapian's estimate and upper bound for it can exceed
// the articles matched (1,442 stories "up to 3,331" for 1,478 articles); its lower bound counts
// the stories it saw. So when it saw every match, that lower bound is exact: it did when asked
// to look at `checked` matches and found fewer, or when `checked` covers the whole archive of
// `documents`. Otherwise no bound exceeds the articles matched.
MatchTotal collapsed_total(const Xapian::MSet& mset, Xapian::doccount checked, Xapian::doccount documents) {
    const std::size_t lower = mset.get_matches_lower_bound();
    const Xapian::doccount articles_seen = mset.get_uncollapsed_matches_lower_bound();
    if (articles_seen < checked || checked >= documents) return {lower, lower, lower};
    const std::size_t upper = std::max<std::size_t>(
        lower, std::min(mset.get_matches_upper_bound(), mset.get_uncollapsed_matches_upper_bound()));
    return {std::clamp<std::size_t>(mset.get_matches_estimated(), lower, upper), lower, upper};
}

// A decoder of term_codec.hpp: a term or a value slot's content -> what it stands for.
using Decoder = schema::ValueDecoder;

// The `top` terms under `prefix` by article count, read by `decode`.
std::vector<TermCount> top_terms(const Xapian::Database& database, const std::string& prefix, Decoder decode,
                                 std::size_t top) {
    std::vector<TermCount> counts;
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
        const std::string value = decode(*it);
        counts.push_back({value, value, it.get_termfreq()});
    }
    std::stable_sort(counts.begin(), counts.end(),
                     [](const TermCount& a, const TermCount& b) { return a.articles > b.articles; });
    if (counts.size() > top) counts.resize(top);
    return counts;
}

// The query with every word the archive does not know (its stem is in no article) replaced by the
// closest title word in Xapian's spelling table; "" if there is nothing to correct. Words the
// archive knows are never "corrected" (Omega's pitfall: suggesting اقتصادية for a valid اقتصاد).
std::string suggest(const Xapian::Database& database, const std::string& query, const std::vector<Token>& words,
                    bool has_remote) {
    constexpr unsigned kMaxEditDistance = 2;
    std::string suggestion = query;
    bool changed = false;
    for (const Token& word : words) {
        if (database.get_termfreq(schema::word_term(word.stem)) > 0) continue;
        // Xapian 1.4's remote backend serves no spelling data: there, the closest title stem.
        const std::string better = has_remote ? detail::closest_title_stem(database, word.stem)
                                              : database.get_spelling_suggestion(word.folded, kMaxEditDistance);
        const std::size_t at = suggestion.find(word.surface);
        if (better.empty() || better == word.folded || at == std::string::npos) continue;
        suggestion.replace(at, word.surface.size(), better);
        changed = true;
    }
    return changed ? suggestion : std::string();
}

// The note of a phrase read as its words (docs/CLI.md gives its exact text): `found` is how
// many articles the phrase itself found.
std::string relaxation_note(const std::string& phrase, std::size_t found) {
    return "searched for the words of \"" + phrase + "\" instead: as a phrase it found " +
           detail::counted(found, "article", "articles");
}

// The note of a search cut short by SearcherOptions::search_time_limit (docs/LIBRARY.md gives its text).
std::string time_limit_note(double seconds) {
    constexpr double kMillisecondsPerSecond = 1000.0;
    return "the time limit of " + std::to_string(std::lround(seconds * kMillisecondsPerSecond)) +
           " ms passed: the total may be an estimate and facets count only the matches seen";
}

}  // namespace

struct RASD_NO_EXPORT Searcher::Impl {
    Xapian::Database database;
    std::shared_ptr<Analyzer> analyzer;
    Xapian::Stem snippet_stem;
    std::string path;                      // the sources, for messages
    std::vector<std::string> sources;
    SearcherOptions options;
    std::vector<std::string> unavailable;  // sources left out (allow_partial)
    bool has_remote = false;
    // The alias tables of the last search, kept while the archive's own table stays the same.
    std::string archive_aliases_text;
    std::optional<detail::AliasExpander> aliases;
    // SearcherOptions::search_time_limit of the search running, and whether a match ran past it.
    std::optional<std::chrono::steady_clock::time_point> deadline;
    bool deadline_passed = false;

    void start_deadline() {
        deadline.reset();
        deadline_passed = false;
        if (options.search_time_limit > 0) {
            deadline = std::chrono::steady_clock::now() +
                       std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                           std::chrono::duration<double>(options.search_time_limit));
        }
    }

    // enquire.get_mset() within what is left of the search's time limit. A page is never cut:
    // past the limit the match only stops counting beyond it (check_at_least). A search already
    // late counts no further than its page. Otherwise local archives never arm Xapian's own time
    // limit (deadline_decider.hpp says why), so a match that runs late finishes; over remote
    // shards, which take no MatchDecider, Xapian's time limit stays, and the shards' servers
    // enforce it. Its timer can then still expire just as a match ends on its own (the rare
    // case left: docs/ROBUSTNESS.md).
    Xapian::MSet timed_mset(Xapian::Enquire& enquire, Xapian::doccount first, Xapian::doccount max_items,
                            Xapian::doccount check_at_least) {
        if (deadline) {
            const std::chrono::duration<double> left = *deadline - std::chrono::steady_clock::now();
            if (left.count() <= 0) {
                check_at_least = 0;
                deadline_passed = true;
            } else if (has_remote) {
                enquire.set_time_limit(left.count());
            }
        }
        Xapian::MSet mset = enquire.get_mset(first, max_items, check_at_least);
        if (deadline && std::chrono::steady_clock::now() >= *deadline) deadline_passed = true;
        return mset;
    }

    // The copies of the hits (collapse). Each hit with copies costs a match of its own, so a long
    // page stops counting at the time limit rather than run past it: the hits left say so
    // (SearchHit::copies_counted), and so does a note.
    void count_copies_in_time(const Xapian::Query& query, SearchResults& results) {
        const std::size_t not_counted = detail::count_copies(
            database, query, results.hits, [this](const std::string& folded) { return source_label(folded); },
            [this] { return deadline && std::chrono::steady_clock::now() >= *deadline; });
        if (not_counted > 0) {
            deadline_passed = true;
            results.notes.push_back("copies were not counted for " + detail::counted(not_counted, "hit", "hits") +
                                    ": the time limit passed");
        }
    }

    // How the articles write a folded source name (the folded name if none does). Reading it
    // means reading a whole stored article, which for ten sources cost more than counting them
    // (bench/RESULTS.md), so names are kept until the archive's article count or last document
    // id changes.
    std::map<std::string, std::string> source_labels;
    std::pair<Xapian::doccount, Xapian::docid> source_labels_of{0, 0};

    std::string source_label(const std::string& folded) {
        const std::pair archive_now{database.get_doccount(), database.get_lastdocid()};
        if (archive_now != source_labels_of) {
            source_labels.clear();
            source_labels_of = archive_now;
        }
        auto known = source_labels.find(folded);
        if (known == source_labels.end()) {
            const std::string name =
                detail::source_name_of_term(database, schema::boolean_term(schema::kSourcePrefix, folded));
            known = source_labels.emplace(folded, name.empty() ? folded : name).first;
        }
        return known->second;
    }

    // How facet values are shown: places and topics by their Arabic names, sources as the
    // archive's articles write them.
    detail::FacetLabels facet_labels();

    // rasd's alias table and the archive's own (metadata kAliasesKey, which every shard keeps
    // and which, unlike Xapian's synonym table, a remote shard serves), analyzed once.
    const detail::AliasExpander& alias_expander() {
        std::string text = database.get_metadata(schema::kAliasesKey);
        if (!aliases || text != archive_aliases_text) {
            aliases = detail::make_alias_expander(text, path, *analyzer);
            archive_aliases_text = std::move(text);
        }
        return *aliases;
    }

    // How many articles `query` matches, counted exactly up to `up_to` (no ranking).
    std::size_t count_up_to(const Xapian::Query& query, std::size_t up_to) {
        Xapian::Enquire counter(database);
        counter.set_query(query);
        counter.set_weighting_scheme(Xapian::BoolWeight());
        const Xapian::MSet mset = counter.get_mset(0, 0, static_cast<Xapian::doccount>(up_to));
        return std::min<std::size_t>(mset.get_matches_lower_bound(), up_to);
    }

    // The stemmer for the snippets of the matches of `query` (snippet_stem_for() in
    // archive/xapian_analysis.hpp); none is needed without snippets.
    Xapian::Stem snippet_stem_for(const Xapian::Query& query, const SearchOptions& options) const {
        return options.snippets ? detail::snippet_stem_for(snippet_stem, *analyzer, query) : snippet_stem;
    }

    // One attempt at a query against the current revision (may throw DatabaseModifiedError).
    SearchResults run_query(const detail::BuiltQuery& query, const SearchOptions& options);

    // The hits of `query` from `offset` on, at most `limit`, ranked by BM25 with ties by article
    // id (one hit per story with `collapse`); its total, exact up to kExactTotalUpTo.
    Xapian::MSet ranked(const Xapian::Query& query, std::size_t offset, std::size_t limit, bool collapse);

    // Counts topics, places, years and months over every match; returns the exact total (of
    // stories with options.collapse, except over remote shards).
    // The facets of the whole match, and its exact total; no total when the search's time limit
    // passed while counting (the facets then count the matches seen).
    std::optional<MatchTotal> count_facets(const detail::BuiltQuery& query, const SearchOptions& options,
                                           Facets& facets);

    // A shard stopped answering during a search: with allow_partial, reopen the sources that
    // still answer (the next results are marked partial); otherwise an error naming the shard.
    void recover_from_network_error(const Xapian::NetworkError& error) {
        const std::vector<std::string> down = detail::unreachable_sources(sources);
        if (!options.allow_partial || down.size() == sources.size()) {
            std::string names;
            for (const std::string& s : down) names += (names.empty() ? "" : ", ") + s;
            throw ShardUnavailableError(names.empty() ? path : names, error.get_msg());
        }
        detail::OpenedArchive archive = detail::open_archive(sources, true);
        database = std::move(archive.database);
        unavailable = std::move(archive.unavailable);
    }
};

namespace {

std::string place_label(const std::string& id) {
    const detail::Place* place = detail::Gazetteer::builtin().find(id);
    return place ? place->arabic : id;
}

std::string topic_label(const std::string& id) {
    const detail::Topic* topic = detail::TopicTaxonomy::builtin().resolve(id);
    return topic ? topic->arabic : id;
}

}  // namespace

detail::FacetLabels Searcher::Impl::facet_labels() {
    return {topic_label, place_label, [this](const std::string& folded) { return source_label(folded); }};
}

SearchResults Searcher::Impl::run_query(const detail::BuiltQuery& query, const SearchOptions& options) {
    Xapian::Enquire enquire(database);
    enquire.set_query(detail::with_phrase_words_for_snippets(query.combined()));
    enquire.set_weighting_scheme(
        Xapian::BM25Weight(kBm25K1, kBm25K2, kBm25K3, kBm25B, kBm25MinNormalizedLength));
    SortOrder sort = options.sort;
    if (sort == SortOrder::Relevance && !query.has_text()) sort = SortOrder::Newest;  // a list, not a ranking
    // Ties go by article id, not by Xapian's document id, so one database and the shards of an
    // archive give the same order.
    if (sort == SortOrder::Relevance) {
        enquire.set_sort_by_relevance_then_value(schema::kIdSlot, false);
    } else {
        enquire.set_sort_by_value_then_relevance(schema::kDateIdSlot, sort == SortOrder::Newest);
    }
    // The best-ranked article of each story stands for it; articles without a story (an empty
    // value) are never collapsed.
    if (options.collapse) enquire.set_collapse_key(schema::kStorySlot);
    // A list of filters only is sorted by date, which visits every match anyway: its facets are
    // counted in the same pass (except over remote shards, see count_facets()).
    const bool facets_in_main_pass = options.facets && !query.has_text() && !has_remote && !options.collapse;
    std::optional<detail::FacetCounter> main_pass_facets;  // never over remote shards
    if (facets_in_main_pass) {
        main_pass_facets.emplace(database, false);
        enquire.add_matchspy(&main_pass_facets->spy());
    }
    // Xapian's estimate for filters and value ranges can be far off (~200 for 38); looking at
    // this many matches makes totals exact for small result sets. A list of filters only is
    // counted whole: at 500,000 articles that cost nothing measurable (p50 9.0 vs 9.1 ms) and its
    // estimate was up to 92% off. Free text is counted only when asked: looking at 1,000 matches
    // turns off the early end of the match (bench/RESULTS.md, "Query path").
    Xapian::doccount check_at_least = 0;  // Xapian's estimate with its bounds
    // A list by date visits every match anyway (no weight to stop at): counting them all makes
    // its total (of stories, collapsed) exact, which TREC's M - rank + 1 scores need.
    if (facets_in_main_pass || !query.has_text() || sort != SortOrder::Relevance) {
        check_at_least = database.get_doccount();
    } else if (options.exact_total || query.has_filters()) {
        check_at_least = static_cast<Xapian::doccount>(kExactTotalUpTo);
    }
    // Passage evidence re-ranks BM25's best (passage_ranking.hpp): a page among them is taken
    // from the re-ranked candidates, so the MSet then starts at the first hit.
    const auto offset = static_cast<Xapian::doccount>(options.offset);
    const auto limit = static_cast<Xapian::doccount>(options.limit);
    const bool by_passage = options.passage && sort == SortOrder::Relevance && query.has_text() &&
                            offset < detail::kPassageParameters.candidates;
    // offset + limit, kept from wrapping around for a limit near the largest doccount
    const Xapian::doccount page_end = limit > std::numeric_limits<Xapian::doccount>::max() - offset
                                          ? std::numeric_limits<Xapian::doccount>::max()
                                          : offset + limit;
    const Xapian::MSet mset =
        by_passage ? timed_mset(enquire, 0, std::max(detail::kPassageParameters.candidates, page_end), check_at_least)
                   : timed_mset(enquire, offset, limit, check_at_least);
    const detail::PassageRanking passage =
        by_passage ? detail::rank_by_passage(database, mset, query.text) : detail::PassageRanking{};
    SearchResults results;
    results.total = options.collapse ? collapsed_total(mset, check_at_least, database.get_doccount()) : total_of(mset);
    const Xapian::Stem stem = snippet_stem_for(query.combined(), options);
    for (Xapian::doccount i = by_passage ? offset : 0; i < mset.size() && (!by_passage || i < page_end); ++i) {
        SearchHit hit = detail::hit_from(mset[i < passage.order.size() ? passage.order[i] : i], mset, stem, options);
        hit.rank = mset.get_firstitem() + i + 1;
        if (i < passage.scores.size()) hit.score = passage.scores[i];
        results.hits.push_back(std::move(hit));
    }
    if (options.collapse) count_copies_in_time(query.combined(), results);
    if (options.facets) {
        results.has_facets = true;
        if (facets_in_main_pass) {
            main_pass_facets->fill(results.facets, options.facet_limit, facet_labels());
        } else {
            // Exact: articles, or with collapse the stories the spy counted (over remote shards
            // it counts articles, so the collapsed match's own total stays).
            const std::optional<MatchTotal> counted = count_facets(query, options, results.facets);
            if (counted && (!options.collapse || !has_remote)) results.total = *counted;
        }
        if (options.collapse && has_remote) {
            results.notes.push_back("facets count articles, not stories: remote shards cannot count stories");
        }
    }
    results.explanation = query.explanation;
    if (!passage.order.empty()) {
        results.explanation.push_back("ranking: BM25, then its best " +
                                      std::to_string(detail::kPassageParameters.candidates) +
                                      " again by passage (those with the query's words within " +
                                      std::to_string(detail::kPassageParameters.window) + " words of each other rise)");
    }
    // The query's notes first, then those of the match (the story note above).
    results.notes.insert(results.notes.begin(), query.notes.begin(), query.notes.end());
    results.order = sort;
    return results;
}

std::optional<MatchTotal> Searcher::Impl::count_facets(const detail::BuiltQuery& query,
                                                       const SearchOptions& options, Facets& facets) {
    // Facets count the whole match set, which needs no ranking: a match of its own with every
    // weight zero skips BM25 for each matching article and returns no page (measured at 500,000
    // articles: p95 of free text with facets 56.9 -> 43.5 ms). Returning no page also avoids
    // Xapian 1.4 counting some documents of a page twice in a match spy over remote shards
    // (measured: 79 years for 77 matches with a page of 10).
    Xapian::Enquire counter(database);
    counter.set_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, query.combined(), 0.0));
    counter.set_weighting_scheme(Xapian::BoolWeight());
    detail::FacetCounter counted(database, has_remote);
    // Collapsed, facets count stories: Xapian's match spies see every match, copies included,
    // so one spy in front of them passes on the first article of each story only. Remote shards
    // take only Xapian's own spies: there facets count articles, and a note says so.
    detail::OnePerStorySpy one_per_story(database, counted.spy());
    if (options.collapse && !has_remote) {
        counter.add_matchspy(&one_per_story);
    } else {
        counter.add_matchspy(&counted.spy());
    }
    // On a local archive the spies stop counting at the deadline; the total then stays the
    // ranked match's.
    std::optional<detail::DeadlineDecider> in_time;
    if (deadline && !has_remote) in_time.emplace(*deadline);
    const Xapian::MSet all = in_time ? counter.get_mset(0, 0, database.get_doccount(), nullptr, &*in_time)
                                     : timed_mset(counter, 0, 0, database.get_doccount());
    counted.fill(facets, options.facet_limit, facet_labels());
    if (in_time && in_time->passed()) {
        deadline_passed = true;
        return std::nullopt;
    }
    if (options.collapse && !has_remote) {
        const std::size_t stories = one_per_story.passed();
        return MatchTotal{stories, stories, stories};
    }
    return total_of(all);
}

Searcher::Searcher(const std::string& path) : Searcher(std::vector<std::string>{path}) {}

Searcher::Searcher(const std::vector<std::string>& shards, SearcherOptions options) {
    std::string path;
    for (const std::string& shard : shards) path += (path.empty() ? "" : ", ") + shard;
    detail::OpenedArchive archive = detail::open_archive(shards, options.allow_partial);
    m_impl = detail::translate_xapian_errors(path, [&] {
        auto analyzer = detail::analyzer_of_signature(archive.analyzer_signature, path);
        Xapian::Stem stem = detail::make_xapian_stem(analyzer, detail::kSnippetStemMemoWords);
        return std::make_unique<Impl>(Impl{std::move(archive.database), std::move(analyzer), std::move(stem), path,
                                           shards, options, std::move(archive.unavailable), archive.has_remote, {},
                                           {}, {}, false, {}, {}});
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
            stats.first_date = schema::iso_date(schema::date_of_value(db.get_value_lower_bound(schema::kDateSlot)));
            stats.last_date = schema::iso_date(schema::date_of_value(db.get_value_upper_bound(schema::kDateSlot)));
        }
        stats.top_topics = top_terms(db, schema::kTopicPrefix, schema::topic_of_term, top);
        for (TermCount& t : stats.top_topics) {
            if (const detail::Topic* topic = detail::TopicTaxonomy::builtin().resolve(t.value)) t.label = topic->arabic;
        }
        stats.top_places = top_terms(db, schema::kPlacePrefix, schema::place_of_term, top);
        for (TermCount& t : stats.top_places) {
            if (const detail::Place* place = detail::Gazetteer::builtin().find(t.value)) t.label = place->arabic;
        }
        detail::StoryCounts stories = detail::count_stories(db, top);
        stats.stories = stories.stories + (db.get_doccount() - stories.articles);  // the rest stand alone
        stats.stories_with_copies = stories.with_copies;
        stats.articles_in_stories = stories.articles;
        stats.largest_stories = std::move(stories.largest);
        stats.top_sources = top_terms(db, schema::kSourcePrefix, schema::source_of_term, top);
        for (TermCount& t : stats.top_sources) {  // shown as the articles write it, not folded
            const std::string name =
                detail::source_name_of_term(db, schema::boolean_term(schema::kSourcePrefix, t.value));
            if (!name.empty()) t.label = name;
        }
        return stats;
    });
}

std::size_t Searcher::article_count() {
    return detail::translate_xapian_errors(m_impl->path, [&] { return std::size_t{m_impl->database.get_doccount()}; });
}

std::optional<ArchivedArticle> Searcher::article(const std::string& id) {
    if (id.empty() || id.size() > kMaxArticleIdBytes) return std::nullopt;  // no such id term can exist
    auto attempt = [&]() -> std::optional<ArchivedArticle> {
        const Xapian::Database& db = m_impl->database;
        const std::string term = schema::id_term(id);
        const Xapian::PostingIterator posting = db.postlist_begin(term);
        if (posting == db.postlist_end(term)) return std::nullopt;
        const schema::StoredArticle stored = schema::StoredArticle::from_data(db.get_document(*posting).get_data());
        ArchivedArticle article{stored.id,          stored.title,       stored.body,        stored.abstract,
                                stored.date,        stored.date_given,  stored.place,       stored.place_id,
                                stored.place_given, stored.topic,       stored.topic_label, stored.topic_given,
                                stored.source,      stored.url,         stored.author,      {}};
        for (const schema::StoredPlace& place : stored.places) {
            article.places.push_back({place.id, place.name, place.evidence});
        }
        return article;
    };
    return detail::translate_xapian_errors(m_impl->path, [&] {
        try {
            return with_reopen_on_modification(m_impl->database, attempt);
        } catch (const Xapian::NetworkError& e) {
            m_impl->recover_from_network_error(e);
            return with_reopen_on_modification(m_impl->database, attempt);
        }
    });
}

void Searcher::reopen() {
    // Reopening reads the latest revision's tables, which a fast writer can recycle meanwhile.
    // A remote shard that stopped answering is named (or left out with allow_partial), as in search().
    detail::translate_xapian_errors(m_impl->path, [&] {
        try {
            with_reopen_on_modification(m_impl->database, [&] { return m_impl->database.reopen(); });
        } catch (const Xapian::NetworkError& e) {
            m_impl->recover_from_network_error(e);
        }
    });
}

SearchResults Searcher::search(const std::string& query, const SearchOptions& options) {
    const detail::QueryNode syntax = detail::parse_query_syntax(query);
    detail::FlagFilters flags{options.topics, options.places, options.sources, options.from, options.to};
    m_impl->start_deadline();
    return detail::translate_xapian_errors(m_impl->path, [&] {
        // Building reads the archive's source names, and the suggestion reads the database too:
        // both are part of the attempt that is retried.
        auto attempt = [&] {
            const detail::ArchiveSourceCatalog sources(m_impl->database);
            auto build = [&](const detail::QueryNode& root) {
                return detail::build_query(root, flags, *m_impl->analyzer, detail::Gazetteer::builtin(),
                                           detail::TopicTaxonomy::builtin(), &sources, &m_impl->alias_expander());
            };
            const detail::BuiltQuery built = build(syntax);
            if (!built.has_text() && !built.has_filters()) {
                throw InvalidArgument("query '" + query + "' has no searchable words");
            }
            std::vector<Token> words = built.words;
            SearchResults results;
            // Phrases that find (almost) nothing by themselves are read as their words: an
            // optional phrase that matches nothing adds nothing to the ranking, as if its words
            // were left out of the query.
            std::vector<std::size_t> found;  // by each relaxed phrase
            detail::RelaxedQuery relaxed = detail::relax_phrases(syntax, [&](const detail::QueryNode& phrase) {
                if (!options.relax_phrases) return false;
                detail::QueryNode alone = phrase;
                alone.modifier = detail::QueryNode::Modifier::None;
                const detail::BuiltQuery phrase_query =
                    detail::build_query(alone, {}, *m_impl->analyzer, detail::Gazetteer::builtin(),
                                        detail::TopicTaxonomy::builtin(), &sources, &m_impl->alias_expander());
                if (!phrase_query.has_text()) return false;
                const std::size_t count = m_impl->count_up_to(phrase_query.text, kRelaxPhrasesBelow);
                if (count >= kRelaxPhrasesBelow) return false;
                found.push_back(count);
                return true;
            });
            if (!relaxed.phrases.empty()) {
                detail::BuiltQuery wider = build(relaxed.root);
                for (std::size_t i = 0; i < relaxed.phrases.size(); ++i) {
                    const std::string note = relaxation_note(relaxed.phrases[i], found[i]);
                    wider.explanation.push_back("note: " + note);
                    wider.notes.push_back(note);
                }
                results = m_impl->run_query(wider, options);
                // Relaxing never loses a match: when the words find nothing either, the query as
                // typed found nothing too, and is answered as typed.
                if (results.total.estimated > 0) {
                    results.relaxed_phrases = std::move(relaxed.phrases);
                    words = std::move(wider.words);
                } else {
                    results = m_impl->run_query(built, options);
                }
            } else {
                results = m_impl->run_query(built, options);
            }
            if (results.total.estimated < kSuggestBelow) {
                results.suggestion = suggest(m_impl->database, query, words, m_impl->has_remote);
            }
            return results;
        };
        SearchResults results;
        try {
            results = with_reopen_on_modification(m_impl->database, attempt);
        } catch (const Xapian::NetworkError& e) {
            m_impl->recover_from_network_error(e);  // names the lost shard, or leaves it out
            results = with_reopen_on_modification(m_impl->database, attempt);
        }
        results.query = query;
        results.partial = !m_impl->unavailable.empty();
        results.unavailable = m_impl->unavailable;
        if (m_impl->deadline_passed) {
            results.cut_short = true;
            results.notes.push_back(time_limit_note(m_impl->options.search_time_limit));
        }
        return results;
    });
}

Xapian::MSet Searcher::Impl::ranked(const Xapian::Query& query, std::size_t offset, std::size_t limit, bool collapse) {
    Xapian::Enquire enquire(database);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BM25Weight(kBm25K1, kBm25K2, kBm25K3, kBm25B, kBm25MinNormalizedLength));
    enquire.set_sort_by_relevance_then_value(schema::kIdSlot, false);
    if (collapse) enquire.set_collapse_key(schema::kStorySlot);
    return enquire.get_mset(static_cast<Xapian::doccount>(offset), static_cast<Xapian::doccount>(limit),
                            static_cast<Xapian::doccount>(kExactTotalUpTo));
}

SearchResults Searcher::story(const std::string& id, const SearchOptions& options) {
    return detail::translate_xapian_errors(m_impl->path, [&] {
        return with_reopen_on_modification(m_impl->database, [&] {
            const Xapian::Database& db = m_impl->database;
            const std::string story = detail::story_named_by(db, id);
            if (story.empty()) {
                if (detail::article_docid(db, id)) {
                    throw InvalidArgument("article '" + id + "' belongs to no story (it was indexed with --no-stories)");
                }
                throw InvalidArgument("no article or story with id '" + id + "'");
            }
            Xapian::Enquire enquire(db);
            const Xapian::Query query(schema::story_term(story));
            enquire.set_query(query);
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            enquire.set_sort_by_value(schema::kDateIdSlot, false);  // earliest first, then by id
            const Xapian::MSet mset = enquire.get_mset(static_cast<Xapian::doccount>(options.offset),
                                                       static_cast<Xapian::doccount>(options.limit), db.get_doccount());
            SearchResults results;
            results.query = story;
            results.order = SortOrder::Oldest;
            results.explanation = {"story: " + story + " (its articles, earliest first)"};
            results.total = total_of(mset);
            const Xapian::Stem stem = m_impl->snippet_stem_for(query, options);
            for (auto it = mset.begin(); it != mset.end(); ++it) {
                results.hits.push_back(detail::hit_from(it, mset, stem, options));
            }
            return results;
        });
    });
}

SearchResults Searcher::like(const std::string& id, const SearchOptions& options) {
    m_impl->start_deadline();  // for counting copies (collapse): the two rankings are not cut
    return detail::translate_xapian_errors(m_impl->path, [&] {
        return with_reopen_on_modification(m_impl->database, [&] {
            const Xapian::Database& db = m_impl->database;
            const std::optional<Xapian::docid> docid = detail::article_docid(db, id);
            if (!docid) throw InvalidArgument("no article with id '" + id + "'");
            const std::string story = schema::story_of_value(db.get_document(*docid).get_value(schema::kStorySlot));
            const Xapian::Query words = detail::more_like_this(db, *docid);
            const Xapian::Query like = Xapian::Query(Xapian::Query::OP_AND_NOT, words, Xapian::Query(schema::id_term(id)));
            // Other stories first, then the article's own story: two rankings, one after the
            // other, each asked for as much as the page can reach.
            const Xapian::Query story_term(story.empty() ? schema::id_term(id) : schema::story_term(story));
            const std::size_t reach = options.offset + options.limit;
            const Xapian::Query others_query(Xapian::Query::OP_AND_NOT, like, story_term);
            const Xapian::Query same_query(Xapian::Query::OP_FILTER, like, story_term);
            const Xapian::MSet others = m_impl->ranked(others_query, 0, reach, options.collapse);
            // Collapsed, the article's own story is one hit too (its best copy).
            const Xapian::MSet same = m_impl->ranked(same_query, 0, reach, options.collapse);
            // Both rankings ask for the same words, so their snippets need the same stems.
            const Xapian::Stem stem = m_impl->snippet_stem_for(others_query, options);
            SearchResults results;
            results.query = id;
            std::string stems;
            const std::size_t prefix = schema::word_term_prefix().size();
            for (auto term = words.get_unique_terms_begin(); term != words.get_unique_terms_end(); ++term) {
                stems += (stems.empty() ? "" : " ") + (*term).substr(prefix);
            }
            results.explanation = {"like: the words that say most about " + id + " (BM25, other stories first): " + stems};
            // Collapsed, each ranking counts stories as a search does: Xapian's own bounds for a
            // collapsed match can exceed the articles matched.
            const auto total = [&](const Xapian::MSet& mset) {
                return options.collapse ? collapsed_total(mset, kExactTotalUpTo, db.get_doccount()) : total_of(mset);
            };
            const MatchTotal others_total = total(others), same_total = total(same);
            results.total = {others_total.estimated + same_total.estimated, others_total.lower + same_total.lower,
                             others_total.upper + same_total.upper};
            std::size_t rank = 0;
            for (const Xapian::MSet* mset : {&others, &same}) {
                for (auto it = mset->begin(); it != mset->end(); ++it, ++rank) {
                    if (rank < options.offset || rank >= reach) continue;
                    SearchHit hit = detail::hit_from(it, *mset, stem, options);
                    hit.rank = rank + 1;
                    results.hits.push_back(std::move(hit));
                }
            }
            if (options.collapse) {
                m_impl->count_copies_in_time(like, results);
                results.cut_short = m_impl->deadline_passed;
            }
            return results;
        });
    });
}

SortOrder parse_sort_order(const std::string& name) {
    if (name == "relevance") return SortOrder::Relevance;
    if (name == "newest") return SortOrder::Newest;
    if (name == "oldest") return SortOrder::Oldest;
    throw InvalidArgument("unknown sort order '" + name + "' (valid: relevance, newest, oldest)");
}


}  // namespace rasd

#include "query_path_profile.hpp"

#include "bm25_parameters.hpp"

#include "archive/schema.hpp"
#include "archive/xapian_analysis.hpp"
#include "cli/hit_output.hpp"
#include "cli/search_json.hpp"
#include "searcher/alias_expansion.hpp"
#include "searcher/passage_ranking.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/query_syntax.hpp"
#include "searcher/search_hit.hpp"
#include "searcher/source_names.hpp"

#include <rasd/error.hpp>

#include <xapian.h>

#include <chrono>
#include <ctime>
#include <optional>

namespace rasd::bench::query_path {
namespace {

constexpr std::size_t kPage = 10;

// What one step gives back: the ids and scores of its hits (empty for Build), and a byte count
// that keeps the compiler from dropping the work.
struct Answer {
    std::vector<std::string> ids;
    std::vector<double> scores;
    std::vector<std::string> snippets;
    std::size_t bytes = 0;
};

// Which stemmer the snippets step gives MSet::snippet: the library's (the words that cannot
// match the query are not stemmed) or one that stems every word, to check the library's against.
enum class SnippetStemmer { AsLibrary, EveryWord };

// The steps of the query path over one archive, in the shapes the library uses.
class Steps {
public:
    explicit Steps(const std::string& db)
        : m_database(db),
          m_analyzer(detail::analyzer_of_signature(m_database.get_metadata(schema::kAnalyzerKey), db)),
          m_stem(detail::make_xapian_stem(m_analyzer, detail::kSnippetStemMemoWords)),
          m_aliases(detail::make_alias_expander(m_database.get_metadata(schema::kAliasesKey), db, *m_analyzer)),
          m_searcher(db) {}

    detail::BuiltQuery build(const std::string& text) {
        const detail::ArchiveSourceCatalog sources(m_database);
        return detail::build_query(detail::parse_query_syntax(text), {}, *m_analyzer, detail::Gazetteer::builtin(),
                                   detail::TopicTaxonomy::builtin(), &sources, &m_aliases);
    }

    // The matching steps, each with the features of the steps before it.
    Answer match(const detail::BuiltQuery& query, Step step, SnippetStemmer stemmer = SnippetStemmer::AsLibrary) {
        const ranking::Bm25 bm25 = ranking::library_bm25();
        Xapian::Enquire enquire(m_database);
        // As the library asks it: a phrase's words (a multi-word alias name is one) weigh nothing
        // more, but the snippets see them.
        enquire.set_query(detail::with_phrase_words_for_snippets(query.combined()));
        enquire.set_weighting_scheme(Xapian::BM25Weight(bm25.k1, bm25.k2, bm25.k3, bm25.b, bm25.min_normlen));
        if (step >= Step::TieById) enquire.set_sort_by_relevance_then_value(schema::kIdSlot, false);
        const Xapian::doccount check_at_least = step >= Step::ExactTotal ? static_cast<Xapian::doccount>(kExactTotalUpTo) : 0;
        const Xapian::MSet mset = enquire.get_mset(0, kPage, check_at_least);
        const detail::PassageRanking passage =
            step >= Step::Passage ? detail::rank_by_passage(m_database, mset, query.text) : detail::PassageRanking{};
        Answer answer;
        answer.bytes = mset.get_matches_estimated();
        const SearchOptions options;
        const Xapian::Stem stem = stemmer == SnippetStemmer::AsLibrary
                                      ? detail::snippet_stem_for(m_stem, *m_analyzer, query.combined())
                                      : m_stem;
        for (Xapian::doccount i = 0; i < mset.size(); ++i) {
            const Xapian::MSetIterator it = mset[i < passage.order.size() ? passage.order[i] : i];
            answer.scores.push_back(i < passage.scores.size() ? passage.scores[i] : it.get_weight());
            if (step < Step::StoredData) {
                answer.bytes += *it;
                continue;
            }
            detail::StoredHit stored = detail::stored_hit(it.get_document().get_data());
            answer.ids.push_back(stored.hit.id);
            answer.bytes += stored.body.size();
            if (step >= Step::Snippets) {
                answer.snippets.push_back(detail::hit_snippet(mset, stored.body, stem, options));
                answer.bytes += answer.snippets.back().size();
            }
        }
        return answer;
    }

    // The library's steps; `results` keeps the answer of Step::Library for the checks.
    Answer library(const std::string& text, Step step, std::optional<SearchResults>& results) {
        SearchOptions options;
        options.limit = kPage;
        if (step == Step::LibraryExact) options.exact_total = true;
        if (step == Step::LibraryNoSnippets) options.snippets = false;
        if (step == Step::LibraryFacets) options.facets = true;
        SearchResults r = m_searcher.search(text, options);
        Answer answer;
        for (const SearchHit& hit : r.hits) {
            answer.ids.push_back(hit.id);
            answer.scores.push_back(hit.score);
            if (options.snippets) answer.snippets.push_back(hit.snippet);
            answer.bytes += hit.snippet.size();
        }
        if (step == Step::LibraryJson) {
            cli::SearchRequest request;
            answer.bytes += cli::json_text(cli::results_json(r, request)).size();
        }
        if (step == Step::Library) results = std::move(r);
        return answer;
    }

private:
    Xapian::Database m_database;
    std::shared_ptr<Analyzer> m_analyzer;
    Xapian::Stem m_stem;
    detail::AliasExpander m_aliases;
    Searcher m_searcher;
};

double elapsed_ms(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - since).count();
}

// The CPU time of the calling thread, in milliseconds.
double thread_cpu_ms() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

// "" if the library's answer holds the reference's ids, in order, with its scores (and its snippets,
// when it has any); else what differs.
std::string difference(const Answer& reference, const Answer& library) {
    if (reference.ids != library.ids) return "ids or order differ";
    if (!library.snippets.empty() && library.snippets != reference.snippets) return "snippets differ";
    for (std::size_t i = 0; i < reference.scores.size(); ++i) {
        if (reference.scores[i] != library.scores[i]) return "score of rank " + std::to_string(i + 1) + " differs";
    }
    return "";
}

}  // namespace

std::string step_name(Step step) {
    switch (step) {
        case Step::Build: return "parse and build the query";
        case Step::Match: return "matching alone (Enquire, library BM25, top 10, estimated total)";
        case Step::TieById: return "+ ties broken by article id";
        case Step::ExactTotal: return "+ exact totals up to 1,000 matches";
        case Step::Passage: return "+ best 10 re-ranked by passage";
        case Step::StoredData: return "+ stored data parsed into hits";
        case Step::Snippets: return "+ snippets";
        case Step::Library: return "Searcher::search, default options";
        case Step::LibraryExact: return "Searcher::search, exact_total";
        case Step::LibraryNoSnippets: return "Searcher::search, snippets off (as a TREC run)";
        case Step::LibraryFacets: return "Searcher::search, facets";
        case Step::LibraryJson: return "Searcher::search + JSON document";
    }
    return "";
}

Profile run_profile(const std::string& db, const known_item::Task& task) {
    Steps steps(db);
    Profile profile;
    profile.ms.assign(kStepCount, std::vector<double>(task.queries.size(), 0.0));
    profile.cpu_ms = profile.ms;
    profile.ranks.assign(task.queries.size(), 0);
    std::size_t sink = 0;
    for (int pass = 0; pass < 2; ++pass) {  // pass 0: warm-up, untimed
        const bool timed = pass == 1;
        for (std::size_t q = 0; q < task.queries.size(); ++q) {
            const known_item::Query& query = task.queries[q];
            std::optional<detail::BuiltQuery> built;
            std::optional<SearchResults> results;
            Answer reference;
            for (std::size_t s = 0; s < kStepCount; ++s) {
                const Step step = kSteps[s];
                const double cpu0 = thread_cpu_ms();
                const auto t0 = std::chrono::steady_clock::now();
                Answer answer;
                try {
                    if (step == Step::Build) {
                        built = steps.build(query.text);
                    } else if (step < Step::Library) {
                        if (built && (built->has_text() || built->has_filters())) answer = steps.match(*built, step);
                    } else {
                        answer = steps.library(query.text, step, results);
                    }
                } catch (const InvalidArgument&) {
                    if (timed && step == Step::Library) ++profile.refused;
                }
                const double ms = elapsed_ms(t0);
                const double cpu_ms = thread_cpu_ms() - cpu0;
                sink += answer.bytes;
                // Once per query, untimed: the library's snippets are those of a stemmer that
                // stems every word.
                if (!timed && step == Step::Snippets && built && built->has_text() &&
                    steps.match(*built, step, SnippetStemmer::EveryWord).snippets != answer.snippets &&
                    profile.snippets_differing++ == 0) {
                    profile.first_snippet_difference = query.qid;
                }
                if (!timed) continue;
                profile.ms[s][q] = ms;
                profile.cpu_ms[s][q] = cpu_ms;
                if (step == Step::Snippets) reference = std::move(answer);
                if (step == Step::Library || step == Step::LibraryExact || step == Step::LibraryNoSnippets ||
                    step == Step::LibraryFacets) {
                    const std::string why = difference(reference, answer);
                    if (!why.empty() && profile.mismatched++ == 0) {
                        profile.first_mismatch = step_name(step) + ", query " + query.qid + ": " + why;
                    }
                }
            }
            if (!timed || !results) continue;
            if (results->total.estimated < kSuggestBelow) ++profile.suggested;
            for (const SearchHit& hit : results->hits) {
                if (hit.id == query.target) {
                    profile.ranks[q] = static_cast<int>(hit.rank);
                    break;
                }
            }
        }
    }
    if (sink == 0) profile.refused = task.queries.size();  // nothing was read: every query refused
    return profile;
}

}  // namespace rasd::bench::query_path

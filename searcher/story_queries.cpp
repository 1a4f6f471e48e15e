#include "story_queries.hpp"

#include "archive/schema.hpp"
#include "archive/stored_article.hpp"
#include "archive/term_codec.hpp"

#include <algorithm>

namespace rasd::detail {
namespace {

// Word terms ("Z" + stem) but not their title-only copies ("ZS" + stem), which would count
// every title word twice.
class WordTermsOnly : public Xapian::ExpandDecider {
public:
    bool operator()(const std::string& term) const override {
        return !term.empty() && term.starts_with(schema::word_term_prefix()) &&
               !term.starts_with(schema::word_term_prefix(schema::WordField::Title));
    }
};

}  // namespace

void OnePerStorySpy::operator()(const Xapian::Document& document, double weight) {
    std::string story = m_story_slot.value_of(document);
    if (!story.empty() && !m_seen.insert(std::move(story)).second) return;
    ++m_passed;
    m_spy(document, weight);
}

std::size_t count_copies(const Xapian::Database& database, const Xapian::Query& query, std::vector<SearchHit>& hits,
                         const std::function<std::string(const std::string&)>& source_label,
                         const std::function<bool()>& out_of_time) {
    std::size_t not_counted = 0;
    for (SearchHit& hit : hits) {
        // Most stories are one article: its term's frequency says so without a match.
        if (hit.story.empty() || database.get_termfreq(schema::story_term(hit.story)) < 2) continue;
        if (not_counted > 0 || out_of_time()) {
            hit.copies = 0;
            hit.copy_sources.clear();
            hit.copies_counted = false;
            ++not_counted;
            continue;
        }
        // The query's matches within the story, the hit left out: a boolean filter on a short
        // posting list, so the match skips through the query's lists cheaply.
        const Xapian::Query copies(Xapian::Query::OP_AND_NOT,
                                   Xapian::Query(Xapian::Query::OP_FILTER, query,
                                                 Xapian::Query(schema::story_term(hit.story))),
                                   Xapian::Query(schema::id_term(hit.id)));
        Xapian::Enquire enquire(database);
        enquire.set_query(copies);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        const Xapian::MSet mset = enquire.get_mset(0, kListedCopySources, database.get_doccount());
        hit.copies = mset.get_matches_estimated();
        hit.copy_sources.clear();
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            // The value, not the stored article: parsing each copy's stored data (its body with
            // it) was most of a collapsed query's copy count (bench/RESULTS.md, "Stories").
            const std::string folded = schema::source_of_value(it.get_document().get_value(schema::kSourceSlot));
            if (folded.empty()) continue;  // an article without a source names none
            const std::string source = source_label(folded);
            if (std::find(hit.copy_sources.begin(), hit.copy_sources.end(), source) == hit.copy_sources.end()) {
                hit.copy_sources.push_back(source);
            }
        }
    }
    return not_counted;
}

std::optional<Xapian::docid> article_docid(const Xapian::Database& database, const std::string& id) {
    const std::string term = schema::id_term(id);
    const Xapian::PostingIterator it = database.postlist_begin(term);
    if (it == database.postlist_end(term)) return std::nullopt;
    return *it;
}

std::string story_named_by(const Xapian::Database& database, const std::string& id) {
    if (database.term_exists(schema::story_term(id))) return id;
    if (const std::optional<Xapian::docid> docid = article_docid(database, id)) {
        return schema::story_of_value(database.get_document(*docid).get_value(schema::kStorySlot));
    }
    return {};
}

Xapian::Query more_like_this(const Xapian::Database& database, Xapian::docid docid) {
    Xapian::Enquire enquire(database);
    Xapian::RSet relevant;
    relevant.add_document(docid);
    const WordTermsOnly words;
    const Xapian::ESet terms = enquire.get_eset(static_cast<Xapian::termcount>(kLikeTerms), relevant, &words);
    std::vector<std::string> chosen(terms.begin(), terms.end());
    return Xapian::Query(Xapian::Query::OP_OR, chosen.begin(), chosen.end());
}

StoryCounts count_stories(const Xapian::Database& database, std::size_t top) {
    StoryCounts counts;
    const std::string prefix = schema::kStoryPrefix;
    for (auto it = database.allterms_begin(prefix); it != database.allterms_end(prefix); ++it) {
        const std::size_t articles = it.get_termfreq();
        ++counts.stories;
        counts.articles += articles;
        if (articles > 1) ++counts.with_copies;
        counts.largest.push_back({schema::story_of_term(*it), "", "", articles});
        // Keep the list short as it grows: the largest, ties in story id order (as listed).
        if (counts.largest.size() > 4 * top + 64) {
            std::stable_sort(counts.largest.begin(), counts.largest.end(),
                             [](const StorySize& a, const StorySize& b) { return a.articles > b.articles; });
            counts.largest.resize(top);
        }
    }
    std::stable_sort(counts.largest.begin(), counts.largest.end(),
                     [](const StorySize& a, const StorySize& b) { return a.articles > b.articles; });
    if (counts.largest.size() > top) counts.largest.resize(top);
    for (StorySize& story : counts.largest) {
        // The earliest article by date (then id): the date-id slot's order.
        Xapian::Enquire enquire(database);
        enquire.set_query(Xapian::Query(schema::story_term(story.story)));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_sort_by_value(schema::kDateIdSlot, false);
        const Xapian::MSet first = enquire.get_mset(0, 1);
        if (first.empty()) continue;
        const schema::StoredArticle article = schema::StoredArticle::from_data(first.begin().get_document().get_data());
        story.title = article.title;
        story.source = article.source;
    }
    return counts;
}

}  // namespace rasd::detail

#include "watch_matching.hpp"

#include "archive/schema.hpp"
#include "archive/term_codec.hpp"

namespace rasd::detail {

Xapian::Query sequence_range_filter(std::uint64_t after, std::uint64_t upto) {
    if (upto - after <= kMaxSequenceTerms) {
        std::vector<Xapian::Query> terms;
        for (std::uint64_t sequence = after + 1; sequence <= upto; ++sequence) {
            terms.emplace_back(schema::sequence_term(sequence));
        }
        return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
    }
    return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kSequenceSlot, schema::sequence_value(after + 1),
                         schema::sequence_value(upto));
}

std::vector<NewMatch> match_new_articles(const Xapian::Database& database, const Xapian::Query& query,
                                         std::uint64_t after, std::uint64_t upto, const Xapian::Stem& stem,
                                         const SearchOptions& options, StoredHits& read) {
    Xapian::Enquire enquire(database);
    enquire.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, with_phrase_words_for_snippets(query), sequence_range_filter(after, upto)));
    // Every match, not a page: a batch is small next to the archive, and an alert is never dropped.
    const Xapian::MSet mset = enquire.get_mset(0, database.get_doccount());
    std::vector<NewMatch> matches;
    matches.reserve(mset.size());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const Xapian::Document document = it.get_document();
        auto known = read.find(*it);
        if (known == read.end()) known = read.emplace(*it, stored_hit(document.get_data())).first;
        NewMatch match{schema::sequence_of_value(document.get_value(schema::kSequenceSlot)), known->second.hit};
        match.hit.story = schema::story_of_value(document.get_value(schema::kStorySlot));
        match.hit.snippet = hit_snippet(mset, known->second.body, stem, options);
        matches.push_back(std::move(match));
    }
    return matches;
}

std::size_t other_articles_of_story(const std::vector<Xapian::Database>& databases, const std::string& story) {
    if (story.empty()) return 0;
    const std::string term = schema::story_term(story);
    Xapian::doccount articles = 0;
    for (const Xapian::Database& database : databases) articles += database.get_termfreq(term);
    return articles > 0 ? articles - 1 : 0;
}

}  // namespace rasd::detail

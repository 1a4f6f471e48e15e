#include "search_hit.hpp"

#include "archive/schema.hpp"
#include "archive/stored_article.hpp"
#include "archive/term_codec.hpp"
#include "util/control_characters.hpp"
#include "util/utf8.hpp"

#include <string_view>

namespace rasd::detail {
namespace {

// Neither SNIPPET_BACKGROUND_MODEL nor SNIPPET_EXHAUSTIVE (see hit_from()). Without a match
// Xapian would return its best passage anyway, which is then the body's last sentence: empty
// instead, and the hit shows its lede.
constexpr unsigned kSnippetFlags = Xapian::MSet::SNIPPET_EMPTY_WITHOUT_MATCH;

// The opening of `body`, at most `length` bytes cut after a whole word, with "…" when cut: the
// snippet of a hit no body word matched. Written as Xapian writes snippets (&, < and > as HTML
// entities) so that every snippet reads the same way.
std::string lede(std::string_view body, std::size_t length) {
    constexpr std::string_view kSpaces = " \t\n\r";
    const std::size_t first = body.find_first_not_of(kSpaces);
    std::string_view text = first == std::string_view::npos ? std::string_view() : body.substr(first);
    const bool cut = text.size() > length;
    if (cut) {
        text = utf8_prefix(text, length);
        const std::size_t space = text.find_last_of(kSpaces);
        if (space != std::string_view::npos && space > 0) text = text.substr(0, space);
    }
    std::string out;
    out.reserve(text.size() + 8);
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out += c;
        }
    }
    if (cut) out += "…";
    return out;
}

}  // namespace

StoredHit stored_hit(const std::string& document_data, bool with_body) {
    const schema::StoredArticle article = schema::StoredArticle::from_data(document_data);
    StoredHit stored;
    SearchHit& hit = stored.hit;
    hit.id = article.id;
    hit.title = article.title;
    hit.date = article.date;
    hit.place = article.place;
    hit.place_id = article.place_id;
    for (const schema::StoredPlace& place : article.places) hit.places.push_back({place.id, place.name, place.evidence});
    hit.topic = article.topic;
    hit.topic_label = article.topic_label;
    hit.source = article.source;
    hit.url = article.url;
    // Control characters are written visibly before the passage is chosen, so that the snippet
    // holds none but what highlight_start and highlight_end bring (a terminal's bold).
    if (with_body) stored.body = escape_control_characters(article.body, LineBreaks::Keep);
    return stored;
}

std::string hit_snippet(const Xapian::MSet& mset, const std::string& body, const Xapian::Stem& stem,
                        const SearchOptions& options) {
    // Passages are chosen by the query's own terms only: the background model (a frequency lookup
    // for every other word) and the exhaustive scan made a page of 10 hits cost 5.0 instead of
    // 1.55 ms (p50, single words, 20,000 ANT articles; bench_latency) for about the same
    // highlights (1.22 vs 1.14 per snippet over the corpus queries).
    std::string snippet = mset.snippet(body, options.snippet_length, stem, kSnippetFlags, options.highlight_start,
                                       options.highlight_end, "…");
    if (snippet.empty()) snippet = lede(body, options.snippet_length);
    return snippet;
}

SearchHit hit_from(const Xapian::MSetIterator& it, const Xapian::MSet& mset, const Xapian::Stem& stem,
                   const SearchOptions& options) {
    const Xapian::Document document = it.get_document();
    StoredHit stored = stored_hit(document.get_data(), options.snippets);
    stored.hit.story = schema::story_of_value(document.get_value(schema::kStorySlot));
    stored.hit.rank = it.get_rank() + 1;
    stored.hit.score = it.get_weight();
    if (options.snippets) stored.hit.snippet = hit_snippet(mset, stored.body, stem, options);
    return std::move(stored.hit);
}

namespace {

void collect_phrase_terms(const Xapian::Query& query, std::vector<std::string>& terms) {
    const Xapian::Query::op type = query.get_type();
    if (type == Xapian::Query::OP_PHRASE || type == Xapian::Query::OP_NEAR) {
        for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) terms.push_back(*it);
        return;
    }
    for (std::size_t i = 0; i < query.get_num_subqueries(); ++i) collect_phrase_terms(query.get_subquery(i), terms);
}

}  // namespace

Xapian::Query with_phrase_words_for_snippets(const Xapian::Query& query) {
    std::vector<std::string> terms;
    collect_phrase_terms(query, terms);
    if (terms.empty()) return query;
    const Xapian::Query words(Xapian::Query::OP_OR, terms.begin(), terms.end());
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, query, Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, words, 0.0));
}

}  // namespace rasd::detail

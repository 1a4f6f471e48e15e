#include "xapian_query_baseline.hpp"

#include "archive/stored_article.hpp"
#include "archive/term_codec.hpp"

#include "archive/schema.hpp"

#include <nlohmann/json.hpp>

namespace rasd::bench::latency {

XapianQueryBaseline::XapianQueryBaseline(const std::string& path) : m_db(path), m_doccount(m_db.get_doccount()) {
    m_parser.set_stemmer(m_stem);
    m_parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME_FULL_POS);
}

XapianQueryBaseline::Outcome XapianQueryBaseline::run(const BenchQuery& q, bool facets, bool snippets) {
    Xapian::Enquire enquire(m_db);
    if (q.free_text.empty()) {  // filters only: the same list as rasd's, newest first
        enquire.set_query(q.filter);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_sort_by_value(rasd::schema::kDateSlot, true);
    } else {
        Xapian::Query query = m_parser.parse_query(q.free_text);
        if (!q.filter.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, q.filter);
        enquire.set_query(query);
    }
    using namespace rasd::schema;
    Xapian::ValueCountMatchSpy topic(kTopicSlot), country(kCountrySlot), city(kCitySlot), year(kYearSlot), month(kMonthSlot);
    if (facets) {
        for (auto* spy : {&topic, &country, &city, &year, &month}) enquire.add_matchspy(spy);
    }
    // Facets count the whole match set, as rasd's do.
    const Xapian::MSet mset = enquire.get_mset(0, kPageSize, facets ? m_doccount : 0);
    Outcome out;
    out.matches = mset.get_matches_estimated();
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        const std::string data = it.get_document().get_data();
        out.sink += data.size();
        if (snippets) {
            const std::string body = rasd::schema::StoredArticle::from_data(data).body;
            out.sink += mset.snippet(body, kSnippetBytes, m_stem,
                                     Xapian::MSet::SNIPPET_BACKGROUND_MODEL | Xapian::MSet::SNIPPET_EXHAUSTIVE, "[", "]", "…")
                            .size();
        }
    }
    if (facets) {
        const auto top = static_cast<Xapian::termcount>(kFacetLimit);
        for (auto* spy : {&topic, &country, &city}) {
            for (auto it = spy->top_values_begin(top); it != spy->top_values_end(top); ++it) out.sink += it.get_termfreq();
        }
        for (auto* spy : {&year, &month}) {
            for (auto it = spy->values_begin(); it != spy->values_end(); ++it) out.sink += it.get_termfreq();
        }
    }
    return out;
}

Xapian::doccount XapianQueryBaseline::exact_count(const Xapian::Query& filter) {
    Xapian::Enquire enquire(m_db);
    enquire.set_query(filter);
    const Xapian::MSet mset = enquire.get_mset(0, 0, m_doccount);
    return mset.get_matches_estimated();
}

}  // namespace rasd::bench::latency

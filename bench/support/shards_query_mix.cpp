#include "shards_query_mix.hpp"

#include "bench_main.hpp"
#include "query_words.hpp"
#include "seeded_draws.hpp"
#include "term_values.hpp"

#include "archive/schema.hpp"

#include <rasd/analyzer_factory.hpp>
#include <rasd/searcher.hpp>

#include <xapian.h>

#include <random>
#include <stdexcept>
#include <utility>

namespace rasd::bench::shards {

namespace {

constexpr std::size_t kMinHeadlineWords = 2, kMaxHeadlineWords = 5;
constexpr std::size_t kMinFacetWords = 2, kMaxFacetWords = 3;  // fragments of the facet class
constexpr std::size_t kMinWordLetters = 3;  // a single-word query is no clitic or particle
constexpr std::size_t kMaxDrawAttempts = 100000;
constexpr std::size_t kYearLength = 4;  // YYYY

// Values of one kind of boolean term in a database, in term order.
std::vector<std::string> term_values(const Xapian::Database& db, const std::string& prefix) {
    std::vector<std::string> out;
    for (const auto& [value, docs] : prefixed_values(db, prefix)) {
        if (!value.empty()) out.push_back(value);
    }
    return out;
}

enum class FilterKind { Topic, Place, TopicYear, Year };

// The kinds of filter the archive has values for (an archive may lack places, e.g. JawharaFM's
// articles alone: no place field, no dateline rasd knows).
std::vector<FilterKind> filter_kinds(const FilterValues& values) {
    std::vector<FilterKind> kinds;
    if (!values.topics.empty()) kinds.push_back(FilterKind::Topic);
    if (!values.places.empty()) kinds.push_back(FilterKind::Place);
    if (!values.topics.empty() && !values.years.empty()) kinds.push_back(FilterKind::TopicYear);
    if (values.topics.empty() && !values.years.empty()) kinds.push_back(FilterKind::Year);
    return kinds;
}

std::string filter_query(FilterKind kind, const FilterValues& values, std::mt19937& rng) {
    switch (kind) {
        case FilterKind::Topic: return "topic:" + pick(values.topics, rng);
        case FilterKind::Place: return "place:\"" + pick(values.places, rng) + "\"";
        case FilterKind::TopicYear: {
            // The year is drawn first: the order the published mixes were drawn in (GCC's
            // order for two draws in one expression), now independent of the compiler.
            const std::string year = pick(values.years, rng);
            return "topic:" + pick(values.topics, rng) + " date:" + year;
        }
        case FilterKind::Year: return "date:" + pick(values.years, rng);
    }
    return {};
}

}  // namespace

const char* class_name(QueryClass c) {
    switch (c) {
        case QueryClass::Word: return "word";
        case QueryClass::Headline: return "headline";
        case QueryClass::Filter: return "filter";
        case QueryClass::TextFacets: return "text+facets";
    }
    return "?";
}

FilterValues filter_values(const std::filesystem::path& archive) {
    FilterValues v;
    const Xapian::Database db(archive.string());
    v.topics = term_values(db, rasd::schema::kTopicPrefix);
    for (const std::string& y : term_values(db, rasd::schema::kYearPrefix)) {
        if (y.size() == kYearLength) v.years.push_back(y);  // Y + YYYY
    }
    rasd::Searcher searcher(archive.string());
    for (const rasd::TermCount& place : searcher.stats(kFilterPlaceChoices).top_places) {
        if (!place.label.empty() && place.label != place.value) v.places.push_back(place.label);
    }
    return v;
}

std::vector<BenchQuery> make_mix(const std::vector<rasd::Article>& articles, const FilterValues& values, std::size_t total) {
    const std::vector<FilterKind> kinds = filter_kinds(values);
    check(!kinds.empty(), "the archive has topics, places or years to filter on");
    std::mt19937 rng(kSeed);
    rasd::Analyzer analyzer = rasd::make_analyzer(rasd::StemmerKind::Light);
    std::vector<BenchQuery> mix;
    for (std::size_t c = 0; c < kAllClasses.size(); ++c) {
        const QueryClass cls = kAllClasses[c];
        const std::size_t count = total / kAllClasses.size() + (c < total % kAllClasses.size() ? 1 : 0);
        for (std::size_t q = 0; q < count; ++q) {
            BenchQuery bq{cls, "", cls == QueryClass::TextFacets};
            for (std::size_t attempt = 0; bq.text.empty(); ++attempt) {
                if (attempt == kMaxDrawAttempts) throw std::runtime_error(std::string("cannot draw ") + class_name(cls) + " queries");
                const std::string& title = pick(articles, rng).title;
                switch (cls) {
                    case QueryClass::Word: bq.text = content_word(analyzer, title, kMinWordLetters, rng); break;
                    case QueryClass::Headline:
                        bq.text = fragment(analyzer, title, kMinHeadlineWords, kMaxHeadlineWords, rng);
                        break;
                    case QueryClass::Filter: bq.text = filter_query(kinds[q % kinds.size()], values, rng); break;
                    case QueryClass::TextFacets:  // half single words, half short fragments
                        bq.text = q % 2 == 0 ? content_word(analyzer, title, kMinWordLetters, rng)
                                             : fragment(analyzer, title, kMinFacetWords, kMaxFacetWords, rng);
                        break;
                }
            }
            mix.push_back(std::move(bq));
        }
    }
    return mix;
}

}  // namespace rasd::bench::shards

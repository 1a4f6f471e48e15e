#include "latency_query_mix.hpp"

#include "archive/stored_article.hpp"
#include "archive/term_codec.hpp"

#include "article_copies.hpp"
#include "bench_main.hpp"
#include "query_words.hpp"
#include "seeded_draws.hpp"
#include "term_values.hpp"
#include "xapian_filters.hpp"

#include "archive/schema.hpp"

#include <rasd/analyzer_factory.hpp>

#include <algorithm>
#include <random>
#include <stdexcept>
#include <utility>

namespace rasd::bench::latency {

namespace {

constexpr std::size_t kMinHeadlineWords = 2, kMaxHeadlineWords = 5;
constexpr std::size_t kMinPhraseWords = 2, kMaxPhraseWords = 3;
constexpr std::size_t kMinComboWords = 2, kMaxComboWords = 3;  // text of text+filter fragments
constexpr std::size_t kMinWordLetters = 3;       // a single-word query is no clitic or particle
constexpr std::size_t kFilterPlaceChoices = 40;  // filters use the most frequent places
constexpr std::size_t kMaxMonthSpan = 6;         // date ranges of 1 to 6 months
constexpr std::size_t kMaxDrawAttempts = 100000;
constexpr std::size_t kYearTermLength = 1 + 4;   // Y + YYYY (the year prefix also starts others)

// Filter values as the database has them.
struct FilterValues {
    std::vector<std::string> topics;  // every topic id
    std::vector<std::string> places;  // the kFilterPlaceChoices most frequent place ids
    std::vector<std::string> months;  // "YYYYMM", ascending
    std::vector<std::string> years;   // "YYYY", ascending
};

FilterValues filter_values(const Xapian::Database& db) {
    FilterValues v;
    for (const auto& [t, n] : prefixed_values(db, rasd::schema::kTopicPrefix)) v.topics.push_back(t);
    auto places = prefixed_values(db, rasd::schema::kPlacePrefix);
    std::stable_sort(places.begin(), places.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    for (std::size_t i = 0; i < places.size() && i < kFilterPlaceChoices; ++i) v.places.push_back(places[i].first);
    for (const auto& [m, n] : prefixed_values(db, rasd::schema::kMonthPrefix)) {
        if (m.size() == 6) v.months.push_back(m);
    }
    for (const auto& [y, n] : prefixed_values(db, rasd::schema::kYearPrefix)) {
        if (y.size() == 4) v.years.push_back(y);
    }
    return v;
}

// Filters on the topic, each place level and the year copy 0 of `id` was indexed with.
std::vector<Filter> own_filters(const Xapian::Database& db, const std::string& id) {
    std::vector<Filter> own;
    const std::string idterm = rasd::schema::id_term(copy_id(id, 0));
    const auto post = db.postlist_begin(idterm);
    if (post == db.postlist_end(idterm)) return own;
    const Xapian::Document doc = db.get_document(*post);
    const std::string topic = rasd::schema::kTopicPrefix, place = rasd::schema::kPlacePrefix, year = rasd::schema::kYearPrefix;
    for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
        const std::string& t = *it;
        if (t.rfind(topic, 0) == 0) own.push_back(topic_filter(value_of_term(t, topic)));
        else if (t.rfind(place, 0) == 0) own.push_back(place_filter(value_of_term(t, place)));
        else if (t.size() == kYearTermLength && t.rfind(year, 0) == 0) own.push_back(year_filter(value_of_term(t, year)));
    }
    return own;
}

// A filters-only query: topic, place, a month range, or topic within a year, by `turn`.
Filter filter_only(std::size_t turn, const FilterValues& values, std::mt19937& rng) {
    switch (turn % 4) {
        case 0: return topic_filter(pick(values.topics, rng));
        case 1: return place_filter(pick(values.places, rng));
        case 2: {
            const std::size_t first = uniform_below(rng, static_cast<std::uint32_t>(values.months.size()));
            const std::size_t last = std::min(values.months.size() - 1, first + uniform_in(rng, 0, kMaxMonthSpan - 1));
            return month_filter(values.months[first], values.months[last]);
        }
        default: {
            // The year is drawn first: the order the published mixes were drawn in (GCC's order
            // for two draws in one call), now independent of the compiler.
            const Filter year = year_filter(pick(values.years, rng));
            return both(topic_filter(pick(values.topics, rng)), year);
        }
    }
}

}  // namespace

const char* shape_name(Shape s) {
    switch (s) {
        case Shape::Word: return "word";
        case Shape::Headline: return "headline";
        case Shape::Phrase: return "phrase";
        case Shape::TextFilter: return "text+filter";
        case Shape::Filter: return "filter";
    }
    return "?";
}

std::string class_name(Shape s, bool facets) { return std::string(shape_name(s)) + (facets ? "+facets" : ""); }

std::size_t class_index(Shape s, bool facets) { return static_cast<std::size_t>(s) * 2 + (facets ? 1 : 0); }

std::vector<BenchQuery> make_mix(const std::vector<rasd::Article>& indexed, const Xapian::Database& db, std::size_t total,
                                 std::uint32_t seed) {
    std::mt19937 rng(seed);
    rasd::Analyzer analyzer = rasd::make_analyzer(rasd::StemmerKind::Light);
    const FilterValues values = filter_values(db);
    check(!values.topics.empty() && !values.places.empty() && !values.months.empty() && !values.years.empty(),
          "the database has topics, places and dates to filter on");
    std::vector<BenchQuery> mix;
    auto any_article = [&] { return uniform_below(rng, static_cast<std::uint32_t>(indexed.size())); };
    for (std::size_t s = 0; s < kAllShapes.size(); ++s) {
        const Shape shape = kAllShapes[s];
        const std::size_t count = total / kAllShapes.size() + (s < total % kAllShapes.size() ? 1 : 0);
        for (std::size_t q = 0; q < count; ++q) {
            BenchQuery bq;
            bq.shape = shape;
            for (std::size_t attempt = 0; bq.rasd.empty(); ++attempt) {
                if (attempt == kMaxDrawAttempts) throw std::runtime_error(std::string("cannot draw ") + shape_name(shape) + " queries");
                bq.source = any_article();
                const rasd::Article& a = indexed[bq.source];
                switch (shape) {
                    case Shape::Word: bq.free_text = content_word(analyzer, a.title, kMinWordLetters, rng); break;
                    case Shape::Headline:
                        bq.free_text = fragment(analyzer, a.title, kMinHeadlineWords, kMaxHeadlineWords, rng);
                        break;
                    case Shape::Phrase: {
                        const std::string words = fragment(analyzer, a.body, kMinPhraseWords, kMaxPhraseWords, rng);
                        if (words.empty()) break;
                        bq.rasd = "\"" + words + "\"";
                        // The space before the closing quote matters to QueryParser: a word
                        // followed by '"' is never stemmed, and an unstemmed, unprefixed term
                        // is not in a rasd database, so the phrase would cost nothing.
                        bq.free_text = "\"" + words + " \"";
                        break;
                    }
                    case Shape::TextFilter: {
                        const std::vector<Filter> own = own_filters(db, a.id);
                        if (own.empty()) break;
                        const Filter& f = pick(own, rng);
                        // Half single words, half short headline fragments.
                        const std::string text = q % 2 == 0
                                                     ? content_word(analyzer, a.title, kMinWordLetters, rng)
                                                     : fragment(analyzer, a.title, kMinComboWords, kMaxComboWords, rng);
                        if (text.empty()) break;
                        bq.free_text = text;
                        bq.filter = f.xapian;
                        bq.rasd = text + " " + f.rasd;
                        break;
                    }
                    case Shape::Filter: {
                        const Filter f = filter_only(q, values, rng);
                        bq.filter = f.xapian;
                        bq.rasd = f.rasd;
                        break;
                    }
                }
                if (shape == Shape::Word || shape == Shape::Headline) bq.rasd = bq.free_text;
            }
            mix.push_back(std::move(bq));
        }
    }
    return mix;
}

}  // namespace rasd::bench::latency

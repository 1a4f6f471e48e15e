#include "facet_counting.hpp"

#include "archive/schema.hpp"
#include "archive/term_codec.hpp"

#include <algorithm>
#include <string_view>
#include <utility>

namespace rasd::detail {

// Reads the facet slots of each matching article once. Country slots are filled in order, so an
// article without a first country has none in the others, which are then not read.
class FacetCounter::SlotsSpy final : public Xapian::MatchSpy {
public:
    void operator()(const Xapian::Document& document, double /*weight*/) override {
        m_topic.add(document.get_value(schema::kTopicSlot));
        for (const Xapian::valueno slot : schema::kCountrySlots) {
            std::string country = document.get_value(slot);
            if (country.empty()) break;
            m_country.add(std::move(country));
        }
        m_city.add(document.get_value(schema::kCitySlot));
        m_source.add(document.get_value(schema::kSourceSlot));
        m_month.add(document.get_value(schema::kMonthSlot));
    }

    [[nodiscard]] Counts counts() const {
        return {m_topic.counts, m_country.counts, m_city.counts, m_source.counts, m_month.counts};
    }

private:
    // One facet's counts. Articles come in document id order, which is mostly the order they
    // were indexed in, so the next article often has the last one's value (its source, its
    // month): that is checked before the hash map.
    struct Tally {
        std::unordered_map<std::string, Xapian::doccount> counts;
        const std::string* last_value = nullptr;  // a key of `counts` (nodes do not move)
        Xapian::doccount* last_count = nullptr;

        void add(std::string value) {
            if (value.empty()) return;
            if (last_value && *last_value == value) {
                ++*last_count;
                return;
            }
            auto& entry = *counts.try_emplace(std::move(value), 0).first;
            ++entry.second;
            last_value = &entry.first;
            last_count = &entry.second;
        }
    };

    Tally m_topic, m_country, m_city, m_source, m_month;
};

struct FacetCounter::XapianSpies {
    Xapian::ValueCountMatchSpy topic{schema::kTopicSlot};
    // One spy per country slot: an article about three countries counts once for each.
    Xapian::ValueCountMatchSpy country{schema::kCountrySlots[0]};
    Xapian::ValueCountMatchSpy second_country{schema::kCountrySlots[1]};
    Xapian::ValueCountMatchSpy third_country{schema::kCountrySlots[2]};
    Xapian::ValueCountMatchSpy city{schema::kCitySlot};
    Xapian::ValueCountMatchSpy source{schema::kSourceSlot};
    Xapian::ValueCountMatchSpy month{schema::kMonthSlot};
};

namespace {

void add_counts(const Xapian::ValueCountMatchSpy& spy, std::unordered_map<std::string, Xapian::doccount>& counts) {
    for (auto it = spy.values_begin(); it != spy.values_end(); ++it) counts[*it] += it.get_termfreq();
}

// Values by count, most first, ties in value order; at most `limit`.
std::vector<std::pair<std::string, Xapian::doccount>> most_frequent(
    const std::unordered_map<std::string, Xapian::doccount>& counts, std::size_t limit) {
    std::vector<std::pair<std::string, Xapian::doccount>> sorted(counts.begin(), counts.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    if (sorted.size() > limit) sorted.resize(limit);
    return sorted;
}

using Decoder = schema::ValueDecoder;

std::vector<FacetValue> top_values(const std::unordered_map<std::string, Xapian::doccount>& counts,
                                   std::size_t limit, Decoder decode, const FacetLabel& label_of) {
    std::vector<FacetValue> values;
    for (const auto& [encoded, count] : most_frequent(counts, limit)) {
        const std::string value = decode(encoded);
        values.push_back({value, label_of(value), count});
    }
    return values;
}

// Every value of a date facet, in date order.
std::vector<FacetValue> dated_values(const std::unordered_map<std::string, Xapian::doccount>& counts, Decoder decode) {
    std::vector<std::pair<std::string, Xapian::doccount>> sorted(counts.begin(), counts.end());
    std::sort(sorted.begin(), sorted.end());
    std::vector<FacetValue> values;
    for (const auto& [encoded, count] : sorted) {
        const std::string value = decode(encoded);
        values.push_back({value, value, count});
    }
    return values;
}

// Year counts from "YYYY-MM" month counts (in date order, so years come out in order too).
std::vector<FacetValue> years_of(const std::vector<FacetValue>& months) {
    std::vector<FacetValue> years;
    for (const FacetValue& month : months) {
        const std::string year = month.value.substr(0, 4);
        if (years.empty() || years.back().value != year) years.push_back({year, year, 0});
        years.back().count += month.count;
    }
    return years;
}

}  // namespace

FacetCounter::FacetCounter(bool remote) {
    if (remote) {
        m_xapian = std::make_unique<XapianSpies>();
    } else {
        m_slots = std::make_unique<SlotsSpy>();
    }
}

FacetCounter::~FacetCounter() = default;

std::vector<Xapian::MatchSpy*> FacetCounter::spies() {
    if (m_slots) return {m_slots.get()};
    XapianSpies& x = *m_xapian;
    return {&x.topic, &x.country, &x.second_country, &x.third_country, &x.city, &x.source, &x.month};
}

FacetCounter::Counts FacetCounter::counts() const {
    if (m_slots) return m_slots->counts();
    const XapianSpies& x = *m_xapian;
    Counts counts;
    add_counts(x.topic, counts.topic);
    for (const Xapian::ValueCountMatchSpy* spy : {&x.country, &x.second_country, &x.third_country}) {
        add_counts(*spy, counts.country);
    }
    add_counts(x.city, counts.city);
    add_counts(x.source, counts.source);
    add_counts(x.month, counts.month);
    return counts;
}

void FacetCounter::fill(Facets& facets, std::size_t limit, const FacetLabels& labels) const {
    const Counts counted = counts();
    facets.topic = top_values(counted.topic, limit, schema::topic_of_value, labels.topic);
    facets.country = top_values(counted.country, limit, schema::country_of_value, labels.place);
    facets.city = top_values(counted.city, limit, schema::city_of_value, labels.place);
    facets.source = top_values(counted.source, limit, schema::source_of_value, labels.source);
    facets.month = dated_values(counted.month, schema::month_of_value);
    facets.year = years_of(facets.month);
}

}  // namespace rasd::detail

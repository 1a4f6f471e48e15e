#include "facet_counting.hpp"

#include "archive/schema.hpp"
#include "archive/term_codec.hpp"
#include "slot_stream.hpp"
#include "util/string_map.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rasd::detail {

// One facet's counts. Articles come in document id order, which is mostly the order they were
// indexed in, so the next article often has the last one's value (its source, its month): that
// is checked before the hash map, which is looked up without copying the value.
class FacetCounter::Tally {
public:
    Tally() = default;
    Tally(const Tally&) = delete;  // holds pointers into its own map
    Tally& operator=(const Tally&) = delete;

    void add(std::string_view value, Xapian::doccount count = 1) {
        if (value.empty()) return;
        if (m_last_value && *m_last_value == value) {
            *m_last_count += count;
            return;
        }
        auto found = m_counts.find(value);
        if (found == m_counts.end()) found = m_counts.emplace(std::string(value), 0).first;
        found->second += count;
        m_last_value = &found->first;
        m_last_count = &found->second;
    }

    [[nodiscard]] const StringMap<Xapian::doccount>& counts() const { return m_counts; }

private:
    StringMap<Xapian::doccount> m_counts;
    const std::string* m_last_value = nullptr;  // a key of m_counts (nodes do not move)
    Xapian::doccount* m_last_count = nullptr;
};

// Every facet's tally.
struct FacetCounter::Tallies {
    Tally topic, country, city, source, month;

    // The fields of one kFacetsSlot value, for `count` articles.
    void add(std::string_view facets_value, Xapian::doccount count = 1) {
        using namespace schema;
        const auto fields = facet_fields_of_value(facets_value);
        topic.add(fields[kTopicField], count);
        for (std::size_t i = 0; i < kCountrySlots.size(); ++i) country.add(fields[kFirstCountryField + i], count);
        city.add(fields[kCityField], count);
        source.add(fields[kSourceField], count);
        month.add(fields[kMonthField], count);
    }
};

// Reads each matching article's facets value from the slot's value stream (local archives).
class FacetCounter::StreamSpy final : public Xapian::MatchSpy {
public:
    explicit StreamSpy(const Xapian::Database& database) : m_facets_slot(database, schema::kFacetsSlot) {}

    void operator()(const Xapian::Document& document, double /*weight*/) override {
        m_tallies.add(m_facets_slot.value_of(document));
    }

    [[nodiscard]] const Tallies& tallies() const { return m_tallies; }

private:
    SlotStream m_facets_slot;
    Tallies m_tallies;
};

namespace {

// Values by count, most first, ties in value order; at most `limit`.
std::vector<std::pair<std::string, Xapian::doccount>> most_frequent(
    const StringMap<Xapian::doccount>& counts, std::size_t limit) {
    std::vector<std::pair<std::string, Xapian::doccount>> sorted(counts.begin(), counts.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    if (sorted.size() > limit) sorted.resize(limit);
    return sorted;
}

using Decoder = schema::ValueDecoder;

std::vector<FacetValue> top_values(const StringMap<Xapian::doccount>& counts,
                                   std::size_t limit, Decoder decode, const FacetLabel& label_of) {
    std::vector<FacetValue> values;
    for (const auto& [encoded, count] : most_frequent(counts, limit)) {
        const std::string value = decode(encoded);
        values.push_back({value, label_of(value), count});
    }
    return values;
}

// Every value of a date facet, in date order.
std::vector<FacetValue> dated_values(const StringMap<Xapian::doccount>& counts, Decoder decode) {
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

FacetCounter::FacetCounter(const Xapian::Database& database, bool remote) {
    if (remote) {
        m_remote = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kFacetsSlot);
    } else {
        m_local = std::make_unique<StreamSpy>(database);
    }
}

FacetCounter::~FacetCounter() = default;

Xapian::MatchSpy& FacetCounter::spy() {
    if (m_local) return *m_local;
    return *m_remote;
}

void FacetCounter::fill(Facets& facets, std::size_t limit, const FacetLabels& labels) const {
    Tallies from_remote;
    if (m_remote) {
        // Xapian's spy counted whole values: each is split once, for all its articles.
        for (auto it = m_remote->values_begin(); it != m_remote->values_end(); ++it) {
            from_remote.add(*it, it.get_termfreq());
        }
    }
    const Tallies& counted = m_local ? m_local->tallies() : from_remote;
    facets.topic = top_values(counted.topic.counts(), limit, schema::topic_of_value, labels.topic);
    facets.country = top_values(counted.country.counts(), limit, schema::country_of_value, labels.place);
    facets.city = top_values(counted.city.counts(), limit, schema::city_of_value, labels.place);
    facets.source = top_values(counted.source.counts(), limit, schema::source_of_value, labels.source);
    facets.month = dated_values(counted.month.counts(), schema::month_of_value);
    facets.year = years_of(facets.month);
}

}  // namespace rasd::detail

#include "facet_counting.hpp"

#include "archive/schema.hpp"
#include "archive/term_codec.hpp"
#include "slot_stream.hpp"

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>

namespace rasd::detail {

// Counts the facet values of each matching article (kFacetsSlot) as they stand, whole: articles
// share them often (copies, one source's articles of a month), and counts() splits each distinct
// one into its facets once.
class FacetCounter::ValuesSpy final : public Xapian::MatchSpy {
public:
    explicit ValuesSpy(const Xapian::Database& database) : m_facets_slot(database, schema::kFacetsSlot) {}

    void operator()(const Xapian::Document& document, double /*weight*/) override {
        std::string value = m_facets_slot.value_of(document);
        if (value.empty()) return;
        if (m_last_value && *m_last_value == value) {  // documents come in id order: often the same
            ++*m_last_count;
            return;
        }
        auto& entry = *m_counts.try_emplace(std::move(value), 0).first;
        ++entry.second;
        m_last_value = &entry.first;
        m_last_count = &entry.second;
    }

    [[nodiscard]] const ValueCounts& counts() const { return m_counts; }

private:
    SlotStream m_facets_slot;
    ValueCounts m_counts;
    const std::string* m_last_value = nullptr;  // a key of m_counts (nodes do not move)
    Xapian::doccount* m_last_count = nullptr;
};

namespace {

// Each facet's counts from the counts of whole kFacetsSlot values. An article about three
// countries counts once for each.
void split(const ValueCounts& whole, std::unordered_map<std::string, Xapian::doccount>& topic,
           std::unordered_map<std::string, Xapian::doccount>& country,
           std::unordered_map<std::string, Xapian::doccount>& city,
           std::unordered_map<std::string, Xapian::doccount>& source,
           std::unordered_map<std::string, Xapian::doccount>& month) {
    const auto add = [](std::unordered_map<std::string, Xapian::doccount>& counts, const std::string& value,
                        Xapian::doccount count) {
        if (!value.empty()) counts[value] += count;
    };
    for (const auto& [value, count] : whole) {
        const schema::FacetSlotValues facets = schema::facets_of_value(value);
        add(topic, facets.topic, count);
        for (const std::string& one : facets.countries) add(country, one, count);
        add(city, facets.city, count);
        add(source, facets.source, count);
        add(month, facets.month, count);
    }
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

FacetCounter::FacetCounter(const Xapian::Database& database, bool remote) {
    if (remote) {
        m_remote = std::make_unique<Xapian::ValueCountMatchSpy>(schema::kFacetsSlot);
    } else {
        m_local = std::make_unique<ValuesSpy>(database);
    }
}

FacetCounter::~FacetCounter() = default;

Xapian::MatchSpy& FacetCounter::spy() {
    if (m_local) return *m_local;
    return *m_remote;
}

FacetCounter::Counts FacetCounter::counts() const {
    ValueCounts whole;
    if (m_local) {
        whole = m_local->counts();
    } else {
        for (auto it = m_remote->values_begin(); it != m_remote->values_end(); ++it) whole[*it] += it.get_termfreq();
    }
    Counts counts;
    split(whole, counts.topic, counts.country, counts.city, counts.source, counts.month);
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

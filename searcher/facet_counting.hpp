#pragma once
// Facets counted over a whole match: topics, countries (three slots), cities, sources and months
// (years are summed from months). Two counters give the same counts: one spy of rasd's own that
// reads each matching article's facet slots once and tallies them in hash maps, and Xapian's
// ValueCountMatchSpy per slot, which a remote shard (xapian-tcpsrv) can run but which keeps each
// slot's counts in a tree of strings (string compares and the spies were about 30% of a query
// with facets at 500,000 articles: bench/RESULTS.md, "Query path, third pass").

#include <rasd/searcher.hpp>

#include <xapian.h>

#include <functional>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace rasd::detail {

// How a facet value is shown: its label, from the value as decoded.
using FacetLabel = std::function<std::string(const std::string&)>;

struct FacetLabels {
    FacetLabel topic, place, source;
};

class FacetCounter {
public:
    // `remote`: the match runs on remote shards too, so Xapian's own spies count.
    explicit FacetCounter(bool remote);
    ~FacetCounter();
    FacetCounter(const FacetCounter&) = delete;
    FacetCounter& operator=(const FacetCounter&) = delete;

    // The spies to run over the match (or to put behind a spy that passes some matches on).
    [[nodiscard]] std::vector<Xapian::MatchSpy*> spies();

    // The `limit` most frequent topics, countries, cities and sources (ties in value order),
    // every month and year in date order.
    void fill(Facets& facets, std::size_t limit, const FacetLabels& labels) const;

private:
    // Encoded value -> count, for each facet: what both counters give fill().
    struct Counts {
        std::unordered_map<std::string, Xapian::doccount> topic, country, city, source, month;
    };
    [[nodiscard]] Counts counts() const;

    class SlotsSpy;
    struct XapianSpies;
    std::unique_ptr<SlotsSpy> m_slots;
    std::unique_ptr<XapianSpies> m_xapian;
};

}  // namespace rasd::detail

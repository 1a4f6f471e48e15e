#pragma once
// Facets counted over a whole match: topics, countries (three slots), cities, sources and months
// (years are summed from months). Each article's facet values stand together in one value slot
// (schema::kFacetsSlot). On a local archive a spy of rasd's own reads that slot (from its value
// stream when the archive is one database) and tallies each field in its facet's hash map. Over
// remote shards (xapian-tcpsrv), which run only Xapian's own spies, a ValueCountMatchSpy counts
// the slot's whole values, and fill() splits each distinct one into its facets. Reading five to
// seven slots per article through Document::get_value was most of a query with facets at 500,000
// articles (bench/RESULTS.md, "Facets from one value slot").

#include <rasd/searcher.hpp>

#include <xapian.h>

#include <functional>
#include <memory>
#include <string>

namespace rasd::detail {

// How a facet value is shown: its label, from the value as decoded.
using FacetLabel = std::function<std::string(const std::string&)>;

struct FacetLabels {
    FacetLabel topic, place, source;
};

class FacetCounter {
public:
    // Counts matches of `database`. `remote`: the match runs on remote shards too, so Xapian's
    // own spy counts (a remote shard's values cannot be streamed from here).
    FacetCounter(const Xapian::Database& database, bool remote);
    ~FacetCounter();
    FacetCounter(const FacetCounter&) = delete;
    FacetCounter& operator=(const FacetCounter&) = delete;

    // The spy to run over the match (or to put behind a spy that passes some matches on).
    [[nodiscard]] Xapian::MatchSpy& spy();

    // The `limit` most frequent topics, countries, cities and sources (ties in value order),
    // every month and year in date order.
    void fill(Facets& facets, std::size_t limit, const FacetLabels& labels) const;

private:
    class Tally;
    struct Tallies;
    class StreamSpy;
    std::unique_ptr<StreamSpy> m_local;
    std::unique_ptr<Xapian::ValueCountMatchSpy> m_remote;
};

}  // namespace rasd::detail

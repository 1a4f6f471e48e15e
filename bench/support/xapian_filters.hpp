#pragma once
// A filter written twice: in rasd's query language and as the equivalent Xapian boolean query on
// rasd's terms and value slots, so that the latency baseline filters exactly what rasd filters.

#include <xapian.h>

#include <string>

namespace rasd::bench::latency {

struct Filter {
    std::string rasd;
    Xapian::Query xapian;
};

// Both filters at once.
Filter both(const Filter& a, const Filter& b);

Filter topic_filter(const std::string& id);

// A place is named in a query by its Arabic name (the query language resolves names and
// spellings, not gazetteer ids); the filter term holds the id.
Filter place_filter(const std::string& id);

// Months "YYYYMM" from `first` to `last`: date:YYYY-MM..YYYY-MM, the value range rasd builds.
Filter month_filter(const std::string& first, const std::string& last);

Filter year_filter(const std::string& yyyy);

}  // namespace rasd::bench::latency

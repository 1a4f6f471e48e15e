#pragma once
// The values of one kind of boolean term in a database (topic ids, places, years, ...), which the
// query benchmarks draw their filters from.

#include <xapian.h>

#include <string>
#include <utility>
#include <vector>

namespace rasd::bench {

// Every term starting with `prefix`, in term order, as (value, documents): the prefix and
// Omega's colon after a capital-letter prefix dropped.
std::vector<std::pair<std::string, Xapian::doccount>> prefixed_values(const Xapian::Database& db, const std::string& prefix);

// The value of `term` under `prefix` (which it starts with), Omega's colon dropped.
std::string value_of_term(const std::string& term, const std::string& prefix);

}  // namespace rasd::bench

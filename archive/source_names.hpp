#pragma once
// Sources as their articles name them. A source term holds the folded name only (so that
// spellings meet: "Sky News" and "skynews"), so the name to show comes from the stored data of
// an article that carries the term.

#include <xapian.h>

#include <string>

namespace rasd::detail {

// The source as the first article under `term` (a schema::source_term()) wrote it; "" when no
// article carries the term.
[[nodiscard]] std::string source_name_of_term(const Xapian::Database& database, const std::string& term);

}  // namespace rasd::detail

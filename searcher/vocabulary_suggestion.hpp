#pragma once
// "Did you mean" without Xapian's spelling table, for archives read over the remote backend,
// which in Xapian 1.4 serves no spelling data: the closest title stem the archive itself holds.

#include <xapian.h>

#include <string>

namespace rasd::detail {

inline constexpr unsigned kMaxSuggestionEdits = 2;

// The title stem (ZS terms) closest to `stem` by bounded_edit_distance() (over code points),
// at most kMaxSuggestionEdits away, among the stems that share its first letter (which keeps the
// scan to a small slice of the vocabulary); the one in most articles wins a tie. "" if none, or
// if `stem` itself is one.
[[nodiscard]] std::string closest_title_stem(const Xapian::Database& database, const std::string& stem);

}  // namespace rasd::detail

#pragma once
// Gives a parsed query its meaning over a rasd database: free text analyzed exactly like the
// articles, phrases over positions, wildcards, and topic/place/date/source filters resolved
// through the taxonomy, the gazetteer and the date parser. Also says how it read the query
// (for --explain).

#include "alias_expansion.hpp"
#include "query_syntax.hpp"
#include "source_names.hpp"

#include "knowledge/gazetteer.hpp"
#include "knowledge/topics.hpp"

#include <rasd/analysis/analyzer.hpp>

#include <xapian.h>

#include <string>
#include <vector>

namespace rasd::detail {

// Filters given outside the query string (the --topic, --place, --source, --from, --to flags).
struct FlagFilters {
    std::vector<std::string> topics;
    std::vector<std::string> places;
    std::vector<std::string> sources;
    std::string from;  // a date or span; its first day is the lower bound
    std::string to;    // a date or span; its last day is the upper bound
};

// How the error for a source the archive does not name starts: "unknown source 'CNN' (nearest:
// ...)". A watch on it waits for the source's first articles (watcher.cpp).
inline constexpr std::string_view kUnknownSourceError = "unknown source '";

struct BuiltQuery {
    Xapian::Query text;          // the ranked part; empty when the query is only filters
    Xapian::Query filter;        // boolean filters, all of which must hold; empty when none
    Xapian::Query exclusions;    // boolean filters none of which may hold; empty when none
    std::vector<std::string> explanation;  // how the query was read, one line per part
    // What the user should know about how the query was read, shown with the results too: a
    // shared place name and the place it took, a place name of several words left unquoted, a
    // name that is no field but close to one. Each is also an explanation line ("note: ...").
    std::vector<std::string> notes;
    std::vector<Token> words;    // the free-text words searched by stem (for spelling suggestions)
    [[nodiscard]] bool has_text() const { return !text.empty(); }
    [[nodiscard]] bool has_filters() const { return !filter.empty() || !exclusions.empty(); }
    // The query to run: text (or everything) within the filters.
    [[nodiscard]] Xapian::Query combined() const;
};

// Most terms a wildcard may expand to (the most frequent ones are kept), so that "م*" cannot
// turn into a query over the whole vocabulary.
inline constexpr Xapian::termcount kMaxWildcardExpansion = 100;

// Longest place, topic or source value (in the query or a flag): the longest known name is far
// shorter, and an unknown value's "nearest" costs time in proportion to its length.
inline constexpr std::size_t kMaxFilterValueBytes = 256;

// Source filters are matched against `sources` (source_names.hpp); without a catalog a source
// value must be a source's full name. With `aliases`, a word, a quoted phrase or a run of plain
// words that is a name of the alias tables also searches the other names of its group
// (OP_SYNONYM), each expansion an explanation line "alias: NAME → also NAME | NAME".
// @throws InvalidArgument (exit 2 in the CLI) for an unknown topic, place or source (naming the
// nearest, when one is near), an empty filter value, a place, topic or source value longer than
// kMaxFilterValueBytes, an unreadable date, or an impossible range such as 2020..2019.
[[nodiscard]] BuiltQuery build_query(const QueryNode& root, const FlagFilters& flags, Analyzer& analyzer,
                                     const Gazetteer& gazetteer = Gazetteer::builtin(),
                                     const TopicTaxonomy& topics = TopicTaxonomy::builtin(),
                                     const SourceCatalog* sources = nullptr,
                                     const AliasExpander* aliases = nullptr);

}  // namespace rasd::detail

#pragma once
// The sources an archive holds, and which of them a source: value names. A source is matched by
// the words of its name, so source:الرصد finds "الرصد اليوم"; a value that names none is an
// error naming the nearest sources, as for places and topics.

#include <xapian.h>

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::detail {

// The source names a query is matched against (read only when a query filters by source).
class SourceCatalog {
public:
    virtual ~SourceCatalog() = default;
    // Every source as its term holds it: folded and cut (schema::source_term_value()).
    [[nodiscard]] virtual const std::vector<std::string>& folded_names() const = 0;
    // How the articles write the source with this folded name (the folded name if unknown).
    [[nodiscard]] virtual std::string display_name(const std::string& folded) const = 0;
};

// The sources of a Xapian database: the names from its source terms, the way articles write
// them from the first article of each. Reads lazily; throws Xapian errors as they come.
class ArchiveSourceCatalog final : public SourceCatalog {
public:
    explicit ArchiveSourceCatalog(const Xapian::Database& database) : m_database(database) {}
    [[nodiscard]] const std::vector<std::string>& folded_names() const override;
    [[nodiscard]] std::string display_name(const std::string& folded) const override;

private:
    const Xapian::Database& m_database;
    mutable std::optional<std::vector<std::string>> m_names;
    mutable std::map<std::string, std::string> m_display;
};

// The folded names among `folded_names` that `value` names: the one equal to the folded value
// if there is one (the full name picks that source alone); else every name having each word of
// the value as a word, with or without ال (رصد finds الرصد اليوم), or the name with its spaces
// dropped equal to the value with its own dropped (skynews finds "Sky News"). Names in
// `folded_names` order.
[[nodiscard]] std::vector<std::string> sources_named(std::string_view value,
                                                     const std::vector<std::string>& folded_names);

// The sources among `folded_names` that are another name of an outlet `value` names (one of its
// names whole, spaces and punctuation aside): source:العربية or source:"سكاي نيوز" finds the
// archive's "alarabia" or "skynews" (knowledge/outlets.hpp). None if `value` names no outlet
// rasd knows.
[[nodiscard]] std::vector<std::string> sources_of_outlets_named(std::string_view value,
                                                                const std::vector<std::string>& folded_names);

// Up to `n` folded names closest to `value` (edit distance to the whole name or to its closest
// word), closest first; none when the folded value is more than kNearestSlackBytes longer than
// every name, as for places.
[[nodiscard]] std::vector<std::string> nearest_sources(std::string_view value,
                                                       const std::vector<std::string>& folded_names,
                                                       std::size_t n);
inline constexpr std::size_t kNearestSourceSlackBytes = 3;

}  // namespace rasd::detail

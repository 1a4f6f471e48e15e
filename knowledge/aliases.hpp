#pragma once
// Cross-script aliases: the names news writes in several scripts and forms (ترامب | Trump,
// الأمم المتحدة | UN | United Nations, فيسبوك | فيس بوك | Facebook), so that a query for one
// finds them all. rasd ships a table (knowledge/data/aliases.tsv, embedded at build time); an
// archive may keep its own (rasd-index --aliases FILE), which the searcher reads next to it.
//
// Format, for both: UTF-8, one group a line, names separated by `|`; blank lines and lines
// starting with '#' are ignored. A name is one or more words, as a query would type it.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::detail {

// Limits on a table, so that an archive's own file cannot make every query slow.
inline constexpr std::size_t kMaxAliasTableBytes = 1 << 20;
inline constexpr std::size_t kMaxAliasNameBytes = 120;
inline constexpr std::size_t kMaxAliasNameWords = 6;
inline constexpr std::size_t kMaxAliasGroupNames = 20;

struct AliasGroup {
    std::vector<std::string> names;  // as the file writes them (at least two)
    std::size_t line = 0;            // 1-based line of the file
};

class AliasTable {
public:
    AliasTable() = default;

    // The table shipped with rasd (parsed once, on first use).
    static const AliasTable& builtin();

    // Reads `text`, naming `file` in errors.
    // @throws rasd::DataError "FILE:LINE: WHAT" for text that is not UTF-8 or holds a
    //         control character, a line with fewer than two names, an empty name, a name over
    //         kMaxAliasNameBytes or kMaxAliasNameWords words or with no searchable word (only
    //         stop words or punctuation), a group of more than kMaxAliasGroupNames names, or a
    //         name (folded) already given on another line; "FILE: ..." for a table over
    //         kMaxAliasTableBytes.
    [[nodiscard]] static AliasTable parse(std::string_view file, std::string_view text);

    [[nodiscard]] const std::vector<AliasGroup>& groups() const { return m_groups; }
    [[nodiscard]] bool empty() const { return m_groups.empty(); }

private:
    std::vector<AliasGroup> m_groups;
};

// The text of the alias file at `path`, checked with AliasTable::parse() (errors name `path`).
// @throws rasd::DataError "PATH: cannot read: REASON" or parse()'s "PATH:LINE: WHAT".
[[nodiscard]] std::string read_alias_file(const std::string& path);

}  // namespace rasd::detail

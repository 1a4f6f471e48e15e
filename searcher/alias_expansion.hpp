#pragma once
// The alias tables of a search (rasd's own and the archive's, knowledge/aliases.hpp) keyed by
// the terms the archive's analyzer gives each name, so that the query builder can ask "which
// other names does this word, or this run of words, stand for?".

#include "knowledge/aliases.hpp"

#include <rasd/analysis/analyzer.hpp>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

namespace rasd::detail {

class AliasExpander {
public:
    struct Name {
        std::string text;           // as the table writes it (for --explain)
        std::vector<Token> tokens;  // its words as the analyzer reads them
    };

    AliasExpander() = default;
    // Every name of every table analyzed with `analyzer` (the archive's).
    AliasExpander(const std::vector<const AliasTable*>& tables, Analyzer& analyzer);

    // The key a run of tokens is looked up by: each token's stem (a stop word's folded form),
    // joined by spaces, the way the index spells the words.
    [[nodiscard]] static std::string key_of(const std::vector<Token>& tokens);

    // The names that share a group with the name whose key is `key`, other than those with that
    // same key, each once, in table order; empty when `key` names nothing.
    [[nodiscard]] std::vector<const Name*> alternatives(const std::string& key) const;

    // The most words a name has (longer runs of query words need not be tried).
    [[nodiscard]] std::size_t max_words() const { return m_max_words; }

private:
    std::vector<std::vector<Name>> m_groups;
    std::map<std::string, std::vector<std::size_t>, std::less<>> m_groups_of_key;
    std::size_t m_max_words = 0;
};

// rasd's alias table and an archive's own (`archive_table`, the text the archive's metadata
// keeps under schema::kAliasesKey; "" for none), analyzed with the archive's `analyzer`.
// @throws DatabaseError naming `source` if the archive's table cannot be read: rasd-index
//         checked it, so the database is damaged.
[[nodiscard]] AliasExpander make_alias_expander(const std::string& archive_table, const std::string& source,
                                                Analyzer& analyzer);

}  // namespace rasd::detail

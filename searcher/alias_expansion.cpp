#include "alias_expansion.hpp"

#include <rasd/error.hpp>

#include <set>

namespace rasd::detail {

AliasExpander::AliasExpander(const std::vector<const AliasTable*>& tables, Analyzer& analyzer) {
    for (const AliasTable* table : tables) {
        for (const AliasGroup& group : table->groups()) {
            std::vector<Name> names;
            for (const std::string& text : group.names) names.push_back(Name{text, analyzer.analyze(text)});
            const std::size_t index = m_groups.size();
            for (const Name& name : names) {
                std::vector<std::size_t>& groups = m_groups_of_key[key_of(name.tokens)];
                if (groups.empty() || groups.back() != index) groups.push_back(index);
                m_max_words = std::max(m_max_words, name.tokens.size());
            }
            m_groups.push_back(std::move(names));
        }
    }
}

std::string AliasExpander::key_of(const std::vector<Token>& tokens) {
    std::string key;
    for (const Token& token : tokens) key += (key.empty() ? "" : " ") + (token.is_stop_word ? token.folded : token.stem);
    return key;
}

std::vector<const AliasExpander::Name*> AliasExpander::alternatives(const std::string& key) const {
    std::vector<const Name*> found;
    const auto groups = m_groups_of_key.find(key);
    if (groups == m_groups_of_key.end()) return found;
    std::set<std::string> seen = {key};  // one name per key: ترامب and ترمب may share a stem
    for (std::size_t index : groups->second) {
        for (const Name& name : m_groups[index]) {
            if (seen.insert(key_of(name.tokens)).second) found.push_back(&name);
        }
    }
    return found;
}

AliasExpander make_alias_expander(const std::string& archive_table, const std::string& source, Analyzer& analyzer) {
    if (archive_table.empty()) return AliasExpander({&AliasTable::builtin()}, analyzer);
    AliasTable own;
    try {
        own = AliasTable::parse(source + ": the archive's alias table", archive_table);
    } catch (const DataError& e) {
        throw DatabaseError(e.what());
    }
    return AliasExpander({&AliasTable::builtin(), &own}, analyzer);
}

}  // namespace rasd::detail

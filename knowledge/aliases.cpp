#include "aliases.hpp"

#include "util/control_characters.hpp"
#include "util/data_lines.hpp"
#include "util/utf8.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/analysis/text_folding.hpp>
#include <rasd/error.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>

namespace rasd::detail {

extern const std::string_view kAliasesTsvText;

namespace {

bool has_control_character(std::string_view text) {
    return escape_control_characters(text) != text;  // a tab too: names are separated by `|`
}

std::string quoted(std::string_view name) { return "'" + escape_control_characters(name) + "'"; }

// A name's words as the table compares them: folded, joined by one space (so "فيس  بوك" and
// "فيس بوك" are one name), counted, and whether a query could search any of them (a name of stop
// words only could never be matched).
struct NameWords {
    std::string key;
    std::size_t count = 0;
    bool searchable = false;
};

NameWords name_words(Analyzer& words, std::string_view name) {
    NameWords result;
    for (const Token& token : words.analyze(name)) {
        result.key += (result.key.empty() ? "" : " ") + token.folded;
        ++result.count;
        result.searchable = result.searchable || !token.is_stop_word;
    }
    return result;
}

}  // namespace

AliasTable AliasTable::parse(std::string_view file, std::string_view text) {
    if (text.size() > kMaxAliasTableBytes) {
        throw DataError(std::string(file) + ": an alias table may hold at most " +
                              std::to_string(kMaxAliasTableBytes) + " bytes, this one has " +
                              std::to_string(text.size()));
    }
    // Words only, no stems: a name is checked and compared on its folded words.
    Analyzer words(std::make_unique<IdentityStemmer>(), std::make_unique<IdentityStemmer>(), "none");
    std::map<std::string, std::size_t> line_of_name;
    AliasTable table;
    for (const DataLine& line : data_lines(file, text)) {
        if (!is_valid_utf8(line.text)) throw DataError(line.error("not valid UTF-8"));
        if (has_control_character(line.text)) {
            throw DataError(line.error("holds a control character: " + quoted(line.text) +
                                             " (names are separated by '|', not tabs)"));
        }
        const std::vector<std::string_view> names = split_trimmed(line.text, '|');
        if (names.size() < 2) {
            throw DataError(line.error("an alias group needs at least two names separated by '|': " +
                                             quoted(line.text)));
        }
        if (names.size() > kMaxAliasGroupNames) {
            throw DataError(line.error("a group may have at most " + std::to_string(kMaxAliasGroupNames) +
                                             " names, this one has " + std::to_string(names.size())));
        }
        AliasGroup group;
        group.line = line.number;
        for (std::string_view name : names) {
            if (name.empty()) throw DataError(line.error("empty name (two '|' in a row, or one at an end)"));
            if (name.size() > kMaxAliasNameBytes) {
                throw DataError(line.error("name longer than " + std::to_string(kMaxAliasNameBytes) +
                                                 " bytes: " + quoted(name)));
            }
            const NameWords name_key = name_words(words, name);
            if (!name_key.searchable) {
                throw DataError(line.error("name with no searchable word (only stop words or punctuation): " +
                                                 quoted(name)));
            }
            if (name_key.count > kMaxAliasNameWords) {
                throw DataError(line.error("name of more than " + std::to_string(kMaxAliasNameWords) +
                                                 " words: " + quoted(name)));
            }
            const auto [it, inserted] = line_of_name.emplace(name_key.key, line.number);
            if (!inserted) {
                throw DataError(line.error("the name " + quoted(name) + " is already given on line " +
                                                 std::to_string(it->second)));
            }
            group.names.emplace_back(name);
        }
        table.m_groups.push_back(std::move(group));
    }
    return table;
}

std::string read_alias_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DataError(path + ": cannot read: " + std::strerror(errno));
    std::string text;
    // One byte past the limit is enough for parse() to refuse the file.
    text.resize(kMaxAliasTableBytes + 1);
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    if (in.bad()) throw DataError(path + ": cannot read: " + std::strerror(errno));
    text.resize(static_cast<std::size_t>(in.gcount()));
    (void)AliasTable::parse(path, text);
    return text;
}

const AliasTable& AliasTable::builtin() {
    static const AliasTable table = parse("aliases", kAliasesTsvText);
    return table;
}

}  // namespace rasd::detail

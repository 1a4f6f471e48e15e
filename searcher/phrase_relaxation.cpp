#include "phrase_relaxation.hpp"

#include <algorithm>

namespace rasd::detail {
namespace {

using Kind = QueryNode::Kind;
using Modifier = QueryNode::Modifier;

// The words of a phrase as plain words: one Word node (its words ranked together, as an
// unquoted run is), or for a +required phrase a group in which each word is required.
QueryNode words_of(const QueryNode& phrase) {
    QueryNode words;
    if (phrase.modifier != Modifier::Required) {
        words.kind = Kind::Word;
        words.modifier = phrase.modifier;
        words.text = phrase.text;
        return words;
    }
    words.kind = Kind::Default;
    words.modifier = Modifier::Required;
    std::size_t start = 0;
    const std::string& text = phrase.text;
    while (start < text.size()) {
        const std::size_t end = std::min(text.find_first_of(" \t\r\n", start), text.size());
        if (end > start) {
            QueryNode word;
            word.kind = Kind::Word;
            word.modifier = Modifier::Required;
            word.text = text.substr(start, end - start);
            words.children.push_back(std::move(word));
        }
        start = end + 1;
    }
    return words;
}

using Picker = std::function<bool(const QueryNode&)>;

void relax(QueryNode& node, const Picker& too_rare, std::vector<std::string>& phrases) {
    if (node.modifier == Modifier::Excluded) return;  // -"a b": ruling out less is no relaxation
    switch (node.kind) {
        case Kind::Phrase:
            if (!too_rare(node)) return;
            phrases.push_back(node.text);
            node = words_of(node);
            return;
        case Kind::AndNot:  // the right side rules out, as an -excluded part does
            relax(node.children.at(0), too_rare, phrases);
            return;
        case Kind::And:
        case Kind::Or:
        case Kind::Default:
            for (QueryNode& child : node.children) relax(child, too_rare, phrases);
            return;
        case Kind::Word:
        case Kind::Wildcard:
        case Kind::Field:  // title:"a b" asks for the phrase in titles: left as asked
            return;
    }
}

}  // namespace

RelaxedQuery relax_phrases(const QueryNode& root, const Picker& too_rare) {
    RelaxedQuery relaxed{root, {}};
    relax(relaxed.root, too_rare, relaxed.phrases);
    return relaxed;
}

}  // namespace rasd::detail

#pragma once
// Quoted phrases relaxed to their words, for a query whose phrases find nothing or almost
// nothing (a headline pasted with its quotation marks, which the article paraphrases). Pure
// syntax work on the tree of query_syntax.hpp; searcher.cpp decides when to use it.

#include "query_syntax.hpp"

#include <functional>
#include <string>
#include <vector>

namespace rasd::detail {

struct RelaxedQuery {
    QueryNode root;                    // the query with its phrases relaxed
    std::vector<std::string> phrases;  // each relaxed phrase, as typed between its quotes
};

// `root` with every free-text phrase that may be relaxed and that `too_rare` picks turned into
// its words, read as plain words are read where the phrase stood: "a b" -> a b (ranked, either may match);
// +"a b" -> +a +b (each required). A phrase never relaxes when it rules articles out (-"a b",
// the right side of NOT), nor inside a field (title:"a b", place:"..."). `phrases` is empty when
// nothing was relaxed.
[[nodiscard]] RelaxedQuery relax_phrases(const QueryNode& root,
                                         const std::function<bool(const QueryNode& phrase)>& too_rare);

}  // namespace rasd::detail

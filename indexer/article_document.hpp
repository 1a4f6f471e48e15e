#pragma once
// Turning an Article into a Xapian document: which terms, values and stored data an article gets
// (their spelling is archive/term_codec.hpp and archive/stored_article.hpp).

#include "article_metadata.hpp"
#include "knowledge/story_fingerprint.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/article.hpp>

#include <xapian.h>

#include <string>
#include <unordered_map>
#include <vector>

namespace rasd::detail {

// An article's fields as the database's analyzer tokenized them.
struct AnalyzedArticle {
    std::vector<Token> title;
    std::vector<Token> abstract;
    std::vector<Token> body;
};

[[nodiscard]] AnalyzedArticle analyze_article(const Article& article, Analyzer& analyzer);

// The stems of every token, stop words left out: what topic inference reads.
[[nodiscard]] LightStems stems_of(const AnalyzedArticle& analyzed);

// Builds the document for `article` from its tokens and extracted `metadata`. The caller
// replaces by the unique id term (schema::id_term()).
[[nodiscard]] Xapian::Document make_document(const Article& article, const AnalyzedArticle& analyzed,
                                             const ArticleMetadata& metadata);

// The words an article's story fingerprint is made of: the folded forms of its body's words,
// stop words included (they hold a sentence's shape).
[[nodiscard]] std::vector<std::string_view> fingerprint_words(const AnalyzedArticle& analyzed);

// Adds the article's MinHash signature (its value slot) and band keys (its XLSH terms).
void add_fingerprint(Xapian::Document& document, const MinHashes& signature);

// Adds the story the article belongs to (its value slot, the collapse key, and its XSTORY term).
void set_story(Xapian::Document& document, const std::string& story_id);

// Word -> number of articles using it, gathered between commits and written to Xapian's
// spelling table (where "did you mean" suggestions come from) in one add_spelling() per word.
// Only title words go in: with every body word, indexing JawharaFM took 14.8 s instead of
// 9.0 s (the spelling table stores trigrams of every distinct word form), while the words people
// search for are the ones headlines use.
using SpellingCounts = std::unordered_map<std::string, Xapian::termcount>;

// Counts the folded forms of an article's title words with letters, stop words left out, each distinct
// word once (so a suggestion reflects how many articles use a word). Replaced or deleted
// articles are not taken back out: frequencies only grow, which suggestions tolerate.
void collect_spelling_words(const AnalyzedArticle& analyzed, SpellingCounts& counts);

}  // namespace rasd::detail

#pragma once
// One match as the library returns it (rasd::SearchHit): the stored fields of its document and a
// snippet of its body with the matched words highlighted, chosen as rasd-search shows them.
// Shared by Searcher and Watcher, so a hit and an alert read the same.

#include <rasd/searcher.hpp>

#include <xapian.h>

#include <cstddef>
#include <string>

namespace rasd::detail {

// The stems a Searcher's snippet stemmer remembers (make_xapian_stem()): a snippet stems every
// word of a body, and news repeats its words, so a page of 10 snippets costs mostly hash
// lookups once a few queries have run (bench/RESULTS.md, "Query path"). rasd-serve keeps one
// Searcher per worker thread: at 50,000 words the memos grew its memory by 48% over a load run,
// at 5,000 it stayed flat (bench/RESULTS.md, "rasd-serve under load", quiet-machine runs). The
// memo keeps its last generation too (make_xapian_stem()), so this is half of that: at most
// 5,000 words are held, as measured.
inline constexpr std::size_t kSnippetStemMemoWords = 2500;

// A stored document as a hit without rank, score or snippet, and its body made safe for a
// snippet (control characters written visibly): what every hit of one article shares.
struct StoredHit {
    SearchHit hit;
    std::string body;
};
// Without `with_body` the body stays "" (no snippet is to be made from it).
[[nodiscard]] StoredHit stored_hit(const std::string& document_data, bool with_body = true);

// The snippet of `body` (a StoredHit's) for the query of `mset`: the passage with its matched
// words highlighted, or the body's opening when none matched.
[[nodiscard]] std::string hit_snippet(const Xapian::MSet& mset, const std::string& body, const Xapian::Stem& stem,
                                      const SearchOptions& options);

// `query` with the words of its phrases also as words of no weight, when it has phrases: the
// matches, their order and scores are the same, and MSet::snippet (which only sees a phrase
// made of unprefixed words, as Xapian's QueryParser writes them) then highlights them.
[[nodiscard]] Xapian::Query with_phrase_words_for_snippets(const Xapian::Query& query);

// The hit of `it` in `mset`: fields from the document data, the snippet from `options`
// (length, highlight marks), matched words found through `stem` (rasd's analyzer). The snippet
// is the body's opening when no body word matched (a title: match, filters only), and "" when
// options.snippets is off.
[[nodiscard]] SearchHit hit_from(const Xapian::MSetIterator& it, const Xapian::MSet& mset, const Xapian::Stem& stem,
                                 const SearchOptions& options);

}  // namespace rasd::detail

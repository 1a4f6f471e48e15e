#pragma once
// rasd's analyzer in the shapes Xapian takes, so indexing, query parsing and snippets share one
// analysis: a Xapian::StemImplementation, a Xapian::Stopper, and term generation from tokens.

#include "term_codec.hpp"

#include <rasd/analysis/analyzer.hpp>

#include <xapian.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

namespace rasd::detail {

// Folds and stems a word with an Analyzer (returns "" for a stop word). Handed to
// Xapian::Stem, it makes QueryParser and MSet::snippet see words as rasd does: snippets then
// highlight بالقاهرة for a query القاهره, diacritics and all.
//
// With `memo_words` > 0 it remembers the stems of up to that many words, then starts a new
// generation and keeps the last one (so at most twice that many): a snippet stems every word of
// a body, and news repeats its words, so many snippets in a row (a page of hits, a Watcher's
// alerts) cost a hash lookup per word instead of an analysis.
class AnalyzerStemImplementation : public Xapian::StemImplementation {
public:
    explicit AnalyzerStemImplementation(std::shared_ptr<Analyzer> analyzer, std::size_t memo_words = 0);
    std::string operator()(const std::string& word) override;
    std::string get_description() const override;

private:
    std::shared_ptr<Analyzer> m_analyzer;
    std::size_t m_memo_words;
    std::unordered_map<std::string, std::string> m_memo;      // this generation
    std::unordered_map<std::string, std::string> m_previous;  // the last one
};

// A Xapian::Stem backed by `analyzer` (remembering up to `memo_words` stems, see above).
[[nodiscard]] Xapian::Stem make_xapian_stem(std::shared_ptr<Analyzer> analyzer, std::size_t memo_words = 0);

// The stemmer for snippets of the matches of `query`. MSet::snippet looks up "Z" + the stem of
// every word of a body among the query's terms; this gives `stem`'s answer for the words that
// may stem to one of the query's Z terms and "" (no term) for the rest, which `analyzer`'s
// StemFilter tells from their letters: the same snippets, without stemming most words.
[[nodiscard]] Xapian::Stem snippet_stem_for(const Xapian::Stem& stem, const Analyzer& analyzer,
                                            const Xapian::Query& query);

// The analyzer named by a database's "NAME/VERSION" signature (checked by open_archive()).
// @throws AnalyzerMismatchError (naming `source`) if this rasd's analyzer of that name has
// another version.
[[nodiscard]] std::shared_ptr<Analyzer> analyzer_of_signature(const std::string& signature, const std::string& source);

// Tells Xapian a word is a stop word after folding it (so فى and في are both stopped).
class AnalyzerStopper : public Xapian::Stopper {
public:
    bool operator()(const std::string& term) const override;
    std::string get_description() const override { return "rasd::AnalyzerStopper()"; }
};

// The one term a token is indexed (and searched) under in `field`: the word_term() of its stem,
// or of its folded form for a stop word (stop words are indexed so phrases keep their shape, but
// free-text queries never ask for them).
[[nodiscard]] std::string positional_term(const Token& token, schema::WordField field);

// Adds every token of `tokens` to `document` as positional_term() at position
// `base + token.position + 1`, each occurrence adding `wdf` to the within-document frequency.
// One term per token: stems carry the positions, so phrases match on stems (سيارات النقل
// matches "سيارة نقل") and the index holds no second, unstemmed copy of every word.
// The first `lead_tokens` tokens add `lead_wdf` instead (the lede of a news story).
// @return the position of the last token (base when there are none).
Xapian::termpos add_tokens(Xapian::Document& document, const std::vector<Token>& tokens,
                           schema::WordField field, Xapian::termcount wdf, Xapian::termpos base,
                           std::size_t lead_tokens = 0, Xapian::termcount lead_wdf = 0);

}  // namespace rasd::detail

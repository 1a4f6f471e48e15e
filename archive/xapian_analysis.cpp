#include "xapian_analysis.hpp"

#include "term_codec.hpp"

#include <rasd/analysis/text_folding.hpp>
#include <rasd/analyzer_factory.hpp>
#include <rasd/error.hpp>

namespace rasd::detail {

AnalyzerStemImplementation::AnalyzerStemImplementation(std::shared_ptr<Analyzer> analyzer, std::size_t memo_words)
    : m_analyzer(std::move(analyzer)), m_memo_words(memo_words) {}

std::string AnalyzerStemImplementation::operator()(const std::string& word) {
    if (m_memo_words == 0) return m_analyzer->stem_word(word);
    if (const auto known = m_memo.find(word); known != m_memo.end()) return known->second;
    if (m_memo.size() >= m_memo_words) {
        // A new generation; the words of the last one still answer (and move over when asked),
        // so the common words of the news are not lost each time the memo fills.
        m_previous = std::move(m_memo);
        m_memo.clear();
    }
    if (const auto known = m_previous.find(word); known != m_previous.end()) {
        return m_memo.emplace(word, known->second).first->second;
    }
    return m_memo.emplace(word, m_analyzer->stem_word(word)).first->second;
}

std::string AnalyzerStemImplementation::get_description() const {
    return "rasd::AnalyzerStemImplementation(" + m_analyzer->signature() + ")";
}

namespace {

class FilteredStemImplementation : public Xapian::StemImplementation {
public:
    FilteredStemImplementation(Xapian::Stem stem, StemFilter filter)
        : m_stem(std::move(stem)), m_filter(std::move(filter)) {}
    std::string operator()(const std::string& word) override {
        return m_filter.may_stem_to_one(word) ? m_stem(word) : std::string();
    }
    std::string get_description() const override {
        return "rasd::FilteredStemImplementation(" + m_stem.get_description() + ")";
    }

private:
    Xapian::Stem m_stem;
    StemFilter m_filter;
};

}  // namespace

Xapian::Stem snippet_stem_for(const Xapian::Stem& stem, const Analyzer& analyzer, const Xapian::Query& query) {
    std::vector<std::string> stems;
    for (auto term = query.get_unique_terms_begin(); term != query.get_unique_terms_end(); ++term) {
        if ((*term).starts_with(schema::kStemPrefix)) stems.push_back((*term).substr(std::string_view(schema::kStemPrefix).size()));
    }
    // A filtered word gets "", which must match no term of the query: a query with the bare term
    // Z has the stem "", and the filter then lets every word through (StemFilter::of_spellings).
    return Xapian::Stem(new FilteredStemImplementation(stem, analyzer.stem_filter(stems)));
}

std::shared_ptr<Analyzer> analyzer_of_signature(const std::string& signature, const std::string& source) {
    const std::size_t slash = signature.find('/');
    auto analyzer = std::make_shared<Analyzer>(make_analyzer(parse_stemmer_kind(signature.substr(0, slash))));
    if (analyzer->signature() != signature) {
        throw AnalyzerMismatchError(source + ": database was built with analyzer '" + signature +
                                    "' but this rasd has '" + analyzer->signature() +
                                    "'; rebuild the database");
    }
    return analyzer;
}

Xapian::Stem make_xapian_stem(std::shared_ptr<Analyzer> analyzer, std::size_t memo_words) {
    // Xapian takes ownership through its intrusive reference count.
    return Xapian::Stem(new AnalyzerStemImplementation(std::move(analyzer), memo_words));
}

bool AnalyzerStopper::operator()(const std::string& term) const {
    return is_stop_word(fold_text(term));
}

std::string positional_term(const Token& token, schema::WordField field) {
    return schema::word_term(token.is_stop_word ? token.folded : token.stem, field);
}

Xapian::termpos add_tokens(Xapian::Document& document, const std::vector<Token>& tokens,
                           schema::WordField field, Xapian::termcount wdf, Xapian::termpos base,
                           std::size_t lead_tokens, Xapian::termcount lead_wdf) {
    Xapian::termpos next = base;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const Token& token = tokens[i];
        const Xapian::termpos position = base + token.position + 1;  // Xapian positions start at 1
        document.add_posting(positional_term(token, field), position, i < lead_tokens ? lead_wdf : wdf);
        next = position;
    }
    return next;
}

}  // namespace rasd::detail

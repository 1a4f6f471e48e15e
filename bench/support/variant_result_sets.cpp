#include "variant_result_sets.hpp"

#include "archive/schema.hpp"
#include "archive/term_codec.hpp"
#include "knowledge/gazetteer.hpp"
#include "knowledge/topics.hpp"
#include "searcher/alias_expansion.hpp"
#include "searcher/query_builder.hpp"
#include "searcher/query_syntax.hpp"

#include <rasd/analyzer_factory.hpp>

#include <xapian.h>

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace rasd::bench::variants {

ResultSets baseline_result_sets(const Corpus& corpus, const std::vector<std::string>& words) {
    rasd::Analyzer analyzer = rasd::make_analyzer(rasd::StemmerKind::Light, rasd::TransliterationVariants::Apart);
    std::map<std::string, std::vector<std::string>> words_of_stem;
    ResultSets sets;
    for (const std::string& word : words) {
        words_of_stem[analyzer.stem_word(word)].push_back(word);
        sets[word];
    }
    for (const rasd::Article& article : corpus.articles) {
        for (const std::string* field : {&article.title, &article.abstract, &article.body}) {
            for (const rasd::Token& token : analyzer.analyze(*field)) {
                if (token.is_stop_word) continue;
                const auto found = words_of_stem.find(token.stem);
                if (found == words_of_stem.end()) continue;
                for (const std::string& word : found->second) sets[word].insert(article.id);
            }
        }
    }
    return sets;
}

ResultSets search_result_sets(const std::string& dir, const std::vector<std::string>& words) {
    const Xapian::Database database(dir);
    const std::string signature = database.get_metadata(rasd::schema::kAnalyzerKey);
    rasd::Analyzer analyzer = rasd::make_analyzer(rasd::parse_stemmer_kind(signature.substr(0, signature.find('/'))));
    const rasd::detail::AliasExpander aliases =
        rasd::detail::make_alias_expander(database.get_metadata(rasd::schema::kAliasesKey), dir, analyzer);
    ResultSets sets;
    for (const std::string& word : words) {
        const rasd::detail::BuiltQuery built =
            rasd::detail::build_query(rasd::detail::parse_query_syntax(word), {}, analyzer,
                                      rasd::detail::Gazetteer::builtin(), rasd::detail::TopicTaxonomy::builtin(),
                                      nullptr, &aliases);
        // rasd-search refuses such a query; here it would match every article.
        if (!built.has_text()) throw std::runtime_error("'" + word + "' has no searchable word");
        Xapian::Enquire enquire(database);
        enquire.set_query(built.combined());
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        const Xapian::MSet matches = enquire.get_mset(0, database.get_doccount());
        IdSet& ids = sets[word];
        for (auto it = matches.begin(); it != matches.end(); ++it) {
            ids.insert(rasd::schema::id_of_value(it.get_document().get_value(rasd::schema::kIdSlot)));
        }
    }
    return sets;
}

double jaccard(const IdSet& a, const IdSet& b) {
    if (a.empty() && b.empty()) return 1.0;
    std::vector<std::string> common;
    std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(common));
    const double shared = static_cast<double>(common.size());
    return shared / (static_cast<double>(a.size() + b.size()) - shared);
}

}  // namespace rasd::bench::variants

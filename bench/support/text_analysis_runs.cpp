#include "text_analysis_runs.hpp"

#include "process_stats.hpp"
#include "xapian_term_generator.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/analysis/token.hpp>
#include <rasd/analyzer_factory.hpp>

#include <xapian.h>

#include <chrono>

namespace rasd::bench::analyzer {

namespace {
constexpr char kStemPrefix = 'Z';  // STEM_SOME's stemmed terms
}  // namespace

RasdRun run_rasd(const std::vector<std::string>& texts) {
    rasd::Analyzer a = rasd::make_analyzer(rasd::StemmerKind::Light);
    RasdRun r;
    const auto t0 = std::chrono::steady_clock::now();
    for (const std::string& text : texts) {
        const std::vector<rasd::Token> tokens = a.analyze(text);
        r.tokens += tokens.size();
        for (const rasd::Token& t : tokens) {
            if (!t.stem.empty()) {
                ++r.stems;
                r.stem_bytes += t.stem.size();
            }
        }
    }
    r.seconds = seconds_since(t0);
    return r;
}

XapianRun run_xapian(const std::vector<std::string>& texts) {
    Xapian::TermGenerator tg = make_arabic_term_generator();
    XapianRun r;
    const auto t0 = std::chrono::steady_clock::now();
    for (const std::string& text : texts) {
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(text);
        r.terms += doc.termlist_count();
    }
    r.seconds = seconds_since(t0);
    return r;
}

XapianWords count_xapian_words(const std::vector<std::string>& texts) {
    Xapian::TermGenerator tg = make_arabic_term_generator();
    XapianWords w;
    for (const std::string& text : texts) {
        Xapian::Document doc;
        tg.set_document(doc);
        tg.index_text(text);
        for (auto it = doc.termlist_begin(); it != doc.termlist_end(); ++it) {
            const std::string term = *it;
            if (!term.empty() && term[0] == kStemPrefix) continue;
            w.wdf_sum += it.get_wdf();
            w.positions += it.positionlist_count();
        }
    }
    return w;
}

}  // namespace rasd::bench::analyzer

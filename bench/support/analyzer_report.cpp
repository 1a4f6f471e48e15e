#include "analyzer_report.hpp"

#include "format.hpp"

#include <nlohmann/json.hpp>

#include <iostream>

namespace rasd::bench::analyzer {

void print_report(const AnalyzerRun& run) {
    const double mib = rasd::bench::mib(run.text_bytes);
    const double rasd_mibs = mib / run.best_rasd.seconds;
    const double rasd_tps = static_cast<double>(run.rasd_tokens) / run.best_rasd.seconds;
    const double xapian_mibs = mib / run.best_xapian.seconds;
    const double xapian_wps = static_cast<double>(run.xapian_words.wdf_sum) / run.best_xapian.seconds;
    const double ratio = rasd_mibs / xapian_mibs;
    const double word_ratio = static_cast<double>(run.rasd_tokens) / static_cast<double>(run.xapian_words.wdf_sum);

    std::cout << "\n"
              << "  side                              best s     MiB/s     tokens/s\n"
              << "  rasd   (Analyzer, light)     " << rpad(fixed(run.best_rasd.seconds, 3), 9) << rpad(fixed(rasd_mibs, 2), 10)
              << rpad(fixed(rasd_tps, 0), 13) << "\n"
              << "  xapian (TermGenerator, ar)   " << rpad(fixed(run.best_xapian.seconds, 3), 9)
              << rpad(fixed(xapian_mibs, 2), 10) << rpad(fixed(xapian_wps, 0), 13) << "\n"
              << "  ratio rasd/xapian (MiB/s): " << fixed(ratio, 3)
              << (ratio >= 1.0 ? "  (>= 1.0: OK)" : "  (< 1.0: rasd slower)") << "\n"
              << "  rasd tokens: " << run.rasd_tokens << " (stems " << run.best_rasd.stems << "), xapian words: "
              << run.xapian_words.wdf_sum << " (positions " << run.xapian_words.positions << "), tokens/words "
              << fixed(word_ratio, 4) << "\n\n";

    const nlohmann::json j = {
        {"bench", "analyzer"},
        {"corpus", run.corpus},
        {"articles", run.articles},
        {"text_bytes", run.text_bytes},
        {"text_mib", mib},
        {"runs", run.runs},
        {"rasd_tokens", run.rasd_tokens},
        {"rasd_stems", run.best_rasd.stems},
        {"rasd_best_s", run.best_rasd.seconds},
        {"rasd_times_s", run.rasd_times},
        {"rasd_mib_per_s", rasd_mibs},
        {"rasd_tokens_per_s", rasd_tps},
        {"xapian_terms", run.xapian_terms},
        {"xapian_words", run.xapian_words.wdf_sum},
        {"xapian_positions", run.xapian_words.positions},
        {"xapian_best_s", run.best_xapian.seconds},
        {"xapian_times_s", run.xapian_times},
        {"xapian_mib_per_s", xapian_mibs},
        {"ratio_rasd_over_xapian", ratio},
        {"tokens_over_xapian_words", word_ratio},
    };
    std::cout << json_line(j) << "\n";
}

}  // namespace rasd::bench::analyzer

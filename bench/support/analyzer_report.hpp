#pragma once
// What the analyzer benchmark prints at the end: the best time, MiB/s and tokens/s of each side,
// their ratio, the token and word counts, and one JSON line.

#include "text_analysis_runs.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace rasd::bench::analyzer {

struct AnalyzerRun {
    std::string corpus;
    std::size_t articles = 0;
    std::uint64_t text_bytes = 0;
    int runs = 0;
    RasdRun best_rasd;
    XapianRun best_xapian;
    std::vector<double> rasd_times, xapian_times;
    std::uint64_t rasd_tokens = 0, xapian_terms = 0;
    XapianWords xapian_words;
};

void print_report(const AnalyzerRun& run);

}  // namespace rasd::bench::analyzer

#pragma once
// The analyzer benchmark's two sides over the same in-memory texts, each timed on one thread:
// rasd::Analyzer (light stemmer) and plain Xapian's TermGenerator with Snowball arabic; and an
// untimed count of the words TermGenerator saw.

#include <cstdint>
#include <string>
#include <vector>

namespace rasd::bench::analyzer {

struct RasdRun {
    std::uint64_t tokens = 0;
    std::uint64_t stems = 0;  // non-empty stems (i.e. non stop words)
    std::uint64_t stem_bytes = 0;
    double seconds = 0;
};

// rasd::make_analyzer(Light), then analyze() of each text (the analyzer made outside the timing).
RasdRun run_rasd(const std::vector<std::string>& texts);

struct XapianRun {
    std::uint64_t terms = 0;  // sum of doc.termlist_count(): distinct terms per document
    double seconds = 0;
};

// TermGenerator with Stem("arabic") (STEM_SOME): index_text() of each text into a fresh document.
XapianRun run_xapian(const std::vector<std::string>& texts);

// The number of words TermGenerator saw = sum of wdf (and of positions) over the unprefixed
// terms; the 'Z' terms are the STEM_SOME stems and would count words twice.
struct XapianWords {
    std::uint64_t wdf_sum = 0;
    std::uint64_t positions = 0;
};

XapianWords count_xapian_words(const std::vector<std::string>& texts);

}  // namespace rasd::bench::analyzer

#pragma once
// bench_variants' pair list (bench/variants/pairs.tsv): spellings that must find the same
// articles and words that must stay apart.

#include <string>
#include <vector>

namespace rasd::bench::variants {

struct WordPair {
    bool meet = true;  // false: an "apart" pair
    std::string first;
    std::string second;
    std::size_t line = 0;
};

// Reads `path`: KIND<TAB>WORD<TAB>WORD lines, KIND meet or apart; '#' comment and blank lines
// skipped. @throws std::runtime_error "PATH:LINE: ..." for any other line, or an unreadable file.
std::vector<WordPair> read_word_pairs(const std::string& path);

// bench/variants/pairs.tsv of the source tree.
std::string default_pairs_file();

}  // namespace rasd::bench::variants

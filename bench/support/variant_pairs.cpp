#include "variant_pairs.hpp"

#include "util/data_lines.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

#ifndef RASD_BENCH_VARIANT_PAIRS
#define RASD_BENCH_VARIANT_PAIRS "bench/variants/pairs.tsv"
#endif

namespace rasd::bench::variants {

std::vector<WordPair> read_word_pairs(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot read");
    std::stringstream text;
    text << in.rdbuf();
    const std::string content = text.str();
    std::vector<WordPair> pairs;
    for (const rasd::detail::DataLine& line : rasd::detail::data_lines(path, content)) {
        const std::vector<std::string_view> cells = rasd::detail::split_trimmed(line.text, '\t');
        if (cells.size() != 3 || (cells[0] != "meet" && cells[0] != "apart") || cells[1].empty() || cells[2].empty()) {
            throw std::runtime_error(line.error("expected meet|apart<TAB>WORD<TAB>WORD"));
        }
        pairs.push_back({cells[0] == "meet", std::string(cells[1]), std::string(cells[2]), line.number});
    }
    return pairs;
}

std::string default_pairs_file() { return RASD_BENCH_VARIANT_PAIRS; }

}  // namespace rasd::bench::variants

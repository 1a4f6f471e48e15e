#pragma once
// The articles of a benchmark, read into memory with rasd::read_articles() before anything is
// timed.

#include <rasd/article.hpp>

#include <cstddef>
#include <cstdint>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::bench {

struct Corpus {
    std::vector<rasd::Article> articles;
    std::uint64_t raw_bytes = 0;  // title + abstract + body
    std::size_t distinct_ids = 0;
    std::size_t problems = 0;
    double mib() const;
};

// The first `max_articles` articles (0 = all) of `inputs`, as rasd::read_articles() reads them,
// without their origin (never indexed; it would only cost memory in every child). The first
// five records skipped are reported on `problems_to`, each after "  <problem_label>: ".
Corpus read_corpus(const std::vector<std::string>& inputs, std::size_t max_articles,
                   std::string_view problem_label = "read problem", std::ostream& problems_to = std::cerr);

}  // namespace rasd::bench

#pragma once
// The articles of an indexing benchmark, read into memory before anything is timed.
// Header-only, for the indexing benchmarks.

#include "bench_support.hpp"

#include <rasd/article.hpp>
#include <rasd/article_reader.hpp>

#include <cstddef>
#include <cstdint>
#include <iostream>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

namespace rasd::bench {

struct Corpus {
    std::vector<rasd::Article> articles;
    std::uint64_t raw_bytes = 0;  // title + abstract + body
    std::size_t distinct_ids = 0;
    std::size_t problems = 0;
    double mib() const { return rasd::bench::mib(raw_bytes); }
};

// The first `max_articles` articles (0 = all) of `inputs`, as rasd::read_articles() reads them.
// The first five records skipped are reported on stderr, each after `problem_label`.
inline Corpus read_corpus(const std::vector<std::string>& inputs, std::size_t max_articles,
                          std::string_view problem_label = "read problem") {
    Corpus c;
    for (const std::string& input : inputs) {
        rasd::read_articles(
            input,
            [&](rasd::Article&& a) {
                if (max_articles == 0 || c.articles.size() < max_articles) c.articles.push_back(std::move(a));
            },
            [&](const rasd::ReadProblem& p) {
                if (++c.problems <= 5) std::cerr << "  " << problem_label << ": " << p.message() << "\n";
            });
    }
    std::unordered_set<std::string> ids;
    for (rasd::Article& a : c.articles) {
        a.origin.clear();  // not indexed; saves memory in every child
        a.origin.shrink_to_fit();
        c.raw_bytes += a.title.size() + a.abstract.size() + a.body.size();
        ids.insert(a.id);
    }
    c.distinct_ids = ids.size();
    return c;
}

}  // namespace rasd::bench

#include "corpus.hpp"

#include "format.hpp"

#include <rasd/article_reader.hpp>

#include <unordered_set>
#include <utility>

namespace rasd::bench {

namespace {
constexpr std::size_t kProblemsShown = 5;
}  // namespace

double Corpus::mib() const { return rasd::bench::mib(raw_bytes); }

Corpus read_corpus(const std::vector<std::string>& inputs, std::size_t max_articles, std::string_view problem_label,
                   std::ostream& problems_to) {
    Corpus c;
    for (const std::string& input : inputs) {
        rasd::read_articles(
            input,
            [&](rasd::Article&& a) {
                if (max_articles == 0 || c.articles.size() < max_articles) c.articles.push_back(std::move(a));
            },
            [&](const rasd::ReadProblem& p) {
                if (++c.problems <= kProblemsShown) problems_to << "  " << problem_label << ": " << p.message() << "\n";
            });
    }
    std::unordered_set<std::string> ids;
    for (rasd::Article& a : c.articles) {
        a.origin.clear();
        a.origin.shrink_to_fit();
        c.raw_bytes += a.title.size() + a.abstract.size() + a.body.size();
        ids.insert(a.id);
    }
    c.distinct_ids = ids.size();
    return c;
}

}  // namespace rasd::bench

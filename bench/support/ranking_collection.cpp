#include "ranking_collection.hpp"

#include "corpus.hpp"
#include "seeded_draws.hpp"

#include <iostream>
#include <random>
#include <unordered_map>
#include <utility>

namespace rasd::bench::ranking {

namespace {

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

}  // namespace

std::vector<std::string_view> split_words(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && is_ascii_space(text[i])) ++i;
        const std::size_t start = i;
        while (i < text.size() && !is_ascii_space(text[i])) ++i;
        if (i > start) words.push_back(text.substr(start, i - start));
    }
    return words;
}

std::string first_words(std::string_view text, std::size_t n) {
    std::string out;
    std::size_t taken = 0;
    for (std::string_view w : split_words(text)) {
        if (taken == n) break;
        if (!out.empty()) out += ' ';
        out += w;
        ++taken;
    }
    return out;
}

std::string plain_query(const std::string& headline) {
    static const std::vector<std::string> kSyntax = {"\"", "«", "»", "“", "”", "„", "(", ")", ":", "*", "+", "-"};
    std::string text = headline;
    for (const std::string& s : kSyntax) {
        for (std::size_t at = text.find(s); at != std::string::npos; at = text.find(s, at + 1)) {
            text.replace(at, s.size(), std::string(s.size(), ' '));
        }
    }
    std::string out;
    for (std::string_view w : split_words(text)) {
        std::string word(w);
        if (word == "AND" || word == "OR" || word == "NOT") {
            for (char& c : word) c = static_cast<char>(c - 'A' + 'a');
        }
        if (!out.empty()) out += ' ';
        out += word;
    }
    return out;
}

Collection read_collection(const std::string& path, std::size_t sample) {
    Collection c;
    c.path = path;
    Corpus corpus = read_corpus({path}, 0, "read problem (article skipped)", std::cout);
    c.articles = std::move(corpus.articles);
    c.problems = corpus.problems;
    std::unordered_map<std::string, std::size_t> headline_count;
    for (const rasd::Article& a : c.articles) ++headline_count[a.title];
    std::vector<std::size_t> candidates;
    for (std::size_t i = 0; i < c.articles.size(); ++i) {
        const std::string& t = c.articles[i].title;
        if (headline_count[t] == 1 && split_words(t).size() >= kMinHeadlineWords) candidates.push_back(i);
    }
    c.candidates = candidates.size();
    std::mt19937 rng(kSeed);
    shuffle(candidates, rng);
    for (std::size_t k = 0; k < candidates.size() && k < 2 * sample; ++k) {
        QuerySet& set = k < sample ? c.queries : c.holdout;
        set.docs.push_back(candidates[k]);
        set.texts.push_back(plain_query(c.articles[candidates[k]].title));
    }
    return c;
}

}  // namespace rasd::bench::ranking

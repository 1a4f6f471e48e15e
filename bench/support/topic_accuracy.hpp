#pragma once
// The topic benchmark: rasd's topic inference (light-analyzer stems of title + text) against the
// section labels of a news dump, resolved to gold topics by TopicTaxonomy::resolve(); articles
// whose label maps to no topic are left out of the accuracy but still listed per label.

#include <cstddef>
#include <istream>
#include <map>
#include <string>
#include <utility>

namespace rasd::bench::topics {

struct Counts {
    std::size_t articles = 0;
    std::size_t correct = 0;
    std::size_t covered = 0;  // a topic was inferred
};

struct TopicAccuracy {
    Counts overall;
    std::map<std::string, Counts> per_gold;                                 // gold id -> counts
    std::map<std::pair<std::string, std::string>, std::size_t> confusions;  // (gold, inferred)
    std::map<std::string, std::map<std::string, std::size_t>> per_label;    // label -> inferred -> n
    std::map<std::string, std::size_t> label_sizes;
    std::size_t read = 0;
    std::size_t unmapped = 0;
    std::size_t problems = 0;  // records skipped: no text or bad JSON
    double seconds = 0;
};

// Tallies the JSON-lines articles of `input` (named `name` in messages).
TopicAccuracy measure_topic_accuracy(std::istream& input, const std::string& name);

// Accuracy overall and per gold topic, coverage, the most frequent confusions, and per source
// label where its articles went.
void print_topic_accuracy(const std::string& corpus, const TopicAccuracy& accuracy);

}  // namespace rasd::bench::topics

#pragma once
// The peer benchmarks' known-item task (../shared/bench-peers/make_known_item.py): corpus.jsonl
// (one JSON object a line: id, title, body, date, topic) and queries.tsv (qid, headline, target
// id). Read for rasd as the peers' --body-only mode reads it: the headline is the query and is
// left out of the index.

#include <rasd/article.hpp>

#include <cstddef>
#include <string>
#include <vector>

namespace rasd::bench::known_item {

struct Query {
    std::string qid;
    std::string text;    // the headline as plain free text (ranking::plain_query)
    std::string target;  // the id of the article it was taken from
};

struct Task {
    std::vector<rasd::Article> articles;  // titles left out
    std::size_t corpus_bytes = 0;         // of corpus.jsonl, as the peers' CSV counts corpus_MB
    std::vector<Query> queries;
};

// Reads `corpus` and `queries`. Articles with an empty body are skipped (as the peers' prep
// skips them). @throws std::runtime_error naming the file and line of a malformed record.
Task read_task(const std::string& corpus, const std::string& queries);

}  // namespace rasd::bench::known_item

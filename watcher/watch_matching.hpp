#pragma once
// Running one watch over what is new in one database: its query within the commits after one
// sequence and up to another, which an AND with a short posting list (or a value range) makes
// cheap however large the archive is.

#include "searcher/search_hit.hpp"

#include <rasd/searcher.hpp>

#include <xapian.h>

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace rasd::detail {

// Up to this many sequences are selected by their XSEQ terms; beyond, by a range of kSequenceSlot.
inline constexpr std::uint64_t kMaxSequenceTerms = 64;

// Matches articles committed with a sequence in (after, upto] (after < upto).
[[nodiscard]] Xapian::Query sequence_range_filter(std::uint64_t after, std::uint64_t upto);

struct NewMatch {
    std::uint64_t sequence = 0;
    SearchHit hit;
};

// The stored articles of one database already read in this poll, by document id: an article
// that several watches match is read and parsed once.
using StoredHits = std::unordered_map<Xapian::docid, StoredHit>;

// The articles of `database` committed in (after, upto] that `query` matches, with their hits
// (snippets highlight what matched, as Searcher's do), in Xapian's order.
[[nodiscard]] std::vector<NewMatch> match_new_articles(const Xapian::Database& database, const Xapian::Query& query,
                                                       std::uint64_t after, std::uint64_t upto,
                                                       const Xapian::Stem& stem, const SearchOptions& options,
                                                       StoredHits& read);

// How many other articles the story `story` has in the archive (every database of it, shards
// included): an alert's copies. 0 for "" (an article indexed without story detection).
[[nodiscard]] std::size_t other_articles_of_story(const std::vector<Xapian::Database>& databases, const std::string& story);

}  // namespace rasd::detail

#pragma once
// The read side of stories (docs/STORIES.md): a hit's matching copies, the articles of a story,
// more-like-this queries and the archive's largest stories. Near-duplicates are found at index
// time (indexer/story_resolver.hpp); here the story id (value slot and XSTORY term) is only read.

#include "archive/schema.hpp"
#include "slot_stream.hpp"

#include <rasd/searcher.hpp>

#include <xapian.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <unordered_set>
#include <utility>
#include <vector>

namespace rasd::detail {

// For every hit with a story: how many other articles of its story match `query` (exactly:
// Xapian's collapse count is a lower bound when the match stops early), and their sources, each
// read from the source value slot and named by `source_label` (folded name -> how the archive's
// articles write it). Once `out_of_time` says so, the hits left whose story has other articles
// are not counted (SearchHit::copies_counted false). @return how many were not.
std::size_t count_copies(const Xapian::Database& database, const Xapian::Query& query, std::vector<SearchHit>& hits,
                         const std::function<std::string(const std::string&)>& source_label,
                         const std::function<bool()>& out_of_time);

// A match spy that passes each story's first matching article of `database` on to `spy` and
// leaves out its other articles (articles without a story are all passed on): facets that count
// stories. Local databases only (Xapian's remote backend takes no spy of its own kind).
class OnePerStorySpy : public Xapian::MatchSpy {
public:
    OnePerStorySpy(const Xapian::Database& database, Xapian::MatchSpy& spy)
        : m_story_slot(database, schema::kStorySlot), m_spy(spy) {}
    void operator()(const Xapian::Document& document, double weight) override;
    // The articles passed on: the number of stories matched (articles without one count alone).
    [[nodiscard]] std::size_t passed() const { return m_passed; }

private:
    SlotStream m_story_slot;
    Xapian::MatchSpy& m_spy;
    std::size_t m_passed = 0;
    std::unordered_set<std::string> m_seen;
};

// The Xapian document id of the article `id`, if the archive holds it.
[[nodiscard]] std::optional<Xapian::docid> article_docid(const Xapian::Database& database, const std::string& id);

// The story named `id` when there is one (the id results give as "story"), else the story of
// the article `id`; "" when neither a story nor an article has it. The two differ only when a
// story's first article was deleted and its id used again for another text (docs/STORIES.md).
[[nodiscard]] std::string story_named_by(const Xapian::Database& database, const std::string& id);

// The query of the kLikeTerms most significant word terms of the document `docid` (Xapian's
// expansion weights over an RSet of that one document), OR-ed; an empty query when it has none.
[[nodiscard]] Xapian::Query more_like_this(const Xapian::Database& database, Xapian::docid docid);

// The number of stories, of stories with copies, of articles with a story, and the `top` largest.
struct StoryCounts {
    std::size_t stories = 0;
    std::size_t with_copies = 0;
    std::size_t articles = 0;
    std::vector<StorySize> largest;
};
[[nodiscard]] StoryCounts count_stories(const Xapian::Database& database, std::size_t top);

}  // namespace rasd::detail

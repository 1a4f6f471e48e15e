#pragma once
// Which story a new article belongs to (docs/STORIES.md). An article joins the story of the most
// similar article already in the archive or written earlier in this run, when their estimated
// Jaccard similarity reaches kStoryJaccard and so does that story's first article's; otherwise
// it starts a story named by its own id.
// Candidates are the articles sharing a MinHash band key: looked up as XLSH terms in every
// database of the archive as last committed, and in memory for the articles written since their
// database's last commit (which a reader cannot see yet). Shared by the writers of every shard
// and safe to call from their threads: one mutex makes finding a story and registering the
// article one step, so two copies written at once by two shards still meet.

#include "article_preparer.hpp"

#include "knowledge/story_fingerprint.hpp"

#include <xapian.h>

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace rasd::detail {

class StoryResolver {
public:
    // `databases`: every database of the archive, in shard order, each already created.
    explicit StoryResolver(const std::vector<std::string>& databases);

    // Gives `prepared` (about to be written to `shard`) its story: `previous_story` when not
    // empty (a re-sent article keeps its story), else the story of its nearest duplicate, else
    // its own id; sets the story value and term of its document and IndexedArticle::story.
    void assign(PreparedArticle& prepared, std::size_t shard, const std::string& previous_story);

    // The article `id` of `shard` was deleted: it is no candidate any more.
    void forget(const std::string& id, std::size_t shard);

    // `shard` committed: what it wrote is read from the database from now on.
    void committed(std::size_t shard);

    // `shard` dropped its uncommitted changes.
    void discarded(std::size_t shard);

private:
    struct Entry {
        std::string id;
        std::string story;
        MinHashes signature{};
        bool live = true;
    };
    // What one shard wrote since its last commit.
    struct Pending {
        std::vector<Entry> entries;
        std::unordered_multimap<std::uint64_t, std::size_t> by_band;  // band key -> entry
        std::unordered_map<std::string, std::size_t> by_id;            // id -> its live entry
        std::unordered_set<std::string> changed;  // ids rewritten or deleted: their committed copy is stale
        void clear();
    };
    // Candidate stories: story id -> the similarity of its nearest article, kStoryJaccard or more.
    using Nearest = std::unordered_map<std::string, double>;

    static void keep_nearer(Nearest& nearest, const std::string& story, double similarity);
    void consider_pending(const MinHashes& signature, const BandKeys& keys, Nearest& nearest) const;
    void consider_committed(const MinHashes& signature, const BandKeys& keys, Nearest& nearest);
    // The signature of the article `id` as the writers see it now; none when it is gone, has
    // none, or (with `of_story`) belongs to another story than `*of_story`.
    [[nodiscard]] std::optional<MinHashes> signature_of(const std::string& id, const std::string* of_story = nullptr);
    // The story a new article `id` starts: named by its id, unless a story of that name is still
    // held by other articles (its first article was deleted and the id is used again for another
    // text): then "ID~2", "ID~3", ..., the first name no article holds.
    [[nodiscard]] std::string new_story_name(const std::string& id);
    // Whether an article other than `id` holds the story `story`, as the writers see it now.
    [[nodiscard]] bool story_held_by_others(const std::string& story, const std::string& id);
    // The story to join: the one whose nearest article and first article are both near enough,
    // the nearest such; "" for none.
    [[nodiscard]] std::string story_to_join(const MinHashes& signature, const Nearest& nearest);
    [[nodiscard]] bool changed_since_commit(const std::string& id) const;
    void reopen();
    [[nodiscard]] bool may_be_committed(std::uint64_t key) const;

    std::mutex m_mutex;
    Xapian::Database m_committed;  // every shard, as last committed
    // When the archive was empty as this resolver began, every band key it holds was committed
    // through it: a Bloom filter of those keys tells most new keys (nearly all of an article's)
    // from the database's without a posting-list lookup. Empty otherwise: then every key is
    // looked up.
    std::vector<std::uint64_t> m_committed_keys;
    std::vector<Pending> m_pending;  // per shard
    // Ids deleted through this resolver: when the archive was empty as it began, only these can
    // name a story that other articles still hold.
    std::unordered_set<std::string> m_forgotten;
};

}  // namespace rasd::detail

#include "story_resolver.hpp"

#include "article_document.hpp"
#include "archive/schema.hpp"
#include "archive/term_codec.hpp"
#include "util/splitmix64.hpp"

#include <algorithm>
#include <array>

namespace rasd::detail {
namespace {

// The candidates taken from one band's posting list in the database: a band shared by very
// many articles (a boilerplate text repeated) would otherwise make every new article read them all.
constexpr Xapian::doccount kMaxCandidatesPerBand = 64;

// A reader that falls two commits behind the writers gets DatabaseModifiedError: reopen and
// look again, a bounded number of times.
constexpr int kMaxModifiedRetries = 5;

// Between an article's id and the number of a story it starts when a story of its id's name is
// still held by other articles: "ID~2".
constexpr const char* kReusedIdStorySeparator = "~";

// The Bloom filter of committed band keys: 2^25 bits (4 MiB), two bits per key. At 500,000
// articles (5 million keys) a new key still passes for committed about 7% of the time, which
// costs only the lookup it would have had anyway.
constexpr unsigned kKeyFilterBitsLog2 = 25;
constexpr std::uint64_t kKeyFilterMask = (std::uint64_t{1} << kKeyFilterBitsLog2) - 1;
constexpr unsigned kWordBitsLog2 = 6;
constexpr std::uint64_t kWordBitMask = 63;

std::array<std::uint64_t, 2> filter_bits(std::uint64_t key) {
    const std::uint64_t mixed = splitmix64(key);
    return {mixed & kKeyFilterMask, (mixed >> 32U) & kKeyFilterMask};
}

}  // namespace

void StoryResolver::Pending::clear() {
    entries.clear();
    by_band.clear();
    by_id.clear();
    changed.clear();
}

StoryResolver::StoryResolver(const std::vector<std::string>& databases) : m_pending(databases.size()) {
    for (const std::string& path : databases) m_committed.add_database(Xapian::Database(path));
    if (m_committed.get_doccount() == 0) m_committed_keys.assign((kKeyFilterMask + 1) >> kWordBitsLog2, 0);
}

bool StoryResolver::may_be_committed(std::uint64_t key) const {
    if (m_committed_keys.empty()) return true;  // the archive held articles before: unknown keys
    for (const std::uint64_t bit : filter_bits(key)) {
        if ((m_committed_keys[bit >> kWordBitsLog2] & (std::uint64_t{1} << (bit & kWordBitMask))) == 0) return false;
    }
    return true;
}

void StoryResolver::reopen() { (void)m_committed.reopen(); }

bool StoryResolver::changed_since_commit(const std::string& id) const {
    return std::any_of(m_pending.begin(), m_pending.end(), [&](const Pending& p) { return p.changed.contains(id); });
}

void StoryResolver::consider_pending(const MinHashes& signature, const BandKeys& keys, Nearest& nearest) const {
    for (const Pending& pending : m_pending) {
        std::unordered_set<std::size_t> seen;
        for (const std::uint64_t key : keys) {
            const auto [first, last] = pending.by_band.equal_range(key);
            for (auto it = first; it != last; ++it) {
                const Entry& entry = pending.entries[it->second];
                if (!entry.live || !seen.insert(it->second).second) continue;
                keep_nearer(nearest, entry.story, estimated_jaccard(signature, entry.signature));
            }
        }
    }
}

void StoryResolver::consider_committed(const MinHashes& signature, const BandKeys& keys, Nearest& nearest) {
    for (int attempt = 1;; ++attempt) {
        try {
            if (m_committed.get_doccount() == 0) return;
            std::unordered_set<Xapian::docid> seen;
            for (const std::uint64_t key : keys) {
                if (!may_be_committed(key)) continue;
                const std::string term = schema::band_term(key);
                Xapian::doccount taken = 0;
                for (auto p = m_committed.postlist_begin(term); p != m_committed.postlist_end(term) &&
                                                                taken < kMaxCandidatesPerBand;
                     ++p, ++taken) {
                    if (!seen.insert(*p).second) continue;
                    const Xapian::Document document = m_committed.get_document(*p);
                    MinHashes other{};
                    if (!schema::signature_of_value(document.get_value(schema::kSignatureSlot), other)) continue;
                    const double similarity = estimated_jaccard(signature, other);
                    if (similarity < kStoryJaccard) continue;
                    if (changed_since_commit(schema::id_of_value(document.get_value(schema::kIdSlot)))) continue;
                    keep_nearer(nearest, schema::story_of_value(document.get_value(schema::kStorySlot)), similarity);
                }
            }
            return;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == kMaxModifiedRetries) throw;
            reopen();
        }
    }
}

bool StoryResolver::story_held_by_others(const std::string& story, const std::string& id) {
    // A story named in this run is held by others only once its article was deleted: the
    // articles written since the last commit need no look unless `id` was.
    if (m_forgotten.contains(id)) {
        for (const Pending& pending : m_pending) {
            for (const Entry& entry : pending.entries) {
                if (entry.live && entry.story == story && entry.id != id) return true;
            }
        }
    }
    for (int attempt = 1;; ++attempt) {
        try {
            const std::string term = schema::story_term(story);
            for (auto p = m_committed.postlist_begin(term); p != m_committed.postlist_end(term); ++p) {
                const std::string member = schema::id_of_value(m_committed.get_document(*p).get_value(schema::kIdSlot));
                if (member != id && !changed_since_commit(member)) return true;
            }
            return false;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == kMaxModifiedRetries) throw;
            reopen();
        }
    }
}

std::string StoryResolver::new_story_name(const std::string& id) {
    // An archive empty as this resolver began holds only stories named in this run, by ids
    // that were new then: one of them is held by others only if its article was deleted since.
    if (!m_committed_keys.empty() && !m_forgotten.contains(id)) return id;
    std::string name = id;
    for (std::size_t n = 2; story_held_by_others(name, id); ++n) name = id + kReusedIdStorySeparator + std::to_string(n);
    return name;
}

void StoryResolver::keep_nearer(Nearest& nearest, const std::string& story, double similarity) {
    if (similarity < kStoryJaccard || story.empty()) return;
    double& kept = nearest[story];
    kept = std::max(kept, similarity);
}

std::optional<MinHashes> StoryResolver::signature_of(const std::string& id, const std::string* of_story) {
    for (const Pending& pending : m_pending) {
        if (const auto entry = pending.by_id.find(id); entry != pending.by_id.end()) {
            const Entry& found = pending.entries[entry->second];
            if (of_story && found.story != *of_story) return std::nullopt;
            return found.signature;
        }
    }
    if (changed_since_commit(id)) return std::nullopt;  // deleted since the commit
    for (int attempt = 1;; ++attempt) {
        try {
            const std::string term = schema::id_term(id);
            const Xapian::PostingIterator it = m_committed.postlist_begin(term);
            if (it == m_committed.postlist_end(term)) return std::nullopt;
            const Xapian::Document document = m_committed.get_document(*it);
            if (of_story && schema::story_of_value(document.get_value(schema::kStorySlot)) != *of_story) {
                return std::nullopt;
            }
            MinHashes signature{};
            if (!schema::signature_of_value(document.get_value(schema::kSignatureSlot), signature)) return std::nullopt;
            return signature;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == kMaxModifiedRetries) throw;
            reopen();
        }
    }
}

std::string StoryResolver::story_to_join(const MinHashes& signature, const Nearest& nearest) {
    // The nearest copy alone would let a story drift: each member near the one before it, the
    // last far from the first. A story is joined only when its first article (whose id names
    // it) is near as well; when that article is gone or has no signature, the nearest copy decides.
    std::string chosen;
    double chosen_similarity = 0.0;
    for (const auto& [story, similarity] : nearest) {
        double joined = similarity;
        // The article named like the story may be another text under a reused id (new_story_name()).
        if (const std::optional<MinHashes> first = signature_of(story, &story)) {
            joined = std::min(joined, estimated_jaccard(signature, *first));
        }
        // Ties go to the smaller story id, so the choice does not depend on the table's order.
        if (joined >= kStoryJaccard &&
            (joined > chosen_similarity || (joined == chosen_similarity && story < chosen))) {
            chosen = story;
            chosen_similarity = joined;
        }
    }
    return chosen;
}

void StoryResolver::assign(PreparedArticle& prepared, std::size_t shard, const std::string& previous_story) {
    const std::string id = schema::id_of_term(prepared.id_term);
    std::lock_guard lock(m_mutex);
    Pending& pending = m_pending[shard];
    if (const auto old = pending.by_id.find(id); old != pending.by_id.end()) {
        pending.entries[old->second].live = false;
        pending.by_id.erase(old);
    }
    std::string story = previous_story;
    if (prepared.signature) {
        const BandKeys keys = band_keys(*prepared.signature);
        if (story.empty()) {
            Nearest nearest;
            consider_pending(*prepared.signature, keys, nearest);
            consider_committed(*prepared.signature, keys, nearest);
            story = story_to_join(*prepared.signature, nearest);
        }
        if (story.empty()) story = new_story_name(id);
        const std::size_t index = pending.entries.size();
        pending.entries.push_back({id, story, *prepared.signature, true});
        for (const std::uint64_t key : keys) pending.by_band.emplace(key, index);
        pending.by_id.emplace(id, index);
    }
    if (story.empty()) story = new_story_name(id);
    pending.changed.insert(id);
    set_story(prepared.document, story);
    prepared.result.story = story;
}

void StoryResolver::forget(const std::string& id, std::size_t shard) {
    std::lock_guard lock(m_mutex);
    m_forgotten.insert(id);
    Pending& pending = m_pending[shard];
    if (const auto old = pending.by_id.find(id); old != pending.by_id.end()) {
        pending.entries[old->second].live = false;
        pending.by_id.erase(old);
    }
    pending.changed.insert(id);
}

void StoryResolver::committed(std::size_t shard) {
    std::lock_guard lock(m_mutex);
    if (!m_committed_keys.empty()) {
        for (const auto& [key, entry] : m_pending[shard].by_band) {
            for (const std::uint64_t bit : filter_bits(key)) {
                m_committed_keys[bit >> kWordBitsLog2] |= std::uint64_t{1} << (bit & kWordBitMask);
            }
        }
    }
    reopen();
    m_pending[shard].clear();
}

void StoryResolver::discarded(std::size_t shard) {
    std::lock_guard lock(m_mutex);
    m_pending[shard].clear();
}

}  // namespace rasd::detail

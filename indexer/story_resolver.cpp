#include "story_resolver.hpp"

#include "article_document.hpp"
#include "archive/schema.hpp"
#include "archive/term_codec.hpp"

#include <algorithm>

namespace rasd::detail {
namespace {

// The candidates taken from one band's posting list in the database: a band shared by very
// many articles (a boilerplate text repeated) would otherwise make every new article read them all.
constexpr Xapian::doccount kMaxCandidatesPerBand = 64;

// A reader that falls two commits behind the writers gets DatabaseModifiedError: reopen and
// look again, a bounded number of times.
constexpr int kMaxModifiedRetries = 5;

}  // namespace

void StoryResolver::Pending::clear() {
    entries.clear();
    by_band.clear();
    by_id.clear();
    changed.clear();
}

StoryResolver::StoryResolver(const std::vector<std::string>& databases) : m_pending(databases.size()) {
    for (const std::string& path : databases) m_committed.add_database(Xapian::Database(path));
}

void StoryResolver::reopen() { (void)m_committed.reopen(); }

bool StoryResolver::changed_since_commit(const std::string& id) const {
    return std::any_of(m_pending.begin(), m_pending.end(), [&](const Pending& p) { return p.changed.contains(id); });
}

void StoryResolver::consider_pending(const MinHashes& signature, const BandKeys& keys, Match& best) const {
    for (const Pending& pending : m_pending) {
        std::unordered_set<std::size_t> seen;
        for (const std::uint64_t key : keys) {
            const auto [first, last] = pending.by_band.equal_range(key);
            for (auto it = first; it != last; ++it) {
                const Entry& entry = pending.entries[it->second];
                if (!entry.live || !seen.insert(it->second).second) continue;
                const double similarity = estimated_jaccard(signature, entry.signature);
                if (similarity > best.similarity) best = {entry.story, similarity};
            }
        }
    }
}

void StoryResolver::consider_committed(const MinHashes& signature, const BandKeys& keys, Match& best) {
    for (int attempt = 1;; ++attempt) {
        try {
            if (m_committed.get_doccount() == 0) return;
            std::unordered_set<Xapian::docid> seen;
            for (const std::uint64_t key : keys) {
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
                    if (similarity <= best.similarity) continue;
                    if (changed_since_commit(schema::id_of_value(document.get_value(schema::kIdSlot)))) continue;
                    best = {schema::story_of_value(document.get_value(schema::kStorySlot)), similarity};
                }
            }
            return;
        } catch (const Xapian::DatabaseModifiedError&) {
            if (attempt == kMaxModifiedRetries) throw;
            reopen();
        }
    }
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
            Match best;
            consider_pending(*prepared.signature, keys, best);
            consider_committed(*prepared.signature, keys, best);
            if (best.similarity >= kStoryJaccard && !best.story.empty()) story = best.story;
        }
        if (story.empty()) story = id;
        const std::size_t index = pending.entries.size();
        pending.entries.push_back({id, story, *prepared.signature, true});
        for (const std::uint64_t key : keys) pending.by_band.emplace(key, index);
        pending.by_id.emplace(id, index);
    }
    if (story.empty()) story = id;
    pending.changed.insert(id);
    set_story(prepared.document, story);
    prepared.result.story = story;
}

void StoryResolver::forget(const std::string& id, std::size_t shard) {
    std::lock_guard lock(m_mutex);
    Pending& pending = m_pending[shard];
    if (const auto old = pending.by_id.find(id); old != pending.by_id.end()) {
        pending.entries[old->second].live = false;
        pending.by_id.erase(old);
    }
    pending.changed.insert(id);
}

void StoryResolver::committed(std::size_t shard) {
    std::lock_guard lock(m_mutex);
    reopen();
    m_pending[shard].clear();
}

void StoryResolver::discarded(std::size_t shard) {
    std::lock_guard lock(m_mutex);
    m_pending[shard].clear();
}

}  // namespace rasd::detail

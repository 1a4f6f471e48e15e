#include "topics.hpp"

#include "analyzers/arabic_chars.hpp"
#include "util/data_lines.hpp"
#include "util/edit_distance.hpp"
#include "util/spaces_and_dashes.hpp"
#include "util/utf8.hpp"

#include <rasd/analysis/text_folding.hpp>
#include <rasd/error.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <string>
#include <system_error>
#include <unordered_map>
#include <utility>

namespace rasd::detail {

extern const std::string_view kTopicsTsvText;
extern const std::string_view kTopicModelTsvText;

namespace {

using namespace std::string_view_literals;

constexpr auto kArticle = "ال"sv;    // folded definite article
constexpr auto kWaw = "و"sv;         // conjunction "and"
constexpr std::size_t kMinLettersAfterArticle = 2;
constexpr std::size_t kMinLettersAfterWaw = 3;
constexpr double kMaxWeight = 100.0;

// ---- Fields ------------------------------------------------------------------------------

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.front() < 'a' || id.front() > 'z') return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

// ---- Matching form -----------------------------------------------------------------------

// Word separators in a label: ASCII spaces and punctuation, Unicode spaces, Arabic ، ؛ ؟.
bool is_separator(char32_t c) {
    if (c < 0x80) {
        return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
    }
    return unicode::is_unicode_space(c) || c == arabic::kArabicComma || c == arabic::kArabicSemicolon ||
           c == arabic::kArabicQuestionMark;
}

// The part of a label word that matching compares. Every word loses a leading ال when at
// least two letters remain (الرياضة -> رياضه). A word after the first also loses a leading
// conjunction و (ثقافة وفنون = ثقافة فنون; والدولي -> دولي) when at least three letters remain,
// and the words "and" and a detached و are dropped ("culture and arts" = "Culture & Arts").
std::string_view word_key(std::string_view word, bool first_word) {
    if (word == "and"sv || (!first_word && word == kWaw)) return {};
    if (!first_word && word.starts_with(kWaw) &&
        count_code_points(word) >= count_code_points(kWaw) + kMinLettersAfterWaw) {
        word.remove_prefix(kWaw.size());
    }
    if (word.starts_with(kArticle) &&
        count_code_points(word) >= count_code_points(kArticle) + kMinLettersAfterArticle) {
        word.remove_prefix(kArticle.size());
    }
    return word;
}

}  // namespace

std::string topic_label_key(std::string_view label) {
    const std::string folded = fold_text(label);
    std::string key;
    std::size_t word_begin = 0;
    bool first_word = true;
    const auto flush_word = [&](std::size_t end) {
        if (end > word_begin) {
            key.append(word_key(std::string_view(folded).substr(word_begin, end - word_begin), first_word));
            first_word = false;
        }
    };
    for (std::size_t i = 0; i < folded.size();) {
        const std::size_t begin = i;
        if (is_separator(next_code_point(folded, i))) {
            flush_word(begin);
            word_begin = i;
        }
    }
    flush_word(folded.size());
    for (char& c : key) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return key;
}

TopicTaxonomy::TopicTaxonomy(std::string_view topics_tsv, std::string_view model_tsv) {
    for (const DataLine& line : data_lines("topics", topics_tsv)) {
        const std::vector<std::string_view> fields = split_trimmed(line.text, '\t');
        if (fields.size() < 3 || fields.size() > 4) {
            throw DataError(line.error("expected id<TAB>arabic<TAB>english<TAB>aliases, got " +
                                       std::to_string(fields.size()) + " field(s)"));
        }
        if (!is_valid_id(fields[0])) {
            throw DataError(line.error("bad topic id '" + std::string(fields[0]) +
                                       "' (lowercase ASCII letters, digits, _ and -)"));
        }
        if (fields[1].empty() || fields[2].empty()) {
            throw DataError(line.error("topic '" + std::string(fields[0]) + "' needs both labels"));
        }
        for (const Topic& topic : m_topics) {
            if (topic.id == fields[0]) throw DataError(line.error("duplicate topic id '" + topic.id + "'"));
        }
        const std::size_t index = m_topics.size();
        m_topics.push_back({std::string(fields[0]), std::string(fields[1]), std::string(fields[2])});

        std::vector<std::string_view> names = {fields[0], fields[1], fields[2]};
        if (fields.size() == 4 && !fields[3].empty()) {
            for (std::string_view alias : split_trimmed(fields[3], '|')) {
                if (alias.empty()) {
                    throw DataError(line.error("empty alias in '" + std::string(fields[3]) + "'"));
                }
                names.push_back(alias);
            }
        }
        for (std::string_view name : names) {
            std::string key = topic_label_key(name);
            if (key.empty()) throw DataError(line.error("'" + std::string(name) + "' has no letters"));
            const auto [it, inserted] = m_by_key.try_emplace(key, index);
            if (!inserted && it->second != index) {
                throw DataError(line.error("'" + std::string(name) + "' already names topic '" +
                                           m_topics[it->second].id + "'"));
            }
            if (inserted) {
                m_longest_key_bytes = std::max(m_longest_key_bytes, key.size());
                m_names.push_back({std::move(key), index});
            }
        }
    }

    StringMap<std::size_t> topic_index;
    for (std::size_t i = 0; i < m_topics.size(); ++i) topic_index.emplace(m_topics[i].id, i);

    for (const DataLine& line : data_lines("topic_model", model_tsv)) {
        const std::vector<std::string_view> fields = split_trimmed(line.text, '\t');
        if (fields.size() < 3 || (fields.size() == 4 && !fields[3].starts_with('#')) || fields.size() > 4) {
            throw DataError(line.error("expected topic<TAB>stem<TAB>weight[<TAB># comment]"));
        }
        const auto topic = topic_index.find(fields[0]);
        if (topic == topic_index.end()) {
            throw DataError(line.error("unknown topic '" + std::string(fields[0]) + "'"));
        }
        const std::string_view stem = fields[1];
        if (stem.empty() || stem.find(' ') != std::string_view::npos || fold_text(stem) != stem) {
            throw DataError(line.error("stem '" + std::string(stem) + "' is not one folded word"));
        }
        double weight = 0;
        const char* const end = fields[2].data() + fields[2].size();
        const auto [ptr, ec] = std::from_chars(fields[2].data(), end, weight);
        if (ec != std::errc{} || ptr != end || !std::isfinite(weight) || weight <= 0 || weight > kMaxWeight) {
            throw DataError(line.error("weight '" + std::string(fields[2]) + "' is not a number in (0, " +
                                       std::to_string(static_cast<int>(kMaxWeight)) + "]"));
        }
        std::vector<Cue>& cues = m_cues[std::string(stem)];
        for (const Cue& cue : cues) {
            if (cue.topic == topic->second) {
                throw DataError(line.error("stem '" + std::string(stem) + "' given twice for topic '" +
                                           std::string(fields[0]) + "'"));
            }
        }
        cues.push_back({topic->second, weight});
    }
}

const TopicTaxonomy& TopicTaxonomy::builtin() {
    static const TopicTaxonomy taxonomy(kTopicsTsvText, kTopicModelTsvText);
    return taxonomy;
}

const Topic* TopicTaxonomy::resolve(std::string_view label) const {
    const auto it = m_by_key.find(topic_label_key(label));
    return it == m_by_key.end() ? nullptr : &m_topics[it->second];
}

TopicTaxonomy::Inference TopicTaxonomy::infer(const std::vector<std::string>& stems) const {
    std::unordered_map<std::string_view, std::uint32_t> counts;
    for (const std::string& stem : stems) {
        if (!stem.empty() && m_cues.contains(stem)) ++counts[stem];
    }
    if (m_topics.empty()) return {nullptr, 0, 0};
    std::vector<double> scores(m_topics.size(), 0.0);
    for (const auto& [stem, count] : counts) {
        const double tf_factor = 1.0 + std::log(static_cast<double>(count));
        for (const Cue& cue : m_cues.find(stem)->second) scores[cue.topic] += cue.weight * tf_factor;
    }
    std::size_t best = 0;
    double runner_up = 0;
    for (std::size_t i = 1; i < scores.size(); ++i) {
        if (scores[i] > scores[best]) {
            runner_up = scores[best];
            best = i;
        } else {
            runner_up = std::max(runner_up, scores[i]);
        }
    }
    const double score = scores[best];
    return {score >= kMinScore ? &m_topics[best] : nullptr, score, score - runner_up};
}

std::vector<std::string> TopicTaxonomy::nearest(std::string_view label, std::size_t n) const {
    const std::string key = topic_label_key(label);
    if (key.size() > m_longest_key_bytes + kNearestSlackBytes) return {};
    const std::u32string wanted = to_code_points(key);
    std::vector<std::size_t> distance(m_topics.size(), std::numeric_limits<std::size_t>::max());
    for (const Name& name : m_names) {
        std::size_t& closest = distance[name.topic];
        // Only a name closer than the topic's closest so far counts: the bound lets the distance
        // give up as soon as it cannot be.
        if (closest > 0) {
            closest = std::min(closest, bounded_edit_distance(wanted, to_code_points(name.key), closest - 1));
        }
    }
    std::vector<std::size_t> order(m_topics.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return distance[a] < distance[b]; });
    std::vector<std::string> ids;
    for (std::size_t i = 0; i < order.size() && ids.size() < n; ++i) ids.push_back(m_topics[order[i]].id);
    return ids;
}

}  // namespace rasd::detail

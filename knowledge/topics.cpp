#include "topics.hpp"

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

// ---- Lines and fields --------------------------------------------------------------------

struct Line {
    std::size_t number;
    std::string_view text;
};

// Non-blank, non-comment lines, with trailing CR/space/tab removed.
std::vector<Line> data_lines(std::string_view text) {
    std::vector<Line> lines;
    std::size_t number = 0;
    while (!text.empty()) {
        const std::size_t newline = text.find('\n');
        std::string_view line = text.substr(0, newline);
        text.remove_prefix(newline == std::string_view::npos ? text.size() : newline + 1);
        ++number;
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) {
            line.remove_suffix(1);
        }
        const std::size_t first = line.find_first_not_of(" \t");
        if (first == std::string_view::npos || line[first] == '#') continue;
        lines.push_back({number, line});
    }
    return lines;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, char separator) {
    std::vector<std::string_view> parts;
    for (;;) {
        const std::size_t at = s.find(separator);
        parts.push_back(trim(s.substr(0, at)));
        if (at == std::string_view::npos) return parts;
        s.remove_prefix(at + 1);
    }
}

[[noreturn]] void fail(std::string_view file, std::size_t line, const std::string& message) {
    throw DataError(std::string(file) + ":" + std::to_string(line) + ": " + message);
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || id.front() < 'a' || id.front() > 'z') return false;
    return std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
    });
}

// ---- UTF-8 -------------------------------------------------------------------------------

// Decodes the code point starting at s[i] of valid UTF-8 (fold_text output); a stray or
// truncated byte is taken as a code point of its own. Returns the code point and its length.
std::pair<char32_t, std::size_t> decode_at(std::string_view s, std::size_t i) {
    const auto lead = static_cast<unsigned char>(s[i]);
    std::size_t length = 1;
    char32_t c = lead;
    if (lead >= 0xF0) {
        length = 4;
        c = lead & 0x07U;
    } else if (lead >= 0xE0) {
        length = 3;
        c = lead & 0x0FU;
    } else if (lead >= 0xC0) {
        length = 2;
        c = lead & 0x1FU;
    }
    if (i + length > s.size()) return {char32_t{lead}, 1};
    for (std::size_t k = 1; k < length; ++k) {
        c = (c << 6U) | (static_cast<unsigned char>(s[i + k]) & 0x3FU);
    }
    return {length == 1 ? char32_t{lead} : c, length};
}

std::u32string to_code_points(std::string_view s) {
    std::u32string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto [c, length] = decode_at(s, i);
        out.push_back(c);
        i += length;
    }
    return out;
}

// Word separators in a label: ASCII spaces and punctuation, Unicode spaces, Arabic ، ؛ ؟.
bool is_separator(char32_t c) {
    if (c < 0x80) {
        return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'));
    }
    return c == U'\u00A0' || c == U'\u060C' || c == U'\u061B' || c == U'\u061F' ||
           (c >= U'\u2000' && c <= U'\u200A') || c == U'\u202F' || c == U'\u3000';
}

std::size_t count_code_points(std::string_view s) {
    std::size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0U) != 0x80U;
    return n;
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

// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
std::size_t edit_distance(const std::u32string& a, const std::u32string& b) {
    const std::size_t width = b.size() + 1;
    std::vector<std::size_t> before(width), previous(width), current(width);
    std::iota(previous.begin(), previous.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        current[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
                current[j] = std::min(current[j], before[j - 2] + 1);
            }
        }
        std::swap(before, previous);
        std::swap(previous, current);
    }
    return previous[b.size()];
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
        const auto [c, length] = decode_at(folded, i);
        if (is_separator(c)) {
            flush_word(i);
            word_begin = i + length;
        }
        i += length;
    }
    flush_word(folded.size());
    for (char& c : key) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return key;
}

TopicTaxonomy::TopicTaxonomy(std::string_view topics_tsv, std::string_view model_tsv) {
    constexpr auto kTopicsFile = "topics"sv;
    constexpr auto kModelFile = "topic_model"sv;

    for (const Line& line : data_lines(topics_tsv)) {
        const std::vector<std::string_view> fields = split(line.text, '\t');
        if (fields.size() < 3 || fields.size() > 4) {
            fail(kTopicsFile, line.number,
                 "expected id<TAB>arabic<TAB>english<TAB>aliases, got " + std::to_string(fields.size()) +
                     " field(s)");
        }
        if (!is_valid_id(fields[0])) {
            fail(kTopicsFile, line.number,
                 "bad topic id '" + std::string(fields[0]) + "' (lowercase ASCII letters, digits, _ and -)");
        }
        if (fields[1].empty() || fields[2].empty()) {
            fail(kTopicsFile, line.number, "topic '" + std::string(fields[0]) + "' needs both labels");
        }
        for (const Topic& topic : m_topics) {
            if (topic.id == fields[0]) fail(kTopicsFile, line.number, "duplicate topic id '" + topic.id + "'");
        }
        const std::size_t index = m_topics.size();
        m_topics.push_back({std::string(fields[0]), std::string(fields[1]), std::string(fields[2])});

        std::vector<std::string_view> names = {fields[0], fields[1], fields[2]};
        if (fields.size() == 4 && !fields[3].empty()) {
            for (std::string_view alias : split(fields[3], '|')) {
                if (alias.empty()) fail(kTopicsFile, line.number, "empty alias in '" + std::string(fields[3]) + "'");
                names.push_back(alias);
            }
        }
        for (std::string_view name : names) {
            std::string key = topic_label_key(name);
            if (key.empty()) fail(kTopicsFile, line.number, "'" + std::string(name) + "' has no letters");
            const auto [it, inserted] = m_by_key.try_emplace(key, index);
            if (!inserted && it->second != index) {
                fail(kTopicsFile, line.number,
                     "'" + std::string(name) + "' already names topic '" + m_topics[it->second].id + "'");
            }
            if (inserted) {
                m_longest_key_bytes = std::max(m_longest_key_bytes, key.size());
                m_names.push_back({std::move(key), index});
            }
        }
    }

    StringMap<std::size_t> topic_index;
    for (std::size_t i = 0; i < m_topics.size(); ++i) topic_index.emplace(m_topics[i].id, i);

    for (const Line& line : data_lines(model_tsv)) {
        const std::vector<std::string_view> fields = split(line.text, '\t');
        if (fields.size() < 3 || (fields.size() == 4 && !fields[3].starts_with('#')) || fields.size() > 4) {
            fail(kModelFile, line.number, "expected topic<TAB>stem<TAB>weight[<TAB># comment]");
        }
        const auto topic = topic_index.find(fields[0]);
        if (topic == topic_index.end()) {
            fail(kModelFile, line.number, "unknown topic '" + std::string(fields[0]) + "'");
        }
        const std::string_view stem = fields[1];
        if (stem.empty() || stem.find(' ') != std::string_view::npos || fold_text(stem) != stem) {
            fail(kModelFile, line.number, "stem '" + std::string(stem) + "' is not one folded word");
        }
        double weight = 0;
        const char* const end = fields[2].data() + fields[2].size();
        const auto [ptr, ec] = std::from_chars(fields[2].data(), end, weight);
        if (ec != std::errc{} || ptr != end || !std::isfinite(weight) || weight <= 0 || weight > kMaxWeight) {
            fail(kModelFile, line.number,
                 "weight '" + std::string(fields[2]) + "' is not a number in (0, " +
                     std::to_string(static_cast<int>(kMaxWeight)) + "]");
        }
        std::vector<Cue>& cues = m_cues[std::string(stem)];
        for (const Cue& cue : cues) {
            if (cue.topic == topic->second) {
                fail(kModelFile, line.number,
                     "stem '" + std::string(stem) + "' given twice for topic '" + std::string(fields[0]) + "'");
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
        distance[name.topic] = std::min(distance[name.topic], edit_distance(wanted, to_code_points(name.key)));
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

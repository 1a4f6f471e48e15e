#pragma once
// rasd's topic taxonomy: the twelve topics an article can be filed under, the section labels
// news sources use for them, and a transparent model that infers a topic from an article's
// stems when the source gives no usable label.
//
// Both tables ship inside rasd_engine (embedded from knowledge/data/ at build time):
// - topics.tsv       `id<TAB>arabic_label<TAB>english_label<TAB>aliases` (aliases `|`-separated);
// - topic_model.tsv  `topic<TAB>stem<TAB>weight[<TAB># source words]`, stems as the `light`
//                    analyzer produces them.
// Lines starting with '#' and blank lines are ignored in both.

#include "util/string_map.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rasd::detail {

// The topic of news from abroad (topics.tsv): a local outlet's story filed under it is not in
// the outlet's own country (place_finder.hpp).
inline constexpr std::string_view kInternationalTopicId = "international";

struct Topic {
    std::string id;       // "politics", "traffic", ...: what the index stores
    std::string arabic;   // "سياسة"
    std::string english;  // "Politics"
};

class TopicTaxonomy {
public:
    // Inference needs a score of at least this much: one defining cue (weight 3) seen once is
    // not enough; seen twice (3 * (1 + ln 2) = 5.1), or with a second cue of weight 1+, it is.
    static constexpr double kMinScore = 4.0;

    // The taxonomy and model shipped with rasd (parsed once, on first use).
    static const TopicTaxonomy& builtin();

    // Parses both tables.
    // @throws rasd::DataError "topics:LINE: ..." or "topic_model:LINE: ..." for a malformed row,
    //         a bad or duplicate id, a label or alias that already names another topic, a model
    //         row naming an unknown topic, a stem that is not folded, a weight that is not a
    //         positive finite number, or a (topic, stem) pair given twice.
    explicit TopicTaxonomy(std::string_view topics_tsv, std::string_view model_tsv);

    // The topic a label names: its id, Arabic or English label, or one of its aliases.
    // Matching is on fold_text() + ASCII lowercase, with spaces and ASCII punctuation ignored
    // ("Sci-Tech" = "sci tech" = "scitech"), a leading ال dropped from each Arabic word
    // ("الرياضة" = "رياضه" = "رياضة"), and "and" or a و starting a later word dropped
    // ("العربي والدولي" = "عربي ودولي" = "عربي/دولي"; "Culture & Arts" = "culture and arts").
    // nullptr if the label names no topic (deliberately so for mixed sections such as
    // "diverse" or "منوعات", whose articles are better inferred from their text).
    [[nodiscard]] const Topic* resolve(std::string_view label) const;

    // All topics, in the order of topics.tsv.
    [[nodiscard]] const std::vector<Topic>& topics() const { return m_topics; }

    struct Inference {
        const Topic* topic;  // nullptr when the evidence is below kMinScore
        double score;        // the best topic's score (0 with no cue at all)
        double margin;       // best score minus the runner-up's
    };

    // Scores every topic over the distinct stems of `stems` (as Token::stem from the `light`
    // analyzer; empty stems, i.e. stop words, are skipped): a cue stem seen tf times adds
    // weight * (1 + ln tf) to its topic. The best topic wins (ties go to the earlier topic).
    [[nodiscard]] Inference infer(const std::vector<std::string>& stems) const;

    // Up to `n` topic ids, nearest first, for "unknown topic" messages: topics are ranked by
    // the edit distance (bounded_edit_distance(): optimal string alignment, in code points, on
    // the matching form used by resolve()) between `label` and the closest of their ids, labels
    // and aliases. None when that matching form is more than kNearestSlackBytes longer than the
    // longest name: nothing is near then, and the edit distances would cost time in proportion
    // to the label's length.
    [[nodiscard]] std::vector<std::string> nearest(std::string_view label, std::size_t n) const;
    static constexpr std::size_t kNearestSlackBytes = 3;

    // The length in bytes of the longest name (id, label or alias) in its matching form.
    [[nodiscard]] std::size_t longest_name_bytes() const { return m_longest_key_bytes; }

private:
    struct Cue {
        std::size_t topic;
        double weight;
    };
    struct Name {
        std::string key;  // matching form
        std::size_t topic;
    };

    std::vector<Topic> m_topics;
    StringMap<std::size_t> m_by_key;  // matching form -> topic index
    std::vector<Name> m_names;        // every distinct matching form, for nearest()
    std::size_t m_longest_key_bytes = 0;  // of m_names, for nearest()
    StringMap<std::vector<Cue>> m_cues;
};

// The matching form resolve() compares: exposed for tests.
[[nodiscard]] std::string topic_label_key(std::string_view label);

}  // namespace rasd::detail

#pragma once
// bench_stories against pairs of real articles judged by reading them (bench/stories/
// judged_pairs.tsv, guide in bench/stories/LABELLING.md): does an archive put each pair in one
// story exactly when the pair is one story?

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace rasd::bench::stories {

struct JudgedPair {
    std::string first, second;  // article ids
    bool same = false;          // judged one story (a copy, a rewrite or an update)
    std::string stratum;        // how the pair was drawn (LABELLING.md): "same-story", "near-miss", ...
};

// The file's pairs: idA<TAB>idB<TAB>same|different<TAB>stratum[<TAB>note]; '#' lines and blank
// lines skipped. @throws std::runtime_error "FILE:LINE: ..." for a line of another shape.
std::vector<JudgedPair> read_judged_pairs(const std::filesystem::path& file);

struct JudgedCounts {
    std::size_t pairs = 0;           // judged pairs with both articles in the archive
    std::size_t same = 0;            // of them, judged one story
    std::size_t together = 0;        // put in one story by the archive
    std::size_t same_together = 0;   // both
    [[nodiscard]] double precision() const;  // same_together / together
    [[nodiscard]] double recall() const;     // same_together / same
};

struct JudgedScores {
    JudgedCounts all;
    std::map<std::string, JudgedCounts> by_stratum;
    std::size_t missing = 0;  // pairs with an article the archive does not hold
};

// Each pair judged against the stories of the rasd archive at `archive` (one database or a
// sharded archive): together when both articles have the same story id.
JudgedScores score_judged_pairs(const std::filesystem::path& archive, const std::vector<JudgedPair>& pairs);

}  // namespace rasd::bench::stories

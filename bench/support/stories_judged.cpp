#include "stories_judged.hpp"

#include "archive/schema.hpp"
#include "archive/term_codec.hpp"

#include <xapian.h>

#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace rasd::bench::stories {
namespace {

// The story of article `id`: its story id, or the id itself when it has none (an article
// indexed without detection stands alone); nothing when the archive does not hold it.
std::optional<std::string> story_of(const Xapian::Database& database, const std::string& id) {
    const std::string term = rasd::schema::id_term(id);
    const Xapian::PostingIterator found = database.postlist_begin(term);
    if (found == database.postlist_end(term)) return std::nullopt;
    const std::string story = rasd::schema::story_of_value(database.get_document(*found).get_value(rasd::schema::kStorySlot));
    return story.empty() ? id : story;
}

double share(std::size_t part, std::size_t whole) {
    return whole == 0 ? 1.0 : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

std::vector<JudgedPair> read_judged_pairs(const std::filesystem::path& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error(file.string() + ": cannot open the judged pairs");
    std::vector<JudgedPair> pairs;
    std::string line;
    for (std::size_t number = 1; std::getline(in, line); ++number) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> fields;
        std::stringstream columns(line);
        for (std::string field; std::getline(columns, field, '\t');) fields.push_back(field);
        const auto bad = [&](const std::string& what) {
            return std::runtime_error(file.string() + ":" + std::to_string(number) + ": " + what);
        };
        if (fields.size() < 4) throw bad("expected idA<TAB>idB<TAB>same|different<TAB>stratum");
        if (fields[2] != "same" && fields[2] != "different") throw bad("label '" + fields[2] + "' is not same or different");
        if (fields[0].empty() || fields[1].empty() || fields[0] == fields[1]) throw bad("a pair needs two different ids");
        pairs.push_back({fields[0], fields[1], fields[2] == "same", fields[3]});
    }
    return pairs;
}

double JudgedCounts::precision() const { return share(same_together, together); }
double JudgedCounts::recall() const { return share(same_together, same); }

JudgedScores score_judged_pairs(const std::filesystem::path& archive, const std::vector<JudgedPair>& pairs) {
    const Xapian::Database database(archive.string());
    JudgedScores scores;
    for (const JudgedPair& pair : pairs) {
        const std::optional<std::string> first = story_of(database, pair.first);
        const std::optional<std::string> second = story_of(database, pair.second);
        if (!first || !second) {
            ++scores.missing;
            continue;
        }
        const bool together = *first == *second;
        for (JudgedCounts* counts : {&scores.all, &scores.by_stratum[pair.stratum]}) {
            ++counts->pairs;
            counts->same += pair.same ? 1 : 0;
            counts->together += together ? 1 : 0;
            counts->same_together += pair.same && together ? 1 : 0;
        }
    }
    return scores;
}

}  // namespace rasd::bench::stories

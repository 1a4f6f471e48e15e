#include "source_names.hpp"

#include "archive/schema.hpp"
#include "archive/stored_article.hpp"
#include "archive/term_codec.hpp"
#include "knowledge/outlets.hpp"
#include "util/edit_distance.hpp"
#include "util/utf8.hpp"

#include <algorithm>
#include <limits>

namespace rasd::detail {
namespace {

constexpr std::string_view kDefiniteArticle = "ال";

// Names split into words at spaces and at the punctuation of site names ("youm7.com",
// "al-ahram"): a folded name keeps both.
bool separates_words(char c) {
    return c == ' ' || c == '\t' || c == '-' || c == '_' || c == '.' || c == '/' || c == ',' || c == '|' ||
           c == ':' || c == '(' || c == ')';
}

std::vector<std::string_view> words_of(std::string_view text) {
    std::vector<std::string_view> words;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
        if (i == text.size() || separates_words(text[i])) {
            if (i > start) words.push_back(text.substr(start, i - start));
            start = i + 1;
        }
    }
    return words;
}

std::string without_separators(std::string_view text) {
    std::string out;
    for (char c : text) {
        if (!separates_words(c)) out += c;
    }
    return out;
}

// The same word, or the same word but for a leading ال on one of the two.
bool same_word(std::string_view typed, std::string_view word) {
    if (typed == word) return true;
    if (word.starts_with(kDefiniteArticle) && word.substr(kDefiniteArticle.size()) == typed) return true;
    return typed.starts_with(kDefiniteArticle) && typed.substr(kDefiniteArticle.size()) == word;
}

}  // namespace

const std::vector<std::string>& ArchiveSourceCatalog::folded_names() const {
    if (!m_names) {
        std::vector<std::string> names;
        for (auto it = m_database.allterms_begin(schema::kSourcePrefix); it != m_database.allterms_end(schema::kSourcePrefix);
             ++it) {
            names.push_back(schema::source_of_term(*it));
        }
        m_names = std::move(names);
    }
    return *m_names;
}

std::string ArchiveSourceCatalog::display_name(const std::string& folded) const {
    const auto known = m_display.find(folded);
    if (known != m_display.end()) return known->second;
    std::string name = folded;
    const std::string term = schema::boolean_term(schema::kSourcePrefix, folded);
    const Xapian::PostingIterator first = m_database.postlist_begin(term);
    if (first != m_database.postlist_end(term)) {
        const std::string source = schema::StoredArticle::from_data(m_database.get_document(*first).get_data()).source;
        if (!source.empty()) name = source;
    }
    m_display.emplace(folded, name);
    return name;
}

std::vector<std::string> sources_named(std::string_view value, const std::vector<std::string>& folded_names) {
    const std::string folded = schema::source_term_value(value);
    if (std::find(folded_names.begin(), folded_names.end(), folded) != folded_names.end()) return {folded};
    const std::vector<std::string_view> typed_words = words_of(folded);
    const std::string typed_joined = without_separators(folded);
    std::vector<std::string> named;
    if (typed_words.empty()) return named;
    for (const std::string& name : folded_names) {
        const std::vector<std::string_view> name_words = words_of(name);
        const bool every_word = std::all_of(typed_words.begin(), typed_words.end(), [&](std::string_view typed) {
            return std::any_of(name_words.begin(), name_words.end(),
                               [&](std::string_view word) { return same_word(typed, word); });
        });
        if (every_word || without_separators(name) == typed_joined) named.push_back(name);
    }
    return named;
}

std::vector<std::string> sources_of_outlets_named(std::string_view value, const std::vector<std::string>& folded_names) {
    std::vector<std::string> found;
    const std::string typed = without_separators(schema::source_term_value(value));
    auto is_typed = [&](std::string_view name) {
        return !name.empty() && without_separators(schema::source_term_value(name)) == typed;
    };
    for (const Outlet& outlet : known_outlets()) {
        // A whole name of the outlet, not a word of one: "سي" is no name of "بي بي سي".
        if (std::none_of(outlet.names.begin(), outlet.names.end(), is_typed) &&
            std::none_of(outlet.also_called.begin(), outlet.also_called.end(), is_typed)) {
            continue;
        }
        std::vector<std::string> outlet_names;
        for (const std::string_view name : outlet.names) {
            if (!name.empty()) outlet_names.push_back(schema::source_term_value(name));
        }
        for (const std::string& name : outlet_names) {
            for (std::string& source : sources_named(name, folded_names)) {
                if (std::find(found.begin(), found.end(), source) == found.end()) found.push_back(std::move(source));
            }
        }
    }
    return found;
}

std::vector<std::string> nearest_sources(std::string_view value, const std::vector<std::string>& folded_names,
                                         std::size_t n) {
    const std::string folded = schema::source_term_value(value);
    std::size_t longest = 0;
    for (const std::string& name : folded_names) longest = std::max(longest, name.size());
    if (folded.size() > longest + kNearestSourceSlackBytes) return {};
    const std::u32string typed = to_code_points(folded);
    std::vector<std::pair<std::size_t, std::size_t>> distances;  // (distance, index)
    for (std::size_t i = 0; i < folded_names.size(); ++i) {
        const std::u32string whole = to_code_points(folded_names[i]);
        const std::size_t bound = std::max(typed.size(), whole.size());
        std::size_t best = bounded_edit_distance(typed, whole, bound);
        for (std::string_view word : words_of(folded_names[i])) {
            best = std::min(best, bounded_edit_distance(typed, to_code_points(word), best));
        }
        distances.emplace_back(best, i);
    }
    std::stable_sort(distances.begin(), distances.end());
    std::vector<std::string> nearest;
    for (std::size_t k = 0; k < distances.size() && nearest.size() < n; ++k) nearest.push_back(folded_names[distances[k].second]);
    return nearest;
}

}  // namespace rasd::detail

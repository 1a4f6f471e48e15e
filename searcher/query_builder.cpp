#include "query_builder.hpp"

#include "alias_expansion.hpp"
#include "shared_place_names.hpp"

#include "knowledge/calendar_date.hpp"
#include "knowledge/date_parser.hpp"
#include "knowledge/hijri_calendar.hpp"
#include "archive/schema.hpp"
#include "archive/term_codec.hpp"
#include "archive/xapian_analysis.hpp"

#include <rasd/analysis/text_folding.hpp>

#include <algorithm>
#include <chrono>
#include <map>

namespace rasd::detail {
namespace {

using Kind = QueryNode::Kind;
using Modifier = QueryNode::Modifier;
using schema::WordField;

constexpr std::size_t kNearestSuggestions = 3;
// Sources listed by name in --explain when a value names several; the rest are counted.
constexpr std::size_t kMaxSourcesShown = 10;
constexpr const char* kDateHelp =
    "use 2018, 2018-03, 2018-03-05, a month name such as \"مارس 2018\", a Hijri date such as 1436-10 or "
    "\"شوال 1436\", or a range such as 2018-03..2018-06";

// Why a date that starts with a four-digit year at or above kHijriQueryYearBelow cannot be read
// when the year is outside the years rasd dates articles in; "" otherwise.
std::string gregorian_year_problem(std::string_view text) {
    if (text.size() < 4 || !std::all_of(text.begin(), text.begin() + 4, [](char c) { return c >= '0' && c <= '9'; })) {
        return {};
    }
    if (text.size() > 4 && text[4] != '-') return {};
    const int year = std::stoi(std::string(text.substr(0, 4)));
    if (year < kHijriQueryYearBelow || (year >= kEarliestGregorianYear && year <= kLatestGregorianYear)) return {};
    return "year " + std::to_string(year) + " is outside " + std::to_string(kEarliestGregorianYear) + ".." +
           std::to_string(kLatestGregorianYear) + " (a year below " + std::to_string(kHijriQueryYearBelow) +
           " is read as Hijri)";
}

// Why a Gregorian day written YYYY-MM-DD (or with '/') cannot be read when its month or day
// does not exist ("2018-02 has 28 days", "month 13 does not exist"); "" otherwise.
std::string gregorian_day_problem(std::string_view text) {
    constexpr std::size_t kLength = 10;  // YYYY-MM-DD
    const auto digits = [&](std::size_t at, std::size_t n) {
        return std::all_of(text.begin() + static_cast<std::ptrdiff_t>(at),
                           text.begin() + static_cast<std::ptrdiff_t>(at + n), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (text.size() != kLength || text[4] != text[7] || (text[4] != '-' && text[4] != '/') || !digits(0, 4) ||
        !digits(5, 2) || !digits(8, 2)) {
        return {};
    }
    const int year = std::stoi(std::string(text.substr(0, 4)));
    const auto month = static_cast<unsigned>(std::stoi(std::string(text.substr(5, 2))));
    const auto day = static_cast<unsigned>(std::stoi(std::string(text.substr(8, 2))));
    if (year < kEarliestGregorianYear || year > kLatestGregorianYear) return {};
    const std::chrono::month as_month{month};
    if (!as_month.ok()) return "month " + std::to_string(month) + " does not exist";
    const unsigned days = static_cast<unsigned>(
        std::chrono::year_month_day_last{std::chrono::year{year}, std::chrono::month_day_last{as_month}}.day());
    if (day == 0 || day > days) return std::string(text.substr(0, 7)) + " has " + std::to_string(days) + " days";
    return {};
}

std::string join(const std::vector<std::string>& items, const std::string& separator = ", ") {
    std::string out;
    for (const std::string& item : items) out += (out.empty() ? "" : separator) + item;
    return out;
}

Xapian::Query combine(Xapian::Query::op op, const std::vector<Xapian::Query>& parts) {
    if (parts.empty()) return Xapian::Query();
    if (parts.size() == 1) return parts.front();
    return Xapian::Query(op, parts.begin(), parts.end());
}

// Collects the filters of one query: values of one field are alternatives (OR), different
// fields must all hold (AND), as in Omega.
// Flips a negation flag for the scope of one operand (the right side of NOT, a '-' part).
class Negation {
public:
    Negation(bool& negated, bool flip) : m_negated(negated), m_saved(negated) {
        if (flip) m_negated = !m_negated;
    }
    ~Negation() { m_negated = m_saved; }
    Negation(const Negation&) = delete;
    Negation& operator=(const Negation&) = delete;

private:
    bool& m_negated;
    bool m_saved;
};

class FilterSet {
public:
    void add(const std::string& field, Xapian::Query query, bool excluded) {
        (excluded ? m_excluded : m_required[field]).push_back(std::move(query));
    }
    [[nodiscard]] Xapian::Query required() const {
        std::vector<Xapian::Query> fields;
        for (const auto& [field, alternatives] : m_required) fields.push_back(combine(Xapian::Query::OP_OR, alternatives));
        return combine(Xapian::Query::OP_AND, fields);
    }
    [[nodiscard]] Xapian::Query excluded() const { return combine(Xapian::Query::OP_OR, m_excluded); }

private:
    std::map<std::string, std::vector<Xapian::Query>> m_required;
    std::vector<Xapian::Query> m_excluded;
};

class Builder {
public:
    Builder(Analyzer& analyzer, const Gazetteer& gazetteer, const TopicTaxonomy& topics, const SourceCatalog* sources,
            const AliasExpander* aliases)
        : m_analyzer(analyzer), m_gazetteer(gazetteer), m_topics(topics), m_sources(sources), m_aliases(aliases) {}

    BuiltQuery build(const QueryNode& root, const FlagFilters& flags) {
        BuiltQuery built;
        built.text = text_query(root, WordField::All);
        for (const std::string& topic : flags.topics) add_topic(topic, false);
        for (const std::string& place : flags.places) add_place(place, false);
        for (const std::string& source : flags.sources) add_source(source, false);
        if (!flags.from.empty() || !flags.to.empty()) add_date_range(flags.from, flags.to, flags.from + ".." + flags.to, false);
        built.filter = m_filters.required();
        built.exclusions = m_filters.excluded();
        if (!m_words.empty()) m_explanation.insert(m_explanation.begin(), "words: " + join(m_words, "; "));
        built.explanation = std::move(m_explanation);
        built.notes = std::move(m_notes);
        built.words = std::move(m_word_tokens);
        return built;
    }

private:
    // The ranked part of `node`; filters found on the way are collected, not returned.
    Xapian::Query text_query(const QueryNode& node, WordField field) {
        switch (node.kind) {
            case Kind::Word:
                if (!node.not_a_field.empty()) note_not_a_field(node.not_a_field);
                return word_query(node.text, field);
            case Kind::Phrase: return phrase_query(node.text, field);
            case Kind::Wildcard: return wildcard_query(node.text, field);
            case Kind::Field: return field_query(node);
            case Kind::And: return binary(Xapian::Query::OP_AND, node, field);
            case Kind::Or: return binary(Xapian::Query::OP_OR, node, field);
            case Kind::AndNot: return binary(Xapian::Query::OP_AND_NOT, node, field);
            case Kind::Default: return default_query(node, field);
        }
        return Xapian::Query();
    }

    Xapian::Query binary(Xapian::Query::op op, const QueryNode& node, WordField field) {
        Xapian::Query left = text_query(node.children.at(0), field);
        Xapian::Query right;
        {
            const Negation after_not(m_negated, op == Xapian::Query::OP_AND_NOT);
            right = text_query(node.children.at(1), field);
        }
        if (left.empty() && op == Xapian::Query::OP_AND_NOT && !right.empty()) left = Xapian::Query::MatchAll;
        if (left.empty()) return right;
        if (right.empty()) return left;
        return Xapian::Query(op, left, right);
    }

    // Juxtaposed parts: optional ones ranked together (OR), +required ones all needed, -excluded
    // ones ruled out, as Xapian's QueryParser reads + and -.
    Xapian::Query default_query(const QueryNode& node, WordField field) {
        std::vector<Xapian::Query> optional = aliases_of_word_runs(node.children, field);
        std::vector<Xapian::Query> required, excluded;
        for (std::size_t i = 0; i < node.children.size(); ++i) {
            const QueryNode& child = node.children[i];
            const bool child_excluded = child.modifier == Modifier::Excluded;
            if (child.kind == Kind::Field && child.field != "title") {
                add_filter(child, child_excluded != m_negated, unquoted_place_name(node.children, i));
                continue;
            }
            Xapian::Query q;
            {
                const Negation after_minus(m_negated, child_excluded);
                q = text_query(child, field);
            }
            if (q.empty()) continue;
            (child.modifier == Modifier::Required   ? required
             : child.modifier == Modifier::Excluded ? excluded
                                                    : optional)
                .push_back(std::move(q));
        }
        Xapian::Query positive;
        if (!required.empty()) {
            positive = combine(Xapian::Query::OP_AND, required);
            if (!optional.empty()) {
                positive = Xapian::Query(Xapian::Query::OP_AND_MAYBE, positive, combine(Xapian::Query::OP_OR, optional));
            }
        } else {
            positive = combine(Xapian::Query::OP_OR, optional);
        }
        if (excluded.empty()) return positive;
        if (positive.empty()) positive = Xapian::Query::MatchAll;  // "-رياضة" alone: everything else
        return Xapian::Query(Xapian::Query::OP_AND_NOT, positive, combine(Xapian::Query::OP_OR, excluded));
    }

    Xapian::Query word_query(const std::string& text, WordField field) {
        std::vector<Xapian::Query> stems;
        for (const Token& token : m_analyzer.analyze(text)) {
            if (token.is_stop_word) {
                m_words.push_back(token.surface + " (stop word, ignored)");
                continue;
            }
            m_words.push_back(token.surface + " → " + token.stem);
            m_word_tokens.push_back(token);
            stems.push_back(with_aliases(Xapian::Query(schema::word_term(token.stem, field)), {token}, field));
        }
        return combine(Xapian::Query::OP_OR, stems);
    }

    // A name of the alias tables and the names it stands for, weighed as one term (as Xapian's
    // own synonym expansion does): `tokens` are the name as typed, `query` finds it.
    Xapian::Query with_aliases(Xapian::Query query, const std::vector<Token>& tokens, WordField field) {
        if (!m_aliases) return query;
        const std::vector<const AliasExpander::Name*> names = m_aliases->alternatives(AliasExpander::key_of(tokens));
        if (names.empty()) return query;
        std::vector<Xapian::Query> parts = {std::move(query)};
        std::vector<std::string> shown;
        for (const AliasExpander::Name* name : names) {
            parts.push_back(words_in_order(name->tokens, field));
            shown.push_back(name->text);
        }
        std::string typed;
        for (const Token& token : tokens) typed += (typed.empty() ? "" : " ") + token.surface;
        m_explanation.push_back("alias: " + typed + " → also " + join(shown, " | "));
        return Xapian::Query(Xapian::Query::OP_SYNONYM, parts.begin(), parts.end());
    }

    // Names of several words typed without quotes ("الأمم المتحدة", "فيس بوك"): each run of
    // plain words that is a name of the alias tables also searches the other names of its group.
    // The words themselves are searched as ever; these are extra optional parts.
    std::vector<Xapian::Query> aliases_of_word_runs(const std::vector<QueryNode>& children, WordField field) {
        std::vector<Xapian::Query> found;
        if (!m_aliases || m_aliases->max_words() < 2) return found;
        auto plain_word = [&](std::size_t i) {
            const QueryNode& child = children[i];
            return child.kind == Kind::Word && child.modifier == Modifier::None && child.not_a_field.empty();
        };
        for (std::size_t start = 0; start < children.size(); ++start) {
            std::vector<Token> run;
            std::vector<Token> longest;  // the longest run from `start` that is a name
            std::size_t longest_end = start;
            for (std::size_t end = start; end < children.size() && plain_word(end); ++end) {
                for (Token& token : m_analyzer.analyze(children[end].text)) run.push_back(std::move(token));
                if (run.size() > m_aliases->max_words()) break;
                if (end > start && !m_aliases->alternatives(AliasExpander::key_of(run)).empty()) {
                    longest = run;
                    longest_end = end;
                }
            }
            if (longest.empty()) continue;
            found.push_back(with_aliases(words_in_order(longest, field), longest, field));
            start = longest_end;
        }
        return found;
    }

    // One word's term, or several words as a phrase (positions are on stems).
    static Xapian::Query words_in_order(const std::vector<Token>& tokens, WordField field) {
        std::vector<Xapian::Query> words;
        for (const Token& token : tokens) words.emplace_back(positional_term(token, field));
        if (words.size() == 1) return words.front();
        return Xapian::Query(Xapian::Query::OP_PHRASE, words.begin(), words.end(),
                             static_cast<Xapian::termcount>(words.size()));
    }

    // Words in this order, matched on their stems (the index keeps positions on stems), so
    // "سيارة نقل" also finds سيارات النقل; a quoted single word is just that word.
    Xapian::Query phrase_query(const std::string& text, WordField field) {
        std::vector<std::string> shown;
        const std::vector<Token> tokens = m_analyzer.analyze(text);
        for (const Token& token : tokens) shown.push_back(token.is_stop_word ? token.folded : token.stem);
        if (tokens.empty()) return Xapian::Query();
        m_explanation.push_back("phrase: " + join(shown, " ") + " (stems in this order" +
                                (field == WordField::All ? ")" : ", in titles)"));
        return with_aliases(words_in_order(tokens, field), tokens, field);
    }

    // Stems starting with the typed prefix, or with the prefix after its clitics are removed
    // (المواط* reaches مواطن as مواط*).
    Xapian::Query wildcard_query(const std::string& text, WordField field) {
        const std::string folded = fold_text(text);
        if (folded.empty()) return Xapian::Query();
        std::vector<std::string> patterns = {folded};
        const std::string stripped = m_analyzer.stem_word(folded);
        if (!stripped.empty() && stripped != folded) patterns.push_back(stripped);
        std::vector<Xapian::Query> expansions;
        for (const std::string& pattern : patterns) {
            expansions.emplace_back(Xapian::Query::OP_WILDCARD, schema::word_term(pattern, field),
                                    kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        }
        m_explanation.push_back("wildcard: stems starting with " + join(patterns, " or ") + " (at most " +
                                std::to_string(kMaxWildcardExpansion) + " most frequent each)");
        return combine(Xapian::Query::OP_OR, expansions);
    }

    Xapian::Query field_query(const QueryNode& node) {
        if (node.field == "title") {
            m_explanation.push_back("in titles: " + to_string(node.children.at(0)));
            return text_query(node.children.at(0), WordField::Title);
        }
        // A filter nested inside brackets or operators still filters the whole query: the
        // lenient reading of what "(a OR place:x)" can mean for a boolean filter. After NOT or
        // '-' it excludes ("a NOT place:x" is "a -place:x").
        add_filter(node, (node.modifier == Modifier::Excluded) != m_negated);
        return Xapian::Query();
    }

    // `note` goes to --explain, and with the results too when `with_results`.
    void note(const std::string& text, bool with_results) {
        m_explanation.push_back("note: " + text);
        if (with_results) m_notes.push_back(text);
    }

    // A word before a ':' that is no field was searched as a word. Said in --explain; said with
    // the results too when it looks like a misspelt field ("plce:"), which deserves a look.
    void note_not_a_field(const std::string& name) {
        const std::string near = field_name_near(name);
        note("'" + name + ":' is not a field" + (near.empty() ? "" : " (did you mean " + near + ":?)") +
                 "; searched as words",
             !near.empty());
    }

    // The place named by an unquoted place: value and the plain words after it, when they name
    // one together: place:دار السلام reads as place:دار and the word السلام, which the user
    // surely meant as place:"دار السلام". "" when they do not.
    std::string unquoted_place_name(const std::vector<QueryNode>& siblings, std::size_t at) const {
        const QueryNode& field = siblings[at];
        if (field.field != "place" || field.children.at(0).kind != Kind::Word) return {};
        std::string name = field.children[0].text;
        std::string longest;
        for (std::size_t next = at + 1; next < siblings.size() && next - at < Gazetteer::kMaxNameWords; ++next) {
            const QueryNode& word = siblings[next];
            if (word.kind != Kind::Word || word.modifier != Modifier::None || !word.not_a_field.empty()) break;
            name += " " + word.text;
            if (m_gazetteer.resolve(name) != nullptr) longest = name;
        }
        return longest;
    }

    void add_filter(const QueryNode& node, bool excluded, const std::string& longer_place_name = {}) {
        const std::string& value = node.children.at(0).text;
        if (node.field == "topic") add_topic(value, excluded);
        else if (node.field == "place") add_place(value, excluded, longer_place_name);
        else if (node.field == "source") add_source(value, excluded);
        else if (node.field == "date") add_date(value, excluded);
    }

    // Checked before any lookup: the value is quoted in messages and compared to every name;
    // an empty one (--place "") would otherwise get the names nearest to nothing.
    static void check_value(const char* field, const std::string& value) {
        if (value.size() > kMaxFilterValueBytes) {
            throw InvalidArgument(std::string(field) + " value too long: " + std::to_string(value.size()) +
                                  " bytes (at most " + std::to_string(kMaxFilterValueBytes) + ")");
        }
        if (value.find_first_not_of(" \t\n\r\f\v") == std::string::npos) {
            throw InvalidArgument(std::string(field) + " value is empty");
        }
    }

    void add_topic(const std::string& value, bool excluded) {
        check_value("topic", value);
        const Topic* topic = m_topics.resolve(value);
        if (!topic) {
            std::vector<std::string> ids;
            for (const Topic& t : m_topics.topics()) ids.push_back(t.id);
            // nearest() gives nothing for a value far longer than every name.
            const std::vector<std::string> nearest = m_topics.nearest(value, kNearestSuggestions);
            throw InvalidArgument("unknown topic '" + value + "' (" + (nearest.empty() ? "" : "nearest: " + join(nearest) + "; ") +
                                  "topics: " + join(ids) + ")");
        }
        m_filters.add("topic", Xapian::Query(schema::topic_term(topic->id)), excluded);
        m_explanation.push_back(std::string(excluded ? "not " : "") + "topic: " + topic->arabic + " (" + topic->id + ")");
    }

    // `longer_name`: what the value and the words after it name together (unquoted_place_name()).
    void add_place(const std::string& value, bool excluded, const std::string& longer_name = {}) {
        check_value("place", value);
        // A gazetteer id (eg-cairo, lb), as facets and --stats print them, or any spelling of a name.
        const Place* place = m_gazetteer.find(value);
        if (!place) place = m_gazetteer.resolve(value);
        const Place* longer = longer_name.empty() ? nullptr : m_gazetteer.resolve(longer_name);
        const std::string quote_it = longer ? "for " + longer->arabic + " write place:\"" + longer_name + "\"" : "";
        if (!place) {
            const std::vector<std::string> nearest = m_gazetteer.nearest(value, kNearestSuggestions);
            throw InvalidArgument("unknown place '" + value + "'" + (nearest.empty() ? "" : " (nearest: " + join(nearest) + ")") +
                                  (quote_it.empty() ? "" : "; " + quote_it));
        }
        m_filters.add("place", Xapian::Query(schema::place_term(place->id)), excluded);
        std::vector<std::string> chain;
        for (const Place* p : m_gazetteer.chain(*place)) chain.push_back(p->arabic);
        m_explanation.push_back(std::string(excluded ? "not " : "") + "place: " + join(chain, " ← ") + " (" + place->id +
                                ", with every place within it)");
        if (longer && longer != place) {
            note("place:" + value + " is " + place->arabic + " (" + place->id + "), the words after it are searched as text; " +
                     quote_it,
                 true);
        }
        if (const SharedPlaceName* shared = shared_place_name(value, *place)) {
            const std::string text = shared_place_note(*shared, value, m_gazetteer);
            if (!text.empty()) note(text, true);
        }
    }

    void add_source(const std::string& value, bool excluded) {
        check_value("source", value);
        const std::string not_ = excluded ? "not " : "";
        if (m_sources == nullptr) {
            // Folded and cut as the indexer does, or the filter would miss.
            m_filters.add("source", Xapian::Query(schema::source_term(value)), excluded);
            m_explanation.push_back(not_ + "source: " + schema::source_term_value(value));
            return;
        }
        const std::vector<std::string>& names = m_sources->folded_names();
        std::vector<std::string> named = sources_named(value, names);
        bool by_outlet = false;  // named by another name of a known outlet (source:العربية)
        if (named.empty()) {
            named = sources_of_outlets_named(value, names);
            by_outlet = !named.empty();
        }
        if (named.empty()) {
            if (names.empty()) throw InvalidArgument(std::string(kUnknownSourceError) + value + "' (the archive records no sources)");
            std::vector<std::string> nearest;
            for (const std::string& name : nearest_sources(value, names, kNearestSuggestions)) {
                nearest.push_back(m_sources->display_name(name));
            }
            throw InvalidArgument(std::string(kUnknownSourceError) + value + "'" +
                                  (nearest.empty() ? "" : " (nearest: " + join(nearest) + ")"));
        }
        std::vector<Xapian::Query> terms;
        std::vector<std::string> shown;
        for (const std::string& name : named) {
            terms.emplace_back(schema::boolean_term(schema::kSourcePrefix, name));
            if (shown.size() < kMaxSourcesShown) shown.push_back(m_sources->display_name(name));
        }
        if (named.size() > shown.size()) shown.push_back("and " + std::to_string(named.size() - shown.size()) + " more");
        m_filters.add("source", combine(Xapian::Query::OP_OR, terms), excluded);
        const bool full_name = named.size() == 1 && named[0] == schema::source_term_value(value);
        m_explanation.push_back(not_ + "source: " + join(shown) +
                                (full_name ? ""
                                 : by_outlet ? " (the outlet '" + value + "' by another name)"
                                             : " (by the words of '" + value + "')"));
    }

    void add_date(const std::string& value, bool excluded) {
        const DateRangeEnds ends = split_date_range(value);
        add_date_range(std::string(ends.from), std::string(ends.to), value, excluded);
    }

    // [first day of `from`, last day of `to`]; either end may be open (""). A Hijri end is
    // turned into the Gregorian days it covers, and the explanation says so.
    void add_date_range(const std::string& from, const std::string& to, const std::string& shown, bool excluded) {
        std::string lower = schema::kEarliestDateValue;
        std::string upper = schema::kLatestDateValue;
        bool hijri = false;
        if (!from.empty()) {
            const ReadSpan span = span_or_throw(from, shown);
            lower = schema::date_value(to_yyyymmdd(span.span.first));
            hijri = span.calendar == DateCalendar::Hijri;
        }
        if (!to.empty()) {
            const ReadSpan span = span_or_throw(to, shown);
            upper = schema::date_value(to_yyyymmdd(span.span.last));
            hijri = hijri || span.calendar == DateCalendar::Hijri;
        }
        if (lower > upper) {
            throw InvalidArgument("impossible date range '" + shown + "': " + from + " is after " + to);
        }
        m_filters.add("date", Xapian::Query(Xapian::Query::OP_VALUE_RANGE, schema::kDateSlot, lower, upper), excluded);
        auto show = [](const std::string& value) {
            return value == schema::kEarliestDateValue || value == schema::kLatestDateValue
                       ? std::string("…")
                       : schema::iso_date(schema::date_of_value(value));
        };
        m_explanation.push_back(std::string(excluded ? "not " : "") + "date: " + show(lower) + " .. " + show(upper) +
                                (hijri ? " (Hijri " + shown + ", Umm al-Qura)" : ""));
    }

    static ReadSpan span_or_throw(const std::string& text, const std::string& shown) {
        const std::optional<ReadSpan> span = read_date_span(text);
        if (span) return *span;
        if (const std::string problem = hijri_span_problem(text); !problem.empty()) {
            throw InvalidArgument("invalid Hijri date '" + text + "' in '" + shown + "': " + problem);
        }
        for (const auto& problem_of : {gregorian_year_problem, gregorian_day_problem}) {
            if (const std::string problem = problem_of(text); !problem.empty()) {
                throw InvalidArgument("cannot read date '" + text + "' in '" + shown + "': " + problem);
            }
        }
        throw InvalidArgument("cannot read date '" + text + "' in '" + shown + "' (" + kDateHelp + ")");
    }

    Analyzer& m_analyzer;
    const Gazetteer& m_gazetteer;
    const TopicTaxonomy& m_topics;
    const SourceCatalog* m_sources;
    const AliasExpander* m_aliases;
    FilterSet m_filters;
    // True while reading what NOT or '-' rules out (an odd number of them above the node), so
    // that a filter read there excludes.
    bool m_negated = false;
    std::vector<std::string> m_words;
    std::vector<Token> m_word_tokens;
    std::vector<std::string> m_explanation;
    std::vector<std::string> m_notes;
};

}  // namespace

Xapian::Query BuiltQuery::combined() const {
    Xapian::Query query = has_text() ? text : Xapian::Query::MatchAll;
    if (!filter.empty()) query = Xapian::Query(Xapian::Query::OP_FILTER, query, filter);
    if (!exclusions.empty()) query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, exclusions);
    return query;
}

BuiltQuery build_query(const QueryNode& root, const FlagFilters& flags, Analyzer& analyzer,
                       const Gazetteer& gazetteer, const TopicTaxonomy& topics, const SourceCatalog* sources,
                       const AliasExpander* aliases) {
    return Builder(analyzer, gazetteer, topics, sources, aliases).build(root, flags);
}

}  // namespace rasd::detail

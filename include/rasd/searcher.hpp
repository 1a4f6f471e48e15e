#pragma once
/// @file searcher.hpp  Ranked search over a rasd database.

#include <rasd/export.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace rasd {

/// The order of hits.
enum class SortOrder {
    Relevance,  ///< BM25 (the default; a query of filters only lists newest first)
    Newest,     ///< by date, newest first, relevance breaking ties
    Oldest,     ///< by date, oldest first, relevance breaking ties
};

/// Parses "relevance", "newest" or "oldest". @throws InvalidArgument naming the valid ones.
[[nodiscard]] RASD_EXPORT SortOrder parse_sort_order(const std::string& name);

/// What to return for a query.
struct SearchOptions {
    std::size_t limit = 10;              ///< Hits per page.
    std::size_t offset = 0;              ///< Hits to skip (for paging).
    std::size_t snippet_length = 200;    ///< Approximate snippet length in bytes of text.
    std::string highlight_start = "[";   ///< Inserted before each highlighted word.
    std::string highlight_end = "]";     ///< Inserted after each highlighted word.
    SortOrder sort = SortOrder::Relevance;
    /// Filters besides those in the query string (values of one kind are alternatives; kinds
    /// must all hold). Topics and places take ids, Arabic or English names and spelling variants;
    /// a place includes every place within it.
    std::vector<std::string> topics;
    std::vector<std::string> places;
    std::vector<std::string> sources;  ///< outlets, as Article::source names them
    std::string from;  ///< e.g. "2018", "2018-03", "مارس 2018", "2018-03-05"; "" = open
    std::string to;    ///< the last day of this date or span is included
    bool facets = false;             ///< count topics, places, sources, years, months over all matches
    /// One hit per story (docs/STORIES.md): the best-ranked of its matching articles, with
    /// SearchHit::copies and copy_sources; totals and facets count stories. Articles indexed
    /// without story detection each stand alone.
    bool collapse = false;
    std::size_t facet_limit = 10;    ///< values per facet for topic, country, city and source
    /// A "quoted phrase" that by itself finds fewer than kRelaxPhrasesBelow articles is read as
    /// plain words (SearchResults::relaxed_phrases and a note say so), unless the query then
    /// finds nothing either. Off: phrases stay phrases.
    bool relax_phrases = true;
    /// Count the matches of free text exactly up to kExactTotalUpTo (SearchResults::total then
    /// has lower = estimated = upper). Off, free text gets Xapian's estimate with its bounds, exact
    /// whenever the matches end within the page, and the match stops as soon as no other article
    /// can reach the page. Totals are always exact with facets, for a query with filters (up to
    /// kExactTotalUpTo) and for a list of filters only, where Xapian's estimate can be far off.
    bool exact_total = false;
    /// Relevance order only: BM25's best hits are re-ranked by their best passage, the share of
    /// the query's words (weighted by rarity) that stand together within a few words anywhere
    /// in the article (docs/LIBRARY.md). Off: BM25's order and scores exactly.
    bool passage = true;
    /// Whether each hit carries a snippet (SearchHit::snippet). Off, every snippet is "" and none
    /// is made (the stored article is still read for the hit's fields): a TREC run or a list of
    /// ids needs none, and a page's snippets are about a quarter of a query's time
    /// (bench/RESULTS.md). Ids, order and scores are the same either way.
    bool snippets = true;
};

/// How far SearchOptions::exact_total and queries with filters count matches exactly; above it
/// the total is Xapian's estimate with its bounds.
inline constexpr std::size_t kExactTotalUpTo = 1000;

/// A "phrase" of a query is relaxed (SearchOptions::relax_phrases) when by itself it finds fewer
/// articles than this: when it finds nothing. An optional phrase that matches nothing adds
/// nothing to the ranking, as if its words were left out. A phrase that finds even one article
/// keeps its meaning: a quote found once is most often exactly the article asked for. On 500
/// quoted ANT headlines (bench/RESULTS.md) MRR@10 rose from 0.709 to 0.751 with 1, to 0.759 with
/// 3 (which relaxes a phrase found once or twice, burying that article among many).
inline constexpr std::size_t kRelaxPhrasesBelow = 1;

/// A place an article is about, and where rasd found it.
struct HitPlace {
    std::string id;        ///< gazetteer id, e.g. "sy" or "sy-damascus"
    std::string name;      ///< Arabic name, e.g. "سوريا"
    std::string evidence;  ///< "field", "dateline", "title", "lede", "body" or "source"
};

/// One ranked article.
struct SearchHit {
    std::size_t rank = 0;  ///< 1-based rank in the whole result list.
    std::string id;
    double score = 0.0;    ///< BM25 weight, plus the passage bonus among the best hits (SearchOptions::passage).
    std::string title;
    std::string date;
    std::string place;
    std::string topic;
    std::string source;    ///< The outlet or agency.
    std::string url;
    /// Body text around the matches, matches highlighted; the opening of the body when no body
    /// word matched (a title: match, a list of filters only). `&`, `<` and `>` are written as
    /// HTML entities (as Xapian writes snippets), control characters as `\xNN`.
    std::string snippet;
    std::string topic_label;  ///< The topic's Arabic label.
    std::string place_id;     ///< The place's gazetteer id, e.g. "eg-cairo".
    /// Every place the article is about: its countries, then its cities, strongest first.
    /// `place` is the primary one, shown where one place is shown.
    std::vector<HitPlace> places;
    /// The story the article belongs to: the id of its first article; "" when indexed without
    /// story detection.
    std::string story;
    /// With SearchOptions::collapse: how many other articles of the story match the query
    /// (counted exactly, not Xapian's lower bound), and the sources of the first
    /// kListedCopySources of them, each once (named as Facets::source labels it; a copy without
    /// a source names none), in the order the archive holds them.
    std::size_t copies = 0;
    std::vector<std::string> copy_sources;
    /// False when SearcherOptions::search_time_limit passed before this hit's copies were
    /// counted (with collapse; a long page counts one match per hit with copies): `copies` is
    /// then 0 and `copy_sources` empty, SearchResults::cut_short is set and a note says so.
    bool copies_counted = true;
};

/// The most sources SearchHit::copy_sources names.
inline constexpr std::size_t kListedCopySources = 5;

/// One value of a facet and how many matching articles have it.
struct FacetValue {
    std::string value;   ///< topic id, place id, folded source name, "YYYY" or "YYYY-MM"
    std::string label;   ///< the Arabic name of a topic or place; a source's name as its articles
                         ///< write it; the value for dates
    std::size_t count = 0;
};

/// Counts over the whole match set (not just the page).
struct Facets {
    std::vector<FacetValue> topic;    ///< most frequent first
    std::vector<FacetValue> country;  ///< most frequent first
    std::vector<FacetValue> city;     ///< most frequent first (a district counts for its city)
    /// most frequent first; the value is the folded name (TermCount::value of
    /// ArchiveStats::top_sources), the label the name as the articles write it
    std::vector<FacetValue> source;
    std::vector<FacetValue> year;     ///< in date order
    std::vector<FacetValue> month;    ///< in date order
};

/// Xapian's estimate of the number of matches, with its bounds.
struct MatchTotal {
    std::size_t estimated = 0;
    std::size_t lower = 0;
    std::size_t upper = 0;
};

/// The answer to one query.
struct SearchResults {
    std::string query;
    MatchTotal total;
    std::vector<SearchHit> hits;
    bool has_facets = false;              ///< true when SearchOptions::facets was set
    Facets facets;
    /// How the query was read (words and stems, filters, notes), then, when the best hits were
    /// ranked again by passage, a last line "ranking: BM25, then its best 10 again by passage ...".
    std::vector<std::string> explanation;
    /// What the user should know about how the query was read, one sentence each: a place name
    /// shared by two places and the one taken, a place name of several words left unquoted, a
    /// misspelt field read as words. Empty for most queries; each is in `explanation` too.
    std::vector<std::string> notes;
    /// The order of `hits`: SearchOptions::sort, or Newest for a query of filters only (whose
    /// scores are then all 0).
    SortOrder order = SortOrder::Relevance;
    /// When the query finds little (fewer than kSuggestBelow matches) and has words the archive
    /// does not know, the query with those words replaced by the closest known title words
    /// ("هل تقصد"); empty otherwise.
    std::string suggestion;
    /// Some shards could not be read (only with SearcherOptions::allow_partial): the answer
    /// covers the others. `unavailable` names the missing ones.
    bool partial = false;
    std::vector<std::string> unavailable;
    /// The quoted phrases (as typed between their quotes) that were read as plain words because
    /// each found fewer than kRelaxPhrasesBelow articles; a note says so for each.
    /// Empty for most queries.
    std::vector<std::string> relaxed_phrases;
    /// SearcherOptions::search_time_limit passed while matching: `total` may be an estimate and the
    /// facets may count only part of the matches (a note says so).
    bool cut_short = false;
};

/// How many of an article's terms Searcher::like() asks for.
inline constexpr std::size_t kLikeTerms = 20;

/// Suggestions are looked for when a query matches fewer articles than this.
inline constexpr std::size_t kSuggestBelow = 5;

/// A term and how many articles carry it.
struct TermCount {
    std::string value;     ///< the indexed value: a topic id, a place id, a folded source name
    std::string label;     ///< how to show it: the Arabic name of a topic or place, a source's
                           ///< name as its articles write it, else the value
    std::size_t articles = 0;
};

/// A story and how many articles it has.
struct StorySize {
    std::string story;        ///< the story id: its first article's id
    std::string title;        ///< the title of its earliest article (by date)
    std::string source;       ///< the source of its earliest article: "first published by"
    std::size_t articles = 0;
};

/// What a database holds, for `rasd-index --stats`.
struct ArchiveStats {
    std::size_t articles = 0;
    std::string analyzer;              ///< e.g. "light/4"
    std::string first_date;            ///< "YYYY-MM-DD" of the oldest dated article, or ""
    std::string last_date;             ///< "YYYY-MM-DD" of the newest dated article, or ""
    std::vector<TermCount> top_topics; ///< most frequent first
    std::vector<TermCount> top_places; ///< every level counts: Cairo's articles count for Egypt too
    std::vector<TermCount> top_sources;
    std::size_t stories = 0;             ///< stories (an article with no copy is a story of one)
    std::size_t stories_with_copies = 0; ///< stories of two articles or more
    std::size_t articles_in_stories = 0; ///< articles with a story (0 without story detection)
    std::vector<StorySize> largest_stories;  ///< most articles first (ties: story id order)
};

/// One article as the archive stores it (Searcher::article): its fields, and what rasd read in
/// them (the date, the resolved place and topic).
struct ArchivedArticle {
    std::string id;
    std::string title;
    std::string body;
    std::string abstract;
    std::string date;         ///< as indexed: "YYYY-MM-DD", or "" when undated
    std::string date_given;   ///< the date field as the dump gave it
    std::string place;        ///< the Arabic name of the resolved place, else the place as given
    std::string place_id;     ///< gazetteer id of the resolved place, or ""
    std::string place_given;  ///< the place field as given
    std::string topic;        ///< rasd topic id, or ""
    std::string topic_label;  ///< its Arabic label, or ""
    std::string topic_given;  ///< the topic field as given
    std::string source;
    std::string url;
    std::string author;
    std::vector<HitPlace> places;  ///< every place the article is about, as in SearchHit
};

/// How a Searcher treats shards that cannot be read, and how long a search may take.
struct SearcherOptions {
    /// Leave out shards that cannot be opened (or stop answering) and answer from the rest,
    /// marking results partial; without it, such a shard is an error naming it.
    bool allow_partial = false;
    /// Seconds each search() may spend matching; 0: no limit. The page is always the best hits.
    /// Past the limit, facets stop counting (they count only the matches seen) and the total
    /// may become an estimate; a search already past it counts no further than its page. A
    /// ranked match that has begun is not stopped on a local archive (Xapian 1.4's own time
    /// limit can crash a process under load: docs/ROBUSTNESS.md), so a search may still take
    /// longer; over remote shards Xapian's Enquire::set_time_limit applies.
    /// SearchResults::cut_short says when the limit passed.
    double search_time_limit = 0.0;
};

/// Read access to an archive. Use one Searcher per thread; many may be open at once,
/// alongside one Indexer.
class RASD_EXPORT Searcher {
public:
    /// Opens the database at `path` (a database, or a sharded archive's directory or stub
    /// file) and the analyzer it was built with.
    /// @throws DatabaseError if it is missing or not a rasd database.
    explicit Searcher(const std::string& path);

    /// Opens several shards as one archive: local paths as above, and remote shards served by
    /// xapian-tcpsrv as "tcp://HOST:PORT". Ranking, totals and facets are those of one database
    /// holding all their articles. All must be built with the same analyzer.
    /// @throws InvalidArgument for a malformed tcp:// address; DatabaseError naming a shard
    ///         that cannot be opened, ShardUnavailableError for a remote one that does not
    ///         answer (unless options.allow_partial); AnalyzerMismatchError.
    explicit Searcher(const std::vector<std::string>& shards, SearcherOptions options = {});
    ~Searcher();
    Searcher(Searcher&&) noexcept;
    Searcher& operator=(Searcher&&) noexcept;
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    /// Runs a query (the language is in docs/CLI.md): free text analyzed exactly as articles
    /// are, ranked by BM25 over the stems; "phrases", prefix*, -excluded, +required, AND/OR/NOT
    /// and brackets; topic:, place:, date:, source:, title: and their Arabic names.
    /// @throws QuerySyntaxError (an InvalidArgument) for a syntax error, with its position, or
    ///         a query over the limits; InvalidArgument for an unknown topic or place, an
    ///         unreadable or impossible date, or a query with nothing to search;
    ///         ShardUnavailableError when a remote shard stops answering (unless
    ///         SearcherOptions::allow_partial); DatabaseError on any other failure.
    [[nodiscard]] SearchResults search(const std::string& query, const SearchOptions& options = {});

    /// Every article of a story, earliest first (by date, then id): `id` names the story or
    /// any of its articles. Hits carry no score and the opening of the body as their snippet;
    /// SearchOptions::limit and offset page through them, the other options do not apply.
    /// @throws InvalidArgument if no article has that id or story id.
    [[nodiscard]] SearchResults story(const std::string& id, const SearchOptions& options = {});

    /// Articles like the article `id` ("more like this", as Omega's MORELIKE): its own
    /// kLikeTerms most significant word terms, ranked by BM25, the article itself left out;
    /// articles of other stories first, then the other articles of its own story. limit,
    /// offset, collapse and snippet options apply; filters do not.
    /// @throws InvalidArgument if there is no article `id`.
    [[nodiscard]] SearchResults like(const std::string& id, const SearchOptions& options = {});

    /// Counts, date span and the `top` most frequent topics, places and sources (folded forms).
    /// @throws DatabaseError on failure.
    [[nodiscard]] ArchiveStats stats(std::size_t top = 10);

    /// How many articles the archive holds, at the revision last opened: constant time, unlike
    /// stats(). @throws DatabaseError on failure.
    [[nodiscard]] std::size_t article_count();

    /// The stored article with this id (as SearchHit::id gives it), or nothing if the archive
    /// has none.
    /// @throws ShardUnavailableError when a remote shard does not answer; DatabaseError on any
    ///         other failure.
    [[nodiscard]] std::optional<ArchivedArticle> article(const std::string& id);

    /// Picks up the latest commit.
    /// @throws ShardUnavailableError when a remote shard stops answering (unless
    ///         SearcherOptions::allow_partial, which leaves it out); DatabaseError on any other
    ///         failure.
    void reopen();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

}  // namespace rasd

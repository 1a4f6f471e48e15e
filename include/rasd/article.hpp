#pragma once
/// @file article.hpp  A news article as rasd indexes it.

#include <cstddef>
#include <string>
#include <vector>

namespace rasd {

/// Longest id accepted (Xapian terms stop at 245 bytes; the id term needs room for its prefix).
inline constexpr std::size_t kMaxArticleIdBytes = 200;

/// One article. Only `id` and `body` are required; empty fields are simply absent.
struct Article {
    std::string id;        ///< Unique within the archive; re-sending an id replaces the article.
    std::string title;     ///< Headline; weighted above the body.
    std::string body;      ///< Article text.
    std::string abstract;  ///< Summary or lede, indexed with the body.
    std::string date;      ///< Publication date, ISO 8601 ("2019-03-14" or with a time).
    std::string place;     ///< Place name as the source wrote it.
    std::string topic;     ///< Topic or category as the source wrote it.
    std::string source;    ///< Outlet or agency.
    std::string url;       ///< Link to the original.
    std::string author;    ///< Byline.
    std::string origin;    ///< Where a reader found it ("FILE:LINE"), for messages; not indexed.
    /// What a reader repaired or left out of the record, for messages; not indexed: e.g.
    /// "field 'title': invalid UTF-8 repaired (U+FFFD)". Indexing reports them with its own
    /// warnings (IndexedArticle::warnings).
    std::vector<std::string> warnings;
};

}  // namespace rasd

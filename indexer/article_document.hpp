#pragma once
// Turning an Article into a Xapian document (terms, values, stored data) per schema.hpp.

#include <rasd/analysis/analyzer.hpp>
#include <rasd/article.hpp>

#include <xapian.h>

#include <optional>
#include <string>

namespace rasd::detail {

// "YYYYMMDD" from an ISO 8601 date ("2019-03-14", "2019-03-14T10:30:00+02:00"), or nothing.
[[nodiscard]] std::optional<std::string> parse_iso_date(const std::string& text);

// Builds the document for `article`. The caller replaces by the unique id term.
[[nodiscard]] Xapian::Document make_document(const Article& article, Analyzer& analyzer);

// The unique id term of an article id.
[[nodiscard]] std::string id_term(const std::string& id);

// Reads back the stored fields of a document made by make_document().
[[nodiscard]] Article stored_article(const Xapian::Document& document);

}  // namespace rasd::detail

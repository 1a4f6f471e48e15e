#pragma once
// Turning an Article into a Xapian document (terms, values, stored data) per schema.hpp.

#include "article_metadata.hpp"

#include <rasd/analysis/analyzer.hpp>
#include <rasd/article.hpp>

#include <xapian.h>

#include <string>

namespace rasd::detail {

// Builds the document for `article` with its extracted `metadata`. The caller replaces by the
// unique id term.
[[nodiscard]] Xapian::Document make_document(const Article& article, const ArticleMetadata& metadata,
                                             Analyzer& analyzer);

// "YYYY-MM-DD" from "YYYYMMDD" ("" stays "").
[[nodiscard]] std::string iso_date(const std::string& yyyymmdd);

// The unique id term of an article id.
[[nodiscard]] std::string id_term(const std::string& id);

// Reads back the stored fields of a document made by make_document().
[[nodiscard]] Article stored_article(const Xapian::Document& document);

}  // namespace rasd::detail

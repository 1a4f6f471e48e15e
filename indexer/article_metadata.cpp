#include "article_metadata.hpp"

#include "date_parser.hpp"

namespace rasd::detail {

ArticleMetadata extract_metadata(const Article& article) {
    ArticleMetadata metadata;
    std::optional<CalendarDate> date;
    if (!article.date.empty()) {
        date = parse_date_field(article.date);
        if (date) {
            metadata.date_source = "field";
        } else {
            metadata.warnings.push_back("unparseable date '" + article.date + "'");
        }
    }
    // Fallbacks, most reliable first: a date path in the URL, then a date in words at the
    // start of the body (a dateline such as "القاهرة - الخميس ٥ مارس ٢٠٢٠ -").
    if (!date && (date = find_date_in_url(article.url))) metadata.date_source = "url";
    if (!date && (date = find_date_in_text(article.abstract.empty() ? article.body : article.abstract))) {
        metadata.date_source = "text";
    }
    if (!date && (date = find_date_in_text(article.body))) metadata.date_source = "text";
    if (date) metadata.date = to_yyyymmdd(*date);
    return metadata;
}

}  // namespace rasd::detail

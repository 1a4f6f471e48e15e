#pragma once
// The page of one article (/article/ID): its title, date, places, topic, source, abstract and
// body, and a link to the original when it is an http(s) address.

#include <rasd/searcher.hpp>

#include <string>

namespace rasd::serve {

[[nodiscard]] std::string article_page_html(const ArchivedArticle& article);

}  // namespace rasd::serve

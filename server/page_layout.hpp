#pragma once
// The frame every HTML page shares: <html lang="ar" dir="rtl">, the built-in stylesheet, and
// the search form (which works without JavaScript).

#include <string>

namespace rasd::serve {

struct PageFrame {
    std::string title;   // plain text; escaped here
    std::string query;   // the search box's value; escaped here
    std::string sort = "relevance";
    std::string main;    // the page's HTML, already safe
};

[[nodiscard]] std::string page_html(const PageFrame& frame);

}  // namespace rasd::serve

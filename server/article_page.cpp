#include "server/article_page.hpp"

#include "server/html_text.hpp"
#include "server/page_layout.hpp"
#include "server/request_target.hpp"

#include <string_view>

namespace rasd::serve {
namespace {

// Only web addresses become links: "javascript:" or "data:" from a dump stays text.
bool is_web_address(std::string_view url) { return url.starts_with("http://") || url.starts_with("https://"); }

// The body's paragraphs (split at line breaks), each escaped.
std::string paragraphs(std::string_view body) {
    std::string html;
    while (!body.empty()) {
        const std::size_t end = body.find('\n');
        const std::string_view line = body.substr(0, end);
        if (line.find_first_not_of(" \t\r") != std::string_view::npos) html += "<p>" + html_text(line) + "</p>";
        if (end == std::string_view::npos) break;
        body.remove_prefix(end + 1);
    }
    return html;
}

void add_row(std::string& html, const char* label, const std::string& value_html) {
    if (!value_html.empty()) html += std::string("<dt>") + label + "</dt><dd>" + value_html + "</dd>";
}

}  // namespace

std::string article_page_html(const ArchivedArticle& a) {
    std::string main = "<main class=\"article\"><article><h1>" + html_text(a.title.empty() ? a.id : a.title) + "</h1><dl class=\"meta\">";
    add_row(main, "التاريخ", html_text(a.date.empty() ? a.date_given : a.date));
    std::string places;
    for (const HitPlace& place : a.places) {
        places += (places.empty() ? "" : "، ") + std::string("<a href=\"/?place=") + escape_html(percent_encode(place.id)) +
                  "\">" + html_text(place.name) + "</a>";
    }
    add_row(main, "الأماكن", places.empty() ? html_text(a.place) : places);
    if (!a.topic.empty()) {
        add_row(main, "الموضوع", "<a href=\"/?topic=" + escape_html(percent_encode(a.topic)) + "\">" +
                                   html_text(a.topic_label.empty() ? a.topic : a.topic_label) + "</a>");
    }
    if (!a.source.empty()) {
        add_row(main, "المصدر", "<a href=\"/?source=" + escape_html(percent_encode(a.source)) + "\">" +
                                  html_text(a.source) + "</a>");
    }
    add_row(main, "الكاتب", html_text(a.author));
    add_row(main, "المعرّف", html_text(a.id));
    if (is_web_address(a.url)) {
        add_row(main, "الأصل", "<a rel=\"noopener noreferrer nofollow\" href=\"" + escape_html(a.url) + "\"><bdi>" +
                                 escape_html(a.url) + "</bdi></a>");
    } else {
        add_row(main, "الأصل", html_text(a.url));
    }
    main += "</dl>";
    if (!a.abstract.empty()) main += "<div class=\"abstract\">" + paragraphs(a.abstract) + "</div>";
    main += "<div class=\"body\">" + paragraphs(a.body) + "</div></article></main>";
    return page_html({a.title.empty() ? a.id : a.title, "", "relevance", main});
}

}  // namespace rasd::serve

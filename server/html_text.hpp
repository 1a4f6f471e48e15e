#pragma once
// Text from the articles and the queries made safe for an HTML page: every markup character
// escaped, control characters written visibly, and each run of Latin letters and digits
// ("CNN", "2018-03-05", "Donald Trump") isolated in <bdi> so that it does not reorder the
// right-to-left line around it.

#include <string>
#include <string_view>

namespace rasd::serve {

// `text` escaped for element content or a quoted attribute value (& < > " '), with control
// characters as \xNN (line breaks too unless `keep_line_breaks`). No <bdi>.
[[nodiscard]] std::string escape_html(std::string_view text, bool keep_line_breaks = false);

// A form field's value as the user typed it (the query in the search box): markup characters
// escaped, control characters as character references (&#x1b;), nothing added, so that the
// form sends the same query again. No bidi closers: a field holds its own text apart.
[[nodiscard]] std::string escape_attribute_value(std::string_view text);

// escape_html(text) with its Latin and number runs in <bdi>...</bdi>: for element content.
[[nodiscard]] std::string html_text(std::string_view text, bool keep_line_breaks = false);

// Marks the library puts around each highlighted word when the page asks for a snippet. They
// are control characters, which never reach a snippet from the text (the library writes those
// visibly), so they cannot be forged by an article.
inline constexpr std::string_view kMarkStart = "\x01";
inline constexpr std::string_view kMarkEnd = "\x02";

// A snippet from the library (its text with &, < and > written as entities, highlighted words
// between kMarkStart and kMarkEnd) as HTML: the highlighted words in <mark>, whole, as the
// library marks whole words, and the text as html_text() writes it.
[[nodiscard]] std::string html_snippet(std::string_view snippet);

}  // namespace rasd::serve

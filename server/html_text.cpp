#include "server/html_text.hpp"

#include "util/bidi_controls.hpp"
#include "util/control_characters.hpp"

#include <array>
#include <utility>

namespace rasd::serve {
namespace {

bool is_ascii_alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// What may join letters and digits inside one isolated run: "Donald Trump", "2018-03-05",
// "10:30", "www.example.com/a_b", "50%". Markup characters and brackets end a run.
bool joins_run(char c) {
    constexpr std::string_view kJoiners = " .-:/,_%+@#";
    return is_ascii_alnum(c) || kJoiners.find(c) != std::string_view::npos;
}

void append_escaped(std::string& out, std::string_view text) {
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
}

}  // namespace

std::string escape_attribute_value(std::string_view text) {
    std::string markup_escaped;
    append_escaped(markup_escaped, text);  // leaves controls alone, and adds none
    return detail::replace_controls(markup_escaped, detail::C0Controls::Replaced, [](std::string& out, unsigned code) {
        out += "&#x";
        detail::append_hex_byte(out, code);
        out += ';';
    });
}

namespace {

// The HTML of already-visible text (no control characters but kept line breaks), each run of
// ASCII letters and digits (with the joiners of joins_run() between them) isolated in <bdi>.
std::string isolated(std::string_view visible) {
    std::string out;
    out.reserve(visible.size() + visible.size() / 4);
    std::size_t i = 0;
    while (i < visible.size()) {
        if (!is_ascii_alnum(visible[i])) {
            append_escaped(out, visible.substr(i, 1));
            ++i;
            continue;
        }
        std::size_t end = i;  // one past the run's last letter or digit
        for (std::size_t j = i; j < visible.size() && joins_run(visible[j]); ++j) {
            if (is_ascii_alnum(visible[j])) end = j + 1;
        }
        out += "<bdi>";
        append_escaped(out, visible.substr(i, end - i));
        out += "</bdi>";
        i = end;
    }
    return out;
}

// Control characters written visibly, and the bidi embeddings and isolates a field leaves open
// closed at its end (a query's U+202E would otherwise reverse the page title's " — رصد").
std::string visible_text(std::string_view text, bool keep_line_breaks) {
    return detail::with_bidi_controls_closed(detail::escape_control_characters(
        text, keep_line_breaks ? detail::LineBreaks::Keep : detail::LineBreaks::Escape));
}

// The snippet's own entities read back (one pass, so "&amp;lt;" is the text "&lt;").
std::string unescape_snippet_entities(std::string_view text) {
    static const std::array<std::pair<std::string_view, char>, 5> kEntities = {
        {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}}};
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        bool replaced = false;
        if (text[i] == '&') {
            for (const auto& [entity, c] : kEntities) {
                if (text.substr(i, entity.size()) == entity) {
                    out += c;
                    i += entity.size();
                    replaced = true;
                    break;
                }
            }
        }
        if (!replaced) out += text[i++];
    }
    return out;
}

}  // namespace

std::string escape_html(std::string_view text, bool keep_line_breaks) {
    std::string out;
    append_escaped(out, visible_text(text, keep_line_breaks));
    return out;
}

std::string html_text(std::string_view text, bool keep_line_breaks) {
    return isolated(visible_text(text, keep_line_breaks));
}

std::string html_snippet(std::string_view snippet) {
    std::string out;
    bool in_mark = false;
    std::size_t at = 0;
    while (at <= snippet.size()) {
        const std::string_view marker = in_mark ? kMarkEnd : kMarkStart;
        const std::size_t next = snippet.find(marker, at);
        const std::string_view piece = snippet.substr(at, next == std::string_view::npos ? std::string_view::npos : next - at);
        // Line breaks of the body become spaces: a snippet is one run of text.
        std::string text = unescape_snippet_entities(piece);
        for (char& c : text) {
            if (c == '\n' || c == '\r' || c == '\t') c = ' ';
        }
        out += html_text(text);
        if (next == std::string_view::npos) break;
        out += in_mark ? "</mark>" : "<mark>";
        in_mark = !in_mark;
        at = next + marker.size();
    }
    if (in_mark) out += "</mark>";
    return out;
}

}  // namespace rasd::serve

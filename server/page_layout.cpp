#include "server/page_layout.hpp"

#include "server/html_text.hpp"

#include <array>
#include <utility>

namespace rasd::serve {

std::string page_html(const PageFrame& frame) {
    static const std::array<std::pair<const char*, const char*>, 3> kSorts = {
        {{"relevance", "الأكثر صلة"}, {"newest", "الأحدث"}, {"oldest", "الأقدم"}}};
    std::string html =
        "<!DOCTYPE html>\n<html lang=\"ar\" dir=\"rtl\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>";
    html += escape_html(frame.title);
    html += "</title>\n<link rel=\"stylesheet\" href=\"/assets/rasd.css\">\n</head>\n<body>\n"
            "<header class=\"top\">\n<a class=\"brand\" href=\"/\">رصد</a>\n"
            "<form class=\"search\" action=\"/\" method=\"get\" role=\"search\">\n"
            "<input type=\"search\" name=\"q\" aria-label=\"ابحث في الأرشيف\" placeholder=\"ابحث في الأرشيف\" value=\"";
    html += escape_attribute_value(frame.query);
    html += "\">\n<select name=\"sort\" aria-label=\"الترتيب\">";
    for (const auto& [value, label] : kSorts) {
        html += std::string("<option value=\"") + value + "\"" + (frame.sort == value ? " selected" : "") + ">" +
                label + "</option>";
    }
    html += "</select>\n<button type=\"submit\">بحث</button>\n</form>\n</header>\n";
    html += frame.main;
    html += "\n</body>\n</html>\n";
    return html;
}

}  // namespace rasd::serve

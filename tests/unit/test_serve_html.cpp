// rasd-serve's HTML: escaping, <bdi> around Latin names and numbers, <mark> on whole words,
// and the pages built from results that try to inject markup.

#include <doctest/doctest.h>

#include "server/article_page.hpp"
#include "server/assets.hpp"
#include "server/html_text.hpp"
#include "server/search_page.hpp"

#include <string>

using rasd::serve::html_snippet;
using rasd::serve::html_text;

namespace {

std::string marked(const std::string& word) {
    return std::string(rasd::serve::kMarkStart) + word + std::string(rasd::serve::kMarkEnd);
}

}  // namespace

TEST_CASE("html_text escapes markup and isolates Latin and number runs") {
    const struct {
        const char* text;
        const char* html;
    } cases[] = {
        {"خبر عاجل", "خبر عاجل"},
        {"قالت CNN إن", "قالت <bdi>CNN</bdi> إن"},
        {"يوم 2018-03-05 في", "يوم <bdi>2018-03-05</bdi> في"},
        {"الرئيس Donald Trump قال", "الرئيس <bdi>Donald Trump</bdi> قال"},
        {"(AFP) القاهرة", "(<bdi>AFP</bdi>) القاهرة"},
        {"<script>alert(1)</script>", "&lt;<bdi>script</bdi>&gt;<bdi>alert</bdi>(<bdi>1</bdi>)&lt;/<bdi>script</bdi>&gt;"},
        {"a & \"b\" 'c'", "<bdi>a</bdi> &amp; &quot;<bdi>b</bdi>&quot; &#39;<bdi>c</bdi>&#39;"},
        {"سطر\x1b[31m", "سطر\\<bdi>x1b</bdi>[<bdi>31m</bdi>"},  // a terminal escape made visible
        {"الساعة 10:30، www.example.com/a_b", "الساعة <bdi>10:30</bdi>، <bdi>www.example.com/a_b</bdi>"},
        {"٢٠١٩ عام", "٢٠١٩ عام"},                      // Arabic-Indic digits flow with the text
        {"\u202Eمقلوب", "\u202Eمقلوب\u202C"},          // an override left open is closed
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        CHECK(html_text(c.text) == c.html);
    }
    CHECK(rasd::serve::escape_html("<a href='x'>") == "&lt;a href=&#39;x&#39;&gt;");
    CHECK(rasd::serve::escape_html("\u2067عنوان") == "\u2067عنوان\u2069");  // the page title too
}

TEST_CASE("html_snippet marks whole words and reads the library's entities once") {
    const struct {
        std::string snippet;
        const char* html;
    } cases[] = {
        {"…من " + marked("السائقين") + " ويهدد…", "…من <mark>السائقين</mark> ويهدد…"},
        {marked("بالقاهرة") + " و" + marked("CNN"), "<mark>بالقاهرة</mark> و<mark><bdi>CNN</bdi></mark>"},
        {"&lt;b&gt;وسم&lt;/b&gt; &amp;amp;", "&lt;<bdi>b</bdi>&gt;وسم&lt;/<bdi>b</bdi>&gt; &amp;<bdi>amp</bdi>;"},
        {"سطر\nسطر", "سطر سطر"},
        {marked("غير مغلق"), "<mark>غير مغلق</mark>"},
    };
    for (const auto& c : cases) {
        CAPTURE(c.snippet);
        CHECK(html_snippet(c.snippet) == c.html);
    }
}

TEST_CASE("the search page escapes results and queries, and links facets and dates") {
    rasd::serve::SearchParameters search;
    search.query = "\"><script>alert(2)</script>";
    search.request.places = {"eg"};
    rasd::SearchResults results;
    results.total = {1, 1, 1};
    rasd::SearchHit hit;
    hit.rank = 1;
    hit.id = "a/1?x";
    hit.title = "<script>alert(1)</script>";
    hit.source = "<img src=x onerror=alert(1)>";
    hit.snippet = marked("سائق") + " &lt;i&gt;";
    results.hits = {hit};
    results.has_facets = true;
    results.facets.topic = {{"security", "أمن وجريمة", 3}};
    results.facets.country = {{"eg", "مصر", 1}};
    results.facets.year = {{"2019", "2019", 1}};
    results.facets.month = {{"2019-03", "2019-03", 1}};
    // A source's value is its folded name; the page filters by its name as written, its label.
    results.facets.source = {{"سكاي نيوز", "سكاي <نيوز>", 1}};
    results.suggestion = "سائق <b>";
    const std::string html = rasd::serve::search_page_html({search, &results, nullptr});

    CHECK(html.find("<html lang=\"ar\" dir=\"rtl\">") != std::string::npos);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    CHECK(html.find("value=\"&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;\"") != std::string::npos);
    CHECK(html.find("<a href=\"/article/a%2F1%3Fx\">") != std::string::npos);
    CHECK(html.find("<mark>سائق</mark> &lt;<bdi>i</bdi>&gt;") != std::string::npos);
    // A topic adds a filter, the active place removes itself, a month narrows the dates.
    const std::string q = "q=%22%3E%3Cscript%3Ealert%282%29%3C%2Fscript%3E";
    CHECK(html.find("href=\"/?" + q + "&amp;topic=security&amp;place=eg\"") != std::string::npos);
    CHECK(html.find("<li class=\"active\"><a href=\"/?" + q + "\">مصر</a>") != std::string::npos);
    CHECK(html.find("href=\"/?" + q + "&amp;place=eg&amp;from=2019-03&amp;to=2019-03\"") != std::string::npos);
    CHECK(html.find("<h2>المصدر</h2><ul><li><a href=\"/?" + q + "&amp;place=eg&amp;source=%D8%B3%D9%83%D8%A7%D9%8A%20%3C%D9%86%D9%8A%D9%88%D8%B2%3E\">سكاي &lt;نيوز&gt;</a>") !=
          std::string::npos);
    CHECK(html.find("هل تقصد: <a href=\"/?q=%D8%B3%D8%A7%D8%A6%D9%82%20%3Cb%3E&amp;place=eg\">سائق &lt;<bdi>b</bdi>&gt;</a>") !=
          std::string::npos);
}

TEST_CASE("the article page links only web addresses") {
    rasd::ArchivedArticle article;
    article.id = "x-1";
    article.title = "عنوان";
    article.body = "فقرة أولى\n\nفقرة <ثانية>";
    article.url = "javascript:alert(1)";
    std::string html = rasd::serve::article_page_html(article);
    CHECK(html.find("href=\"javascript") == std::string::npos);
    CHECK(html.find("<p>فقرة أولى</p><p>فقرة &lt;ثانية&gt;</p>") != std::string::npos);
    article.url = "https://example.com/a?b=1&c=\"2\"";
    html = rasd::serve::article_page_html(article);
    CHECK(html.find("href=\"https://example.com/a?b=1&amp;c=&quot;2&quot;\"") != std::string::npos);
}

TEST_CASE("only the built-in assets are served") {
    REQUIRE(rasd::serve::builtin_asset("rasd.css").has_value());
    CHECK(rasd::serve::builtin_asset("rasd.css")->content.find("font-family") != std::string_view::npos);
    for (const char* name : {"", "../rasd.css", "rasd.css/", "RASD.CSS", "/etc/passwd"}) {
        CAPTURE(name);
        CHECK_FALSE(rasd::serve::builtin_asset(name).has_value());
    }
}

#!/usr/bin/env bash
# rasd-serve's search page in a real browser (Debian's chromium, headless): the
# rendered DOM is right-to-left Arabic, holds the results with whole words in <mark>, the
# facet sidebar and the date histogram, and their links filter; the "هل تقصد" suggestion and
# the article page render. Saves screenshots (results, facets, histogram, article) into
# SCREENSHOT_DIR: docs/screenshots/ holds the ones this test took.
# Usage: serve_browser_test.sh RASD_INDEX RASD_SERVE CORPUS_DIR SCREENSHOT_DIR
# Exits 77 (skipped) when chromium is not installed: .ci/run installs it for this test.
set -u
index=$1 serve=$2 corpus=$3 shots=$4
browser=$(command -v chromium || command -v chromium-browser) ||
    { echo "SKIP: chromium not found (apt-get install chromium; .ci/run installs it)"; exit 77; }
source "$(dirname "$0")/serve_common.sh"
mkdir -p "$shots"
index_corpus
start_server --db "$db" --threads 4

# chromium as root needs --no-sandbox; a profile of its own per run. The page has no script and
# its Content-Security-Policy runs none, so what renders here renders without JavaScript.
chrome() {
    timeout 60 "$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
        --user-data-dir="$work/profile" "$@" 2>>"$work/chromium.log"
}
dom() { chrome --dump-dom "$base$1" >"$work/dom.html"; }
shot() { chrome --window-size=1280,900 --screenshot="$shots/$2" "$base$1" >/dev/null; }
count() { grep -o "$1" "$work/dom.html" | wc -l; }

# The results page: /?q=سائق (20 matches, 10 on the page).
dom "/?q=%D8%B3%D8%A7%D8%A6%D9%82"
check "results: lang=ar dir=rtl" grep -q '<html lang="ar" dir="rtl">' "$work/dom.html"
check "results: 10 hits rendered (got $(count '<li class="hit">'))" test "$(count '<li class="hit">')" = 10
check "results: the total" grep -q '<bdi>20</bdi> نتيجة' "$work/dom.html"
check "results: highlighted words" test "$(count '<mark>')" -ge 10
# Whole words only: no mark starts or ends inside a word (an Arabic letter right outside it).
check "results: no mark splits a word" bash -c "! grep -qP '\p{Arabic}<mark>|</mark>\p{Arabic}' '$work/dom.html'"
check "results: Latin names isolated" grep -q '<bdi>Uber</bdi>' "$work/dom.html"
check "results: facet sidebar" test "$(count '<section class="facet">')" = 4
for heading in الموضوع البلد المدينة المصدر; do
    check "results: facet $heading" grep -q "<h2>$heading</h2>" "$work/dom.html"
done
check "results: histogram by year" test "$(count 'class="bar"')" -ge 5
check "results: next page" grep -q 'rel="next" href="/?q=%D8%B3%D8%A7%D8%A6%D9%82&amp;offset=10"' "$work/dom.html"
shot "/?q=%D8%B3%D8%A7%D8%A6%D9%82" results.png

# A country facet filters: follow the sidebar's link for مصر.
link=$(grep -o '<a href="[^"]*">مصر</a>' "$work/dom.html" | head -1 | sed 's/<a href="\([^"]*\)".*/\1/; s/&amp;/\&/g')
check "facets: a link for مصر ($link)" test "$link" = "/?q=%D8%B3%D8%A7%D8%A6%D9%82&place=eg"
dom "$link"
check "facets: the filter shown" grep -q 'مكان: <bdi>eg</bdi>' "$work/dom.html"
check "facets: the country marked active" grep -q '<li class="active"><a href="/?q=%D8%B3%D8%A7%D8%A6%D9%82">مصر</a>' "$work/dom.html"
check "facets: 19 matches in Egypt" grep -q '<bdi>19</bdi> نتيجة' "$work/dom.html"
shot "/?q=%D8%B3%D8%A7%D8%A6%D9%82&place=eg&topic=security" facets.png

# The histogram narrows the dates: a year of Egypt's news, then by month.
dom "/?place=eg&from=2019&to=2019"
check "histogram: by month within a year" grep -q '<h2>حسب الشهر</h2>' "$work/dom.html"
check "histogram: month bars link to their month" grep -q 'href="/?place=eg&amp;from=2019-0[0-9]&amp;to=2019-0[0-9]"' "$work/dom.html"
shot "/?place=eg&from=2019&to=2019" histogram.png

# "هل تقصد" for a misspelt word.
dom "/?q=%D8%A7%D9%84%D9%85%D9%8A%D9%83%D8%B1%D9%88%D8%A8%D8%A7%D8%B6"
check "suggestion: هل تقصد الميكروباص" grep -q 'هل تقصد: <a href="/?q=%D8%A7%D9%84%D9%85%D9%8A%D9%83%D8%B1%D9%88%D8%A8%D8%A7%D8%B5">الميكروباص</a>' "$work/dom.html"

# The article page.
dom "/article/rasd-0155"
check "article: rtl" grep -q '<html lang="ar" dir="rtl">' "$work/dom.html"
check "article: its title" grep -q '<h1>القبض على بلطجى فرض إتاوات على سائقى الميكروباص بموقف العجمى</h1>' "$work/dom.html"
check "article: its body in paragraphs" test "$(count '<p>')" -ge 2
shot "/article/rasd-0155" article.png

for png in results facets histogram article; do
    check "screenshot $png.png saved" test -s "$shots/$png.png"
done
check "SIGTERM: exit status 0" stop_server
if ((failures > 0)); then echo "chromium's log:"; tail -5 "$work/chromium.log"; fi
finish

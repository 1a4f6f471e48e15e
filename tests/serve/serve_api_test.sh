#!/usr/bin/env bash
# rasd-serve's API on the bundled corpus: /api/search answers the very bytes `rasd-search
# --json` prints for the same query and flags; errors come as JSON with the right status (400
# for a bad query with its position, 404, 405, 503); malformed requests (bad percent-encoding,
# invalid UTF-8, huge headers, unknown parameters) get a 400 and never stop the server; pages
# escape what articles hold; a new commit is answered without a restart; SIGTERM stops it
# cleanly.
# Usage: serve_api_test.sh RASD_INDEX RASD_SEARCH RASD_SERVE CORPUS_DIR
set -u
index=$1 search=$2 serve=$3 corpus=$4
source "$(dirname "$0")/serve_common.sh"

# An article that tries to inject markup through every field.
cat >"$work/hostile.jsonl" <<'JSON'
{"id": "hostile-1", "title": "<script>alert(1)</script> خبر عن CNN", "body": "زعفرانيات <b>وسم</b> & \"اقتباس\" 'مفرد' من وكالة CNN عام 2019.", "date": "2020-01-01", "place": "القاهرة", "source": "<img src=x onerror=alert(1)>", "url": "javascript:alert(1)"}
JSON
index_corpus "$work/hostile.jsonl"
start_server --db "$db" --threads 4 --access-log

# status BODY_FILE CURL_ARGS...: prints the HTTP status, the body into BODY_FILE.
status() {
    local out=$1; shift
    curl -s -o "$out" -w '%{http_code}' "$@"
}

# same_as_cli DESCRIPTION "CLI ARGS" CURL_DATA...: the API's body equals rasd-search --json's output.
same_as_cli() {
    local what=$1 cli_args=$2; shift 2
    local data=() pair
    for pair in "$@"; do data+=(--data-urlencode "$pair"); done
    eval "\"$search\" --db \"$db\" --json $cli_args" >"$work/cli.json" 2>&1
    local code
    code=$(status "$work/api.json" -G "${data[@]}" "$base/api/search")
    check "$what: status 200 (got $code)" test "$code" = 200
    check "$what: same bytes as rasd-search --json" cmp -s "$work/cli.json" "$work/api.json"
    check "$what: has hits" grep -q "\"rank\":" "$work/api.json"
}
same_as_cli "one word" "--limit 5 سائق" "q=سائق" "limit=5"
same_as_cli "place filter with facets" "--place القاهرة --facets 'سيارة نقل'" "q=سيارة نقل" "place=القاهرة" "facets=1"
same_as_cli "dates, sort, explain" "--from 2019 --to 2022 --sort newest --explain 'البنك المركزي'" \
    "q=البنك المركزي" "from=2019" "to=2022" "sort=newest" "explain=1"
same_as_cli "field in the query, paging" "--limit 3 --offset 2 'موضوع:أمن سائق'" "q=موضوع:أمن سائق" "limit=3" "offset=2"
same_as_cli "filters only" "--topic أمن --source 'الرصد اليوم' --facets" "topic=أمن" "source=الرصد اليوم" "facets=1"
same_as_cli "several places" "--place مصر --place السعودية --limit 20 مطار" "q=مطار" "place=مصر" "place=السعودية" "limit=20"
# Stories (rasd-0009 reprints rasd-0008): collapsed answers, a story's articles, related coverage.
same_as_cli "collapsed with facets" "--collapse --facets 'المركزي المصري'" "q=المركزي المصري" "collapse=1" "facets=1"
same_as_cli "a story" "--story rasd-0009" "story=rasd-0009"
same_as_cli "more like this" "--like rasd-0008 --limit 20" "like=rasd-0008" "limit=20"
same_as_cli "without snippets" "--no-snippets 'سيارة نقل'" "q=سيارة نقل" "snippets=0"
check "without snippets: every snippet empty" grep -q '"snippet":""' "$work/api.json"
check "without snippets: no snippet with text" sh -c "! grep -q '\"snippet\":\"[^\"]' '$work/api.json'"

# Errors: a query error with its position, bad parameters, unknown paths and ids.
code=$(status "$work/e.json" -G --data-urlencode "q=سائق (نقل" "$base/api/search")
check "unbalanced bracket: 400 (got $code)" test "$code" = 400
check "unbalanced bracket: message and position" \
    grep -q '"message":"unbalanced brackets: the .(. at position 6 is never closed","position":6,"status":400' "$work/e.json"
code=$(status "$work/e.json" "$base/api/search?q=x&bogus=1")
check "unknown parameter: 400 (got $code)" test "$code" = 400
check "unknown parameter named" grep -q "unknown parameter 'bogus'" "$work/e.json"
code=$(status "$work/e.json" "$base/api/search?q=%D8%B3%ZZ")
check "bad percent-encoding: 400 (got $code)" test "$code" = 400
check "bad percent-encoding named" grep -q "bad percent-encoding in the parameter 'q' at byte 7" "$work/e.json"
code=$(status "$work/e.json" "$base/api/search?q=%FF%FE")
check "invalid UTF-8: 400 (got $code)" test "$code" = 400
check "invalid UTF-8 named" grep -q "the parameter 'q' is not valid UTF-8" "$work/e.json"
code=$(status "$work/e.json" "$base/api/search?q=x&limit=-1")
check "negative limit: 400 (got $code)" test "$code" = 400
code=$(status "$work/e.json" "$base/api/search?q=x&limit=1001")
check "limit over 1000: 400 (got $code)" test "$code" = 400
code=$(status "$work/e.json" "$base/api/search?story=")
check "empty story: 400 (got $code)" test "$code" = 400
check "empty story named" grep -q "story needs an article id, not an empty value" "$work/e.json"
code=$(status "$work/e.json" "$base/api/search?q=x&q=y")
check "repeated q: 400 (got $code)" test "$code" = 400
code=$(status "$work/e.json" "$base/api/search?sort=newest")
check "no query: 400 (got $code)" test "$code" = 400
code=$(status "$work/e.json" "$base/api/search?q=x&sort=sideways")
check "bad sort: 400 (got $code)" test "$code" = 400
check "bad sort named" grep -q "unknown sort order 'sideways'" "$work/e.json"
code=$(status "$work/e.json" -G --data-urlencode "q=$(printf 'كلمة %.0s' $(seq 1 300))" "$base/api/search")
check "query over the word limit: 400 (got $code)" test "$code" = 400
code=$(status "$work/e.json" -H "X-Padding: $(head -c 20000 /dev/zero | tr '\0' a)" "$base/healthz")
check "huge header: 400 (got $code)" test "$code" = 400
malformed='{"error":{"message":"malformed request: its request line or a header cannot be read","status":400}}'
check "huge header: the JSON error document" grep -qxF "$malformed" "$work/e.json"
code=$(status "$work/e.json" "$base/api/search?q=$(head -c 9000 /dev/zero | tr '\0' a)")
check "request target over 8 KiB: 414 (got $code)" test "$code" = 414
check "request target over 8 KiB: the JSON error document" \
    grep -qxF '{"error":{"message":"the request target is too long","status":414}}' "$work/e.json"
# A request line the HTTP library cannot read is refused before rasd routes it: still JSON.
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'BLAH\r\n\r\n' >&3
timeout 10 cat <&3 >"$work/blah.http"
exec 3<&-
check "malformed request line: 400" bash -c "head -n 1 '$work/blah.http' | grep -q '^HTTP/1.1 400'"
check "malformed request line: JSON" grep -qF "Content-Type: application/json; charset=utf-8" "$work/blah.http"
check "malformed request line: the JSON error document" bash -c "tail -n 1 '$work/blah.http' | grep -qxF '$malformed'"
code=$(status "$work/e.json" -X POST --data "q=x" "$base/api/search")
check "POST: 405 (got $code)" test "$code" = 405
# A GET with a body: refused before any of it is read, and the connection closed (the HTTP
# library would otherwise read the body as the next request's line, all of it in memory).
code=$(head -c 300000 /dev/zero | status "$work/e.json" -X GET --data-binary @- "$base/healthz")
check "GET with a body: 413 (got $code)" test "$code" = 413
check "GET with a body: the JSON error document" \
    grep -qxF '{"error":{"message":"the request body is too large","status":413}}' "$work/e.json"
code=$(status "$work/e.json" "$base/healthz")
check "the next request after a body is answered (got $code)" test "$code" = 200
code=$(status "$work/e.json" "$base/api/article/no-such-id")
check "unknown article: 404 (got $code)" test "$code" = 404
check "unknown article named" grep -q "no article with id 'no-such-id'" "$work/e.json"
for path in /assets/../CMakeLists.txt /assets/%2e%2e/CMakeLists.txt /etc/passwd /assets/ /server/assets/rasd.css; do
    code=$(status "$work/e.html" "$base$path")
    check "$path: 404 (got $code)" test "$code" = 404
done
code=$(status "$work/e.json" "$base/assets/rasd.css")
check "built-in stylesheet: 200 (got $code)" test "$code" = 200

# The article, whole, and the other endpoints.
code=$(status "$work/a.json" "$base/api/article/hostile-1")
check "article: 200 (got $code)" test "$code" = 200
check "article: its title as stored" grep -qF '"title":"<script>alert(1)</script> خبر عن CNN"' "$work/a.json"
check "article: its body" grep -qF 'زعفرانيات <b>وسم</b> & \"اقتباس\"' "$work/a.json"
code=$(status "$work/s.json" "$base/api/stats")
check "stats: 200 (got $code)" test "$code" = 200
articles=$("$index" --db "$db" --stats --json | grep -o '"articles":[0-9]*')
check "stats: the article count of rasd-index --stats ($articles)" grep -q "$articles" "$work/s.json"
code=$(status "$work/h.json" "$base/healthz")
check "healthz: 200 (got $code)" test "$code" = 200
check "healthz: the article count" grep -qxF "{${articles%%$'\n'*},\"status\":\"ok\"}" "$work/h.json"

# Stories on the page: a collapsed hit links its other copies; the story and its related coverage.
code=$(status "$work/c.html" -G --data-urlencode "q=المركزي المصري" -d collapse=1 "$base/")
check "page, collapsed: 200 (got $code)" test "$code" = 200
check "page, collapsed: counts stories" grep -qE '</bdi> (قصص|قصةً|قصة)</p>|>(قصة واحدة|قصتان)</p>' "$work/c.html"
check "page, collapsed: the copy line links the story" grep -qF '<a href="/?story=rasd-0008">+<bdi>1</bdi> نسخة أخرى</a>: بوابة الوادي الإخبارية' "$work/c.html"
code=$(status "$work/st.html" -G -d story=rasd-0009 "$base/")
check "page, story: 200 (got $code)" test "$code" = 200
check "page, story: who published it first, and when" grep -qF 'قصة من مقالين، نشرها أولًا الرصد اليوم في <bdi>2021-06-17</bdi></p>' "$work/st.html"
code=$(status "$work/st2.html" -G -d story=rasd-0009 -d offset=1 "$base/")
check "page, story past its first article: 200 (got $code)" test "$code" = 200
check "page, story past its first article: names no first publisher" bash -c "grep -qF 'قصة من مقالين</p>' '$work/st2.html' && ! grep -qF 'نشرها' '$work/st2.html'"
check "page, story: both articles" bash -c "grep -qF 'href=\"/article/rasd-0008\"' '$work/st.html' && grep -qF 'href=\"/article/rasd-0009\"' '$work/st.html'"
code=$(status "$work/like.html" -G -d like=rasd-0008 "$base/")
check "page, like: 200 (got $code)" test "$code" = 200
check "page, like: the article itself left out" bash -c "! grep -qF 'href=\"/article/rasd-0008\"' '$work/like.html'"

# The page's source facet counts the matches (as rasd-search --facets does), and its link filters.
n=$("$search" --db "$db" --json --facets سائق | grep -o '"count":[0-9]*,"label":"الرصد اليوم"' | grep -o '[0-9]*')
check "rasd-search --facets: a source facet (got '$n')" test -n "$n"
code=$(status "$work/f.html" -G --data-urlencode "q=سائق" "$base/")
check "page, source facet: 200 (got $code)" test "$code" = 200
check "page, source facet: the count over the matches" \
    grep -qF "=%D8%A7%D9%84%D8%B1%D8%B5%D8%AF%20%D8%A7%D9%84%D9%8A%D9%88%D9%85\">الرصد اليوم</a> <span class=\"count\"><bdi>$n</bdi>" "$work/f.html"
code=$(status "$work/f2.html" -G --data-urlencode "q=سائق" --data-urlencode "source=الرصد اليوم" "$base/")
check "page, source filter: as many matches as the facet said, exact" grep -qE "class=\"total\"><bdi>$n</bdi> (نتائج|نتيجةً|نتيجة)</p>" "$work/f2.html"
# Nothing found: said so, with no empty list or page number; a page past the end links the last.
code=$(status "$work/none.html" -G --data-urlencode "q=زقزقةمستحيلة" "$base/")
check "page, no results: 200 (got $code)" test "$code" = 200
check "page, no results: said" grep -qF '<p class="total">لا نتائج.</p>' "$work/none.html"
check "page, no results: no list, no page number" bash -c "! grep -qE '<ol class=\"hits\"|صفحة' '$work/none.html'"
code=$(status "$work/past.html" -G --data-urlencode "q=سائق" -d offset=100000 "$base/")
check "page, past the end: 200 (got $code)" test "$code" = 200
check "page, past the end: a link to the last page" grep -qF 'offset=10">الصفحة الأخيرة</a>' "$work/past.html"
# The query typed comes back in the search box as it was (a control character included).
code=$(status "$work/echo.html" -G --data-urlencode $'q=سائق[2J' "$base/")
check "page, query echo: the control character as a reference" grep -qF 'value="سائق&#x1b;[2J"' "$work/echo.html"

# Escaping on the pages: the hostile article shows as text.
code=$(status "$work/p.html" -G --data-urlencode "q=زعفرانيات" "$base/")
check "page: 200 (got $code)" test "$code" = 200
check "page: the title escaped" grep -qF '&lt;<bdi>script</bdi>&gt;<bdi>alert</bdi>(<bdi>1</bdi>)&lt;/<bdi>script</bdi>&gt; خبر عن <bdi>CNN</bdi>' "$work/p.html"
check "page: no script element" bash -c "! grep -qi '<script' '$work/p.html'"
check "page: the snippet's markup escaped, the word marked" grep -qF '<mark>زعفرانيات</mark> &lt;<bdi>b</bdi>&gt;وسم&lt;/<bdi>b</bdi>&gt; &amp; &quot;اقتباس&quot;' "$work/p.html"
code=$(status "$work/p0.html" -G --data-urlencode "q=زعفرانيات" --data-urlencode "snippets=0" "$base/")
check "page without snippets: status 200 (got $code)" test "$code" = 200
check "page without snippets: the hit, no snippet paragraph" bash -c "grep -qF 'خبر عن <bdi>CNN</bdi>' '$work/p0.html' && grep -q 'class=\"snippet\"' '$work/p.html' && ! grep -q 'class=\"snippet\"' '$work/p0.html'"
code=$(status "$work/art.html" "$base/article/hostile-1")
check "article page: 200 (got $code)" test "$code" = 200
check "article page: no script or img element" bash -c "! grep -qiE '<script|<img' '$work/art.html'"
check "article page: a javascript: url is no link" bash -c "! grep -qi 'href=\"javascript' '$work/art.html'"
code=$(status "$work/q.html" -G --data-urlencode 'q="><script>alert(2)</script>' "$base/")
check "page: a hostile query escaped in the search box" grep -qF 'value="&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"' "$work/q.html"
check "page: a hostile query never as markup" bash -c "! grep -qi '<script' '$work/q.html'"

# A new commit is answered without a restart.
code=$(status "$work/n.json" -G --data-urlencode "q=قرنفليات" "$base/api/search")
check "before the commit: no match" grep -q '"total":{"estimated":0' "$work/n.json"
echo '{"id": "late-1", "title": "خبر متأخر", "body": "قرنفليات في السوق", "date": "2024-02-02"}' >"$work/late.jsonl"
"$index" --db "$db" "$work/late.jsonl" >/dev/null 2>&1
code=$(status "$work/n.json" -G --data-urlencode "q=قرنفليات" "$base/api/search")
check "after the commit: found without a restart" grep -q '"id":"late-1"' "$work/n.json"

# The command line: usage errors exit 2, an address in use exits 1.
"$serve" --db "$db" --listen localhost >/dev/null 2>"$work/usage.err"
check "--listen without a port: exit 2" test $? = 2
check "--listen without a port: named" grep -q "rasd-serve: error: --listen must be HOST:PORT, e.g. 127.0.0.1:8080; got 'localhost' (no port)" "$work/usage.err"
"$serve" --db "$db" --threads 0 >/dev/null 2>"$work/usage.err"
check "--threads 0: exit 2" test $? = 2
check "--threads 0: the range" grep -q "threads must be a whole number from 1 to 1024, got '0'" "$work/usage.err"
"$serve" --listen 127.0.0.1:0 >/dev/null 2>"$work/usage.err"
check "no --db: exit 2" test $? = 2
"$serve" --db "$db" --deadline-ms 3600001 >/dev/null 2>"$work/usage.err"
check "--deadline-ms over an hour: exit 2" test $? = 2
check "--deadline-ms over an hour: the range" \
    grep -q "deadline-ms must be a whole number from 0 to 3600000, got '3600001'" "$work/usage.err"
timeout 10 "$serve" --db "$db" --listen "127.0.0.1:$port" >/dev/null 2>"$work/usage.err"  # never two servers on one port
check "address in use: exit 1" test $? = 1
check "address in use: named" grep -q "rasd-serve: error: cannot listen on 127.0.0.1:$port" "$work/usage.err"

check "still answering after the malformed requests" test "$(status /dev/null "$base/healthz")" = 200
check "one access log line per request" grep -q '"GET /api/search?q=x&bogus=1" 400' "$work/serve.err"
check "SIGTERM: exit status 0" stop_server

# A source that cannot be opened: rasd-serve does not start; with --allow-partial the answer
# is partial. A remote shard that stops answering: 503, or partial with --allow-partial.
"$serve" --db "$db" --db tcp://127.0.0.1:1 --listen 127.0.0.1:0 >"$work/down.out" 2>"$work/down.err"
check "unreachable shard: exit status 1" test $? = 1
check "unreachable shard: named" grep -q "tcp://127.0.0.1:1: shard unavailable" "$work/down.err"
start_server --db "$db" --db tcp://127.0.0.1:1 --allow-partial
code=$(status "$work/p.json" -G --data-urlencode "q=سائق" "$base/api/search")
check "allow-partial: 200 (got $code)" test "$code" = 200
check "allow-partial: marked partial" grep -q '"partial":true,.*"unavailable":\["tcp://127.0.0.1:1"\]' "$work/p.json"
check "allow-partial: SIGTERM" stop_server
if command -v xapian-tcpsrv >/dev/null; then
    tcp_port=$((20000 + RANDOM % 40000))
    setsid xapian-tcpsrv --interface 127.0.0.1 --port "$tcp_port" --quiet "$db" >"$work/tcpsrv.log" 2>&1 &
    tcp_pid=$!
    for _ in $(seq 1 50); do (exec 3<>"/dev/tcp/127.0.0.1/$tcp_port") 2>/dev/null && break; sleep 0.1; done
    start_server --db "tcp://127.0.0.1:$tcp_port" --threads 1
    code=$(status "$work/r.json" -G --data-urlencode "q=سائق" "$base/api/search")
    check "remote shard: 200 (got $code)" test "$code" = 200
    kill "$tcp_pid"; wait "$tcp_pid" 2>/dev/null
    code=$(status "$work/r.json" -G --data-urlencode "q=سائق" "$base/api/search")
    check "remote shard gone: 503 (got $code)" test "$code" = 503
    check "remote shard gone: named" grep -q "shard unavailable" "$work/r.json"
    check "remote shard gone: SIGTERM" stop_server
fi
finish

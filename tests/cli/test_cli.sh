#!/usr/bin/env bash
# The command-line contract of rasd-index and rasd-search: exit codes, messages on stderr
# prefixed with the program name, and exact output formats.
# Usage: test_cli.sh RASD_INDEX RASD_SEARCH CORPUS_DIR
set -u
index=$1 search=$2 corpus=$3
# shellcheck source=cli_checks.sh
source "$(dirname "$0")/cli_checks.sh"

# --help and --version
expect_exit 0 "index --help" -- "$index" --help
expect_in "$work/out" "Arabic stemmer, one of: light, snowball, none" "index --help lists stemmers"
expect_in "$work/out" "--analyze" "index --help lists --analyze"
expect_exit 0 "search -h" -- "$search" -h
expect_in "$work/out" "--limit" "search --help lists --limit"
expect_exit 0 "index --version" -- "$index" --version
expect_in "$work/out" "rasd-index (rasd) " "index --version"
expect_exit 0 "search -V" -- "$search" -V
expect_in "$work/out" "rasd-search (rasd) " "search --version"

# --analyze prints position<TAB>surface<TAB>folded<TAB>stem, '-' for a stop word
expect_exit 0 "analyze" -- "$index" --analyze "والمواطنين فى الْقَاهِرَة"
printf '0\tوالمواطنين\tوالمواطنين\tمواطن\n1\tفى\tفي\t-\n2\tالْقَاهِرَة\tالقاهره\tقاهر\n' > "$work/expected"
checks=$((checks + 1)); cmp -s "$work/out" "$work/expected" || fail "analyze output: $(cat "$work/out")"
expect_exit 0 "analyze snowball" -- "$index" --analyze "والكتاب" --stemmer snowball
printf '0\tوالكتاب\tوالكتاب\tكتاب\n' > "$work/expected"
checks=$((checks + 1)); cmp -s "$work/out" "$work/expected" || fail "analyze snowball output: $(cat "$work/out")"

# usage errors: exit 2, message prefixed with the program name
expect_exit 2 "bad stemmer" -- "$index" --analyze x --stemmer khoja
expect_in "$work/err" "rasd-index: error: unknown stemmer 'khoja' (valid: light, snowball, none)" "bad stemmer message"
expect_exit 2 "unknown option" -- "$index" --frobnicate
expect_in "$work/err" "rasd-index: error: unrecognised option '--frobnicate'" "unknown option message"
expect_exit 2 "index without --db" -- "$index" "$corpus/articles.jsonl"
expect_in "$work/err" "rasd-index: error: the option '--db' is required" "missing --db message"
expect_exit 2 "unsupported input" -- "$index" --db "$work/db" notes.pdf
expect_in "$work/err" "rasd-index: error: 'notes.pdf': unsupported input format" "unsupported input message"
expect_exit 2 "search without query" -- "$search" --db "$work/db"
expect_in "$work/err" "rasd-search: error: no QUERY given" "missing query message"

# index the bundled corpus, then search it
expect_exit 0 "index corpus" -- "$index" --db "$work/db" "$corpus/articles.jsonl"
n=$(grep -c . "$corpus/articles.jsonl")
expect_in "$work/err" "read $n, indexed $n new, 0 replaced, skipped 0, deleted 0 (0 not found); with a date $n, a place " "index summary"
expect_exit 0 "search corpus" -- "$search" --db "$work/db" "سائق سيارة نقل"
expect_in "$work/out" "1. " "search prints ranked hits"
# free text: Xapian's estimate with its bounds, counted exactly with --exact-total
expect_exit 0 "search --exact-total" -- "$search" --db "$work/db" -n 1 --exact-total "وزير الحكومة"
expect_in "$work/out" '~26 matches (26..26) for: وزير الحكومة' "--exact-total counts the matches"
expect_exit 0 "search estimated total" -- "$search" --db "$work/db" -n 1 "وزير الحكومة"
expect_in "$work/out" '~28 matches (20..29) for: وزير الحكومة' "the default total is the estimate with its bounds"
expect_exit 0 "search json" -- "$search" --db "$work/db" --json -n 2 "المسئولين"
expect_in "$work/out" '"query":"المسئولين"' "json query"
expect_in "$work/out" '"total":{"estimated":' "json total"
expect_in "$work/out" '"hits":[{' "json hits"
checks=$((checks + 1)); [ "$(wc -l < "$work/out")" = 1 ] || fail "json output is not one line"

# search flags, formats and batches
expect_exit 0 "search filters only" -- "$search" --db "$work/db" --place القاهرة --topic security --from 2019 --to 2019 --format json
expect_in "$work/out" '"id":"rasd-0001"' "filter-only search finds the Cairo truck story"
expect_exit 0 "search trec" -- "$search" --db "$work/db" --format trec -n 3 "سائق سيارة نقل"
checks=$((checks + 1)); grep -qE '^1 Q0 rasd-[0-9]{4} 1 [0-9.]+ rasd$' "$work/out" || fail "trec line: $(head -1 "$work/out")"
printf '\357\273\277q1	سائق سيارة نقل
q2	place:القاهرة
bad line
q4	date:2020..2019
	سائق
a b	سائق
q1	سائق
' > "$work/queries.tsv"
expect_exit 2 "batch with a bad line and a bad query" -- "$search" --db "$work/db" --queries "$work/queries.tsv" --json -n 2
checks=$((checks + 1)); [ "$(wc -l < "$work/out")" = 2 ] || fail "batch json: expected 2 documents, got $(wc -l < "$work/out")"
expect_in "$work/out" '"qid":"q2"' "batch json qid"
expect_in "$work/out" '"qid":"q1"' "batch json qid after a byte order mark"
expect_in "$work/err" "rasd-search: error: $work/queries.tsv:3: expected qid<TAB>query, got 'bad line'" "batch bad line"
expect_in "$work/err" "rasd-search: error: $work/queries.tsv:5: empty qid before the tab" "batch empty qid"
expect_in "$work/err" "rasd-search: error: $work/queries.tsv:6: qid 'a b' holds a space (a qid is one word)" "batch qid with a space"
expect_in "$work/err" "rasd-search: error: $work/queries.tsv:7: qid 'q1' already used on line 1" "batch repeated qid"
expect_in "$work/err" "rasd-search: error: $work/queries.tsv:4: query q4: impossible date range '2020..2019'" "batch bad query"
expect_exit 0 "json with flag filters" -- "$search" --db "$work/db" --json -n 1 --place مصر --from 2018 سيارة
expect_in "$work/out" '"query":"سيارة"' "json query as typed"
expect_in "$work/out" '"searched":"سيارة place:مصر date:2018.."' "json searched: the flags' filters in the query's syntax"
expect_exit 0 "explain and facets" -- "$search" --db "$work/db" --explain --facets "سيارة" "مكان:مصر"
expect_in "$work/out" "understood as:" "explain header"
expect_in "$work/out" "place: مصر (eg, with every place within it)" "explain place"
expect_in "$work/out" "facets:" "facets shown"
# A phrase that finds nothing is searched as its words, and the answer says so (text, --explain,
# JSON); --no-relax keeps it a phrase; a phrase that finds articles answers as it always did.
relax_note='note: searched for the words of "الطريق سائق نقل" instead: as a phrase it found 0 articles'
expect_exit 0 "phrase relaxed" -- "$search" --db "$work/db" -n 1 --explain '"الطريق سائق نقل"'
expect_in "$work/out" "  $relax_note" "relaxation explained"
checks=$((checks + 1)); [ "$(grep -cxF -- "$relax_note" "$work/out")" = 1 ] || fail "relaxation note: $(head -c 300 "$work/out")"
expect_in "$work/out" '1. الداخلية تضبط سائق سيارة نقل' "relaxed phrase finds the article"
expect_exit 0 "phrase relaxed, JSON" -- "$search" --db "$work/db" -n 1 --json '"الطريق سائق نقل"'
expect_in "$work/out" '"relaxed":["الطريق سائق نقل"]' "relaxed phrases in JSON"
expect_exit 0 "phrase kept with --no-relax" -- "$search" --db "$work/db" -n 1 --no-relax '"الطريق سائق نقل"'
checks=$((checks + 1)); [ "$(cat "$work/out")" = '~0 matches (0..0) for: "الطريق سائق نقل"' ] || fail "--no-relax: $(head -c 300 "$work/out")"
"$search" --db "$work/db" --json --explain '"سيارة نقل"' > "$work/phrase.json"
"$search" --db "$work/db" --json --explain --no-relax '"سيارة نقل"' > "$work/phrase-kept.json"
checks=$((checks + 1)); cmp -s "$work/phrase.json" "$work/phrase-kept.json" && ! grep -q '"relaxed"' "$work/phrase.json" ||
    fail "a phrase that finds articles changed: $(diff "$work/phrase.json" "$work/phrase-kept.json" | head -c 300)"
# --no-passage: BM25 alone; answers passage ranking leaves alone (one word, a date order) are
# byte-identical with and without it.
for args in "سائق" "--sort|newest|سيارة نقل"; do
    IFS='|' read -r -a parts <<< "$args"
    "$search" --db "$work/db" --json "${parts[@]}" > "$work/passage-on.json"
    expect_exit 0 "--no-passage ${parts[*]}" -- "$search" --db "$work/db" --json --no-passage "${parts[@]}"
    checks=$((checks + 1)); cmp -s "$work/passage-on.json" "$work/out" ||
        fail "--no-passage changed ${parts[*]}: $(diff "$work/passage-on.json" "$work/out" | head -c 300)"
done
# --no-snippets: the same hits without their snippet line (text) or with "snippet":"" (JSON); a
# TREC run is the same with and without it (it prints no snippet and makes none).
"$search" --db "$work/db" -n 3 "سيارة نقل" > "$work/snippets-on.txt"
expect_exit 0 "--no-snippets text" -- "$search" --db "$work/db" -n 3 --no-snippets "سيارة نقل"
checks=$((checks + 1)); [ "$(cat "$work/out")" = "$(awk 'BEGIN { k = 9 } /^[0-9]+\. / { k = 0; print; next } { k++ } k != 2' "$work/snippets-on.txt")" ] ||
    fail "--no-snippets text: $(diff "$work/snippets-on.txt" "$work/out" | head -c 300)"
"$search" --db "$work/db" -n 3 --json "سيارة نقل" > "$work/snippets-on.json"
expect_exit 0 "--no-snippets json" -- "$search" --db "$work/db" -n 3 --json --no-snippets "سيارة نقل"
checks=$((checks + 1)); [ "$(sed -E 's/"snippet":"([^"\\]|\\.)*"/"snippet":""/g' "$work/snippets-on.json")" = "$(cat "$work/out")" ] &&
    [ "$(grep -o '"snippet":""' "$work/out" | wc -l)" = 3 ] && ! grep -q '"snippet":"[^"]' "$work/out" ||
    fail "--no-snippets json: $(diff "$work/snippets-on.json" "$work/out" | head -c 300)"
"$search" --db "$work/db" -n 3 --format trec "سيارة نقل" > "$work/snippets-on.trec"
expect_exit 0 "--no-snippets trec" -- "$search" --db "$work/db" -n 3 --format trec --no-snippets "سيارة نقل"
checks=$((checks + 1)); cmp -s "$work/snippets-on.trec" "$work/out" && [ -s "$work/out" ] ||
    fail "--no-snippets trec: $(diff "$work/snippets-on.trec" "$work/out" | head -c 300)"
expect_exit 2 "unknown topic" -- "$search" --db "$work/db" "topic:sprot"
expect_in "$work/err" "rasd-search: error: unknown topic 'sprot' (nearest: sports" "unknown topic message"
expect_exit 2 "unbalanced quote" -- "$search" --db "$work/db" '"سيارة نقل'
expect_in "$work/err" "rasd-search: error: unbalanced quotes: the \" at position 1 is never closed" "unbalanced quote message"
expect_exit 2 "bad sort" -- "$search" --db "$work/db" --sort best "مصر"
expect_in "$work/err" "unknown sort order 'best' (valid: relevance, newest, oldest)" "bad sort message"
expect_exit 2 "too many wildcards" -- "$search" --db "$work/db" "ا* ب* ت* ث* ج* ح* خ* د* ذ*"
expect_in "$work/err" "rasd-search: error: too many wildcards: 9 (at most 8)" "wildcard limit message"
expect_exit 2 "place flag too long" -- "$search" --db "$work/db" --place "$(head -c 300 /dev/zero | tr '\0' x)" "مصر"
expect_in "$work/err" "rasd-search: error: place value too long: 300 bytes (at most 256)" "place value limit message"

# reindexing the same dump replaces, never duplicates
expect_exit 0 "reindex corpus" -- "$index" --db "$work/db" "$corpus/articles.jsonl"
expect_in "$work/err" "indexed 0 new, $n replaced" "reindex replaces"

# --stats and --delete
expect_exit 0 "stats" -- "$index" --db "$work/db" --stats
expect_in "$work/out" "articles:  $n" "stats count"
expect_in "$work/out" "analyzer:  light/4" "stats analyzer"
expect_exit 0 "stats json" -- "$index" --db "$work/db" --stats --json
expect_in "$work/out" "\"articles\":$n" "stats json count"
expect_exit 0 "delete" -- "$index" --db "$work/db" --delete rasd-0001 --delete no-such-id
expect_in "$work/err" "rasd-index: warning: no article with id 'no-such-id' to delete" "delete missing id"
expect_in "$work/err" "deleted 1 (1 not found); with a date 0, a place 0, a topic 0 (0 inferred); database $work/db holds $((n - 1)) articles" "delete summary"
expect_exit 2 "stats without db" -- "$index" --stats
expect_in "$work/err" "rasd-index: error: the option '--db' is required with --stats" "stats without db message"

# bad records: skipped with FILE:LINE, exit 0; --strict makes them fatal (exit 1)
printf '{"id":"ok-1","body":"نص"}\n{not json\n' > "$work/bad.jsonl"
expect_exit 0 "bad record skipped" -- "$index" --db "$work/db2" "$work/bad.jsonl"
expect_in "$work/err" "rasd-index: warning: $work/bad.jsonl:2: malformed JSON" "bad record message"
expect_in "$work/err" "skipped 1 (malformed record: 1)" "skip count by reason"
expect_in "$work/err" "database $work/db2 holds 1 article" "one article in the summary"
expect_none "$work/err" "holds 1 articles" "one article: singular"
expect_exit 1 "strict" -- "$index" --strict --db "$work/db3" "$work/bad.jsonl"
expect_in "$work/err" "rasd-index: error: $work/bad.jsonl:2: malformed JSON" "strict message"
{ printf '{"id":"big","body":"'; head -c 8388608 /dev/zero | tr '\0' x; printf '"}\n{"id":"ok-2","body":"نص"}\n'; } > "$work/big.jsonl"
expect_exit 0 "record over 8 MiB skipped" -- "$index" --db "$work/db4" "$work/big.jsonl"
expect_in "$work/err" "rasd-index: warning: $work/big.jsonl:1: record longer than 8 MiB (skipped)" "record limit message"
expect_in "$work/err" "read 1, indexed 1 new" "the record after it is indexed"

# --shards and --threads: a sharded archive answers exactly as one database does
expect_exit 0 "index sharded" -- "$index" --db "$work/sharded" --shards 3 --threads 2 "$corpus/articles.jsonl"
expect_in "$work/err" "holds $n articles in 3 shards" "sharded summary"
checks=$((checks + 1)); [ "$(cat "$work/sharded/XAPIANDB")" = "$(printf 'glass shard-00\nglass shard-01\nglass shard-02')" ] ||
    fail "stub file: $(cat "$work/sharded/XAPIANDB")"
printf 'q1\tسائق سيارة نقل\nq2\tplace:مصر topic:security\nq3\tالبنك المركزي أسعار الفائدة\nq4\t"الطريق سائق نقل"\n' > "$work/shard-queries.tsv"
"$index" -q --db "$work/single" --threads 1 "$corpus/articles.jsonl"
"$search" --db "$work/single" --queries "$work/shard-queries.tsv" --format trec -n 20 > "$work/one.trec"
"$search" --db "$work/sharded" --queries "$work/shard-queries.tsv" --format trec -n 20 > "$work/three.trec"
checks=$((checks + 1)); [ -s "$work/one.trec" ] && cmp -s "$work/one.trec" "$work/three.trec" ||
    fail "sharded answers differ: $(diff "$work/one.trec" "$work/three.trec" | head -5)"
expect_exit 0 "reindex sharded keeps its layout" -- "$index" --db "$work/sharded" --threads 1 "$corpus/articles.jsonl"
expect_in "$work/err" "0 new, $n replaced" "sharded reindex replaces"
expect_exit 2 "shard count contradicts the archive" -- "$index" --db "$work/sharded" --shards 2 "$corpus/articles.jsonl"
expect_in "$work/err" "rasd-index: error: $work/sharded: the archive has 3 shards, not 2 (the shard count is fixed when the archive is created)" "shard count message"
expect_exit 2 "shards on a single database" -- "$index" --db "$work/db" --shards 2 "$corpus/articles.jsonl"
expect_in "$work/err" "is one database, not 2 shards" "shards on single database message"
expect_exit 0 "sharded stats" -- "$index" --db "$work/sharded" --stats --json
expect_in "$work/out" "\"articles\":$n" "sharded stats count"

# runtime errors: exit 1
expect_exit 1 "missing database" -- "$search" --db "$work/nothing" "مصر"
expect_in "$work/err" "rasd-search: error: $work/nothing: no such database" "missing database message"
expect_exit 1 "analyzer mismatch" -- "$index" --db "$work/db" --stemmer none "$corpus/articles.jsonl"
expect_in "$work/err" "database was built with analyzer 'light/4'" "analyzer mismatch message"

# ---- rasd-search: queries a new user writes, answers that say what they did, safe terminals ----
# (database $work/db: the bundled corpus without rasd-0001, from the blocks above)
expect_out_equal() {  # expect_out_equal FILE_A FILE_B DESCRIPTION
    checks=$((checks + 1))
    cmp -s "$1" "$2" || fail "$3: $(diff "$1" "$2" | head -4)"
}
first_line() { head -1 "$work/out" | sed 's/ for: .*//'; }
# Date ranges with month names on both ends, in every form docs/CLI.md shows.
expect_exit 0 "date range in digits" -- "$search" --db "$work/db" -n 0 "date:2018-03..2018-06"
first_line > "$work/range-digits"
for q in 'date:"مارس 2018".."يونيو 2018"' 'date:"مارس 2018..يونيو 2018"' 'تاريخ:"آذار 2018".."حزيران 2018"' \
         'التاريخ:مارس 2018..يونيو 2018' 'date:"مارس 2018" .. "يونيو 2018"'; do
    expect_exit 0 "date range $q" -- "$search" --db "$work/db" -n 0 "$q"
    first_line > "$work/range-words"
    expect_out_equal "$work/range-digits" "$work/range-words" "date range $q matches as date:2018-03..2018-06"
done
expect_exit 0 "date range unquoted, as separate arguments" -- "$search" --db "$work/db" -n 0 --explain date:مارس 2018..يونيو 2018
expect_in "$work/out" "date: 2018-03-01 .. 2018-06-30" "unquoted range explained"
expect_exit 2 "unreadable date range" -- "$search" --db "$work/db" 'date:"مارس 2018"..يونيوو'
expect_in "$work/err" "rasd-search: error: cannot read date 'يونيوو' in 'مارس 2018..يونيوو' (use 2018," "unreadable range message"
# Hijri dates: the Gregorian span they became in --explain (text and JSON); an impossible day is
# a usage error at its position.
expect_exit 0 "Hijri month, unquoted" -- "$search" --db "$work/db" -n 0 --explain date:شوال 1439
expect_in "$work/out" "date: 2018-06-15 .. 2018-07-13 (Hijri شوال 1439, Umm al-Qura)" "Hijri month explained"
expect_exit 0 "Hijri range, JSON" -- "$search" --db "$work/db" -n 0 --json --explain "date:1439-06..1439-10"
expect_in "$work/out" '"date: 2018-02-17 .. 2018-07-13 (Hijri 1439-06..1439-10, Umm al-Qura)"' "Hijri range in the JSON explanation"
expect_exit 2 "impossible Hijri day" -- "$search" --db "$work/db" "date:30 رمضان 1436"
expect_in "$work/err" "rasd-search: error: invalid Hijri date '30 رمضان 1436' at position 6: رمضان 1436 has 29 days" "impossible Hijri day message"
# A source by the words of its name; an unknown one names the nearest.
expect_exit 0 "source by a word of its name" -- "$search" --db "$work/db" -n 1 --explain source:الرصد
expect_in "$work/out" "source: الرصد اليوم (by the words of 'الرصد')" "source matched by words"
expect_in "$work/out" "| الرصد اليوم |" "a hit of that source"
expect_exit 2 "unknown source" -- "$search" --db "$work/db" source:الرصدد
expect_in "$work/err" "rasd-search: error: unknown source 'الرصدد' (nearest: الرصد اليوم, " "unknown source message"
# Fields with ال; any other word: is searched as words, noted in --explain.
expect_exit 0 "Arabic field with al" -- "$search" --db "$work/db" -n 0 --explain "المكان:الجيزة"
expect_in "$work/out" "place: الجيزة ← مصر (eg-giza, with every place within it)" "المكان: is place:"
expect_exit 0 "pasted headline with a colon" -- "$search" --db "$work/db" -n 0 --explain "PWC: أرباح الشركات"
expect_in "$work/out" "note: 'PWC:' is not a field; searched as words" "not a field noted"
expect_exit 0 "misspelt field" -- "$search" --db "$work/db" -n 0 "plce:القاهرة"
expect_in "$work/out" "note: 'plce:' is not a field (did you mean place:?); searched as words" "misspelt field noted"
# Filters only: the lede as the snippet, the filters after "for:".
expect_exit 0 "topic flag alone" -- "$search" --db "$work/db" -n 1 --topic sports
expect_in "$work/out" "matches (14..14) for: topic:sports" "for: names the flag's filter"
expect_in "$work/out" "   وصلت بعثة منتخب مصر الأول لكرة القدم مساء الخميس إلى مدينة أغادير" "the lede as the snippet"
expect_exit 0 "filter flags" -- "$search" --db "$work/db" -n 0 --place "دار السلام" --source "الرصد اليوم" --from 2018 --to 2019-06 سائق
expect_in "$work/out" "for: سائق place:\"دار السلام\" source:\"الرصد اليوم\" date:2018..2019-06" "for: with every flag"
# A negated word as its own argument; the README's example as written.
expect_exit 0 "negated word as an argument" -- "$search" --db "$work/db" -n 0 سائق -ميكروباص
first_line > "$work/negated-args"
expect_exit 0 "negated word in one argument" -- "$search" --db "$work/db" -n 0 "سائق -ميكروباص"
first_line > "$work/negated-one"
expect_out_equal "$work/negated-args" "$work/negated-one" "-ميكروباص as an argument excludes"
# A Latin word after a dash is a word even when its first letter is a short option (-t, -p, -n).
for word in -trade -police -news; do
    expect_exit 0 "$word as an argument" -- "$search" --db "$work/db" -n 0 مصر "$word"
    expect_in "$work/out" "for: مصر $word" "$word as an argument is a query word"
done
expect_exit 2 "a short option that does not exist" -- "$search" --db "$work/db" -5 سائق
expect_in "$work/err" "rasd-search: error: unrecognised option '-5'" "-5 is still an option"
expect_exit 0 "README example" -- "$search" --db "$work/db" --limit 5 "سائق سيارة نقل" مكان:القاهرة تاريخ:2019..
expect_in "$work/out" "1. " "README example finds"
# Shared place names and unquoted place names of several words.
expect_exit 0 "shared place name" -- "$search" --db "$work/db" -n 0 place:عمان
expect_in "$work/out" "note: 'عمان' names two places: taken as عمان، الأردن (jo-amman); for سلطنة عمان write place:om" "shared place note"
expect_exit 2 "unquoted place of two words" -- "$search" --db "$work/db" "place:دار السلام"
expect_in "$work/err" "rasd-search: error: unknown place 'دار' (nearest: " "unquoted place message"
expect_in "$work/err" "; for دار السلام write place:\"دار السلام\"" "unquoted place hint"
expect_exit 2 "empty place" -- "$search" --db "$work/db" 'place:""'
expect_in "$work/err" "rasd-search: error: field 'place:' at position 1 has no value" "empty place message"
expect_exit 2 "empty place flag" -- "$search" --db "$work/db" --place "" سائق
expect_in "$work/err" "rasd-search: error: place value is empty" "empty place flag message"
# TREC runs: scores fall with the rank whatever the order, since trec_eval sorts by score.
for args in "--sort newest سائق" "--sort oldest سائق" "--topic sports" "place:مصر"; do
    # shellcheck disable=SC2086
    expect_exit 0 "trec $args" -- "$search" --db "$work/db" --format trec -n 8 $args
    checks=$((checks + 1))
    awk 'NR > 1 && $5 >= previous { bad = 1 } { previous = $5 } END { exit bad || NR != 8 }' "$work/out" ||
        fail "trec $args: scores do not fall with the rank: $(tr '\n' ';' < "$work/out")"
done
expect_exit 2 "json and trec" -- "$search" --db "$work/db" --json --format trec سائق
expect_in "$work/err" "rasd-search: error: --json and --format trec conflict (--json is --format json)" "conflicting formats message"
# Control characters from the data never reach the terminal raw.
printf '{"id":"esc-1","title":"T \\u001b]0;pwned\\u0007 \\u001b[2J \\u009b2J","body":"نص عن القرد \\u001b[31m هنا","source":"S\\u0085","place":"P\\u001b[1m"}\n' > "$work/esc.jsonl"
printf '{"id":"esc\\u001b[31m2","body":"نص ثان","date":"x\\u001b]0;T\\u0007"}\n' >> "$work/esc.jsonl"
expect_exit 0 "index control characters" -- "$index" --db "$work/escdb" "$work/esc.jsonl"
# ... nor through rasd-index's warnings: an id, a date and a place from the data.
checks=$((checks + 1))
if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$work/err" || LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$work/err"; then
    fail "a control character reached rasd-index's warnings: $(cat -v "$work/err")"
fi
expect_in "$work/err" "esc.jsonl:1: article 'esc-1': unknown place 'P\\x1b[1m' (not in the gazetteer)" "place warning escaped"
expect_in "$work/err" "esc.jsonl:2: article 'esc\\x1b[31m2': unparseable date 'x\\x1b]0;T\\x07'" "id and date warning escaped"
expect_exit 0 "search control characters" -- "$search" --db "$work/escdb" القرد
checks=$((checks + 1))
if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$work/out" || LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$work/out"; then
    fail "a control character reached text output: $(cat -v "$work/out")"
fi
expect_in "$work/out" '1. T \x1b]0;pwned\x07 \x1b[2J \x9b2J' "title escaped"
expect_in "$work/out" 'P\x1b[1m | S\x85 | esc-1' "place and source escaped"
expect_in "$work/out" 'نص عن [القرد] \x1b[31m هنا' "snippet escaped"
expect_exit 0 "json control characters" -- "$search" --db "$work/escdb" --json القرد
checks=$((checks + 1))
if LC_ALL=C grep -q "$(printf '[\001-\037\177]')" "$work/out" || LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$work/out"; then
    fail "a control character reached JSON output: $(cat -v "$work/out")"
fi
expect_in "$work/out" '"title":"T \u001b]0;pwned\u0007 \u001b[2J \u009b2J"' "json title escaped"
# ... nor through rasd-index --stats (a source's name, a story's title), in text or JSON.
for format in "" --json; do
    expect_exit 0 "stats control characters $format" -- "$index" --db "$work/escdb" --stats $format
    checks=$((checks + 1))
    if LC_ALL=C grep -q "$(printf '[\001-\010\013-\037\177]')" "$work/out" || LC_ALL=C grep -q "$(printf '\302[\200-\237]')" "$work/out"; then
        fail "a control character reached --stats $format output: $(cat -v "$work/out")"
    fi
done
expect_in "$work/out" '"source":"S\u0085"' "json C1 escaped"
expect_exit 0 "trec control characters" -- "$search" --db "$work/escdb" --format trec القرد
expect_in "$work/out" "1 Q0 esc-1 1 " "trec line"
# ---- end of the rasd-search block ----
# ---- Dump readers: cut .zst files, invalid UTF-8 and wrong types in one field, binary and -----
# ---- non-JSON files, no raw bytes from the data on the terminal ---------------------------------
data=$(dirname "$0")/data
holds() {  # holds DB N DESCRIPTION: rasd-index --stats counts N articles in DB
    expect_exit 0 "$3 (stats)" -- "$index" --db "$1" --stats
    expect_in "$work/out" "articles:  $2" "$3"
}

# numbered.jsonl.zst: 1,200 articles z-0001 ... (zstd -19, two blocks; the second starts at z-0722).
expect_exit 0 "whole .zst" -- "$index" --db "$work/zst-whole" "$data/numbered.jsonl.zst"
expect_in "$work/err" "read 1200, indexed 1200 new, 0 replaced, skipped 0," "whole .zst read"
head -c 1000 "$data/numbered.jsonl.zst" > "$work/first-block.jsonl.zst"
expect_exit 0 ".zst cut in its first block" -- "$index" --db "$work/zst-cut1" "$work/first-block.jsonl.zst"
expect_in "$work/err" "rasd-index: warning: $work/first-block.jsonl.zst:1: read error: corrupt or truncated data; the rest of the file cannot be read (skipped)" ".zst cut in the first block reported"
expect_in "$work/err" "read 0, indexed 0 new, 0 replaced, skipped 1 (corrupt data: 1)," ".zst cut in the first block counted"
holds "$work/zst-cut1" 0 ".zst cut in the first block: nothing indexed"
head -c 3000 "$data/numbered.jsonl.zst" > "$work/second-block.jsonl.zst"
expect_exit 0 ".zst cut in its second block" -- "$index" --db "$work/zst-cut2" "$work/second-block.jsonl.zst"
expect_in "$work/err" "rasd-index: warning: $work/second-block.jsonl.zst:722: read error: corrupt or truncated data; the rest of the file cannot be read (skipped)" ".zst cut later reported on the cut line"
expect_none "$work/err" "malformed JSON" ".zst cut later: the cut line is not malformed JSON"
expect_in "$work/err" "read 721, indexed 721 new, 0 replaced, skipped 1 (corrupt data: 1)," ".zst cut later counted"
holds "$work/zst-cut2" 721 ".zst cut later: the articles before the cut are kept"
expect_exit 1 ".zst cut, --strict" -- "$index" --strict --db "$work/zst-strict" "$work/first-block.jsonl.zst"
expect_in "$work/err" "rasd-index: error: $work/first-block.jsonl.zst:1: read error: corrupt or truncated data; the rest of the file cannot be read" ".zst cut, --strict message"
# A TREC file cut inside a record: the damage reported once, the record it cut not as malformed.
for i in $(seq 1 300); do
    printf '<DOC>\n<DOCNO>t-%04d</DOCNO>\n<TEXT>\n' "$i"
    for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20; do printf 'خبر%d ' $((RANDOM * RANDOM)); done
    printf '\n</TEXT>\n</DOC>\n'
done | gzip -c > "$work/whole.trec.gz"
head -c $(( $(wc -c < "$work/whole.trec.gz") / 2 )) "$work/whole.trec.gz" > "$work/cut.trec.gz"
expect_exit 0 ".trec.gz cut" -- "$index" --db "$work/trec-cut" "$work/cut.trec.gz"
expect_in "$work/err" "read error: corrupt or truncated data; the rest of the file cannot be read (skipped)" ".trec.gz cut reported"
expect_none "$work/err" "not closed before the end of the file" ".trec.gz cut: the cut record is not malformed"
expect_in "$work/err" "skipped 1 (corrupt data: 1)," ".trec.gz cut counted once"

# Invalid UTF-8 in one field: repaired as U+FFFD, the article kept with a warning naming the field.
printf '{"id":"u-1","title":"\xd8\xae\xd8\xa8\xd8\xb1 \xff","body":"\xd8\xa7\xd9\x84\xd9\x85\xd9\x86\xd8\xaa\xd8\xae\xd8\xa8 \xd9\x8a\xd9\x81\xd9\x88\xd8\xb2"}\n' > "$work/utf8.jsonl"
expect_exit 0 "invalid UTF-8 in a field" -- "$index" --db "$work/utf8-db" "$work/utf8.jsonl"
expect_in "$work/err" "rasd-index: warning: $work/utf8.jsonl:1: article 'u-1': field 'title': invalid UTF-8 repaired (U+FFFD)" "invalid UTF-8 warning names the field"
expect_in "$work/err" "read 1, indexed 1 new, 0 replaced, skipped 0," "invalid UTF-8: the article is kept"
expect_exit 0 "the repaired article is found" -- "$search" --db "$work/utf8-db" --format json "المنتخب"
expect_in "$work/out" '"id":"u-1"' "repaired article found"
expect_in "$work/out" "خبر �" "repaired title holds U+FFFD"
expect_exit 0 "invalid UTF-8, --strict" -- "$index" --strict --db "$work/utf8-strict" "$work/utf8.jsonl"

# Fields of the wrong JSON type: ignored with a warning naming field and type (once per file); a
# body given as an array of strings is joined; a body of another type skips the article.
cat > "$work/types.jsonl" <<'JSON'
{"id":"t-1","title":["عنوان","آخر"],"place":{"city":"القاهرة"},"topic":true,"body":["الفقرة الأولى عن الانتخابات","الفقرة الثانية عن البرلمان"]}
{"id":"t-2","title":["عنوان"],"body":"نص الخبر عن البرلمان"}
{"id":"t-3","body":{"text":"نص"}}
JSON
expect_exit 0 "fields of the wrong type" -- "$index" --db "$work/types-db" "$work/types.jsonl"
expect_in "$work/err" "rasd-index: warning: $work/types.jsonl:1: article 't-1': field 'title' is an array, not a string (ignored; said once per file)" "wrong-type title"
expect_in "$work/err" "rasd-index: warning: $work/types.jsonl:1: article 't-1': field 'place' is an object, not a string (ignored; said once per file)" "wrong-type place"
expect_in "$work/err" "rasd-index: warning: $work/types.jsonl:1: article 't-1': field 'topic' is a boolean, not a string (ignored; said once per file)" "wrong-type topic"
expect_in "$work/err" "rasd-index: warning: $work/types.jsonl:1: article 't-1': field 'body' is an array of strings, joined with line breaks (said once per file)" "body array joined"
expect_none "$work/err" "$work/types.jsonl:2:" "a type warning is said once per file"
expect_in "$work/err" "rasd-index: warning: $work/types.jsonl:3: article 't-3': field 'body' is an object, not a string (skipped)" "body of another type skipped, naming the type"
expect_none "$work/err" "empty body" "a body array is not an empty body"
expect_in "$work/err" "read 2, indexed 2 new, 0 replaced, skipped 1 (malformed record: 1)," "wrong types counted"
expect_exit 0 "a joined body is searchable" -- "$search" --db "$work/types-db" --format json "البرلمان"
expect_in "$work/out" '"id":"t-1"' "the second paragraph of a joined body is indexed"
holds "$work/types-db" 2 "wrong types: two articles kept"

# Binary files: refused with one line, never indexed (not even a .txt as an article).
cp "$index" "$work/ls.jsonl"
cp "$index" "$work/g.txt"
expect_exit 0 "binary files" -- "$index" --db "$work/binary-db" "$work/ls.jsonl" "$work/g.txt"
expect_in "$work/err" "rasd-index: warning: $work/ls.jsonl: binary data, not a dump (skipped)" "binary .jsonl refused"
expect_in "$work/err" "rasd-index: warning: $work/g.txt: binary data, not a dump (skipped)" "binary .txt refused"
checks=$((checks + 1)); [ "$(grep -c 'warning' "$work/err")" = 2 ] || fail "binary files: one line each, got $(grep -c 'warning' "$work/err")"
expect_in "$work/err" "read 0, indexed 0 new, 0 replaced, skipped 2 (unreadable input: 2)," "binary files counted"
holds "$work/binary-db" 0 "binary files: nothing indexed"

# A text file that is not JSON lines: given up after 20 malformed records in a row, one line.
for i in $(seq 1 500); do printf 'name,city,%d\n' "$i"; done > "$work/table.jsonl"
expect_exit 0 "not JSON lines" -- "$index" --db "$work/table-db" "$work/table.jsonl"
expect_in "$work/err" "rasd-index: warning: $work/table.jsonl:20: 20 malformed records in a row; the rest of the file is not read (skipped)" "run of malformed records ends the file"
checks=$((checks + 1)); [ "$(wc -l < "$work/err")" = 22 ] || fail "not JSON lines: 20 warnings, the give-up line and the summary; got $(wc -l < "$work/err") lines"
expect_in "$work/err" "skipped 21 (unreadable input: 1, malformed record: 20)" "run of malformed records counted"

# No raw control character or malformed UTF-8 from the data reaches the terminal in a warning.
{ printf '\x1b]0;owned\x07\x1b[2J\xff\xfe\ntru\x7f\xc2\x9b[2J\n'; for i in 1 2 3 4 5; do printf '{"id":"ok-%d","body":"\xd9\x86\xd8\xb5"}\n' "$i"; done; } > "$work/controls.jsonl"
expect_exit 0 "control bytes in a bad line" -- "$index" --db "$work/controls-db" "$work/controls.jsonl"
expect_in "$work/err" "rasd-index: warning: $work/controls.jsonl:1: malformed JSON: " "bad line with control bytes reported"
expect_in "$work/err" "rasd-index: warning: $work/controls.jsonl:2: malformed JSON: [json.exception.parse_error.101] parse error at line 1, column 4: syntax error while parsing value - invalid literal; last read: 'tru\\x7f' (skipped)" "a control byte quoted from the data is escaped"
expect_in "$work/err" "read 5, indexed 5 new, 0 replaced, skipped 2 (malformed record: 2)," "control bytes: the good lines are read"
checks=$((checks + 1)); ! LC_ALL=C grep -q "$(printf '[\001-\010\016-\037\177]')" "$work/err" || fail "raw control bytes in stderr: $(cat -v "$work/err" | head -c 300)"
checks=$((checks + 1)); iconv -f UTF-8 -t UTF-8 "$work/err" > /dev/null 2>&1 || fail "stderr is not valid UTF-8: $(cat -v "$work/err" | head -c 300)"

# A broken TREC record says "skipped" once.
printf '<DOC>\n<DOCNO>1</DOCNO>\n<TEXT>never closed\n</DOC>\n' > "$work/broken.trec"
expect_exit 0 "broken TREC record" -- "$index" --db "$work/trec-db" "$work/broken.trec"
expect_in "$work/err" "rasd-index: warning: $work/broken.trec:1: <TEXT> is not closed (skipped)" "TREC warning says skipped once"
expect_none "$work/err" "(record skipped)" "no (record skipped) (skipped)"
# ---------------------------------------------------------------------------------------------
# What a new user tripped over (issue 14): deleting and indexing in one run, missing inputs,
# --strict, read-only folders, numbers out of range, Ctrl-C, narrow terminals, stats and help.
# ---------------------------------------------------------------------------------------------
here=$(cd "$(dirname "$0")" && pwd)
expect_count() {  # expect_count DB N DESCRIPTION: the database holds exactly N articles
    checks=$((checks + 1))
    local got  # the first "articles" is the database's (the keys are sorted); the top lists' come later
    got=$("$index" --db "$1" --stats --json 2>/dev/null | grep -o '"articles":[0-9]*' | head -n 1 | cut -d: -f2)
    [ "$got" = "$2" ] || fail "$3: the database holds '$got' articles, expected $2"
}
md_count=$(find "$corpus/md" -name '*.md' | wc -l)

# --delete takes one id per occurrence; every other argument is an INPUT, so deleting and
# indexing go together, and an id can never be taken for an input (or an input for an id).
"$index" -q --db "$work/both" "$corpus/articles.jsonl"
expect_exit 0 "delete and index in one run" -- "$index" --db "$work/both" --delete rasd-0001 --delete rasd-0002 "$corpus/md"
expect_in "$work/err" "read $md_count, indexed $md_count new, 0 replaced, skipped 0, deleted 2 (0 not found)" "delete and index summary"
expect_count "$work/both" $((n - 2 + md_count)) "delete and index"
expect_exit 2 "the old form --delete ID ID is refused" -- "$index" --db "$work/both" --delete rasd-0003 rasd-0004
expect_in "$work/err" "rasd-index: error: 'rasd-0004': unsupported input format (expected .jsonl, .json, .trec, .sgml, .txt, .md, optionally .gz/.xz/.zst, a folder, or -) (--delete takes one id: repeat it for each, --delete ID1 --delete ID2)" "old delete form message"
expect_count "$work/both" $((n - 2 + md_count)) "the refused delete changed nothing"

# A missing INPUT is an error found before anything is written: no database is even created,
# and an existing one is left as it was.
expect_exit 1 "missing input" -- "$index" --db "$work/never" "$work/nope.jsonl"
expect_in "$work/err" "rasd-index: error: $work/nope.jsonl: no such file or folder" "missing input message"
checks=$((checks + 1)); [ ! -e "$work/never" ] || fail "a missing input created the database"
expect_exit 1 "missing input among good ones" -- "$index" --db "$work/both" --delete rasd-0005 "$corpus/articles.jsonl" "$work/nope.jsonl" "$work/nope2.jsonl"
expect_in "$work/err" "rasd-index: error: $work/nope.jsonl: no such file or folder" "first missing input named"
expect_in "$work/err" "rasd-index: error: $work/nope2.jsonl: no such file or folder" "second missing input named"
expect_count "$work/both" $((n - 2 + md_count)) "a missing input changed nothing"

# --strict is all or nothing: the first bad record stops the run and nothing from it is
# committed, whatever the threads, shards or timing.
bash "$here/../reliability/make_dump.sh" 600 7 > "$work/dump600.jsonl"
{ head -n 400 "$work/dump600.jsonl"; echo '{"id": broken'; tail -n 200 "$work/dump600.jsonl"; } > "$work/strict.jsonl"
"$index" -q --db "$work/strictdb" "$corpus/articles.jsonl"
for threads in 1 2 1 2 3; do
    expect_exit 1 "strict with --threads $threads" -- "$index" --db "$work/strictdb" --strict --threads "$threads" --batch 50 --delete rasd-0001 "$work/strict.jsonl"
    expect_in "$work/err" "rasd-index: error: $work/strict.jsonl:401: malformed JSON" "strict names the bad record"
    expect_in "$work/err" "rasd-index: error: stopped at the first bad record (--strict): nothing from this run was committed; database $work/strictdb holds $n articles, as before the run" "strict says what it left"
    expect_count "$work/strictdb" "$n" "strict with --threads $threads leaves the database as before"
done
expect_exit 1 "strict into a new sharded archive" -- "$index" --db "$work/strictnew" --strict --shards 2 --threads 2 --batch 50 "$work/strict.jsonl"
expect_count "$work/strictnew" 0 "a new archive stays empty after a strict stop"
expect_exit 0 "strict with good input commits it all" -- "$index" --db "$work/strictdb" --strict --batch 50 "$work/dump600.jsonl"
expect_count "$work/strictdb" $((n + 600)) "strict with good input"

# Deleting needs no analysis: a database built with another stemmer deletes all the same.
"$index" -q --db "$work/snowball" --stemmer snowball "$corpus/articles.jsonl"
expect_exit 0 "delete from a snowball database" -- "$index" --db "$work/snowball" --delete rasd-0001
expect_in "$work/err" "deleted 1 (0 not found)" "delete from a snowball database summary"
expect_count "$work/snowball" $((n - 1)) "delete from a snowball database"

# A folder that cannot be written is "permission denied" with its path, never "locked".
"$index" -q --db "$work/readonly" "$corpus/articles.jsonl"
chmod -R a-w "$work/readonly"
as_other_user=()
other_user_ok=yes
if [ "$(id -u)" = 0 ]; then
    as_other_user=(setpriv --reuid=65534 --regid=65534 --clear-groups)  # root writes anywhere
    chmod 755 "$work"
    # nobody must be able to run the program and read the corpus (not so in every checkout)
    "${as_other_user[@]}" "$index" --analyze x >/dev/null 2>&1 &&
        "${as_other_user[@]}" head -c 1 "$corpus/articles.jsonl" >/dev/null 2>&1 || other_user_ok=no
fi
if [ "$other_user_ok" = yes ]; then
    expect_exit 1 "read-only database folder" -- "${as_other_user[@]}" "$index" --db "$work/readonly" "$corpus/articles.jsonl"
    expect_in "$work/err" "rasd-index: error: $work/readonly: permission denied: cannot write to the database folder" "read-only folder message"
    chmod -R u+w "$work/readonly"
    chmod a-w "$work/readonly"  # the files writable, only the folder not
    expect_exit 1 "read-only database folder, writable files" -- "${as_other_user[@]}" "$index" --db "$work/readonly" "$corpus/articles.jsonl"
    expect_in "$work/err" "rasd-index: error: $work/readonly: permission denied: cannot write to the database folder" "read-only folder message (writable files)"
else
    echo "note: read-only folder checks skipped (root, and no other user can run rasd-index here)"
fi
chmod -R u+w "$work/readonly"
expect_count "$work/readonly" "$n" "the read-only database is unchanged"

# Numbers out of range are usage errors naming the range, never wrapped around.
expect_exit 2 "--threads -1" -- "$index" --db "$work/numbers" --threads -1 "$corpus/articles.jsonl"
expect_in "$work/err" "rasd-index: error: --threads must be a whole number from 0 to 256, got '-1'" "--threads -1 message"
expect_exit 2 "--shards -1" -- "$index" --db "$work/numbers" --shards -1 "$corpus/articles.jsonl"
expect_in "$work/err" "rasd-index: error: --shards must be a whole number from 1 to 256, got '-1'" "--shards -1 message"
expect_exit 2 "--shards 300" -- "$index" --db "$work/numbers" --shards 300 "$corpus/articles.jsonl"
expect_in "$work/err" "rasd-index: error: --shards must be a whole number from 1 to 256, got '300'" "--shards 300 message"
expect_exit 2 "--batch -1" -- "$index" --db "$work/numbers" --batch -1 "$corpus/articles.jsonl"
expect_in "$work/err" "rasd-index: error: --batch must be a whole number from 1 to 1000000, got '-1'" "--batch -1 message"
expect_exit 2 "--batch 0" -- "$index" --db "$work/numbers" --batch=0 "$corpus/articles.jsonl"
expect_in "$work/err" "rasd-index: error: --batch must be a whole number from 1 to 1000000, got '0'" "--batch 0 message"
checks=$((checks + 1)); [ ! -e "$work/numbers" ] || fail "a usage error created the database"
expect_exit 2 "--limit -1" -- "$search" --db "$work/db" --limit -1 "مصر"
expect_in "$work/err" "rasd-search: error: --limit must be a whole number from 0 to 1000000, got '-1'" "--limit -1 message"
expect_exit 2 "-n -1" -- "$search" --db "$work/db" -n -1 "مصر"
expect_in "$work/err" "rasd-search: error: --limit must be a whole number from 0 to 1000000, got '-1'" "-n -1 message"
expect_exit 2 "--offset x" -- "$search" --db "$work/db" --offset x "مصر"
expect_in "$work/err" "rasd-search: error: --offset must be a whole number from 0 to 1000000, got 'x'" "--offset x message"

# Ctrl-C: what was read is committed, the run says so and that a rerun continues, exits 130, and
# leaves no temporary file. Standard input stays open, so the run is always still going when the
# signal comes (and the read that waits for more input is interrupted). --foreground: timeout
# then signals the program alone, once, as a Ctrl-C does; without it timeout signals its whole
# process group as well, and the second SIGINT has the default effect (SA_RESETHAND).
if command -v timeout >/dev/null && command -v mkfifo >/dev/null; then
    head -n 300 "$work/dump600.jsonl" > "$work/dump300.jsonl"
    mkfifo "$work/feed"
    ( cat "$work/dump300.jsonl"; exec sleep 60 ) > "$work/feed" &
    feeder=$!
    expect_exit 130 "Ctrl-C" -- timeout --foreground --preserve-status -s INT 4 "$index" --db "$work/interrupted" --batch 50 - < "$work/feed"
    kill "$feeder" 2>/dev/null; wait "$feeder" 2>/dev/null
    expect_in "$work/err" "rasd-index: interrupted: the " "Ctrl-C message"
    expect_in "$work/err" " deleted so far are committed; run the same command again to continue (articles indexed already are replaced, not duplicated)" "Ctrl-C says a rerun continues"
    committed=$(sed -n 's/.*interrupted: the \([0-9]*\) articles* indexed.*/\1/p' "$work/err")
    expect_count "$work/interrupted" "${committed:-none}" "Ctrl-C committed what it says"
    checks=$((checks + 1))
    [ -z "$(find "$work/interrupted" -name '*.tmp')" ] || fail "Ctrl-C left: $(find "$work/interrupted" -name '*.tmp')"
    expect_exit 0 "rerun after Ctrl-C" -- "$index" --db "$work/interrupted" "$work/dump300.jsonl"
    expect_count "$work/interrupted" 300 "the rerun finishes the job"
else
    echo "note: Ctrl-C checks skipped (no timeout or mkfifo)"
fi

# The progress line fits a 50-column terminal: no refresh is wider than 49 columns.
if command -v script >/dev/null; then
    bash "$here/../reliability/make_dump.sh" 6000 8 > "$work/dump6000.jsonl"
    COLUMNS=50 script -qec "'$index' --db '$work/progress' --batch 500 '$work/dump6000.jsonl'" /dev/null > "$work/tty.out"
    tr '\r' '\n' < "$work/tty.out" | sed 's/\x1b\[K//g' | grep ' articles' | grep -v '^rasd-index: read ' > "$work/refreshes"
    checks=$((checks + 1))
    wide=$(awk 'length($0) > 49' "$work/refreshes")
    [ -z "$wide" ] || fail "progress lines wider than 49 columns: $wide"
    [ -s "$work/refreshes" ] || echo "note: the run was too fast for a progress refresh"
else
    echo "note: progress width check skipped (no script)"
fi

# --stats shows sources as the articles write them (the JSON keeps the indexed value too), and
# --help fits 80 columns.
expect_exit 0 "stats sources" -- "$index" --db "$work/db" --stats
expect_in "$work/out" "	وكالة أنباء النيل" "stats shows the source as written"
checks=$((checks + 1)); ! grep -qF "وكاله انباء النيل" "$work/out" || fail "stats shows a folded source name"
expect_exit 0 "stats json sources" -- "$index" --db "$work/db" --stats --json
expect_in "$work/out" '"label":"وكالة أنباء النيل","value":"وكاله انباء النيل"' "stats json source label and value"
expect_exit 0 "index --help" -- "$index" --help
checks=$((checks + 1))
wide=$(awk 'length($0) > 80' "$work/out")
[ -z "$wide" ] || fail "rasd-index --help is wider than 80 columns: $wide"

# --aliases: an archive's own names, kept in it and expanded by searches (--explain says so, in
# JSON too); a bad file stops the run before anything is written.
printf 'بروكسل | Brussels\nBrussels\n' > "$work/bad-aliases.tsv"
expect_exit 1 "bad alias file" -- "$index" --db "$work/aliasdb" --aliases "$work/bad-aliases.tsv" "$corpus/articles.jsonl"
expect_in "$work/err" "rasd-index: error: $work/bad-aliases.tsv:2: an alias group needs at least two names separated by '|': 'Brussels'" "bad alias line"
checks=$((checks + 1)); [ ! -e "$work/aliasdb" ] || fail "a bad alias file left a database behind"
expect_exit 1 "missing alias file" -- "$index" --db "$work/aliasdb" --aliases "$work/none.tsv" "$corpus/articles.jsonl"
expect_in "$work/err" "rasd-index: error: $work/none.tsv: cannot read: No such file or directory" "missing alias file message"
expect_exit 0 "index with aliases" -- "$index" --db "$work/aliasdb" "$corpus/articles.jsonl"
printf '# names of this archive\nCairo | القاهرة\n' > "$work/aliases.tsv"
expect_exit 0 "aliases alone" -- "$index" --db "$work/aliasdb" --aliases "$work/aliases.tsv"
expect_exit 0 "alias explained" -- "$search" --db "$work/aliasdb" -n 1 --explain "Cairo"
expect_in "$work/out" "alias: Cairo → also القاهرة" "alias explain line"
checks=$((checks + 1)); ! grep -q "^~0 matches" "$work/out" || fail "Cairo found nothing through its alias"
expect_exit 0 "alias explained in json" -- "$search" --db "$work/aliasdb" -n 1 --json --explain "Facebook"
expect_in "$work/out" '"alias: Facebook → also فيسبوك | فيس بوك | فايسبوك | الفايسبوك"' "alias in json explain"
# Stories: rasd-0009 reprints rasd-0008 (same day, another outlet), so they share story rasd-0008.
expect_exit 0 "collapse text" -- "$search" --db "$work/db" --collapse -n 3 "المركزي المصري"
expect_in "$work/out" " stories (" "collapsed totals count stories"
expect_in "$work/out" "   +1 نسخة أخرى: بوابة الوادي الإخبارية" "collapsed hit names its other copy"
checks=$((checks + 1)); ! grep -q "rasd-0009" "$work/out" || fail "collapsed answer shows the copy too"
expect_exit 0 "collapse json" -- "$search" --db "$work/db" --collapse --json -n 3 "المركزي المصري"
expect_in "$work/out" '"copies":1,"copy_sources":["بوابة الوادي الإخبارية"],"date":"2021-06-17","id":"rasd-0008"' "collapse json copies"
expect_in "$work/out" '"story":"rasd-0008"' "collapse json story"
expect_exit 0 "plain json has no story keys" -- "$search" --db "$work/db" --json -n 10 "المركزي المصري"
checks=$((checks + 1)); ! grep -qE '"(story|copies|copy_sources)"' "$work/out" || fail "story keys without --collapse"
expect_in "$work/out" '"id":"rasd-0009"' "without --collapse the copy is a hit"
expect_exit 0 "story text" -- "$search" --db "$work/db" --story rasd-0009
expect_in "$work/out" "story rasd-0008: 2 articles, first published by الرصد اليوم on 2021-06-17" "story header"
expect_in "$work/out" "2021-06-17 | بوابة الوادي الإخبارية | القاهرة | rasd-0009" "story lists the copy"
cp "$work/out" "$work/story-snippets.txt"
expect_exit 0 "story text without snippets" -- "$search" --db "$work/db" --story rasd-0009 --no-snippets
checks=$((checks + 1)); [ "$(cat "$work/out")" = "$(awk 'BEGIN { k = 9 } /^[0-9]+\. / { k = 0; print; next } { k++ } k != 2' "$work/story-snippets.txt")" ] &&
    [ "$(wc -l < "$work/out")" -lt "$(wc -l < "$work/story-snippets.txt")" ] ||
    fail "--story --no-snippets: $(diff "$work/story-snippets.txt" "$work/out" | head -c 300)"
expect_exit 0 "story json" -- "$search" --db "$work/db" --story rasd-0008 --json
expect_in "$work/out" '"query":"rasd-0008","story":"rasd-0008"' "story json key"
expect_in "$work/out" '"first_published":{"date":"2021-06-17","id":"rasd-0008","source":"الرصد اليوم"}' "story json first_published"
expect_exit 0 "story json past its first article" -- "$search" --db "$work/db" --story rasd-0008 --json --offset 1
checks=$((checks + 1)); ! grep -qF '"first_published"' "$work/out" || fail "--story --offset 1 names a first publisher"
expect_exit 2 "unknown story" -- "$search" --db "$work/db" --story nope
expect_in "$work/err" "rasd-search: error: no article or story with id 'nope'" "unknown story message"
expect_exit 2 "empty story id" -- "$search" --db "$work/db" --story ''
expect_in "$work/err" "rasd-search: error: --story needs an article id, not an empty value" "empty story id message"
expect_exit 2 "empty like id" -- "$search" --db "$work/db" --like ''
expect_in "$work/err" "rasd-search: error: --like needs an article id, not an empty value" "empty like id message"
expect_exit 2 "story with a query" -- "$search" --db "$work/db" --story rasd-0008 فائدة
expect_in "$work/err" "rasd-search: error: --story takes no QUERY and no --queries" "story with a query message"
expect_exit 2 "story and like" -- "$search" --db "$work/db" --story rasd-0008 --like rasd-0008
expect_in "$work/err" "rasd-search: error: give either --story or --like, not both" "story and like message"
expect_exit 0 "like json" -- "$search" --db "$work/db" --like rasd-0008 --json -n 500
expect_in "$work/out" '"like":"rasd-0008"' "like json key"
checks=$((checks + 1)); ! grep -qF '"id":"rasd-0008"' "$work/out" || fail "--like lists the article itself"
checks=$((checks + 1))
[ "$(grep -oE '"id":"rasd-[0-9]+"' "$work/out" | tail -1)" = '"id":"rasd-0009"' ] || fail "--like: the copy is not last"
expect_exit 0 "like trec" -- "$search" --db "$work/db" --like rasd-0008 --format trec -n 500
checks=$((checks + 1)); awk '{ if (NR > 1 && $5 + 0 >= last + 0) bad = 1; last = $5 } END { exit !(NR > 1 && !bad) }' "$work/out" ||
    fail "--like trec: scores must fall with the rank: $(head -3 "$work/out")"
expect_in "$work/out" "1 Q0 rasd-0009 " "--like trec lists the copy"
expect_exit 0 "like explain" -- "$search" --db "$work/db" --like rasd-0008 --explain -n 1
expect_in "$work/out" "like: the words that say most about rasd-0008 (BM25, other stories first): " "--like --explain"
expect_exit 2 "like unknown" -- "$search" --db "$work/db" --like nope
expect_in "$work/err" "rasd-search: error: no article with id 'nope'" "unknown like message"
# An undated copy lists first (no date sorts first), but "first published by" names the earliest dated one.
undated_body='أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في مدينة طنطا بسعة مئتي سرير، وقال الوزير في مؤتمر صحفي إن المستشفى سيخدم أكثر من مليون مواطن في محافظة الغربية والمحافظات المجاورة، وأضاف أن العمل في المشروع استمر ثلاث سنوات.'
printf '{"id":"und-1","title":"مستشفى","body":"%s"}\n{"id":"und-2","title":"مستشفى","body":"%s","date":"2018-06-01","source":"وكالة النيل"}\n' \
    "$undated_body" "$undated_body" > "$work/undated.jsonl"
"$index" -q --db "$work/undated-db" "$work/undated.jsonl"
expect_exit 0 "story with an undated copy" -- "$search" --db "$work/undated-db" --story und-2 --no-snippets
expect_in "$work/out" "story und-1: 2 articles, first published by وكالة النيل on 2018-06-01" "first published by: the earliest dated"
expect_exit 0 "story json with an undated copy" -- "$search" --db "$work/undated-db" --story und-2 --json
expect_in "$work/out" '"first_published":{"date":"2018-06-01","id":"und-2","source":"وكالة النيل"}' "first_published: the earliest dated"
expect_exit 0 "stats stories" -- "$index" --db "$work/db" --stats
# rasd-0001 was deleted above, and the corpus re-sent: one story of two, the rest alone.
expect_in "$work/out" "stories:   $((n - 2)) (1 with copies)" "stats counts stories"
expect_in "$work/out" "  2	rasd-0008	المركزي المصري يبقي أسعار الفائدة دون تغيير (الرصد اليوم)" "stats lists the largest story"
expect_exit 0 "index without stories" -- "$index" --db "$work/nostories" --no-stories "$corpus/articles.jsonl"
expect_exit 0 "stats without stories" -- "$index" --db "$work/nostories" --stats --json
expect_in "$work/out" "\"stories\":$n,\"stories_with_copies\":0" "no stories without detection"

echo "cli_contract: $((checks - failures)) passed, $failures failed"
[ "$failures" = 0 ]

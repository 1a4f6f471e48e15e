#!/usr/bin/env bash
# The command-line contract of rasd-watch: the watches file's errors (FILE:LINE, nearest names,
# duplicates), the first run's silence, exactly the second batch's matches as JSON alerts with
# their keys, no repeat, a failing --exec command retried and its alerts kept, an unreadable
# state refused unchanged, --follow alerting on a new commit and stopping on SIGTERM.
# Usage: test_watch_cli.sh RASD_INDEX RASD_SEARCH RASD_WATCH CORPUS_DIR
set -u
index=$1 search=$2 watch=$3 corpus=$4
# shellcheck source=cli_checks.sh
source "$(dirname "$0")/cli_checks.sh"

# The corpus in two batches: the first before the first run, the second after it.
head -80 "$corpus/articles.jsonl" > "$work/first.jsonl"
tail -n +81 "$corpus/articles.jsonl" > "$work/second.jsonl"
"$index" -q --db "$work/db" "$work/first.jsonl" || fail "indexing the first batch"
"$index" -q --db "$work/second-only" "$work/second.jsonl" || fail "indexing the second batch alone"

printf '%s\n' '# the desk'"'"'s watches' '' \
    "cairo-drivers	سائق متهور مكان:القاهرة" \
    "monitoring	وحدات رصد شكاوى" \
    "giza-health	topic:health place:الجيزة" \
    "broken	مستشفى (الجيزة" \
    "atlantis	place:Alexandriaa مستشفى" \
    "no tab here" \
    "cairo	place:Cairo" > "$work/watches.tsv"
good_watches=$(printf 'cairo-drivers\nmonitoring\ngiza-health\ncairo')

expect_exit 0 "--help" -- "$watch" --help
expect_in "$work/out" "--exec" "--help lists --exec"
expect_in "$work/out" "--follow" "--help lists --follow"
checks=$((checks + 1))
wide=$(awk 'length($0) > 100' "$work/out")
[ -z "$wide" ] || fail "rasd-watch --help is wider than 100 columns: $wide"
expect_exit 0 "--version" -- "$watch" --version
expect_in "$work/out" "rasd-watch (rasd) " "--version"
expect_exit 2 "no --watches" -- "$watch" --db "$work/db"
expect_in "$work/err" "rasd-watch: error: the option '--watches' is required" "missing --watches"
expect_exit 2 "--since and --from-start" -- "$watch" --db "$work/db" --watches "$work/watches.tsv" --since 2020 --from-start
expect_in "$work/err" "rasd-watch: error: --since and --from-start conflict" "--since with --from-start"
for option in --exec --since; do
    expect_exit 2 "empty $option" -- "$watch" --db "$work/db" --watches "$work/watches.tsv" "$option" ""
    expect_in "$work/err" "rasd-watch: error: $option needs a value, not an empty one" "empty $option message"
done

# First run: bad lines named with their line, the others run, nothing alerts yet.
expect_exit 2 "first run with bad lines" -- "$watch" --db "$work/db" --watches "$work/watches.tsv"
expect_empty "$work/out" "the first run alerts nothing"
expect_in "$work/err" "rasd-watch: error: $work/watches.tsv:6: watch 'broken': " "syntax error named"
expect_in "$work/err" "rasd-watch: error: $work/watches.tsv:7: watch 'atlantis': unknown place 'Alexandriaa' (nearest: Alexandria" "unknown place with the nearest"
expect_in "$work/err" "rasd-watch: error: $work/watches.tsv:8: expected NAME<TAB>QUERY, got 'no tab here'" "line without a tab"
checks=$((checks + 1))
[ -f "$work/db.rasd-watch.state" ] || fail "no state beside the archive"

# Duplicate names are an error before anything runs.
printf 'a\tمستشفى\nb\tالذهب\na\tسائق\n' > "$work/dup.tsv"
expect_exit 2 "duplicate names" -- "$watch" --db "$work/db" --watches "$work/dup.tsv" --state "$work/dup.state"
expect_in "$work/err" "rasd-watch: error: $work/dup.tsv:3: duplicate watch name 'a' (first on line 1)" "duplicate message"
checks=$((checks + 1))
[ ! -f "$work/dup.state" ] || fail "a duplicate name wrote a state"

# The second batch: exactly what a database of that batch alone answers, for every watch.
"$index" -q --db "$work/db" "$work/second.jsonl" || fail "indexing the second batch"
cp "$work/db.rasd-watch.state" "$work/before-second.state"
expect_exit 2 "second run, JSON" -- "$watch" --db "$work/db" --watches "$work/watches.tsv" --json
cp "$work/out" "$work/alerts.jsonl"
sed -n 's/.*"article":"\([^"]*\)".*"watch":"\([^"]*\)".*/\2 \1/p' "$work/alerts.jsonl" | sort > "$work/got"
: > "$work/expected"
while IFS=$'\t' read -r name query; do
    grep -qxF "$name" <<< "$good_watches" || continue
    "$search" --db "$work/second-only" --format trec --limit 1000 "$query" | awk -v w="$name" '{print w, $3}'
done < <(grep -v '^#' "$work/watches.tsv" | grep -F "	") | sort > "$work/expected"
checks=$((checks + 1))
cmp -s "$work/got" "$work/expected" || fail "alerts differ from the batch alone: $(diff "$work/got" "$work/expected" | head -5)"
checks=$((checks + 1))
[ "$(wc -l < "$work/got")" -ge 5 ] || fail "too few alerts to mean anything: $(wc -l < "$work/got")"
for w in cairo-drivers monitoring cairo; do expect_in "$work/got" "$w " "watch $w alerted"; done
# The keys of an alert (places' own keys left aside), in nlohmann's order.
checks=$((checks + 1))
keys=$(head -1 "$work/alerts.jsonl" | sed 's/"places":\[[^]]*\]/"places":0/' | grep -o '"[a-z]*":' | tr -d '\n')
[ "$keys" = '"article":"copies":"date":"id":"places":"snippet":"source":"story":"title":"topic":"url":"watch":' ] ||
    fail "alert keys: $keys"
expect_in "$work/alerts.jsonl" '"places":[{"evidence":' "places as rasd-search writes them"
checks=$((checks + 1))
grep '"watch":"cairo-drivers"' "$work/alerts.jsonl" | grep -qF '[سائق]' || fail "the snippet marks the matched word"
# Ids are 16 hex digits and unique.
checks=$((checks + 1))
[ "$(grep -o '"id":"[0-9a-f]\{16\}"' "$work/alerts.jsonl" | sort -u | wc -l)" = "$(wc -l < "$work/alerts.jsonl")" ] ||
    fail "alert ids are not 16 unique hex digits"

# No repeat: the next run prints nothing.
expect_exit 2 "third run" -- "$watch" --db "$work/db" --watches "$work/watches.tsv" --json
expect_empty "$work/out" "no alert twice"

# --exec: a failing command is retried, reported, and its alerts kept (the first alert that fails
# every attempt ends the delivery); a working one gets them all (the same ids); then nothing is left.
cp "$work/before-second.state" "$work/exec.state"
expect_exit 1 "--exec failing" -- "$watch" --db "$work/db" --watches "$work/watches.tsv" --state "$work/exec.state" \
    --exec "cat >> '$work/attempts'; exit 3" --exec-attempts 2
alerts=$(wc -l < "$work/alerts.jsonl")
expect_in "$work/err" "--exec command failed (exit status 3); kept pending for the next run, with the $((alerts - 1)) alerts after it (not tried)" "exec failure reported"
checks=$((checks + 1))
[ "$(wc -l < "$work/attempts")" = 2 ] || fail "the first alert tried twice, no other: $(wc -l < "$work/attempts") tries"
# A command still running at --exec-timeout is stopped with what it started, and counts as failed.
started=$SECONDS
expect_exit 1 "--exec hung" -- "$watch" --db "$work/db" --watches "$work/watches.tsv" --state "$work/exec.state" \
    --exec "sleep 60" --exec-attempts 1 --exec-timeout 1
expect_in "$work/err" "--exec command failed (still running after 1 s (--exec-timeout), stopped); kept pending" "exec timeout reported"
checks=$((checks + 1))
[ $((SECONDS - started)) -lt 20 ] || fail "a hung --exec held rasd-watch for $((SECONDS - started)) s"
expect_exit 2 "--exec working" -- "$watch" --db "$work/db" --watches "$work/watches.tsv" --state "$work/exec.state" \
    --exec "cat >> '$work/delivered'"
checks=$((checks + 1))
cmp -s <(sort "$work/delivered") <(sort "$work/alerts.jsonl") || fail "--exec delivered other alerts than --json printed"
expect_exit 2 "--exec again" -- "$watch" --db "$work/db" --watches "$work/watches.tsv" --state "$work/exec.state" \
    --exec "cat >> '$work/delivered'"
checks=$((checks + 1))
[ "$(wc -l < "$work/delivered")" = "$(wc -l < "$work/alerts.jsonl")" ] || fail "--exec delivered an alert twice"

# An unreadable state: an error, exit 1, the file untouched.
printf '{"rasd_watch_state": 1, "watches": {' > "$work/bad.state"
cp "$work/bad.state" "$work/bad.copy"
expect_exit 1 "unreadable state" -- "$watch" --db "$work/db" --watches "$work/watches.tsv" --state "$work/bad.state"
expect_in "$work/err" "rasd-watch: error: $work/bad.state: not a readable watch state" "unreadable state message"
checks=$((checks + 1))
cmp -s "$work/bad.state" "$work/bad.copy" || fail "the unreadable state was changed"

# --follow: alerts within seconds of a commit, stops cleanly on SIGTERM.
printf 'hospital\tمستشفى\n' > "$work/follow.tsv"
"$watch" --db "$work/db" --watches "$work/follow.tsv" --state "$work/follow.state" --json --follow \
    > "$work/follow.out" 2> "$work/follow.err" &
pid=$!
sleep 1.5
printf '{"id":"follow-1","title":"افتتاح مستشفى جديد في الجيزة","body":"افتتح محافظ الجيزة مستشفى جديدا للأطفال.","date":"2026-12-01"}\n' \
    > "$work/follow.jsonl"
"$index" -q --db "$work/db" "$work/follow.jsonl" || fail "indexing while following"
for _ in $(seq 1 50); do
    grep -q follow-1 "$work/follow.out" && break
    sleep 0.2
done
expect_in "$work/follow.out" '"article":"follow-1"' "--follow alerted on the new commit"
kill -TERM "$pid"
wait "$pid"
status=$?
checks=$((checks + 1))
[ "$status" = 0 ] || fail "--follow after SIGTERM: exit $status; stderr: $(cat "$work/follow.err")"

# An alert names the story of its article and how many other articles the story has: rasd-0009
# reprints rasd-0008, which reached the archive first.
head -8 "$corpus/articles.jsonl" > "$work/story-first.jsonl"
sed -n 9p "$corpus/articles.jsonl" > "$work/story-reprint.jsonl"
"$index" -q --db "$work/story-db" "$work/story-first.jsonl" || fail "indexing the story's first article"
printf 'bank\tالمركزي المصري\n' > "$work/story-watches.tsv"
expect_exit 0 "story: first run" -- "$watch" --db "$work/story-db" --watches "$work/story-watches.tsv" --json
"$index" -q --db "$work/story-db" "$work/story-reprint.jsonl" || fail "indexing the reprint"
expect_exit 0 "story: the reprint alerts" -- "$watch" --db "$work/story-db" --watches "$work/story-watches.tsv" --json
expect_in "$work/out" '"article":"rasd-0009","copies":1,' "the reprint's alert counts the story's other article"
expect_in "$work/out" '"story":"rasd-0008"' "the reprint's alert names its story"

echo "cli_watch: $((checks - failures)) passed, $failures failed"
[ "$failures" = 0 ]

#!/usr/bin/env bash
# SIGKILL during delivery: rasd-watch --exec is killed at seeded moments while its command is
# delivering alerts (each delivery takes a while); the next run must deliver every alert not yet
# delivered, with the same ids, so that the deliveries of all runs together are exactly the
# alerts of an undisturbed run (repeats allowed only for alerts whose delivery the kill cut short).
# Usage: watch_kill_test.sh RASD_INDEX RASD_WATCH [TRIALS]
set -u
index=$1 watch=$2 trials=${3:-4}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

bash "$here/make_dump.sh" 600 7 > "$work/dump.jsonl"
head -300 "$work/dump.jsonl" > "$work/first.jsonl"
tail -n +301 "$work/dump.jsonl" > "$work/second.jsonl"
printf 'cairo-traffic\ttopic:traffic place:القاهرة\ngiza-drivers\tسائق place:الجيزة\nbeirut-sports\tالأهلي topic:sports place:بيروت\n' > "$work/watches.tsv"
"$index" -q --db "$work/db" "$work/first.jsonl" || fail "indexing the first batch"
"$watch" --db "$work/db" --watches "$work/watches.tsv" --state "$work/start.state" || fail "the first run"
"$index" -q --db "$work/db" "$work/second.jsonl" || fail "indexing the second batch"

# The reference: an undisturbed run from the same state.
cp "$work/start.state" "$work/clean.state"
"$watch" --db "$work/db" --watches "$work/watches.tsv" --state "$work/clean.state" --json > "$work/clean.jsonl" ||
    fail "the undisturbed run"
ids() { grep -o '"id":"[0-9a-f]\{16\}"' "$1" | sort; }
ids "$work/clean.jsonl" > "$work/clean.ids"
alerts=$(wc -l < "$work/clean.ids")
[ "$alerts" -ge 10 ] || fail "only $alerts alerts: too few to kill delivery in the middle"

RANDOM=20261207  # seeded: the same kill moments every run
killed_mid_run=0
for trial in $(seq 1 "$trials"); do
    state="$work/trial-$trial.state" delivered="$work/trial-$trial.jsonl"
    cp "$work/start.state" "$state"
    # Each delivery appends the alert, then takes 50 ms: killed 0.2 to 1.0 s in, mid-way.
    delay_ms=$((200 + RANDOM % 800))
    "$watch" --db "$work/db" --watches "$work/watches.tsv" --state "$state" \
        --exec "cat >> '$delivered'; sleep 0.05" 2>/dev/null &
    pid=$!
    sleep "$(printf '0.%03d' "$delay_ms")"
    kill -9 "$pid" 2>/dev/null && killed_mid_run=$((killed_mid_run + 1))
    wait "$pid" 2>/dev/null
    sleep 0.1  # the command the kill orphaned finishes its append
    before=$(ids "$delivered" 2>/dev/null | wc -l)
    "$watch" --db "$work/db" --watches "$work/watches.tsv" --state "$state" --exec "cat >> '$delivered'" ||
        fail "trial $trial: the run after the kill failed"
    checks=$((checks + 1))
    cmp -s <(ids "$delivered" | sort -u) "$work/clean.ids" ||
        fail "trial $trial (killed at ${delay_ms} ms after $before deliveries): delivered ids differ from the undisturbed run's"
    checks=$((checks + 1))
    repeats=$(( $(ids "$delivered" | wc -l) - $(ids "$delivered" | sort -u | wc -l) ))
    [ "$repeats" -le 1 ] || fail "trial $trial: $repeats alerts delivered twice (at most the one in flight may be)"
    # And the run after that delivers nothing.
    "$watch" --db "$work/db" --watches "$work/watches.tsv" --state "$state" --exec "cat >> '$work/late-$trial'" ||
        fail "trial $trial: the last run failed"
    checks=$((checks + 1))
    [ ! -s "$work/late-$trial" ] || fail "trial $trial: a third run delivered again"
done
checks=$((checks + 1))
[ "$killed_mid_run" -ge 1 ] || fail "no trial was killed before it finished"

echo "watch_kill: $((checks - failures)) passed, $failures failed ($alerts alerts, $killed_mid_run of $trials runs killed mid-way)"
[ "$failures" = 0 ]

#!/usr/bin/env bash
# Crash safety: kill rasd-index with SIGKILL at seeded random moments of a long run, then check
# that the database opens, holds a whole number of batches, has no duplicated id, and that rerunning
# the same command ends in exactly the state of a clean run (same count, same answers).
# Usage: crash_test.sh RASD_INDEX RASD_SEARCH DB_CHECK [TRIALS]
set -u
index=$1 search=$2 check=$3 trials=${4:-20}
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
articles=1500 batch=100
failures=0 checks=0 killed_mid_run=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

bash "$here/make_dump.sh" "$articles" 42 > "$work/dump.jsonl"
printf 'q1\tسائق سيارة نقل\nq2\tالبنك الأسعار place:القاهرة\nq3\ttopic:sports date:2018..2020\nq4\t"مواقع التواصل" الفيديو\n' > "$work/queries.tsv"
answers() { "$search" --db "$1" --queries "$work/queries.tsv" --format trec --limit 20; }

# The reference: a clean run.
"$index" -q --db "$work/clean" --batch "$batch" "$work/dump.jsonl" || fail "clean run failed"
answers "$work/clean" > "$work/clean.answers"
clean_state=$("$check" "$work/clean")

# Rerunning the same command finishes the job: exactly the clean run's state and answers.
# rerun_matches_clean LABEL DB [EXTRA INDEX OPTIONS...]; removes DB afterwards.
rerun_matches_clean() {
    local label=$1 db=$2; shift 2
    "$index" -q --db "$db" "$@" --batch "$batch" "$work/dump.jsonl" || fail "$label: rerun failed"
    checks=$((checks + 1))
    [ "$("$check" "$db")" = "$clean_state" ] || fail "$label: after rerun $("$check" "$db"), clean run $clean_state"
    checks=$((checks + 1))
    answers "$db" | cmp -s - "$work/clean.answers" || fail "$label: answers differ from the clean run's"
    rm -rf "$db"
}

RANDOM=20261128  # seeded: the same kill moments every run
for trial in $(seq 1 "$trials"); do
    db="$work/db-$trial"
    # Kill between 50 ms and ~1.5 s in: the whole run takes about 1.5 s here (longer under sanitizers).
    delay_ms=$((50 + RANDOM % 1500))
    "$index" -q --db "$db" --batch "$batch" "$work/dump.jsonl" 2>/dev/null &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -9 "$pid" 2>/dev/null && killed_mid_run=$((killed_mid_run + 1))
    wait "$pid" 2>/dev/null

    checks=$((checks + 1))
    if [ -d "$db" ] && ls "$db"/*.glass >/dev/null 2>&1; then
        state=$("$check" "$db") || { fail "trial $trial (killed at ${delay_ms} ms): database does not open"; continue; }
        count=${state#articles=}; count=${count%% *}
        dups=${state##*duplicates=}
        [ $((count % batch)) = 0 ] || [ "$count" = "$articles" ] ||
            fail "trial $trial (killed at ${delay_ms} ms): $count articles is not a commit boundary"
        [ "$dups" = 0 ] || fail "trial $trial: $dups duplicated ids ($state)"
    fi
    rerun_matches_clean "trial $trial" "$db"
done

# The same for an archive of 2 shards written in parallel: each shard commits on its own, so each
# must sit on one of its own commit boundaries, and no id may be in two shards.
sharded_trials=$(( (trials + 3) / 4 ))
"$index" -q --db "$work/clean-sharded" --shards 2 --threads 2 --batch "$batch" "$work/dump.jsonl" ||
    fail "clean sharded run failed"
clean_sharded_state=$("$check" "$work/clean-sharded")
[ "$clean_sharded_state" = "$clean_state" ] || fail "sharded clean run $clean_sharded_state, single $clean_state"
for trial in $(seq 1 "$sharded_trials"); do
    db="$work/sharded-$trial"
    delay_ms=$((50 + RANDOM % 1200))
    "$index" -q --db "$db" --shards 2 --threads 2 --batch "$batch" "$work/dump.jsonl" 2>/dev/null &
    pid=$!
    sleep "$(printf '%d.%03d' $((delay_ms / 1000)) $((delay_ms % 1000)))"
    kill -9 "$pid" 2>/dev/null && killed_mid_run=$((killed_mid_run + 1))
    wait "$pid" 2>/dev/null
    if [ -f "$db/XAPIANDB" ]; then
        checks=$((checks + 1))
        state=$("$check" "$db") || { fail "sharded trial $trial (killed at ${delay_ms} ms): archive does not open"; continue; }
        [ "${state##*duplicates=}" = 0 ] || fail "sharded trial $trial: duplicated ids ($state)"
        for shard in shard-00 shard-01; do
            checks=$((checks + 1))
            count=$("$check" "$db/$shard"); count=${count#articles=}; count=${count%% *}
            final=$("$check" "$work/clean-sharded/$shard"); final=${final#articles=}; final=${final%% *}
            [ $((count % batch)) = 0 ] || [ "$count" = "$final" ] ||
                fail "sharded trial $trial (killed at ${delay_ms} ms): $shard holds $count articles, not a commit boundary"
        done
    fi
    rerun_matches_clean "sharded trial $trial" "$db" --shards 2
done
trials=$((trials + sharded_trials))

# Early kills, in the first milliseconds of creating an archive of 2 shards: the archive is either
# whole (its stub names only shards that record their analyzer, so rasd-search answers) or
# unfinished (no stub yet: rasd-search says how to finish it); rerunning finishes it, every other
# time without --shards (the pending shard list says how many).
early_trials=$((sharded_trials * 2))
for trial in $(seq 1 "$early_trials"); do
    db="$work/early-$trial"
    delay_ms=$((1 + RANDOM % 15))
    "$index" -q --db "$db" --shards 2 --threads 2 --batch "$batch" "$work/dump.jsonl" 2>/dev/null &
    pid=$!
    sleep "0.$(printf '%03d' "$delay_ms")"
    kill -9 "$pid" 2>/dev/null && killed_mid_run=$((killed_mid_run + 1))
    wait "$pid" 2>/dev/null
    checks=$((checks + 1))
    if [ -f "$db/XAPIANDB" ]; then
        answers "$db" >/dev/null 2>"$work/early.err" ||
            fail "early trial $trial (killed at ${delay_ms} ms): rasd-search refuses the archive: $(cat "$work/early.err")"
    elif [ -n "$(ls -A "$db" 2>/dev/null)" ]; then  # (not if killed before it wrote anything)
        "$search" --db "$db" "سائق" >/dev/null 2>"$work/early.err"
        grep -qF "$db: a sharded archive whose creation was interrupted; rerun rasd-index on this archive to finish creating it" \
            "$work/early.err" ||
            fail "early trial $trial (killed at ${delay_ms} ms): unfinished archive not explained: $(cat "$work/early.err")"
    fi
    if [ $((trial % 2)) = 0 ]; then
        rerun_matches_clean "early trial $trial" "$db"
    else
        rerun_matches_clean "early trial $trial" "$db" --shards 2
    fi
done
trials=$((trials + early_trials))

echo "crash_test: $trials trials ($killed_mid_run killed mid-run), $((checks - failures)) checks passed, $failures failed"
[ "$failures" = 0 ]

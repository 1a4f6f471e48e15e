#!/usr/bin/env bash
# Sharded archives over Xapian's remote backend: two xapian-tcpsrv processes on 127.0.0.1 each
# serve one shard of the bundled corpus; the queries must return the same ids, order, scores,
# totals and facets as one database holding the same articles. A shard that is down must be named
# in a clear error, and --allow-partial must answer from the rest, marked partial.
# Usage: remote_shards_test.sh RASD_INDEX RASD_SEARCH CORPUS_DIR
# Exits 77 (skipped) when xapian-tcpsrv (Debian package xapian-tools) is not installed.
set -u
index=$1 search=$2 corpus=$3
command -v xapian-tcpsrv >/dev/null || { echo "SKIP: xapian-tcpsrv not found (apt-get install xapian-tools)"; exit 77; }
work=$(mktemp -d)
servers=()
cleanup() {
    for pid in "${servers[@]}"; do kill "$pid" 2>/dev/null; done
    wait 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
failures=0 checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() {  # check DESCRIPTION COMMAND...: counts a check, fails it if COMMAND fails
    local what=$1; shift
    checks=$((checks + 1))
    "$@" || fail "$what"
}

# Starts xapian-tcpsrv on a free port for DB; sets $port and appends the pid to servers.
start_server() {
    local db=$1 attempt
    for attempt in $(seq 1 30); do
        port=$((20000 + RANDOM % 40000))
        # In a session of its own: on SIGTERM xapian-tcpsrv signals its whole process group,
        # which would otherwise include this script.
        setsid xapian-tcpsrv --interface 127.0.0.1 --port "$port" --quiet "$db" >"$work/tcpsrv-$port.log" 2>&1 &
        local pid=$!
        # Listening once it accepts a connection; a taken port makes it exit at once.
        for _ in $(seq 1 50); do
            kill -0 "$pid" 2>/dev/null || break
            if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
                servers+=("$pid")
                return 0
            fi
            sleep 0.1
        done
        kill "$pid" 2>/dev/null
    done
    echo "cannot start xapian-tcpsrv for $db"
    exit 1
}

# The archive's own alias table (rasd-index --aliases), kept by every shard.
printf 'Cairo | القاهرة\n' > "$work/aliases.tsv"
"$index" -q --db "$work/one" --threads 1 --aliases "$work/aliases.tsv" "$corpus" || fail "indexing one database"
"$index" -q --db "$work/sharded" --shards 2 --aliases "$work/aliases.tsv" "$corpus" || fail "indexing two shards"
start_server "$work/sharded/shard-00"; port_a=$port; pid_a=${servers[-1]}
start_server "$work/sharded/shard-01"; port_b=$port
remote_a="tcp://127.0.0.1:$port_a" remote_b="tcp://127.0.0.1:$port_b"
queries="$corpus/queries.tsv"

# Ranking, totals, facets: the remote pair answers as one database. Scores may differ in the
# last bits of a double (sums in another order), so JSON scores and snippets are left out
# (snippet passages depend on statistics gathered during the match); TREC rounds scores.
same_answers() {  # same_answers DESCRIPTION ARGS...: one database vs the sources in "${sources[@]}"
    local what=$1; shift
    "$search" --db "$work/one" --queries "$queries" "$@" > "$work/expected" 2>"$work/expected.err"
    "$search" "${sources[@]}" --queries "$queries" "$@" > "$work/got" 2>"$work/got.err"
    for f in expected got; do
        sed -E -e 's/"snippet":"([^"\\]|\\.)*"//g' -e 's/"score":[-0-9.e+]+//g' "$work/$f" > "$work/$f.cmp"
    done
    checks=$((checks + 1))
    if [ ! -s "$work/expected.cmp" ] || ! cmp -s "$work/expected.cmp" "$work/got.cmp"; then
        fail "$what: answers differ from one database ($(diff "$work/expected.cmp" "$work/got.cmp" | head -c 400); $(head -c 200 "$work/got.err"))"
    fi
}
sources=(--db "$remote_a" --db "$remote_b")
same_answers "remote trec" --format trec -n 20
same_answers "remote json with facets" --json --facets -n 10
same_answers "remote newest first" --json --facets -n 5 --sort newest
sources=(--db "$work/sharded")
same_answers "local stub" --format trec -n 20
sources=(--db "$work/sharded/shard-00" --db "$remote_b")
same_answers "local shard + remote shard" --json --facets -n 10

# A shard built on its own from its slice of the input is the same as the archive's shard.
"$index" -q --db "$work/slice-1" --shard 1/2 "$corpus" || fail "indexing slice 1/2"
sources=(--db "$work/sharded/shard-00" --db "$work/slice-1")
same_answers "shard 0 + slice 1/2 built on its own" --format trec -n 20
"$index" --db "$work/slice-0" --shard 0/2 "$corpus" 2>"$work/err"
check "slice summary: $(cat "$work/err")" grep -qE "deleted 0 \(0 not found\), [0-9]+ of other shards; " "$work/err"
"$index" --db "$work/slice-x" --shard 2/2 "$corpus" 2>"$work/err"
check "bad slice is a usage error: $(cat "$work/err")" grep -qF "rasd-index: error: --shard '2/2': expected K/N with 0 <= K < N, e.g. 0/4" "$work/err"

# Suggestions over remote shards come from the archive's own title stems.
"$search" --db "$remote_a" --db "$remote_b" "المواطنبن الاقتصاظ" > "$work/out" 2>&1
check "suggestion over remote: $(cat "$work/out")" grep -qF "هل تقصد: مواطن اقتصاد" "$work/out"

# The archive's alias table reaches searches over remote shards: it is metadata, which the
# remote protocol serves (Xapian's synonym table it does not).
"$search" --db "$remote_a" --db "$remote_b" -n 1 --explain "Cairo" > "$work/out" 2>&1
check "alias over remote: $(head -c 300 "$work/out")" grep -qF "alias: Cairo → also القاهرة" "$work/out"
check "alias over remote finds articles" grep -qE "^~[1-9][0-9]* matches" "$work/out"

# A shard that is down: a clear error naming it, exit 1; --allow-partial answers from the rest.
kill "$pid_a"; wait "$pid_a" 2>/dev/null
"$search" --db "$remote_a" --db "$remote_b" "القاهرة" > "$work/out" 2>"$work/err"
check "down shard exits 1" test $? = 1
check "down shard named: $(cat "$work/err")" grep -qF "rasd-search: error: $remote_a: shard unavailable" "$work/err"
"$search" --allow-partial --db "$remote_a" --db "$remote_b" --json "القاهرة" > "$work/out" 2>"$work/err"
check "allow-partial exits 0: $(cat "$work/err")" test $? = 0
check "allow-partial marks the answer: $(tail -c 300 "$work/out")" grep -qF "\"partial\":true," "$work/out"
check "allow-partial names the shard" grep -qF "\"unavailable\":[\"$remote_a\"]" "$work/out"
"$search" --allow-partial --db "$remote_a" "القاهرة" > "$work/out" 2>"$work/err"
check "no shard at all is an error" grep -qF "rasd-search: error: no shard available ($remote_a)" "$work/err"
"$search" --db "tcp://127.0.0.1" "القاهرة" > "$work/out" 2>"$work/err"
check "bad address is a usage error" test $? = 2
check "bad address message: $(cat "$work/err")" grep -qF "'tcp://127.0.0.1': a remote shard is tcp://HOST:PORT (PORT 1-65535)" "$work/err"

echo "remote_shards: $((checks - failures)) passed, $failures failed"
[ "$failures" = 0 ]

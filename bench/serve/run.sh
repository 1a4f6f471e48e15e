#!/usr/bin/env bash
# rasd-serve under load on loopback (wrk), against the same queries run through the library
# on two threads (two rasd-search --queries processes, one Searcher each). Not a test: the
# figures go to bench/RESULTS.md ("rasd-serve").
#
# usage: bench/serve/run.sh BUILD_DIR DB [ANT.jsonl.xz [SECONDS_PER_RUN]]
#   DB: an archive built from the ANT dump, e.g.
#       BUILD_DIR/indexer/rasd-index --db /tmp/ant.db ../shared/data/ant/ant_multisource_v2.1.jsonl.xz
# Prints, per concurrency (1, 8, 32): requests, throughput, p50, p99, errors, and rasd-serve's
# RSS at the start and end of the run and its maximum; then the in-process throughput and
# the ratio (the in-process run just before each load run). Checks: zero errors, p99 < 50 ms at concurrency 8, ratio >= 0.8 at concurrency 8,
# RSS growth under 10% from the first measured run to the last (exit 1 if one fails).
set -euo pipefail
build=$1 db=$2
here=$(cd "$(dirname "$0")" && pwd)
ant=${3:-$here/../../../shared/data/ant/ant_multisource_v2.1.jsonl.xz}
seconds=${4:-30}
queries=500 seed=18 threads=32
work=$(mktemp -d)
server_pid=""
cleanup() {
    if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null || true; fi
    wait 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

# The mix, kept to the queries rasd-search answers (a title word can be a stop word alone).
python3 "$here/make_queries.py" "$ant" "$queries" "$seed" >"$work/drawn.tsv"
{ "$build/searcher/rasd-search" --db "$db" --json --queries "$work/drawn.tsv" 2>/dev/null || true; } |
    python3 -c 'import json,sys; [print(json.loads(l)["qid"]) for l in sys.stdin]' >"$work/ok.txt"
awk -F'\t' 'NR==FNR {ok[$1]=1; next} ok[$1]' "$work/ok.txt" "$work/drawn.tsv" >"$work/mix.tsv"
python3 -c '
import sys, urllib.parse
for line in open(sys.argv[1], encoding="utf-8"):
    qid, query = line.rstrip("\n").split("\t", 1)
    print("/api/search?q=" + urllib.parse.quote(query, safe=""))' "$work/mix.tsv" >"$work/paths.txt"
echo "mix: $(wc -l <"$work/mix.tsv") of $queries drawn queries (seed $seed)"

# In process: two rasd-search processes, each running the mix twice with one Searcher. Run
# right before each load run, so that both meet the same load from other jobs on the machine.
for _ in 1 2; do cat "$work/mix.tsv"; done >"$work/repeated.tsv"
in_process_rate() {
    local total=$((2 * $(wc -l <"$work/repeated.tsv"))) start first
    start=$(date +%s.%N)
    "$build/searcher/rasd-search" --db "$db" --json --queries "$work/repeated.tsv" >/dev/null 2>&1 &
    first=$!
    "$build/searcher/rasd-search" --db "$db" --json --queries "$work/repeated.tsv" >/dev/null 2>&1
    wait "$first"
    echo "$total / ($(date +%s.%N) - $start)" | bc -l
}

"$build/server/rasd-serve" --db "$db" --listen 127.0.0.1:0 --threads "$threads" >"$work/serve.out" 2>"$work/serve.err" &
server_pid=$!
for _ in $(seq 1 100); do
    port=$(sed -n 's|^rasd-serve: listening on http://127.0.0.1:\([0-9]*\)/$|\1|p' "$work/serve.out")
    [[ -n $port ]] && break
    sleep 0.1
done
rss() { ps -o rss= -p "$server_pid" | tr -d ' '; }

export PATHS_FILE=$work/paths.txt
# Warm-up on every worker: each opens its Searcher on its first request, so memory is
# measured flat from here on.
wrk -t 2 -c "$threads" -d 10s -s "$here/requests.lua" "http://127.0.0.1:$port" >/dev/null
status=0 first_rss="" last_rss=""
for connections in 1 8 32; do
    wrk_threads=$((connections < 2 ? 1 : 2))
    in_process=$(in_process_rate)
    before=$(rss)
    [[ -z $first_rss ]] && first_rss=$before
    (while sleep 1; do rss; done) >"$work/rss-$connections.txt" &
    sampler=$!
    line=$(wrk -t "$wrk_threads" -c "$connections" -d "${seconds}s" --timeout 5s -s "$here/requests.lua" \
        "http://127.0.0.1:$port" | tail -1)
    kill "$sampler"; wait "$sampler" 2>/dev/null || true
    after=$(rss)
    last_rss=$after
    max=$(sort -n "$work/rss-$connections.txt" | tail -1)
    rps=$(sed 's/.*rps=\([0-9.]*\).*/\1/' <<<"$line")
    ratio=$(echo "$rps / $in_process" | bc -l)
    printf 'c=%-2d %s rss_kb_start=%s rss_kb_end=%s rss_kb_max=%s in_process_qps=%.1f ratio=%.2f load=%s\n' \
        "$connections" "$line" "$before" "$after" "$max" "$in_process" "$ratio" "$(cut -d' ' -f1 /proc/loadavg)"
    errors=$(sed 's/.*errors=\([0-9]*\).*/\1/' <<<"$line")
    if ((errors > 0)); then echo "CHECK FAILED: $errors errors at c=$connections"; status=1; fi
    if ((connections == 8)); then
        p99=$(sed 's/.*p99_ms=\([0-9.]*\).*/\1/' <<<"$line")
        if (($(echo "$p99 >= 50" | bc -l))); then echo "CHECK FAILED: p99 $p99 ms at c=8 (target < 50)"; status=1; fi
        if (($(echo "$ratio < 0.8" | bc -l))); then echo "CHECK FAILED: ratio $ratio at c=8 (target >= 0.8)"; status=1; fi
    fi
done
if (($(echo "$last_rss > $first_rss * 1.1" | bc -l))); then
    echo "CHECK FAILED: RSS grew from $first_rss to $last_rss kB"; status=1
fi
kill -TERM "$server_pid"; wait "$server_pid"; server_pid=""
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"

#!/usr/bin/env bash
# Out of space: index under a file-size limit (ulimit -f) so that a write fails part-way. rasd-index
# must stop with a clear error (exit 1) and the database must still open at its last commit,
# with whole batches and no duplicated id.
# Usage: disk_full_test.sh RASD_INDEX DB_CHECK
set -u
index=$1 check=$2
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 checks=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

bash "$here/make_dump.sh" 3000 9 > "$work/dump.jsonl"
batch=200
# 2 MiB per file: the first commits fit, the position table outgrows it long before the end.
# --no-stories: with story detection the postlist table (story band terms and signatures) is the
# first to outgrow the limit, and Xapian 1.4 then aborts inside WritableDatabase::commit()
# (std::terminate while unwinding) instead of throwing: see docs/STORIES.md, "Disk full".
( ulimit -f 2048; exec "$index" -q --no-stories --db "$work/db" --batch "$batch" "$work/dump.jsonl" ) 2> "$work/err"
status=$?
checks=$((checks + 1)); [ "$status" = 1 ] || fail "exit $status under a file-size limit, expected 1"
checks=$((checks + 1)); grep -q "^rasd-index: error: .*File too large" "$work/err" ||
    fail "no clear error: $(head -c 400 "$work/err")"
checks=$((checks + 1))
if state=$("$check" "$work/db"); then
    count=${state#articles=}; count=${count%% *}
    [ $((count % batch)) = 0 ] && [ "$count" -gt 0 ] && [ "$count" -lt 3000 ] ||
        fail "database holds $count articles after the failed write, expected whole batches short of 3000"
    [ "${state##*duplicates=}" = 0 ] || fail "duplicated ids: $state"
else
    fail "the database does not open after the failed write"
fi
echo "disk_full_test: $((checks - failures)) passed, $failures failed"
[ "$failures" = 0 ]

#!/usr/bin/env bash
# rasd-serve's graceful stop on SIGTERM: a reply being written when the signal comes goes out
# whole before the server exits 0, and an idle keep-alive connection does not hold the exit
# back until its keep-alive timeout (5 s).
# Usage: serve_shutdown_test.sh RASD_INDEX RASD_SERVE
set -u
index=$1 serve=$2
source "$(dirname "$0")/serve_common.sh"

# One article of about 6 MB (the record limit is 8 MiB): its reply is more than the kernel's
# socket buffers hold for a client that reads nothing (a 4 MiB send buffer at most, the
# receive window of a reader that has not read), so the worker is still writing it.
db=$work/long.db
words=$(yes 'كلمة' | head -n 700000 | tr '\n' ' ')
printf '{"id": "long-1", "title": "مقال طويل", "body": "%s", "date": "2020-01-01"}\n' "$words" >"$work/long.jsonl"
unset words
"$index" --db "$db" "$work/long.jsonl" >"$work/index.log" 2>&1 || { cat "$work/index.log"; exit 1; }

# A request in flight when SIGTERM comes finishes: the server waits for the client to take the
# whole reply, then exits 0.
start_server --db "$db" --threads 2 --access-log
check "the whole article: 200" test "$(curl -s -o "$work/full.json" -w '%{http_code}' "$base/api/article/long-1")" = 200
size=$(stat -c %s "$work/full.json")
check "the reply is over 6,000,000 bytes ($size)" test "$size" -gt 6000000
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /api/article/long-1 HTTP/1.1\r\nHost: rasd\r\nConnection: close\r\n\r\n' >&3
sleep 1  # the worker fills the socket buffers and waits for the client to read
kill -TERM "$server_pid"
sleep 1
check "SIGTERM with a reply being written: still serving it" kill -0 "$server_pid"
cat <&3 >"$work/slow.http"
exec 3<&-
check "the reply in flight: exit status 0" wait_server
check "the reply in flight: status 200" bash -c "head -n 1 '$work/slow.http' | grep -q '^HTTP/1.1 200'"
check "the reply in flight: its whole body" bash -c "tail -c $size '$work/slow.http' | cmp -s - '$work/full.json'"
check "the reply in flight: logged once finished" grep -q "\"GET /api/article/long-1\" 200 $size" "$work/serve.err"

# An idle keep-alive connection: the server exits at once (not after the 5 s keep-alive
# timeout), and the answer the connection already had came whole.
start_server --db "$db" --threads 2
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /healthz HTTP/1.1\r\nHost: rasd\r\n\r\n' >&3
IFS= read -r -t 10 status_line <&3  # answered: the connection is idle from here on
check "idle keep-alive connection: answered 200 (got '${status_line%$'\r'}')" test "${status_line%$'\r'}" = "HTTP/1.1 200 OK"
started=$EPOCHREALTIME
check "idle keep-alive connection: exit status 0" stop_server
elapsed=$(( (${EPOCHREALTIME/./} - ${started/./}) / 1000 ))
check "idle keep-alive connection: exit within 3 s, not at the keep-alive timeout (took $elapsed ms)" \
    test "$elapsed" -lt 3000
cat <&3 >"$work/idle.http"
exec 3<&-
check "idle keep-alive connection: the rest of its answer" grep -q '{"articles":1,"status":"ok"}' "$work/idle.http"
finish

# Shared by the rasd-serve tests (sourced): a scratch directory, the corpus indexed into a
# database, rasd-serve started on a free loopback port and always stopped, and checks.
# Expects $index, $serve and $corpus; sets $work, $db, $port, $base and $server_pid.

work=$(mktemp -d)
server_pid=""
failures=0 checks=0
cleanup() {
    if [[ -n $server_pid ]]; then kill "$server_pid" 2>/dev/null; fi
    wait 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
check() {  # check DESCRIPTION COMMAND...: counts a check, fails it if COMMAND fails
    local what=$1; shift
    checks=$((checks + 1))
    "$@" || fail "$what"
}
finish() {
    echo "$checks checks, $failures failed"
    ((failures == 0))
    exit $?
}

# Indexes every input of the bundled corpus, and FILES..., into $db.
index_corpus() {
    db=$work/corpus.db
    local inputs=() candidate
    for candidate in "$corpus"/*.jsonl "$corpus"/*.jsonl.gz "$corpus"/*.trec "$corpus"/md; do
        [[ -e $candidate ]] && inputs+=("$candidate")
    done
    "$index" --db "$db" "${inputs[@]}" "$@" >"$work/index.log" 2>&1 || { cat "$work/index.log"; exit 1; }
}

# Starts rasd-serve with ARGS on 127.0.0.1, port 0 (a free one, which it prints); sets $port,
# $base and $server_pid.
start_server() {
    # Emptied here, not only by the redirection below: that happens in the background, and a
    # check made before it could read the port of the server started last.
    : >"$work/serve.out"
    "$serve" --listen 127.0.0.1:0 "$@" >"$work/serve.out" 2>"$work/serve.err" &
    server_pid=$!
    local _
    for _ in $(seq 1 100); do
        port=$(sed -n 's|^rasd-serve: listening on http://127.0.0.1:\([0-9]*\)/$|\1|p' "$work/serve.out")
        if [[ -n $port ]]; then
            base="http://127.0.0.1:$port"
            return 0
        fi
        kill -0 "$server_pid" 2>/dev/null || break
        sleep 0.1
    done
    echo "rasd-serve did not start:"; cat "$work/serve.err"
    exit 1
}

# Stops the server with SIGTERM; succeeds if it exits 0.
stop_server() {
    kill -TERM "$server_pid"
    wait_server
}

# Waits for the server to exit (after a signal already sent); succeeds if it exits 0.
wait_server() {
    wait "$server_pid"
    local status=$?
    server_pid=""
    return "$status"
}

# The checks the command-line contract tests share (sourced, not run): a scratch folder $work
# removed at exit, counters $checks and $failures, and fail / expect_exit / expect_in /
# expect_none / expect_empty. A test ends with: echo "NAME: $((checks - failures)) passed, $failures failed".
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0 checks=0

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# expect_exit CODE DESCRIPTION -- COMMAND...: runs COMMAND, keeps stdout/stderr in $work/out, $work/err.
expect_exit() {
    local code=$1 what=$2; shift 3
    checks=$((checks + 1))
    "$@" >"$work/out" 2>"$work/err"
    local got=$?
    [ "$got" = "$code" ] || fail "$what: exit $got, expected $code; stderr: $(head -c 300 "$work/err")"
}
expect_in() {  # expect_in FILE TEXT DESCRIPTION
    checks=$((checks + 1))
    grep -qF -- "$2" "$1" || fail "$3: '$2' not in $(basename "$1"): $(head -c 300 "$1")"
}
expect_none() {  # expect_none FILE TEXT DESCRIPTION: TEXT must not be in FILE
    checks=$((checks + 1))
    ! grep -qF -- "$2" "$1" || fail "$3: '$2' in $(basename "$1"): $(head -c 300 "$1")"
}
expect_empty() {  # expect_empty FILE DESCRIPTION
    checks=$((checks + 1))
    [ ! -s "$1" ] || fail "$2: $(basename "$1") is not empty: $(head -c 300 "$1")"
}

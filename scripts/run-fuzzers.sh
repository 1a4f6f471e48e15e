#!/usr/bin/env bash
# Runs every libFuzzer target of a fuzz build for a bounded time, each from a scratch copy of its
# seed corpus and regression inputs (tests/fuzz/corpus/NAME and tests/fuzz/regressions/NAME, so
# the repository's files are never modified) with its dictionary (tests/fuzz/dict/NAME.dict).
#
#   scripts/run-fuzzers.sh BUILD_DIR [SECONDS_PER_TARGET]      (default 60 seconds)
#
# BUILD_DIR is configured with -DCMAKE_CXX_COMPILER=clang++ -DRASD_SANITIZERS=ON
# -DRASD_BUILD_FUZZERS=ON (see tests/fuzz/CMakeLists.txt). Prints "fuzz_NAME: N runs, OK" per
# target, or "fuzz_NAME: FAILED ..." with the crash file kept under
# BUILD_DIR/fuzz-artifacts/fuzz_NAME/ (reproduce with: BUILD_DIR/tests/fuzz/fuzz_NAME FILE), then
# "fuzz: N passed, M failed". Exits 1 if any target failed, 2 on bad usage.
# FUZZ_EXTRA_ARGS passes further libFuzzer flags (e.g. FUZZ_EXTRA_ARGS="-seed=1").
set -uo pipefail

usage() {
    echo "usage: $0 BUILD_DIR [SECONDS_PER_TARGET]" >&2
    exit 2
}
[[ $# -ge 1 && $# -le 2 ]] || usage
build_dir=$1
seconds=${2:-60}
[[ $seconds =~ ^[1-9][0-9]*$ ]] || usage
[[ -d $build_dir ]] || { echo "$0: no build directory '$build_dir'" >&2; exit 2; }

source_dir=$(cd "$(dirname "$0")/.." && pwd)
fuzz_dir="$source_dir/tests/fuzz"
artifacts="$(cd "$build_dir" && pwd)/fuzz-artifacts"

mapfile -t targets < <(find "$build_dir" -type f -name 'fuzz_*' -perm -u+x ! -name '*.*' | sort)
if [[ ${#targets[@]} -eq 0 ]]; then
    echo "$0: no fuzz_* executables under '$build_dir' (configure with -DRASD_BUILD_FUZZERS=ON)" >&2
    exit 2
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

passed=0
failed=0
for binary in "${targets[@]}"; do
    target=$(basename "$binary")
    name=${target#fuzz_}
    corpus="$scratch/$target"
    mkdir -p "$corpus" "$artifacts/$target"
    # The seeds, and the reproducers of bugs already found: a fix that regresses fails at once.
    for seeds in "$fuzz_dir/corpus/$name" "$fuzz_dir/regressions/$name"; do
        [[ -d $seeds ]] && cp -R "$seeds/." "$corpus/"
    done
    dict=()
    [[ -f $fuzz_dir/dict/$name.dict ]] && dict=(-dict="$fuzz_dir/dict/$name.dict")
    log="$artifacts/$target/fuzz.log"

    # -timeout: one input running 10 s is a hang; -rss_limit_mb: more than 2 GiB is a bug too.
    # shellcheck disable=SC2086
    "$binary" "$corpus" "${dict[@]}" \
        -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -timeout=10 \
        -artifact_prefix="$artifacts/$target/" -print_final_stats=1 ${FUZZ_EXTRA_ARGS:-} \
        >"$log" 2>&1
    status=$?

    runs=$(sed -n 's/^Done \([0-9]*\) runs in.*/\1/p' "$log" | tail -n 1)
    if [[ $status -eq 0 && -n $runs ]]; then
        echo "$target: $runs runs, OK"
        passed=$((passed + 1))
    else
        crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
        echo "$target: FAILED (exit $status${crash:+, reproducer: $crash}; log: $log)"
        grep -m 1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error:|check failed:|deadly signal|out-of-memory|timeout' "$log" \
            | sed 's/^/    /'
        failed=$((failed + 1))
    fi
done

echo "fuzz: $passed passed, $failed failed"
[[ $failed -eq 0 ]]

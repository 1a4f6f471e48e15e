#!/usr/bin/env bash
# Proves the installed package works for embedders: builds rasd (static, then shared
# libraries), installs it into a scratch prefix, then builds examples/ as a separate CMake
# project with find_package(rasd) and once more with the plain `pkg-config --cflags --libs rasd`
# a user types (no --static: the static libraries need ICU, Xapian and Boost in Libs), and runs
# both.
# Usage: scripts/check-install.sh [WORK_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-$(mktemp -d)}
jobs=$(nproc)

for shared in OFF ON; do
    build="$work/build-shared-$shared" prefix="$work/prefix-shared-$shared"
    echo "== rasd with BUILD_SHARED_LIBS=$shared, installed into $prefix"
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=$shared \
          -DRASD_BUILD_TESTS=OFF -DRASD_BUILD_EXAMPLES=OFF -DRASD_WARNINGS_AS_ERRORS=ON >/dev/null
    cmake --build "$build" -j"$jobs" >/dev/null
    cmake --install "$build" --prefix "$prefix" >/dev/null
    if [ "$shared" = ON ]; then
        echo "== the shared libraries export the public API alone (RASD_EXPORT, hidden visibility)"
        # rasd's own symbols only: std:: templates over internal types keep std's visibility.
        if find "$prefix" -name 'librasd_*.so' -exec nm -DC --defined-only {} + | cut -d' ' -f3- |
            grep -E '^((typeinfo|typeinfo name|vtable) for )?rasd::(detail::|[A-Za-z]+::Impl\b)'; then
            echo "check-install: internal symbols exported" >&2
            exit 1
        fi
    fi

    echo "== examples/ as its own project, find_package(rasd)"
    cmake -S "$root/examples" -B "$work/example-$shared" -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
    cmake --build "$work/example-$shared" -j"$jobs" >/dev/null
    LD_LIBRARY_PATH="$prefix/lib:$prefix/lib64:${LD_LIBRARY_PATH:-}" \
        "$work/example-$shared/index_and_search" "$work/db-cmake-$shared" | grep -q $'^1\tex-2\t'

    echo "== the same example through pkg-config, as a user types it (no --static)"
    pc_flags=$(PKG_CONFIG_PATH="$prefix/lib/pkgconfig:$prefix/lib64/pkgconfig" pkg-config --cflags --libs rasd)
    # shellcheck disable=SC2086  # the flags are words
    g++ -std=c++20 "$root/examples/index_and_search.cpp" -o "$work/example-pc-$shared" $pc_flags
    LD_LIBRARY_PATH="$prefix/lib:$prefix/lib64:${LD_LIBRARY_PATH:-}" \
        "$work/example-pc-$shared" "$work/db-pc-$shared" | grep -q $'^1\tex-2\t'
done
echo "check-install: 4 passed, 0 failed"

#!/usr/bin/env bash
# ctest registers each doctest case by its name, and CMake reads a ';' in a name as a list
# separator: such a case is registered under broken names and never runs. Fail on any.
# Usage: check_test_names.sh UNIT_TEST_DIR
set -euo pipefail
dir=${1:?usage: check_test_names.sh UNIT_TEST_DIR}
if bad=$(grep -rn -E '(TEST_CASE|SUBCASE)\("[^"]*;' "$dir"); then
    echo "test names with ';' (ctest cannot run them; use ',' instead):" >&2
    echo "$bad" >&2
    exit 1
fi
echo "no test name holds ';'"

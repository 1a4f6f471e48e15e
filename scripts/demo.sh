#!/usr/bin/env bash
# The main job, end to end: index the bundled corpus/ and run sample searches.
# Usage: scripts/demo.sh [BUILD_DIR] [DB_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
db=${2:-$root/out/corpus.db}
index="$build/indexer/rasd-index"
search="$build/searcher/rasd-search"

rm -rf "$db"
echo "== Indexing $root/corpus into $db"
"$index" --db "$db" "$root/corpus/articles.jsonl"

run() {
    echo
    echo "== rasd-search $*"
    "$search" --db "$db" "$@"
}
# A reckless truck driver caught after a video went round social media (the corpus spells it
# with Egyptian ى and hamza variants; the query does not).
run --limit 3 "سائق سيارة نقل يقود برعونة"
# Spelling variants: مسئول in one outlet, مسؤول in the other; both near-duplicates are found.
run --limit 3 "المسؤولين في البنك المركزي"

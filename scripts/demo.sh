#!/usr/bin/env bash
# The main job, end to end: index the bundled corpus/ (every format it holds) and run three
# searches: by topic, by place, by date range.
# Usage: scripts/demo.sh [BUILD_DIR] [DB_DIR]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
db=${2:-$root/out/corpus.db}
index="$build/indexer/rasd-index"
search="$build/searcher/rasd-search"

inputs=()
for candidate in "$root"/corpus/*.jsonl "$root"/corpus/*.jsonl.gz "$root"/corpus/*.trec "$root"/corpus/md; do
    [ -e "$candidate" ] && inputs+=("$candidate")
done

rm -rf "$db"
echo "== Indexing the bundled corpus into $db"
"$index" --db "$db" "${inputs[@]}"

run() {
    echo
    echo "== rasd-search $*"
    "$search" --db "$db" "$@"
}
# By topic: security stories about drivers, whatever the source called its section.
run --limit 3 "موضوع:أمن سائق"
# By place: Cairo and every district in it, spelled as people type it (ة as ه).
run --limit 3 --facets "place:القاهره سيارة نقل"
# By date range: the central bank between 2019 and 2022, with how the query was read.
run --limit 3 --explain "البنك المركزي date:2019..2022"

#!/usr/bin/env bash
# rasd beside the peer engines (Lucene 4.10 ArabicAnalyzer and plain Xapian) on the known-item
# task of ../shared/bench-peers/, in one run: makes the task (make_known_item.py), runs the peers
# (run_all.sh --body-only --systems lucene-ar,xapian), then bench_query_path on the same files,
# and prints the table and the ratios of rasd to each peer (query p50 and p95, MRR@10, index time).
#
# usage: bench/peers/run.sh [--build DIR] [--work DIR] [--queries N] [--peers DIR] [--ant FILE]
#   --build DIR    rasd's build tree, configured with -DRASD_BUILD_BENCHES=ON (default: build)
#   --work DIR     the task, the results and rasd's archive (default: /tmp/rasd-peers)
#   --queries N    headline queries (default: 1000)
#   --peers DIR    the peer benchmarks (default: ../shared/bench-peers next to the repository)
#   --ant FILE     the articles (default: ../shared/data/ant/ant_multisource_v2.1.jsonl.xz)
# Needs: python3, xz, g++ and libxapian-dev; for Lucene, liblucene4.10-java and
# openjdk-17-jdk-headless. A missing ANT file or peers folder: SKIP, exit 0.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build work=/tmp/rasd-peers queries=1000
peers=$root/../shared/bench-peers
ant=$root/../shared/data/ant/ant_multisource_v2.1.jsonl.xz
while [[ $# -gt 0 ]]; do
  case $1 in
    --build) build=${2:?--build needs a directory}; shift ;;
    --work) work=${2:?--work needs a directory}; shift ;;
    --queries) [[ ${2:-} =~ ^[1-9][0-9]*$ ]] || { echo "run.sh: --queries needs a positive number" >&2; exit 2; }
               queries=$2; shift ;;
    --peers) peers=${2:?--peers needs a directory}; shift ;;
    --ant) ant=${2:?--ant needs a file}; shift ;;
    *) echo "run.sh: unknown argument: $1" >&2; sed -n '7,12p' "$0" >&2; exit 2 ;;
  esac
  shift
done
for input in "$peers/run_all.sh" "$ant"; do
  [[ -e $input ]] || { echo "run.sh: SKIP: $input not found"; exit 0; }
done
bench=$build/bench/bench_query_path
[[ -x $bench ]] || { echo "run.sh: $bench not built (configure with -DRASD_BUILD_BENCHES=ON)" >&2; exit 2; }

mkdir -p "$work"
results=$work/results.csv
rm -f "$results"
echo "== the task: $queries headlines of $(basename "$ant") as queries, headlines left out of the index"
xz -dc "$ant" > "$work/ant.jsonl"
python3 "$peers/make_known_item.py" "$work/ant.jsonl" "$work/ki-ant" "$queries"
rm -f "$work/ant.jsonl"
echo "== peers: $peers/run_all.sh --body-only --systems lucene-ar,xapian"
"$peers/run_all.sh" "$work/ki-ant/corpus.jsonl" "$work/ki-ant/queries.tsv" --body-only \
  --systems lucene-ar,xapian --out "$results"
echo "== rasd: $bench"
"$bench" --task "$work/ki-ant" --db "$work/rasd-db" --threads 2 --csv "$results"

echo "== ratios of rasd to each peer (above 1: rasd takes longer, or ranks better for MRR@10)"
python3 - "$results" <<'PY'
import csv, sys
rows = {r["system"]: r for r in csv.DictReader(open(sys.argv[1]))}
rasd = rows.get("rasd")
if rasd is None:
    sys.exit("run.sh: no rasd row in " + sys.argv[1])
cols = [("query_p50_ms", "query p50"), ("query_p95_ms", "query p95"), ("MRR@10", "MRR@10"),
        ("index_seconds", "index time")]
print("| system | " + " | ".join(name for _, name in cols) + " |")
print("|---" * (len(cols) + 1) + "|")
for system, row in rows.items():
    print(f"| {system} | " + " | ".join(row[c] for c, _ in cols) + " |")
for peer in ("lucene-ar", "xapian"):
    if peer in rows:
        ratios = [float(rasd[c]) / float(rows[peer][c]) for c, _ in cols]
        print(f"| rasd / {peer} | " + " | ".join(f"{r:.2f}x" for r in ratios) + " |")
PY

#!/usr/bin/env bash
# Retrieval quality on the bundled corpus: indexes the four corpus inputs, runs every query of
# corpus/queries.tsv (top 10, TREC run format) and scores the run against corpus/qrels.tsv.
# Usage: corpus_eval.sh RASD_INDEX RASD_SEARCH CORPUS_DIR
#
# Per judged query: reciprocal rank of the first relevant article (rel >= 1) in the top 10 (0 if
# none), and recall@10 = relevant articles in the top 10 / min(10, relevant articles judged).
# The run passes when
#   - every must-find (rel 2 in qrels.tsv) is in its query's top 10 (one check each), and
#   - mean MRR@10 and mean recall@10 over the judged queries reach the thresholds below.
# Checks = must-finds + 2 thresholds (+1 failure if rasd-search reports an error).
#
# Measured on the tree at 66d29a7 (light stemmer; 114 queries, 777 judged pairs, 234 must-finds):
#   MRR@10 = 0.9956, recall@10 = 0.9919 (after the Sinai gazetteer and موجة stemming fixes)
# The thresholds are those values minus 0.03, rounded down to two decimals.
MRR_THRESHOLD=0.95
RECALL_THRESHOLD=0.95
set -u
index=$1 search=$2 corpus=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
extra_failures=0

if ! "$index" --db "$work/db" "$corpus/articles.jsonl" "$corpus/archive-2015-2016.jsonl.gz" \
        "$corpus/wire.trec" "$corpus/md" 2>"$work/index.err"; then
    echo "FAIL: indexing the corpus failed: $(head -c 500 "$work/index.err")"
    echo "corpus_eval: 0 passed, 1 failed"
    exit 1
fi
tail -n 1 "$work/index.err"

"$search" --db "$work/db" --queries "$corpus/queries.tsv" --format trec --limit 10 \
    >"$work/run" 2>"$work/search.err"
status=$?
if [ "$status" != 0 ]; then
    echo "FAIL: rasd-search exited $status: $(head -c 500 "$work/search.err")"
    extra_failures=1
fi

# Inputs, each tagged by a first field: Q qid query (queries.tsv), J qrels line, R run line.
{
    awk -F'\t' '/^#/ || NF < 2 { next } { print "Q\t" $1 "\t" $2 }' "$corpus/queries.tsv"
    awk '!/^#/ && NF == 4 { print "J\t" $1 "\t" $3 "\t" $4 }' "$corpus/qrels.tsv"
    awk 'NF == 6 { print "R\t" $1 "\t" $3 "\t" $4 }' "$work/run"
} | awk -F'\t' -v mrr_min="$MRR_THRESHOLD" -v recall_min="$RECALL_THRESHOLD" \
        -v extra="$extra_failures" '
    $1 == "Q" { query[$2] = $3; nq++; qorder[nq] = $2; next }
    $1 == "J" {
        if ($4 + 0 >= 1) { rel[$2, $3] = $4 + 0; nrel[$2]++ }
        if ($4 + 0 == 2) { nmust++; must_q[nmust] = $2; must_d[nmust] = $3 }
        next
    }
    $1 == "R" {
        if ($4 + 0 > 10) next
        top[$2, $3] = 1
        if (($2, $3) in rel) {
            found[$2]++
            if (!($2 in first) || $4 + 0 < first[$2]) first[$2] = $4 + 0
        }
        next
    }
    END {
        passed = 0; failed = extra
        for (i = 1; i <= nmust; i++) {
            q = must_q[i]; d = must_d[i]
            if ((q, d) in top) passed++
            else { failed++; printf "MISSING %s %s (%s)\n", q, d, (q in query) ? query[q] : "query not in queries.tsv" }
        }
        judged = 0; sum_rr = 0; sum_recall = 0
        for (i = 1; i <= nq; i++) {
            q = qorder[i]
            if (!(q in nrel)) { printf "warning: %s has no relevance judgments (%s)\n", q, query[q]; continue }
            judged++
            rr = (q in first) ? 1 / first[q] : 0
            denom = nrel[q] < 10 ? nrel[q] : 10
            recall = (q in found ? found[q] : 0) / denom
            sum_rr += rr; sum_recall += recall
            if (rr < 1 || recall < 1)
                printf "  %s rr=%.3f recall@10=%.3f (%s)\n", q, rr, recall, query[q]
        }
        for (q in nrel) if (!(q in query)) { judged++; printf "  %s rr=0 recall@10=0 (judged but not in queries.tsv)\n", q }
        mrr = judged ? sum_rr / judged : 0
        mean_recall = judged ? sum_recall / judged : 0
        printf "queries judged: %d, must-finds: %d\n", judged, nmust
        printf "MRR@10: %.4f (threshold %s)\n", mrr, mrr_min
        printf "recall@10: %.4f (threshold %s)\n", mean_recall, recall_min
        if (mrr + 0 >= mrr_min + 0) passed++; else { failed++; printf "FAIL: MRR@10 %.4f is below %s\n", mrr, mrr_min }
        if (mean_recall + 0 >= recall_min + 0) passed++; else { failed++; printf "FAIL: recall@10 %.4f is below %s\n", mean_recall, recall_min }
        printf "corpus_eval: %d passed, %d failed\n", passed, failed
        exit failed ? 1 : 0
    }'

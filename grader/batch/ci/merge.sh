#!/usr/bin/env bash
# Merges the OUT/shard-1 … OUT/shard-$SHARDS folders into OUT/merged: the command of the workflow's
# merge job, which runs even when a shard failed. Every shard that finished is merged; each one
# that did not (no folder, no batch.json, or a non-zero shard-status) is named, and then the exit
# status is 1 so the run shows the failure. Inputs (environment): SHARDS, TESTS, OUT.
set -euo pipefail
cd "$(dirname "$0")/../../.."
: "${SHARDS:?set SHARDS (the number of shards)}" "${TESTS:=grader/suites}" "${OUT:=out/grades}"
report() {
  echo "$1" >&2
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then echo "- $1" >>"$GITHUB_STEP_SUMMARY"; fi
}
merged=()
failed=0
for i in $(seq 1 "$SHARDS"); do
  dir="$OUT/shard-$i"
  status="$(cat "$dir/shard-status" 2>/dev/null || echo "unknown")"
  if [ ! -f "$dir/batch.json" ]; then
    report "shard $i of $SHARDS failed (exit status $status): it left no results; its students are NOT in the merged grades (see the log of its job)"
    failed=1
    continue
  fi
  merged+=("$dir")
  if [ "$status" != "0" ]; then
    report "shard $i of $SHARDS failed (exit status $status); the students it graded are merged, see its errors.json"
    failed=1
  fi
done
[ "${#merged[@]}" -gt 0 ] || { report "no shard left results: nothing to merge"; exit 1; }
node_modules/.bin/ts-node grader/batch/merge.ts --out "$OUT/merged" --tests "$TESTS" "${merged[@]}"
exit "$failed"

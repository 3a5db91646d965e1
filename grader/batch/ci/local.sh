#!/usr/bin/env bash
# Runs the grade-class workflow on this machine: N shard jobs side by side (as the matrix does),
# then the merge job. Usage: SUBMISSIONS=... [TESTS=...] [OUT=...] grader/batch/ci/local.sh [N]
set -euo pipefail
here="$(dirname "$0")"
shards="${1:-2}"
pids=()
for i in $(seq 1 "$shards"); do
  "$here/grade-shard.sh" "$i" "$shards" &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=$?; done
[ "$status" -eq 0 ] || { echo "a shard failed (exit $status)" >&2; exit "$status"; }
"$here/merge.sh"

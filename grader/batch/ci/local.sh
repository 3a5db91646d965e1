#!/usr/bin/env bash
# Runs the grade-class workflow on this machine: N shard jobs side by side (as the matrix does),
# then the merge job, which runs even when a shard failed and names it (exit 1 then).
# Usage: SUBMISSIONS=... [TESTS=...] [OUT=...] grader/batch/ci/local.sh [N]
set -euo pipefail
here="$(dirname "$0")"
export SHARDS="${1:-2}"
pids=()
for i in $(seq 1 "$SHARDS"); do
  "$here/grade-shard.sh" "$i" "$SHARDS" &
  pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || true; done
"$here/merge.sh"

#!/usr/bin/env bash
# Merges every OUT/shard-* folder into OUT/merged: the command of the workflow's merge job.
set -euo pipefail
cd "$(dirname "$0")/../../.."
: "${TESTS:=grader/suites}" "${OUT:=out/grades}"
exec node_modules/.bin/ts-node grader/batch/merge.ts --out "$OUT/merged" --tests "$TESTS" "$OUT"/shard-*

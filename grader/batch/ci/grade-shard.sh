#!/usr/bin/env bash
# Grades shard $1 of $2: the command each matrix job of .github/workflows/grade-class.yml runs.
# Inputs (environment): SUBMISSIONS (folder of student folders/zips), TESTS (suites folder with
# its manifest), OUT (output root; this shard writes OUT/shard-$1), JOBS (parallel submissions).
# The batch's exit status is also left in OUT/shard-$1/shard-status, for merge.sh to report.
set -euo pipefail
cd "$(dirname "$0")/../../.."
: "${SUBMISSIONS:?set SUBMISSIONS}" "${TESTS:=grader/suites}" "${OUT:=out/grades}" "${JOBS:=2}"
status=0
node_modules/.bin/ts-node grader/batch/cli.ts \
  --submissions "$SUBMISSIONS" --tests "$TESTS" --out "$OUT/shard-$1" --shard "$1/$2" --jobs "$JOBS" || status=$?
mkdir -p "$OUT/shard-$1"
echo "$status" >"$OUT/shard-$1/shard-status"
exit "$status"

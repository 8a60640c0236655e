#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite: the Spark pipeline test
# (Scripts/test-spark.sh, skipped with VERSO_SKIP_SPARK=1), every fuzz target for
# VERSO_FUZZ_SECONDS each (default 8; Scripts/fuzz.sh, skipped with VERSO_SKIP_FUZZ=1), then
# every XCTest (arguments go to `swift test`, e.g. --filter VersoCheckTests). Ends with one line
# "tests: N passed, N failed, N skipped" read from XCTest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh --test
export VERSO_SHARED="${VERSO_SHARED:-$(cd .. && pwd)/shared}"
swift build --build-tests
if [ "${VERSO_SKIP_SPARK:-0}" != 1 ]; then
  bash Scripts/test-spark.sh
fi
if [ "${VERSO_SKIP_FUZZ:-0}" != 1 ]; then
  # A short run of each target so that a crash or hang that comes back shows here; the long
  # runs are `bash Scripts/fuzz.sh all 600`.
  bash Scripts/fuzz.sh all "${VERSO_FUZZ_SECONDS:-8}"
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
set +e
swift test --skip-build "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e
# XCTest's last "Executed N tests, with S tests skipped and F failures" line is the whole run.
summary=$(grep -E "Executed [0-9]+ tests?, with" "$log" | tail -1 || true)
if [ -n "$summary" ]; then
  total=$(echo "$summary" | sed -E 's/.*Executed ([0-9]+) tests?.*/\1/')
  skipped=$(echo "$summary" | grep -oE '[0-9]+ tests? skipped' | grep -oE '^[0-9]+' || echo 0)
  failed=$(echo "$summary" | grep -oE '[0-9]+ failures?' | head -1 | grep -oE '^[0-9]+' || echo 0)
  echo "tests: $((total - skipped - failed)) passed, $failed failed, $skipped skipped"
fi
exit "$status"

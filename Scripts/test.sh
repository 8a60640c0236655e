#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite: the Spark pipeline test
# (Scripts/test-spark.sh, skipped with VERSO_SKIP_SPARK=1), then every XCTest (arguments go to
# `swift test`, e.g. --filter VersoCheckTests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh --test
export VERSO_SHARED="${VERSO_SHARED:-$(cd .. && pwd)/shared}"
swift build --build-tests
if [ "${VERSO_SKIP_SPARK:-0}" != 1 ]; then
  bash Scripts/test-spark.sh
fi
swift test --skip-build "$@"

#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole test suite.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh --test
export VERSO_SHARED="${VERSO_SHARED:-$(cd .. && pwd)/shared}"
swift build --build-tests
swift test --skip-build "$@"

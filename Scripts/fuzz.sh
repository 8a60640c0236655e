#!/usr/bin/env bash
# Fuzzes Verso's readers and stages with libFuzzer (the package in Fuzzing/, built in release
# with -sanitize=fuzzer,address; the main build and tests never see it).
#
#   bash Scripts/fuzz.sh TARGET SECONDS    one target, e.g. fuzz-segment 600
#   bash Scripts/fuzz.sh all SECONDS       every target, one after the other, SECONDS each
#   bash Scripts/fuzz.sh list              the targets
#
# The corpus of each target grows in Fuzzing/.build/corpus/TARGET (kept between runs, never
# committed); it starts from seeds made by Fuzzing/make-seeds.py from Corpora/. A crash, a
# sanitizer report, an input slower than the timeout or a run out of memory stops the target
# and leaves the input in Fuzzing/.build/findings/TARGET/; the script then exits 1 after the
# other targets ran. Each target ends with one line: runs, coverage (libFuzzer's cov: edges and
# ft: features), corpus size, and the result.
#
# Environment: VERSO_FUZZ_TIMEOUT (seconds one input may take, default 20), VERSO_FUZZ_MAX_LEN
# (largest input in bytes, default 16384), VERSO_FUZZ_RSS_MB (memory limit, default 2048).
# Leak reports are off (-detect_leaks=0): Foundation and the Swift runtime keep caches that
# LeakSanitizer reports; what is fuzzed for is crashes, memory errors, hangs and broken invariants.
# AddressSanitizer's quarantine is 64 MB instead of 256: recycling a big one took most of a
# 29 s false timeout on a loaded machine.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
fuzz="$repo/Fuzzing"
work="$fuzz/.build"
target=${1:-}
seconds=${2:-60}
timeout_s=${VERSO_FUZZ_TIMEOUT:-20}
max_len=${VERSO_FUZZ_MAX_LEN:-16384}
rss_mb=${VERSO_FUZZ_RSS_MB:-2048}

targets=$(sed -n 's/^ *fuzzTarget("\(fuzz-[a-z0-9-]*\)".*/\1/p' "$fuzz/Package.swift")
if [ -z "$target" ] || [ "$target" = help ] || [ "$target" = -h ]; then
  sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'
  exit 64
fi
if [ "$target" = list ]; then echo "$targets"; exit 0; fi
if [ "$target" != all ] && ! grep -qx -- "$target" <<<"$targets"; then
  echo "fuzz.sh: no target '$target'; the targets are:" $targets >&2
  exit 64
fi
[[ "$seconds" =~ ^[0-9]+$ ]] || { echo "fuzz.sh: SECONDS must be a whole number, got '$seconds'" >&2; exit 64; }

# The build plan is not cached: a source file added to the Verso package (a path dependency here)
# would otherwise go unseen.
echo "fuzz: building the targets (release, -sanitize=fuzzer,address)" >&2
build_log="$work/build.log"
mkdir -p "$work"
# Clang's module cache does not notice a header added to a C shim's include folder: start it anew.
rm -rf "$work"/*/release/ModuleCache
if ! (cd "$fuzz" && swift build -c release --disable-build-manifest-caching -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library) >"$build_log" 2>&1; then
  grep -v "Cannot export local symbol" "$build_log" | tail -40 >&2
  echo "fuzz: the build failed (whole log: $build_log)" >&2
  exit 1
fi
bin=$(cd "$fuzz" && swift build -c release --disable-build-manifest-caching -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library --show-bin-path)

rm -rf "$work/seeds"
python3 "$fuzz/make-seeds.py" "$repo" "$work/seeds"

run_one() {
  local name=$1
  local corpus="$work/corpus/$name" findings="$work/findings/$name" log="$work/logs/$name.log"
  mkdir -p "$corpus" "$findings" "$work/logs"
  local dict=()
  case "$name" in
    fuzz-tmx|fuzz-xliff) dict=("-dict=$fuzz/Dictionaries/xml.dict") ;;
    fuzz-jsonl|fuzz-stream) dict=("-dict=$fuzz/Dictionaries/json.dict") ;;
  esac
  local seeds="$work/seeds/$name"
  mkdir -p "$seeds"
  local started=$SECONDS
  set +e
  ASAN_OPTIONS="detect_leaks=0:quarantine_size_mb=64:${ASAN_OPTIONS:-}" "$bin/$name" "$corpus" "$seeds" "${dict[@]}" -max_total_time="$seconds" -timeout="$timeout_s" \
    -max_len="$max_len" -rss_limit_mb="$rss_mb" -print_final_stats=1 -artifact_prefix="$findings/" \
    -close_fd_mask=1 -detect_leaks=0 >"$log" 2>&1
  local status=$?
  local elapsed=$((SECONDS - started))
  set -e
  local runs cov ft units result
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  ft=$(grep -oE 'ft: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  units=$(ls "$corpus" | wc -l)
  if [ "$status" = 0 ]; then result=ok; else
    result="FAILED (exit $status): $(grep -m1 -E 'ERROR: libFuzzer|ERROR: AddressSanitizer|Fatal error|invariant broken|SUMMARY' "$log" || echo 'see log')"
    echo "fuzz: $name: the input is in $findings/ and the log in $log; last lines:" >&2
    grep -v "Cannot export" "$log" | tail -25 >&2
  fi
  echo "fuzz: $name: ${runs:-0} runs in ${elapsed} s, cov ${cov:-?}, ft ${ft:-?}, corpus $units, $result"
  [ "$status" = 0 ]
}

failed=0
if [ "$target" = all ]; then
  for name in $targets; do run_one "$name" || failed=1; done
else
  run_one "$target" || failed=1
fi
exit "$failed"

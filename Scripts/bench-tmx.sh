#!/usr/bin/env bash
# How fast does Verso read a TMX, and does memory stay flat? Release build; generates a TMX of
# about SIZE_MB (default 50) and one of a fifth of that with `verso convert` (from generated
# TSV), then reads each with `verso convert BIG.tmx out.tsv --min-score 2` — every unit is read
# and dropped by the filter, so the time is the reader's — under /usr/bin/time -v.
#
#   Scripts/bench-tmx.sh [SIZE_MB]
#
# Prints sizes, units, wall and CPU time, MB/s and peak resident memory for each read (CPU time
# is the steadier figure on a shared machine).
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-50}
command -v /usr/bin/time >/dev/null || { echo "bench-tmx: needs GNU time (apt-get install time)" >&2; exit 69; }
swift build -c release --product verso >/dev/null 2>&1 || { echo "bench-tmx: release build failed" >&2; exit 1; }
verso=.build/release/verso
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Deterministic pairs: about 210 bytes of TMX per unit with props; one in ten with findings.
generate() {  # UNITS FILE
  python3 - "$1" "$2" <<'PY'
import random, sys
units, path = int(sys.argv[1]), sys.argv[2]
rng = random.Random(5)
en = "the of and to in a is that for it as was with be by on not he this are or his from at which but have an they".split()
fr = "le la les de des et à un une est que pour il dans qui pas au sur avec ce se plus par ne son été".split()
with open(path, "w", encoding="utf-8") as out:
    for i in range(units):
        s = " ".join(rng.choice(en) for _ in range(rng.randint(8, 30))).capitalize() + " & <n°%d>." % i
        t = " ".join(rng.choice(fr) for _ in range(rng.randint(8, 34))).capitalize() + " « n° %d » é😀." % i
        codes = "number-mismatch,stray-period" if i % 10 == 0 else ""
        out.write(f"{s}\t{t}\t{rng.random():.4f}\t{codes}\n")
PY
}

measure() {  # LABEL TMX
  local label=$1 tmx=$2
  /usr/bin/time -v "$verso" convert "$tmx" "$work/out.tsv" --min-score 2 2> "$work/time.txt" || { cat "$work/time.txt" >&2; exit 1; }
  local read elapsed rss bytes cpu
  read=$(grep -oE 'read [0-9]+ unit' "$work/time.txt" | grep -oE '[0-9]+')
  elapsed=$(grep 'Elapsed (wall clock)' "$work/time.txt" | awk '{print $NF}')
  rss=$(grep 'Maximum resident set size' "$work/time.txt" | awk '{print $NF}')
  cpu=$(grep -E '(User|System) time \(seconds\)' "$work/time.txt" | awk '{s += $NF} END {print s}')
  bytes=$(stat -c %s "$tmx")
  python3 - "$label" "$bytes" "$read" "$elapsed" "$rss" "$cpu" <<'PY'
import sys
label, size, units, elapsed, rss, cpu = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], int(sys.argv[5]), float(sys.argv[6])
parts = [float(p) for p in elapsed.split(":")]
seconds = sum(p * 60 ** i for i, p in enumerate(reversed(parts)))
print(f"{label}: {size / 1e6:.1f} MB, {units} units, read in {seconds:.2f} s wall, {cpu:.2f} s CPU ({size / 1e6 / seconds:.1f} MB/s wall), peak RSS {rss / 1024:.1f} MB")
PY
}

units=$(( size_mb * 1000000 / 380 ))
generate "$units" "$work/big.tsv"
TIMEFORMAT=%R
seconds=$( { time "$verso" convert "$work/big.tsv" "$work/big.tmx" --source-lang en --target-lang fr 2>/dev/null; } 2>&1 )
echo "wrote $(stat -c %s "$work/big.tmx" | awk '{printf "%.1f", $1/1e6}') MB of TMX ($units units) in $seconds s (TSV read + TMX write)"
generate $(( units / 5 )) "$work/small.tsv"
"$verso" convert "$work/small.tsv" "$work/small.tmx" --source-lang en --target-lang fr 2>/dev/null
measure "small TMX" "$work/small.tmx"
measure "big TMX  " "$work/big.tmx"

#!/usr/bin/env bash
# How fast does Verso read a TMX, and does memory stay flat? Release build; generates a TMX of
# about SIZE_MB (default 50) and one of a fifth of that with `verso convert` (from generated
# TSV), the big one again in UTF-16 (decoded by ICU before libxml2) and one with inline codes
# (<bpt>/<ept>/<ph> in every segment), then reads each with `verso convert IN.tmx out.tsv
# --min-score 2` — every unit is read and dropped by the filter, so the time is the reader's —
# under /usr/bin/time -v.
#
#   Scripts/bench-tmx.sh [SIZE_MB]
#   BASELINE=/path/to/other/verso Scripts/bench-tmx.sh [SIZE_MB]   (also reads each file with
#                                  that binary, e.g. a release build of main, and prints ratios)
#
# Prints sizes, units, wall and CPU time, MB/s and peak resident memory for each read (CPU time
# is the steadier figure on a shared machine).
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-50}
command -v /usr/bin/time >/dev/null || { echo "bench-tmx: needs GNU time (apt-get install time)" >&2; exit 69; }
swift build -c release --product verso >/dev/null 2>&1 || { echo "bench-tmx: release build failed" >&2; exit 1; }
verso=.build/release/verso
baseline=${BASELINE:-}
[ -z "$baseline" ] || [ -x "$baseline" ] || { echo "bench-tmx: BASELINE=$baseline is not an executable" >&2; exit 66; }
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

# Inline codes in every segment: a bold span, a line break, a link whose end is isolated.
with_codes() {  # TMX_IN TMX_OUT
  python3 - "$1" "$2" <<'PY'
import re, sys
src, dst = sys.argv[1], sys.argv[2]
seg = re.compile(r"<seg>(\S+) (\S+) (.*?)</seg>")
with open(src, encoding="utf-8") as inp, open(dst, "w", encoding="utf-8") as out:
    for line in inp:
        out.write(seg.sub(lambda m: '<seg><bpt i="1" type="bold">&lt;b&gt;</bpt>%s<ept i="1">&lt;/b&gt;</ept> %s<ph x="2">&lt;br/&gt;</ph> %s<it pos="begin" x="3">&lt;a&gt;</it></seg>' % (m.group(1), m.group(2), m.group(3)), line))
PY
}

measure() {  # LABEL TMX BINARY
  local label=$1 tmx=$2 binary=$3
  /usr/bin/time -v "$binary" convert "$tmx" "$work/out.tsv" --min-score 2 2> "$work/time.txt" || { cat "$work/time.txt" >&2; exit 1; }
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
  echo "$cpu" > "$work/cpu.txt"
}

compare() {  # LABEL TMX
  measure "$1 (this build)" "$2" "$verso"
  local ours baseline_cpu
  ours=$(cat "$work/cpu.txt")
  if [ -n "$baseline" ]; then
    if measure "$1 (baseline)  " "$2" "$baseline" 2>/dev/null; then
      baseline_cpu=$(cat "$work/cpu.txt")
      python3 -c "import sys; o, b = float(sys.argv[1]), float(sys.argv[2]); print(f'  CPU time this build / baseline: {o / b:.2f}' if b > 0 else '')" "$ours" "$baseline_cpu"
    else
      echo "  baseline: failed on this file (see its message with: $baseline convert $2 out.tsv)"
    fi
  fi
}

units=$(( size_mb * 1000000 / 380 ))
generate "$units" "$work/big.tsv"
TIMEFORMAT=%R
seconds=$( { time "$verso" convert "$work/big.tsv" "$work/big.tmx" --source-lang en --target-lang fr 2>/dev/null; } 2>&1 )
echo "wrote $(stat -c %s "$work/big.tmx" | awk '{printf "%.1f", $1/1e6}') MB of TMX ($units units) in $seconds s (TSV read + TMX write)"
generate $(( units / 5 )) "$work/small.tsv"
"$verso" convert "$work/small.tsv" "$work/small.tmx" --source-lang en --target-lang fr 2>/dev/null
sed 's/encoding="UTF-8"/encoding="UTF-16"/' "$work/big.tmx" | iconv -f UTF-8 -t UTF-16 > "$work/big-utf16.tmx"
with_codes "$work/big.tmx" "$work/big-codes.tmx"
compare "small TMX        " "$work/small.tmx"
compare "big TMX          " "$work/big.tmx"
compare "big TMX, UTF-16  " "$work/big-utf16.tmx"
compare "big TMX, codes   " "$work/big-codes.tmx"

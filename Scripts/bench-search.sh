#!/usr/bin/env bash
# Concordance search latency on a 1M-segment corpus, release build. Builds the database
# quickly: aligns ~200 real pairs (TransRead chunks, Debian FAQ, Corpora; --no-dictionary),
# then copies every document with `verso corpus replicate` (plain SQL, hidden command) until
# there are at least 1,000,000 segments. Times each query inside verso (the "in N ms" that
# `corpus search` prints) and the whole process; prints median and p95 of each.
# Options through the environment: SEGMENTS=1000000, ROUNDS=3 (passes over the queries).
set -euo pipefail
# shellcheck source=Scripts/bench-corpus-common.sh
source "$(dirname "$0")/bench-corpus-common.sh"
db=$work/corpus.db
python3 Scripts/make-bench-pairs.py "$PWD" "$shared" "$work/pairs" 200 >/dev/null
"$bin" corpus add --db "$db" --manifest "$work/pairs/manifest.tsv" --no-dictionary 2>/dev/null || true
base=$("$bin" corpus stats --db "$db" | awk '/^segments/ {print $2 + $4}')
target=${SEGMENTS:-1000000}
copies=$(( (target + base - 1) / base - 1 ))
start=$(date +%s.%N)
total=$("$bin" corpus replicate --db "$db" --copies "$copies" | awk '{print $1}')
end=$(date +%s.%N)
size=$(du -cb "$db"* | tail -1 | cut -f1)
echo "bench-search: $base segments aligned, $copies copies by SQL in $(python3 -c "print(f'{$end - $start:.1f}')") s: $total segments, database $((size / 1000000)) MB"

queries=(
  'coree' 'whale' 'capitaine' 'nautilus' 'the' 'de' '"north korea"' '"je ne sais"' 'liberte' 'candide'
  '"said the"' 'cervelle' 'ocean*' 'king' 'emma' '"mon oncle"' 'elephant' 'debian package' '"the captain"' 'ENFANT'
)
: > "$work/times"
for round in $(seq 1 "${ROUNDS:-3}"); do
  for q in "${queries[@]}"; do
    for extra in "" "--side target" "--code omission"; do
      s=$(date +%s%N)
      # shellcheck disable=SC2086
      inner=$("$bin" corpus search --db "$db" "$q" --limit 20 $extra 2>&1 >/dev/null | sed -n 's/.* in \([0-9.]*\) ms$/\1/p')
      e=$(date +%s%N)
      echo "$round|$q|$extra|$inner|$(( (e - s) / 1000 ))" >> "$work/times"
    done
  done
done
python3 - "$work/times" <<'PY'
import statistics, sys
rows = [line.rstrip("\n").split("|") for line in open(sys.argv[1])]
def summary(label, values):
    values = sorted(values)
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    print(f"  {label:<34} n={len(values):<4} median {statistics.median(values):6.1f} ms   p95 {p95:6.1f} ms   max {values[-1]:6.1f} ms")
for extra, name in (("", "plain queries"), ("--side target", "with --side target"), ("--code omission", "with --code omission")):
    chosen = [r for r in rows if r[2] == extra and r[0] != "1"] or [r for r in rows if r[2] == extra]
    print(name + " (first round = cold cache, left out when there are more):")
    summary("query time inside verso", [float(r[3]) for r in chosen if r[3]])
    summary("whole process (start to exit)", [int(r[4]) / 1000 for r in chosen])
slow = sorted(rows, key=lambda r: -float(r[3] or 0))[:3]
print("slowest: " + "; ".join(f"{r[1]} {r[2]} {float(r[3]):.1f} ms" for r in slow))
PY

#!/usr/bin/env bash
# Aligns the gold sets with a release build of verso and prints strict/lax P/R/F1 per set, with
# the signature. Sets: Text+Berg DE→FR (test0–6; dev was used for tuning and is shown apart) and
# the 11 TransRead EN→FR books (all of them; "TR10" leaves out TheLastOfTheMohicans).
#
# Usage: Scripts/evaluate.sh [extra verso align options…]   (e.g. --no-dictionary for an ablation)
# Environment: VERSO_SHARED (default ../shared), VERSO_EVAL_OUT (default a temporary folder).
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${VERSO_SHARED:-../shared}"
tb="$shared/gold/textberg-de-fr"
tr="$shared/gold/transread-en-fr/derived"
[ -d "$tb" ] && [ -d "$tr" ] || { echo "evaluate: gold sets not found under $shared/gold (set VERSO_SHARED)" >&2; exit 1; }
swift build -c release --product verso >/dev/null 2>&1 || swift build -c release --product verso
verso=.build/release/verso
out="${VERSO_EVAL_OUT:-$(mktemp -d)}"
mkdir -p "$out"

align() { # name source target source-lang target-lang
  "$verso" align "$2" "$3" --source-lang "$4" --target-lang "$5" --segmented --format align -o "$out/$1.align" "${extra[@]}"
}
score() { # label gold... -- test...
  local label=$1; shift
  local gold=() test=()
  while [ "$1" != "--" ]; do gold+=("$1"); shift; done; shift
  test=("$@")
  "$verso" eval --json --gold "${gold[@]}" --test "${test[@]}" |
    python3 -c 'import json,sys; r=json.load(sys.stdin); print("| %-22s | %s | %s | %s | %s | %s | %s |" % (sys.argv[1], r["precision_strict"], r["recall_strict"], r["f1_strict"], r["precision_lax"], r["recall_lax"], r["f1_lax"]))' "$label"
}
extra=("$@")

start=$(date +%s.%N)
for d in dev test0 test1 test2 test3 test4 test5 test6; do align "tb-$d" "$tb/$d.de" "$tb/$d.fr" de fr; done
tb_time=$(python3 -c "import time; print('%.2f' % (time.time() - $start))")
books=()
for f in "$tr"/*.enfr; do books+=("$(basename "$f" .enfr)"); done
start=$(date +%s.%N)
for b in "${books[@]}"; do align "tr-$b" "$tr/$b.en" "$tr/$b.fr" en fr; done
tr_time=$(python3 -c "import time; print('%.2f' % (time.time() - $start))")

echo "| set                    | P strict | R strict | F1 strict | P lax | R lax | F1 lax |"
echo "|---|---|---|---|---|---|---|"
score "Text+Berg dev (tuning)" "$tb/dev.defr" -- "$out/tb-dev.align"
tg=(); tt=()
for d in test0 test1 test2 test3 test4 test5 test6; do tg+=("$tb/$d.defr"); tt+=("$out/tb-$d.align"); done
score "Text+Berg test0-6" "${tg[@]}" -- "${tt[@]}"
rg=(); rt=(); r10g=(); r10t=()
for b in "${books[@]}"; do
  rg+=("$tr/$b.enfr"); rt+=("$out/tr-$b.align")
  if [ "$b" != TheLastOfTheMohicans ]; then r10g+=("$tr/$b.enfr"); r10t+=("$out/tr-$b.align"); fi
done
score "TransRead 11 books" "${rg[@]}" -- "${rt[@]}"
score "TransRead TR10" "${r10g[@]}" -- "${r10t[@]}"
if [ "${VERSO_EVAL_BOOKS:-0}" = 1 ]; then
  for b in "${books[@]}"; do score "  $b" "$tr/$b.enfr" -- "$out/tr-$b.align"; done
fi
echo
echo "time: Text+Berg (8 docs) ${tb_time}s, TransRead (11 books) ${tr_time}s, one process per document"
echo "signature (TransRead): $("$verso" align "$tr/Emma.en" "$tr/Emma.fr" --segmented "${extra[@]}" | head -1)"

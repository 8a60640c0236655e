#!/usr/bin/env bash
# Corpus store throughput, release build: 1,000 document pairs (Corpora, the Debian FAQ by
# chapter, the TransRead books cut into chunks of ~50 gold beads) added with `verso corpus add
# --manifest` on all cores. Reports pairs/s, sentences/s, database size and peak memory
# (/usr/bin/time -v), then the time of a second run that skips every pair.
# On a terminal the progress bar shows on stderr. Options through the environment:
#   PAIRS=1000 (how many pairs), ADD_FLAGS="--no-dictionary" (extra flags for corpus add).
set -euo pipefail
# shellcheck source=Scripts/bench-corpus-common.sh
source "$(dirname "$0")/bench-corpus-common.sh"
pairs=$(python3 Scripts/make-bench-pairs.py "$PWD" "$shared" "$work/pairs" "${PAIRS:-1000}")
if [ "$pairs" -lt "${PAIRS:-1000}" ]; then
  echo "bench-corpus: only $pairs pairs: the TransRead books were not found in $shared/gold (set VERSO_SHARED)" >&2
fi
bytes=$(du -cb "$work"/pairs/*.txt | tail -1 | cut -f1)
echo "bench-corpus: $pairs pairs, $((bytes / 1000)) kB of text, $(nproc) cores"

run() {  # run LABEL ARGS...: runs verso under /usr/bin/time -v, prints wall seconds and peak kB
  /usr/bin/time -v -o "$work/time.$1" "$bin" "${@:2}"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$work/time.$1")
  peak=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.$1")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time.$1")
}

# shellcheck disable=SC2086
run first corpus add --db "$work/corpus.db" --manifest "$work/pairs/manifest.tsv" ${ADD_FLAGS:-}
"$bin" corpus stats --db "$work/corpus.db" --verify > "$work/stats.txt"
sentences=$(awk '/^segments/ {print $2 + $4}' "$work/stats.txt")
size=$(du -cb "$work"/corpus.db* | tail -1 | cut -f1)
python3 - "$pairs" "$wall" "$cpu" "$peak" "$sentences" "$size" <<'PY'
import sys
pairs, wall, cpu, peak, sentences, size = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
print(f"corpus add: {pairs} pairs, {sentences:,} sentences in {wall:.1f} s wall ({cpu:.1f} s CPU): "
      f"{pairs / wall:.1f} pairs/s, {sentences / wall:,.0f} sentences/s; database {size / 1e6:.1f} MB; peak memory {peak / 1024:.0f} MB")
PY
grep -E "^(documents|beads|verified|problems)" "$work/stats.txt"
# shellcheck disable=SC2086
run second corpus add --db "$work/corpus.db" --manifest "$work/pairs/manifest.tsv" ${ADD_FLAGS:-}
echo "corpus add again (all unchanged, skipped): ${wall} s wall, peak memory $((peak / 1024)) MB"

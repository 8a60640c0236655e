#!/usr/bin/env bash
# Segmentation throughput on ~10 MB (Debian FAQ text repeated), release build: file read,
# blocks, ICU sentences, merge step, display text, output written. Wall time depends on what
# else the machine runs; CPU time (user+sys) is the steadier figure.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSO_EXTRA_PACKAGES="debian-faq time" bash Scripts/setup.sh
swift build -c release --product verso >/dev/null
bin=.build/release/verso
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
zcat /usr/share/doc/debian/FAQ/debian-faq.en.txt.gz > "$work/one.txt"
: > "$work/big.txt"
while [ "$(stat -c %s "$work/big.txt")" -lt 10000000 ]; do cat "$work/one.txt" >> "$work/big.txt"; done
size=$(stat -c %s "$work/big.txt")
for run in 1 2 3; do
  /usr/bin/time -f "%e %M %U %S" -o "$work/time" "$bin" segment "$work/big.txt" -o "$work/out.txt"
  read -r secs kb user sys < "$work/time"
  sentences=$(wc -l < "$work/out.txt")
  python3 - "$size" "$secs" "$kb" "$sentences" "$user" "$sys" <<'PY'
import sys
size, secs, kb, sentences = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
cpu = max(float(sys.argv[5]) + float(sys.argv[6]), 0.01)
secs = max(secs, 0.01)
print(f"segment: {size/1e6:.1f} MB, {sentences} sentences in {secs:.2f} s wall ({cpu:.2f} s CPU) = "
      f"{size/1e6/secs:.1f} MB/s wall, {size/1e6/cpu:.1f} MB/s CPU, {sentences/cpu:,.0f} sentences/s CPU, peak {kb/1024:.0f} MB")
PY
done

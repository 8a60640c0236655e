#!/usr/bin/env bash
# Time and peak memory of `verso align` (release build): TransRead as a whole (11 books, one
# process each, and all books concatenated into one pair), then long inputs of about 10k, 50k
# and 100k sentences a side made by concatenating the TransRead books (repeated). Prints one
# line per size and the time per 1,000 sentences, to show that growth is linear.
# Environment: VERSO_SHARED (default ../shared).
set -euo pipefail
cd "$(dirname "$0")/.."
shared="${VERSO_SHARED:-../shared}"
tr="$shared/gold/transread-en-fr/derived"
[ -d "$tr" ] || { echo "bench-align: $tr not found (set VERSO_SHARED)" >&2; exit 1; }
if [ ! -x /usr/bin/time ]; then
  echo "bench-align: installing GNU time" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get install -y -qq time >/dev/null
fi
swift build -c release --product verso >/dev/null 2>&1 || swift build -c release --product verso
verso=$PWD/.build/release/verso
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

measure() { # label source target -> prints seconds and peak MB
  /usr/bin/time -f "%e %M" -o "$work/time" "$verso" align "$2" "$3" --segmented --format align -o "$work/out.align"
  read -r seconds kb < "$work/time"
  printf "| %-28s | %7d | %7d | %7.2f | %7.0f | %6.3f |\n" "$1" "$(wc -l < "$2")" "$(wc -l < "$3")" "$seconds" "$((kb / 1024))" \
    "$(python3 -c "print($seconds * 1000 / max(1, $(wc -l < "$2")))")"
}

echo "| input                        | EN sent | FR sent | seconds | peak MB | s/1k sent |"
echo "|---|---|---|---|---|---|"
start=$(date +%s.%N)
for f in "$tr"/*.en; do
  b=$(basename "$f" .en)
  "$verso" align "$tr/$b.en" "$tr/$b.fr" --segmented --format align -o "$work/$b.align"
done
printf "| %-28s | %7d | %7d | %7.2f |       - |      - |\n" "TransRead, 11 processes" "$(cat "$tr"/*.en | wc -l)" "$(cat "$tr"/*.fr | wc -l)" \
  "$(python3 -c "import time; print(time.time() - $start)")"
cat "$tr"/*.en > "$work/all.en"; cat "$tr"/*.fr > "$work/all.fr"
measure "TransRead, one pair" "$work/all.en" "$work/all.fr"
for size in 10000 50000 100000; do
  : > "$work/big.en"; : > "$work/big.fr"
  while [ "$(wc -l < "$work/big.en")" -lt "$size" ]; do
    for f in "$tr"/*.en; do
      b=$(basename "$f" .en)
      cat "$tr/$b.en" >> "$work/big.en"; cat "$tr/$b.fr" >> "$work/big.fr"
      [ "$(wc -l < "$work/big.en")" -ge "$size" ] && break
    done
  done
  measure "concatenated books, ~$((size / 1000))k" "$work/big.en" "$work/big.fr"
done

#!/usr/bin/env bash
# Does Verso read Debian's real gettext catalogs, the same from the .mo and from its .po? For
# every catalog in /usr/share/locale/LANG/LC_MESSAGES (default fr), makes the .po with msgunfmt,
# reads both with `verso convert … out.jsonl` (release build), compares the units byte for byte,
# and checks the count against gettext's own (msgfmt --statistics counts translated entries;
# each further plural form is one more unit). Then `verso check` on coreutils, grep and dpkg.
#
#   Scripts/bench-catalogs.sh [LANG]
#
# Prints a line per named catalog (units, entries, plural forms, CPU time of each read), the
# totals, and exits 1 when a .po and its .mo differ or a count disagrees with msgfmt.
set -euo pipefail
cd "$(dirname "$0")/.."
lang=${1:-fr}
dir=/usr/share/locale/$lang/LC_MESSAGES
command -v msgunfmt >/dev/null || { echo "bench-catalogs: needs gettext (apt-get install gettext)" >&2; exit 69; }
[ -d "$dir" ] || { echo "bench-catalogs: no catalogs in $dir" >&2; exit 66; }
swift build -c release --product verso >/dev/null 2>&1 || { echo "bench-catalogs: release build failed" >&2; exit 1; }
verso=$PWD/.build/release/verso
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cpu() {  # FILE-WITH-TIME-OUTPUT
  grep -E '(User|System) time \(seconds\)' "$1" | awk '{s += $NF} END {printf "%.3f", s}'
}

catalogs=0 units=0 differ=0 miscounted=0 po_cpu=0 mo_cpu=0
for mo in "$dir"/*.mo; do
  name=$(basename "$mo" .mo)
  msgunfmt -o "$work/$name.po" "$mo" 2>/dev/null || { echo "$name: msgunfmt failed, skipped"; continue; }
  /usr/bin/time -v "$verso" convert "$work/$name.po" "$work/po.jsonl" 2> "$work/po.time" >/dev/null || { echo "$name: verso failed on the .po:"; head -3 "$work/po.time"; differ=$((differ + 1)); continue; }
  /usr/bin/time -v "$verso" convert "$mo" "$work/mo.jsonl" 2> "$work/mo.time" >/dev/null || { echo "$name: verso failed on the .mo:"; head -3 "$work/mo.time"; differ=$((differ + 1)); continue; }
  n=$(( $(wc -l < "$work/mo.jsonl") - 1 ))
  forms=$(grep -c '"plural_form": [1-9]' "$work/mo.jsonl" || true)
  entries=$(msgfmt --statistics -o /dev/null "$work/$name.po" 2>&1 | grep -oE '^[0-9]+' || echo 0)
  if ! cmp -s "$work/po.jsonl" "$work/mo.jsonl"; then echo "$name: the .po and the .mo give different units"; differ=$((differ + 1)); fi
  if [ $((entries + forms)) -ne "$n" ]; then echo "$name: $n units, but msgfmt counts $entries entries + $forms further plural forms"; miscounted=$((miscounted + 1)); fi
  pc=$(cpu "$work/po.time") mc=$(cpu "$work/mo.time")
  po_cpu=$(python3 -c "print($po_cpu + $pc)") mo_cpu=$(python3 -c "print($mo_cpu + $mc)")
  case $name in coreutils|grep|dpkg|tar|git|libc)
    echo "$name: $n units ($entries entries, $forms further plural forms); .po $(stat -c %s "$work/$name.po") bytes read in $pc s CPU, .mo $(stat -c %s "$mo") bytes in $mc s CPU; identical: $(cmp -s "$work/po.jsonl" "$work/mo.jsonl" && echo yes || echo no)";;
  esac
  catalogs=$((catalogs + 1)) units=$((units + n))
done
echo "total: $catalogs catalogs in $dir, $units units; .po and .mo differ in $differ; counts off msgfmt's in $miscounted; CPU $po_cpu s for the .po files, $mo_cpu s for the .mo files (process start included)"

for name in coreutils grep dpkg; do
  [ -f "$dir/$name.mo" ] || continue
  /usr/bin/time -v "$verso" check "$dir/$name.mo" --source-lang en --target-lang "$lang" --format jsonl > "$work/check.jsonl" 2> "$work/check.time" || true
  flagged=$(grep -c '"severity": "\(major\|critical\)"' "$work/check.jsonl" || true)
  echo "verso check $name.mo: $(( $(wc -l < "$work/check.jsonl") - 1 )) units checked, $flagged with a major or critical finding, $(cpu "$work/check.time") s CPU"
done
[ "$differ" -eq 0 ] && [ "$miscounted" -eq 0 ]

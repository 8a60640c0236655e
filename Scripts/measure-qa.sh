#!/usr/bin/env bash
# Measures the localisation QA checks (placeholder, tag, URL/identifier, shortcut, bracket,
# spelling) on real translations, as the figures of issue 14 are reported:
#   1. labelled sets built from Debian's French gettext catalogs (Scripts/qa-testset.py): real
#      pairs with one glitch injected (recall and right-code rate per glitch type) and untouched
#      real pairs (false alarms per check). The dev set (seed 1) is the one the checks were tuned
#      on; the test set (seed 2, the other half of the messages) is scored as it comes.
#   2. spelling on real prose (Scripts/qa-spelling.py): share of prose pairs flagged in the
#      catalogs, the Debian FAQ and TransRead, and a sample of 50 flagged words to read.
# Writes everything to out/qa/; prints the summaries. Release build.
#   Scripts/measure-qa.sh            both
#   Scripts/measure-qa.sh --sets     only the labelled sets
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh --test >/dev/null
swift build -c release --product verso >out/qa-build.log 2>&1 || { cat out/qa-build.log; exit 1; }
verso=.build/release/verso
out=out/qa
mkdir -p "$out"
new="placeholder-mismatch|tag-mismatch|url-mismatch|shortcut-mismatch|bracket-mismatch|spelling"

for set in dev:1 test:2; do
  name=${set%%:*} seed=${set##*:}
  python3 Scripts/qa-testset.py --seed "$seed" --half "$name" -o "$out/$name.tsv" 2>"$out/$name.gen.txt"
  "$verso" eval-checks --verbose "$out/$name.tsv" >"$out/$name.txt"
  echo "== $name set (seed $seed): $(tail -1 "$out/$name.gen.txt" | sed 's/^qa-testset: //')"
  sed -n '1,/^$/p' "$out/$name.txt" | sed '/^$/d'
  sed -n '/^code /,/^$/p' "$out/$name.txt" | sed '/^$/d'
  correct=$(awk -F'\t' 'NR > 1 && $4 == ""' "$out/$name.tsv" | wc -l)
  for code in ${new//|/ }; do
    n=$(grep '^false alarm ' "$out/$name.txt" | grep -c "\[$code\]" || true)
    printf 'false alarms %-22s %3d of %d untouched pairs (%s %%)\n' "$code" "$n" "$correct" "$(awk -v n="$n" -v c="$correct" 'BEGIN { printf "%.2f", 100 * n / c }')"
  done
  n=$(grep '^false alarm ' "$out/$name.txt" | grep -cE "\[($new)\]" || true)
  printf 'false alarms, the new checks together %3d of %d (%s %%)\n' "$n" "$correct" "$(awk -v n="$n" -v c="$correct" 'BEGIN { printf "%.2f", 100 * n / c }')"
  grep '^false alarm ' "$out/$name.txt" | grep -E "\[($new)\]" | sed -E 's/\[(typography|entity-mistranslation|negation|number-mismatch|truncation|addition|untranslated|duplication|terminology-inconsistency|misalignment|spurious-break|quote-punctuation|omission|date-mismatch|word-order|false-friend|boilerplate)\][^;]*(; )?//g' | sed 's/^/  /'
  echo
done

[ "${1:-}" = "--sets" ] && exit 0
python3 Scripts/qa-spelling.py --verso "$verso" --out "$out" 2>"$out/spelling.err" | tee "$out/spelling.txt"

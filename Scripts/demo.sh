#!/usr/bin/env bash
# The main job: installs what is missing, builds Verso (release), then aligns and checks the seed
# pair in Corpora/seed and writes its outputs to out/seed/: the findings, the review report
# (HTML, open it in any browser), a Markdown summary, the corpus as JSONL and as TMX 1.4b.
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
mkdir -p out
echo "demo: building Verso (release; the first build takes a few minutes, log in out/build.log)" >&2
if ! swift build -c release --product verso > out/build.log 2>&1; then
  tail -30 out/build.log >&2
  echo "demo: the build failed (full log: out/build.log)" >&2
  exit 1
fi
verso=.build/release/verso

src=Corpora/seed/putin-pyongyang.en.txt
tgt=Corpora/seed/putin-pyongyang.fr.txt
out=out/seed
mkdir -p "$out"

echo "== verso check $src $tgt"
"$verso" check "$src" "$tgt" | tee "$out/findings.txt"
"$verso" check "$src" "$tgt" --format html -o "$out/report.html" 2>/dev/null
"$verso" check "$src" "$tgt" --format markdown -o "$out/summary.md" 2>/dev/null
"$verso" check "$src" "$tgt" --format jsonl -o "$out/seed.jsonl" 2>/dev/null
"$verso" convert "$out/seed.jsonl" "$out/seed.tmx" --source-lang en --target-lang fr 2>/dev/null
echo
echo "Review report: $out/report.html (open it in a browser; #flagged shows only flagged pairs)"
echo "Also written:  $out/findings.txt, $out/summary.md, $out/seed.jsonl (beads with flags), $out/seed.tmx (TMX 1.4b)"

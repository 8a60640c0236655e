#!/usr/bin/env bash
# The main job: installs what is missing, builds Verso (release), then aligns and checks the seed
# pair in Corpora/seed and writes its outputs to out/seed/ (findings, JSONL corpus, TMX).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/setup.sh
swift build -c release --product verso 2>&1 | grep -vE '^\[[0-9]+/[0-9]+\]' || true
verso=.build/release/verso
test -x "$verso" || { echo "demo: build failed" >&2; exit 1; }

src=Corpora/seed/putin-pyongyang.en.txt
tgt=Corpora/seed/putin-pyongyang.fr.txt
out=out/seed
mkdir -p "$out"

echo "== verso check $src $tgt"
"$verso" check "$src" "$tgt" | tee "$out/findings.txt"
"$verso" check "$src" "$tgt" --format jsonl -o "$out/seed.jsonl"
"$verso" convert "$out/seed.jsonl" "$out/seed.tmx" --source-lang en --target-lang fr 2>/dev/null
echo
echo "Wrote: $out/findings.txt (findings), $out/seed.jsonl (beads with flags), $out/seed.tmx (TMX 1.4b)"

#!/usr/bin/env bash
# Do other tools read Verso's TMX? Loads a TMX with translate-toolkit's TMX store (PyPI
# translate-toolkit, installed with pip when missing) and compares every unit with what Verso
# itself reads from the file (source, target and notes).
#
#   Scripts/check-clients.sh MEMORY.tmx
#   Scripts/check-clients.sh --self-test     (the golden test file Tests/VersoCorpusTests/Golden/fixtures.tmx)
#
# Inline codes: translate-toolkit shows a <bpt>/<ept>/<ph>/<it>'s native code in the text, so
# Verso's side is its plain text with each code's original put back at its offset (Verso's
# offsets count code points, as Python's str does).
#
# Prints the counts; exits 1 when a unit is missing or differs. OmegaT: Scripts/omegat-check.sh.
set -euo pipefail
[ $# -ge 1 ] || { sed -n '2,10p' "$0" >&2; exit 64; }
tmx=$1
[ "$tmx" = "--self-test" ] && tmx="$(dirname "$0")/../Tests/VersoCorpusTests/Golden/fixtures.tmx"
[ -f "$tmx" ] || { echo "check-clients: no such file: $tmx" >&2; exit 66; }
tmx=$(realpath "$tmx")
cd "$(dirname "$0")/.."
script=check-clients
source Scripts/verso-bin.sh

python3 -c "import translate.storage.tmx" 2>/dev/null || pip install --quiet translate-toolkit

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
verso convert "$tmx" "$work/verso.jsonl" --keep-empty 2>/dev/null

python3 - "$tmx" "$work/verso.jsonl" <<'PY'
import json, sys
from importlib.metadata import version
from translate.storage import tmx
path, ours = sys.argv[1], sys.argv[2]
store = tmx.tmxfile.parsefile(path)
theirs = [u for u in store.units if not u.isheader()]
verso = [o for o in (json.loads(line) for line in open(ours, encoding="utf-8") if line.strip()) if "source" in o]
def with_codes(text, codes):
    out, position = [], 0
    for code in sorted(codes, key=lambda c: c["offset"]):
        out.append(text[position:code["offset"]])
        out.append(code["original"])
        position = max(position, code["offset"])
    return "".join(out) + text[position:]
same = 0
for i, (u, v) in enumerate(zip(theirs, verso)):
    source = with_codes(" ".join(v["source"]), v.get("source_codes", []))
    target = with_codes(" ".join(v["target"]), v.get("target_codes", []))
    # Verso's notes: free notes, then "[code] message" for each finding.
    notes = v.get("notes", []) + [f"[{f['code']}] {f['message']}" for f in v["flags"]]
    theirs_notes = [n for n in (u.getnotes() or "").split("\n") if n]
    if (u.source, u.target, theirs_notes) == (source, target, notes):
        same += 1
    else:
        print(f"unit {i + 1} differs:\n  translate-toolkit: {(u.source, u.target, theirs_notes)!r}\n  verso:             {(source, target, notes)!r}")
print(f"translate-toolkit {version('translate-toolkit')}: loaded {len(theirs)} unit(s); Verso read {len(verso)}; identical (source, target, notes): {same}")
sys.exit(0 if same == len(theirs) == len(verso) else 1)
PY

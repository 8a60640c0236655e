#!/usr/bin/env bash
# Aligns Debian's HTML manuals directly from their HTML, with a release build of verso, and
# prints for each manual: the pairs of pages, the beads, the exported TSV lines that hold `<`
# before (the page read as plain text, `--input-format text`, as Verso did before it read HTML)
# and after, the lines holding something shaped like a tag (`<a`, `</p`), the share of beads that
# stay inside one block pair of the two HTML structures, and the prose / non-prose beads.
#
# Manuals (Debian packages, installed by Scripts/setup.sh --test):
#   Debian Reference  debian-reference-en, debian-reference-fr   /usr/share/debian-reference/*.{en,fr}.html
#   Debian FAQ        debian-faq, debian-faq-fr                  /usr/share/doc/debian/FAQ/{,fr/}*.{en,fr}.html
#   maint-guide       maint-guide, maint-guide-fr                /usr/share/doc/maint-guide{,-fr}/html/*.{en,fr}.html
#
# Usage: Scripts/eval-html.sh [extra verso align options…]
# Environment: VERSO_EVAL_OUT (default a temporary folder) keeps the outputs.
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product verso >/dev/null 2>&1 || swift build -c release --product verso
verso=.build/release/verso
out="${VERSO_EVAL_OUT:-$(mktemp -d)}"
mkdir -p "$out"
extra=("$@")

pairs() { # set name, then "en fr" lines
  case $1 in
    reference) for en in /usr/share/debian-reference/*.en.html; do fr=${en%.en.html}.fr.html; [ -f "$fr" ] && echo "$en $fr"; done ;;
    faq) for en in /usr/share/doc/debian/FAQ/*.en.html; do b=$(basename "$en" .en.html); fr=/usr/share/doc/debian/FAQ/fr/$b.fr.html; [ -f "$fr" ] && echo "$en $fr"; done ;;
    maint-guide) for en in /usr/share/doc/maint-guide/html/*.en.html; do b=$(basename "$en" .en.html); fr=/usr/share/doc/maint-guide-fr/html/$b.fr.html; [ -f "$fr" ] && echo "$en $fr"; done ;;
  esac
}

for set in reference faq maint-guide; do
  mkdir -p "$out/$set"
  n=0
  while read -r en fr; do
    [ -n "$en" ] || continue
    b=$(basename "$en" .en.html)
    "$verso" align "$en" "$fr" --format jsonl -o "$out/$set/$b.jsonl" "${extra[@]}" 2>>"$out/$set/stderr.log"
    "$verso" convert "$out/$set/$b.jsonl" "$out/$set/$b.tsv" 2>>"$out/$set/stderr.log"
    "$verso" segment --lang en --format jsonl -o "$out/$set/$b.en.segments" "$en"
    "$verso" segment --lang fr --format jsonl -o "$out/$set/$b.fr.segments" "$fr"
    "$verso" align "$en" "$fr" --input-format text --format tsv -o "$out/$set/$b.before.tsv" "${extra[@]}" 2>>"$out/$set/stderr.log"
    n=$((n + 1))
  done < <(pairs $set)
  [ $n -gt 0 ] || echo "eval-html: no $set pages found (install the packages named at the top of this script)" >&2
done

python3 - "$out" <<'EOF'
import json, os, re, sys
from collections import Counter
out = sys.argv[1]
tag = re.compile(r"<[A-Za-z/!]")
print("| manual | page pairs | beads | TSV lines with `<` before | after | tag-shaped after | beads inside one block pair | prose | non-prose (code, command, table, url, number) |")
print("|---|---|---|---|---|---|---|---|---|")
for name, label in [("reference", "Debian Reference"), ("faq", "Debian FAQ"), ("maint-guide", "maint-guide")]:
    folder = os.path.join(out, name)
    if not os.path.isdir(folder):
        continue
    pages = sorted(f[:-6] for f in os.listdir(folder) if f.endswith(".jsonl"))
    beads = inside = lt_after = tags_after = lt_before = lines_before = lines_after = 0
    kinds = Counter()
    for page in pages:
        def paragraphs(path):
            return [json.loads(l)["paragraph"] for l in open(path, encoding="utf-8")]
        s = paragraphs(os.path.join(folder, page + ".en.segments"))
        t = paragraphs(os.path.join(folder, page + ".fr.segments"))
        for line in open(os.path.join(folder, page + ".jsonl"), encoding="utf-8"):
            o = json.loads(line)
            if "source_index" not in o:
                continue
            beads += 1
            si, ti = o["source_index"], o["target_index"]
            if len({s[i] for i in si}) <= 1 and len({t[i] for i in ti}) <= 1:
                inside += 1
            kinds[o.get("content", "prose")] += 1
        def rows(path):
            # Verso's TSV starts with a header line (source, target, score, codes).
            return [l for l in open(path, encoding="utf-8") if not l.startswith("source\ttarget\tscore")]
        for line in rows(os.path.join(folder, page + ".tsv")):
            lines_after += 1
            text = "\t".join(line.split("\t")[:2])
            lt_after += "<" in text
            tags_after += bool(tag.search(text))
        for line in rows(os.path.join(folder, page + ".before.tsv")):
            lines_before += 1
            lt_before += "<" in "\t".join(line.split("\t")[:2])
    non = sum(v for k, v in kinds.items() if k != "prose")
    detail = ", ".join(f"{k} {v}" for k, v in sorted(kinds.items()) if k != "prose")
    print(f"| {label} | {len(pages)} | {beads} | {lt_before} of {lines_before} | {lt_after} of {lines_after} | {tags_after} | "
          f"{inside / beads:.4f} ({inside} of {beads}) | {kinds['prose']} | {non} ({detail}) |")
EOF
echo "outputs in $out" >&2

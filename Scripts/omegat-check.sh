#!/usr/bin/env bash
# Does OmegaT use Verso's TMX? Builds an OmegaT project (SOURCE in source/, the TMX in tm/auto/,
# whose exact matches OmegaT inserts by itself), runs OmegaT headless (--mode=console-translate)
# and counts how many of the TMX's target segments appear in OmegaT's translated document.
#
#   Scripts/omegat-check.sh SOURCE.txt MEMORY.tmx [SOURCE_LANG TARGET_LANG]
#   Scripts/omegat-check.sh --self-test        (a small EN/FR pair written here, some with inline codes)
#
# Languages default to the TMX header's srclang and the first other tuv language.
# Needs the Debian package omegat (OmegaT 3.6, Java); installs it when missing and run as root.
# Segments are compared without the native code of their inline codes (<bpt>, <ph>…), as OmegaT
# matches a plain-text source. Prints the counts; exits 1 when OmegaT fails or inserts none of
# our segments.
set -euo pipefail
args=()
for a in "$@"; do if [ -e "$a" ]; then args+=("$(realpath "$a")"); else args+=("$a"); fi; done
set -- "${args[@]}"
cd "$(dirname "$0")/.."
script=omegat-check
source Scripts/verso-bin.sh

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if [ "${1:-}" = "--self-test" ]; then
  # Three paragraphs, five sentences; the TMX pairs four of them.
  printf 'The cat sleeps on the sofa. The dog barks loudly at the postman.\n\nIt has been raining in Paris since Monday.\n\nPrices rose by 3.5%% in May. Nobody knows why.\n' > "$work/doc.txt"
  # Two of them carry inline codes (a bold span, a line break), written as <bpt>/<ept>/<ph>.
  cat > "$work/pairs.jsonl" <<'JSONL'
{"source": ["The cat sleeps on the sofa."], "target": ["Le chat dort sur le canapé."]}
{"source": ["The dog barks loudly at the postman."], "target": ["Le chien aboie fort contre le facteur."], "source_codes": [{"kind": "open", "id": 1, "offset": 4, "original": "<b>", "type": "bold"}, {"kind": "close", "id": 1, "offset": 7, "original": "</b>", "type": "bold"}], "target_codes": [{"kind": "open", "id": 1, "offset": 3, "original": "<b>", "type": "bold"}, {"kind": "close", "id": 1, "offset": 9, "original": "</b>", "type": "bold"}]}
{"source": ["It has been raining in Paris since Monday."], "target": ["Il pleut à Paris depuis lundi."], "source_codes": [{"kind": "standalone", "id": 1, "offset": 42, "original": "<br/>", "type": "lb"}], "target_codes": [{"kind": "standalone", "id": 1, "offset": 30, "original": "<br/>", "type": "lb"}]}
{"source": ["Prices rose by 3.5% in May."], "target": ["Les prix ont augmenté de 3,5 % en mai."]}
JSONL
  verso convert "$work/pairs.jsonl" "$work/pairs.tmx" --source-lang en --target-lang fr 2>/dev/null
  set -- "$work/doc.txt" "$work/pairs.tmx" en fr
fi

[ $# -ge 2 ] || { sed -n '2,13p' "$0" >&2; exit 64; }
source_file=$1 tmx=$2
[ -f "$source_file" ] || { echo "omegat-check: no such file: $source_file" >&2; exit 66; }
[ -f "$tmx" ] || { echo "omegat-check: no such file: $tmx" >&2; exit 66; }

if ! command -v omegat >/dev/null; then
  [ "$(id -u)" -eq 0 ] || { echo "omegat-check: install OmegaT first: apt-get install omegat" >&2; exit 69; }
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq omegat >/dev/null
fi

# Languages and the target segments, read from the TMX by Python's expat (no DTD, no entities).
read -r srclang tgtlang < <(python3 - "$tmx" "${3:-}" "${4:-}" <<'PY'
import sys, xml.etree.ElementTree as ET
path, src, tgt = sys.argv[1], sys.argv[2], sys.argv[3]
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
for event, el in ET.iterparse(path, events=("start",)):
    if el.tag == "header" and not src:
        src = el.get("srclang", "")
    if el.tag == "tuv" and not tgt:
        lang = el.get(LANG) or el.get("lang") or ""
        if src and lang.lower().split("-")[0] != src.lower().split("-")[0]:
            tgt = lang
    if src and tgt:
        break
print(src or "en", tgt or "fr")
PY
)

project="$work/project"
mkdir -p "$project"/{source,target,tm/auto,omegat,glossary,dictionary}
cp "$source_file" "$project/source/"
cp "$tmx" "$project/tm/auto/"
upper() { echo "$1" | tr '[:lower:]' '[:upper:]'; }
cat > "$project/omegat.project" <<XML
<?xml version="1.0" encoding="UTF-8" standalone="no"?>
<omegat>
    <project version="1.0">
        <source_dir>__DEFAULT__</source_dir>
        <target_dir>__DEFAULT__</target_dir>
        <tm_dir>__DEFAULT__</tm_dir>
        <glossary_dir>__DEFAULT__</glossary_dir>
        <glossary_file>__DEFAULT__</glossary_file>
        <dictionary_dir>__DEFAULT__</dictionary_dir>
        <source_lang>$(upper "$srclang")</source_lang>
        <target_lang>$(upper "$tgtlang")</target_lang>
        <source_tok>org.omegat.tokenizer.LuceneEnglishTokenizer</source_tok>
        <target_tok>org.omegat.tokenizer.LuceneFrenchTokenizer</target_tok>
        <sentence_seg>true</sentence_seg>
        <support_default_translations>true</support_default_translations>
        <remove_tags>false</remove_tags>
    </project>
</omegat>
XML

omegat_version=$(dpkg-query -W -f='${Version}' omegat 2>/dev/null || echo unknown)
if ! timeout 600 omegat "$project" --mode=console-translate > "$work/omegat.log" 2>&1; then
  echo "omegat-check: OmegaT failed; its log:" >&2
  tail -30 "$work/omegat.log" >&2
  exit 1
fi
translated="$project/target/$(basename "$source_file")"
[ -f "$translated" ] || { echo "omegat-check: OmegaT wrote no target/$(basename "$source_file")" >&2; tail -30 "$work/omegat.log" >&2; exit 1; }

python3 - "$tmx" "$source_file" "$translated" "$project/omegat/project_stats.txt" "$srclang" "$tgtlang" "$omegat_version" <<'PY'
import re, sys, xml.etree.ElementTree as ET
tmx, source, translated, stats, src, tgt, version = sys.argv[1:]
LANG = "{http://www.w3.org/XML/1998/namespace}lang"
def primary(tag): return tag.lower().replace("_", "-").split("-")[0]
CODES = {"bpt", "ept", "ph", "it", "ut"}
def plain(el):
    """A <seg>'s text without the native code of its inline codes (what OmegaT matches)."""
    out = [el.text or ""]
    for child in el:
        if child.tag not in CODES:
            out.append(plain(child))
        out.append(child.tail or "")
    return "".join(out)
pairs = []
for event, el in ET.iterparse(tmx):
    if el.tag == "tu":
        sides = {}
        for tuv in el.findall("tuv"):
            seg = tuv.find("seg")
            sides.setdefault(primary(tuv.get(LANG) or tuv.get("lang") or ""), plain(seg) if seg is not None else "")
        pairs.append((sides.get(primary(src), ""), sides.get(primary(tgt), "")))
        el.clear()
source_text = open(source, encoding="utf-8").read()
target_text = open(translated, encoding="utf-8").read()
in_source = sum(1 for s, t in pairs if s and s in source_text)
in_target = sum(1 for s, t in pairs if s and t and s in source_text and t in target_text)
total = remaining = None
if stats:
    try:
        m = re.search(r"^Total:\s+(\d+).*\n^Remaining:\s+(\d+)", open(stats, encoding="utf-8").read(), re.M)
        if m: total, remaining = int(m.group(1)), int(m.group(2))
    except OSError:
        pass
print(f"OmegaT {version}, {src} -> {tgt}")
print(f"TMX units: {len(pairs)}")
print(f"TMX source segments found verbatim in the source document: {in_source}")
print(f"TMX target segments of those found in OmegaT's target document: {in_target}")
if total is not None:
    print(f"OmegaT segments: {total}, left untranslated: {remaining}, filled: {total - remaining}")
sys.exit(0 if in_target > 0 else 1)
PY

#!/usr/bin/env bash
# Issue 8: Scripts/spark_align.py in Spark local[2] gives exactly the beads that `verso stream`
# gives for the same pairs (and, for the Corpora pairs, the beads of `verso align`); a bad
# record ends up in errors/, and a binary the workers cannot run fails with a clear message.
#
#   bash Scripts/test-spark.sh            # debug build, 300 pairs
#   VERSO_SPARK_CONFIG=release VERSO_SPARK_PAIRS=200 bash Scripts/test-spark.sh
#
# Needs Java 17+ and the TransRead gold under $VERSO_SHARED (default ../shared); installs pyspark
# from PyPI when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
config=${VERSO_SPARK_CONFIG:-debug}
count=${VERSO_SPARK_PAIRS:-300}
export VERSO_SHARED="${VERSO_SHARED:-$(cd .. && pwd)/shared}"
started=$(date +%s)

# The pairs come from the TransRead gold in the shared folder: without it, skip (a stranger's
# clone) — except under CI, where the data must be there.
if [ ! -d "$VERSO_SHARED/gold/transread-en-fr/derived" ]; then
  if [ "${CI:-}" = true ]; then
    echo "test-spark: FAIL: $VERSO_SHARED/gold/transread-en-fr/derived not found (CI=true needs the shared data)" >&2; exit 1
  fi
  echo "test-spark: skipped: $VERSO_SHARED/gold/transread-en-fr/derived not found (set VERSO_SHARED to the shared folder)" >&2
  exit 0
fi

command -v java >/dev/null || { echo "test-spark: Java 17 is needed (apt-get install openjdk-17-jre-headless)" >&2; exit 1; }
python3 -c "import pyspark" 2>/dev/null || pip install --quiet pyspark
swift build -c "$config" --product verso >/dev/null
bin=.build/$config/verso

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Scripts/stream_pairs.py --count "$count" > "$work/pairs.jsonl"
# Two bad records among the good ones: they must come out as error lines, not stop a partition.
sed -i '5a {"id": "torn", "source": "half a rec' "$work/pairs.jsonl"
sed -i '9a {"id": "empty", "source": "", "target": "Rien."}' "$work/pairs.jsonl"

"$bin" stream --jobs 2 < "$work/pairs.jsonl" > "$work/expected.jsonl" 2>/dev/null
python3 Scripts/spark_align.py "$work/pairs.jsonl" "$work/out" --master "local[2]" --verso "$bin" --partitions 4 --parquet \
  2> "$work/spark.log" || { cat "$work/spark.log" >&2; exit 1; }
grep '^spark_align:' "$work/spark.log" >&2

if python3 Scripts/spark_align.py "$work/pairs.jsonl" "$work/out-bad" --verso /nonexistent/verso > "$work/bad.log" 2>&1; then
  echo "test-spark: FAIL: a missing verso binary was not reported" >&2; exit 1
fi
grep -q "verso is not runnable on the workers as '/nonexistent/verso'" "$work/bad.log" \
  || { echo "test-spark: FAIL: no clear message for a missing binary:" >&2; tail -5 "$work/bad.log" >&2; exit 1; }

python3 - "$work" "$bin" <<'PY'
import glob, json, os, subprocess, sys, tempfile
work, verso = sys.argv[1], sys.argv[2]
def lines(pattern):
    out = []
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as f:
            out += [l.rstrip("\n") for l in f if l.strip()]
    return out
expected = [l for l in lines(f"{work}/expected.jsonl") if l.startswith('{"source": ')]
expected_errors = [json.loads(l) for l in lines(f"{work}/expected.jsonl") if '"error": ' in l and not l.startswith('{"source": ')]
beads, errors = lines(f"{work}/out/beads/part-*"), [json.loads(l) for l in lines(f"{work}/out/errors/part-*")]
pairs = [json.loads(l) for l in lines(f"{work}/pairs.jsonl") if '"id": "torn"' not in l]
failures = []
if beads != expected:
    key = lambda l: (lambda o: (o["document"], tuple(o["source_index"]), tuple(o["target_index"]), o["score"]))(json.loads(l))
    missing, extra = set(map(key, expected)) - set(map(key, beads)), set(map(key, beads)) - set(map(key, expected))
    failures.append(f"beads differ from verso stream: {len(beads)} vs {len(expected)}; missing {sorted(missing)[:3]}, extra {sorted(extra)[:3]}")
if sorted(e["document"] or "" for e in errors) != ["", "empty"] or len(expected_errors) != 2:
    failures.append(f"errors: {errors}")
documents = {json.loads(l)["document"] for l in beads}
wanted = {p["id"] for p in pairs if p["id"] != "empty"}
if documents != wanted:
    failures.append(f"documents with beads: {len(documents)}, pairs: {len(wanted)}")
# The Corpora pairs against `verso align` on the files themselves.
corpora = {"seed": "Corpora/seed/putin-pyongyang"}
for path in glob.glob("Corpora/fixtures/*.en.txt"):
    stem = path[:-len(".en.txt")]
    corpora["fixture-" + os.path.basename(stem)] = stem
compared = 0
for doc, stem in corpora.items():
    run = subprocess.run([verso, "align", "--format", "jsonl", stem + ".en.txt", stem + ".fr.txt"], capture_output=True, text=True, check=True)
    want = [json.loads(l) for l in run.stdout.splitlines() if l.startswith('{"source": ')]
    got = [json.loads(l) for l in beads if json.loads(l)["document"] == doc]
    same = len(want) == len(got) and all(w["source_index"] == g["source_index"] and w["target_index"] == g["target_index"]
                                          and abs(w["score"] - g["score"]) <= 0.00051 for w, g in zip(want, got))
    if not same:
        failures.append(f"{doc}: verso align gives {len(want)} bead(s), Spark {len(got)} (or indices/scores differ)")
    compared += len(want)
from pyspark.sql import SparkSession
spark = SparkSession.builder.master("local[1]").config("spark.ui.showConsoleProgress", "false").getOrCreate()
spark.sparkContext.setLogLevel("ERROR")
rows = spark.read.parquet(f"{work}/out/beads.parquet").select("document", "source_index", "target_index").collect()
spark.stop()
# Spark reads Parquet part files in its own order: compare as multisets.
if sorted((r.document, list(r.source_index), list(r.target_index)) for r in rows) != sorted((o["document"], o["source_index"], o["target_index"]) for o in map(json.loads, beads)):
    failures.append(f"Parquet rows differ from the JSONL beads ({len(rows)} vs {len(beads)})")
if failures:
    print("test-spark: FAIL\n  " + "\n  ".join(failures), file=sys.stderr)
    sys.exit(1)
print(f"test-spark: OK: {len(pairs) - 1} pair(s) + 2 bad records: {len(beads)} bead(s) identical to verso stream, "
      f"{compared} bead(s) of {len(corpora)} Corpora pairs identical to verso align, 2 error lines, Parquet rows identical")
PY
echo "test-spark: $(( $(date +%s) - started )) s in all (config $config, $count pairs)"

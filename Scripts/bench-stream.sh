#!/usr/bin/env bash
# Throughput of `verso stream --jobs 2` alone against Scripts/spark_align.py in Spark local[2],
# on the same 10,000 pairs (Corpora pairs + TransRead chunks, Scripts/stream_pairs.py), release
# build, default settings (FreeDict dictionary, every check). Prints pairs/s, MB/s and the peak
# memory (resident set of the whole process tree, sampled every 0.2 s; for Spark also the sum
# over the verso processes alone).
#
#   bash Scripts/bench-stream.sh            # VERSO_BENCH_PAIRS=2000 for a quicker run
set -euo pipefail
cd "$(dirname "$0")/.."
count=${VERSO_BENCH_PAIRS:-10000}
partitions=${VERSO_BENCH_PARTITIONS:-8}
export VERSO_SHARED="${VERSO_SHARED:-$(cd .. && pwd)/shared}"
python3 -c "import pyspark" 2>/dev/null || pip install --quiet pyspark
swift build -c release --product verso >/dev/null
bin=.build/release/verso
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Scripts/stream_pairs.py --count "$count" > "$work/pairs.jsonl"
size=$(stat -c %s "$work/pairs.jsonl")

# Runs a command, samples the resident memory of its process tree; prints "seconds tree_kb verso_kb".
cat > "$work/measure.py" <<'PY'
import os, subprocess, sys, time
def tree_rss(root):
    parents, rss, names = {}, {}, {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{pid}/stat") as f:
                stat = f.read()
            fields = stat[stat.rindex(")") + 2:].split()
            parents[int(pid)], rss[int(pid)] = int(fields[1]), int(fields[21]) * os.sysconf("SC_PAGE_SIZE") // 1024
            names[int(pid)] = stat[stat.index("(") + 1:stat.rindex(")")]
        except (OSError, ValueError):
            pass
    members, frontier = {root}, [root]
    while frontier:
        children = [p for p, parent in parents.items() if parent in frontier and p not in members]
        members.update(children)
        frontier = children
    return sum(rss.get(p, 0) for p in members), sum(rss.get(p, 0) for p in members if names.get(p) == "verso")
stdin, stdout = open(sys.argv[1], "rb"), open(sys.argv[2], "wb")
start = time.time()
child = subprocess.Popen(sys.argv[3:], stdin=stdin, stdout=stdout, stderr=subprocess.DEVNULL)
peak_tree = peak_verso = 0
while child.poll() is None:
    tree, verso = tree_rss(child.pid)
    peak_tree, peak_verso = max(peak_tree, tree), max(peak_verso, verso)
    time.sleep(0.2)
if child.returncode:
    sys.exit(f"bench-stream: {sys.argv[3:]} exited with {child.returncode}")
print(f"{time.time() - start:.2f} {peak_tree} {peak_verso}")
PY

report() {  # name seconds tree_kb verso_kb
  python3 - "$count" "$size" "$@" <<'PY'
import sys
count, size, name, secs, tree, verso = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], float(sys.argv[4]), int(sys.argv[5]), int(sys.argv[6])
print(f"{name}: {count} pairs ({size / 1e6:.1f} MB) in {secs:.1f} s = {count / secs:.0f} pairs/s, {size / 1e6 / secs:.2f} MB/s; "
      f"peak memory {tree / 1024:.0f} MB in all, {verso / 1024:.0f} MB in verso processes")
PY
}

read -r secs tree verso < <(python3 "$work/measure.py" "$work/pairs.jsonl" "$work/stream.jsonl" "$bin" stream --jobs 2)
report "verso stream --jobs 2" "$secs" "$tree" "$verso"
beads_stream=$(grep -c '^{"source": ' "$work/stream.jsonl")

read -r secs tree verso < <(python3 "$work/measure.py" /dev/null /dev/null python3 Scripts/spark_align.py "$work/pairs.jsonl" "$work/out" \
  --master "local[2]" --verso "$bin" --partitions "$partitions")
report "Spark local[2], $partitions partitions (JVM start included)" "$secs" "$tree" "$verso"
beads_spark=$(cat "$work"/out/beads/part-* | wc -l)
echo "beads: verso stream $beads_stream, Spark $beads_spark"
[ "$beads_stream" -eq "$beads_spark" ] || { echo "bench-stream: bead counts differ" >&2; exit 1; }

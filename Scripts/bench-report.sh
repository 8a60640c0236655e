#!/usr/bin/env bash
# How big the HTML report of a long document gets, and how long Chromium takes to load and
# filter it.
#
# Usage: Scripts/bench-report.sh [BEADS]   (default 5000)
# Writes a synthetic report (mostly 1-1 beads of ordinary sentence length, findings on about
# one bead in twelve) through the sample writer test, then
#  - times `chromium --headless --dump-dom` on an empty page, the report, and report#flagged
#    (wall clock, best of 3; includes Chromium's start-up, see the empty page);
#  - loads a copy with a probe script appended (its CSP removed) that reports, from inside the
#    page: time until the end of parsing and the page's own script, a full style + layout pass,
#    and ticking then unticking "only flagged beads" (each followed by layout).
set -euo pipefail
cd "$(dirname "$0")/.."
beads="${1:-5000}"
chromium="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$chromium" ] || { echo "bench-report: chromium not found; install it with: apt-get install -y chromium" >&2; exit 69; }

dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
VERSO_REPORT_SAMPLE_DIR="$dir" VERSO_REPORT_SYNTHETIC_BEADS="$beads" \
  swift test --filter 'VersoReportTests.SampleWriterTests' >/dev/null
report="$dir/synthetic-report.html"
echo '<!DOCTYPE html><title>empty</title>' > "$dir/empty.html"

dump() {
  "$chromium" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$dir/profile" \
    --dump-dom "file://$1" 2>/dev/null
}

# Best of three wall-clock runs of --dump-dom, in seconds.
load() {
  python3 - "$@" <<'PY'
import subprocess, sys, time
best = None
for _ in range(3):
    start = time.monotonic()
    subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    best = min(best or 1e9, time.monotonic() - start)
print("%.2f" % best)
PY
}
flags=("$chromium" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$dir/profile" --dump-dom)
empty=$(load "${flags[@]}" "file://$dir/empty.html")
plain=$(load "${flags[@]}" "file://$report")
flagged=$(load "${flags[@]}" "file://$report#flagged")
hidden=$(dump "$report#flagged" | grep -o '<tr [^>]*hidden' | wc -l || true)

python3 - "$report" "$dir/probe.html" <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
page = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
probe = """<script>
(function () {
  var body = document.body, box = document.getElementById('f-flag'), now = function () { return performance.now(); };
  var parsed = now(), t = now();
  body.getBoundingClientRect(); body.offsetHeight;
  var layout = now() - t;
  t = now(); box.checked = true; box.dispatchEvent(new Event('change')); body.offsetHeight;
  var flag = now() - t;
  t = now(); box.checked = false; box.dispatchEvent(new Event('change')); body.offsetHeight;
  var unflag = now() - t;
  body.setAttribute('data-bench', [parsed, layout, flag, unflag].map(function (x) { return x.toFixed(0); }).join(' '));
})();
</script></body>"""
open(sys.argv[2], "w", encoding="utf-8").write(page.replace("</body>", probe))
PY
probes=()
for _ in 1 2 3; do
  probes+=("$(dump "$dir/probe.html" | grep -o 'data-bench="[^"]*"' | tr -dc '0-9 \n')")
done
best=$(printf '%s\n' "${probes[@]}" | sort -n -k1 | head -1)
read -r parsed layout flag unflag <<<"$best"

rows=$(grep -o '<tr id="b-' "$report" | wc -l)
bytes=$(stat -c %s "$report")
gzip_bytes=$(gzip -c "$report" | wc -c)
echo "bench-report: $rows beads, $(grep -o 'data-flagged="true"' "$report" | wc -l) flagged; load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores"
echo "bench-report: file $bytes bytes ($((bytes / 1024)) KiB; $((gzip_bytes / 1024)) KiB gzipped)"
echo "bench-report: chromium --headless --dump-dom, best of 3: empty page ${empty} s, report ${plain} s, report#flagged ${flagged} s ($hidden rows hidden)"
echo "bench-report: inside the page (best of 3 by parse time): parsed + script ${parsed} ms, full layout ${layout} ms, 'only flagged' on ${flag} ms, off ${unflag} ms"

#!/usr/bin/env bash
# How big the HTML report of a long document gets, and how long Chromium takes to load and
# filter it.
#
# Usage: Scripts/bench-report.sh [BEADS]   (default 5000)
# Writes, through the sample writer test:
#  - a synthetic report of BEADS beads (mostly 1-1 of ordinary sentence length, findings on
#    about one bead in twelve);
#  - when the shared data is there ($VERSO_SHARED, default ../shared), the TransRead gold as one
#    report (11 novels, 5,260 real beads; made-up findings on null and lopsided beads).
# For each: file size; `chromium --headless --dump-dom` wall clock, best of 3, on the report
# and on report#flagged (an empty page gives Chromium's start-up); and, from a probe script in
# a copy of the page (its CSP removed), time to the end of parsing plus the page's own script,
# a full style + layout pass, and ticking then unticking "only flagged beads".
set -euo pipefail
cd "$(dirname "$0")/.."
beads="${1:-5000}"
chromium="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$chromium" ] || { echo "bench-report: chromium not found; install it with: apt-get install -y chromium" >&2; exit 69; }
shared="${VERSO_SHARED:-$(cd .. && pwd)/shared}"

dir="$(mktemp -d)"
trap 'rm -rf "$dir"' EXIT
transread=0
[ -d "$shared/gold/transread-en-fr/derived" ] && transread=1
VERSO_SHARED="$shared" VERSO_REPORT_SAMPLE_DIR="$dir" VERSO_REPORT_SYNTHETIC_BEADS="$beads" VERSO_REPORT_TRANSREAD="$transread" \
  swift test --filter 'VersoReportTests.SampleWriterTests' >/dev/null
echo '<!DOCTYPE html><title>empty</title>' > "$dir/empty.html"
flags=("$chromium" --headless --no-sandbox --disable-gpu --no-first-run --user-data-dir="$dir/profile" --dump-dom)

# Best of three wall-clock runs of a command, in seconds.
best_of_3() {
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

measure() {
  local report="$1" name
  name="$(basename "$report" .html)"
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
  local plain flagged probes=() best parsed layout flag unflag
  plain=$(best_of_3 "${flags[@]}" "file://$report")
  flagged=$(best_of_3 "${flags[@]}" "file://$report#flagged")
  for _ in 1 2 3; do
    probes+=("$("${flags[@]}" "file://$dir/probe.html" 2>/dev/null | grep -o 'data-bench="[^"]*"' | tr -dc '0-9 \n')")
  done
  best=$(printf '%s\n' "${probes[@]}" | sort -n -k1 | head -1)
  read -r parsed layout flag unflag <<<"$best"
  local rows bytes gzip_bytes flagged_rows
  rows=$(grep -o '<tr id="b-' "$report" | wc -l)
  flagged_rows=$(grep -o 'data-flagged="true"' "$report" | wc -l)
  bytes=$(stat -c %s "$report")
  gzip_bytes=$(gzip -c "$report" | wc -c)
  echo "bench-report: $name: $rows beads, $flagged_rows flagged; file $bytes bytes ($((bytes / 1024)) KiB, $((gzip_bytes / 1024)) KiB gzipped)"
  echo "bench-report: $name: chromium --dump-dom best of 3: ${plain} s, with #flagged ${flagged} s"
  echo "bench-report: $name: in the page: parsed + script ${parsed} ms, full layout ${layout} ms, 'only flagged' on ${flag} ms, off ${unflag} ms"
}

echo "bench-report: load average $(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores; chromium $("$chromium" --version 2>/dev/null | awk '{print $2}')"
echo "bench-report: empty page: chromium --dump-dom best of 3: $(best_of_3 "${flags[@]}" "file://$dir/empty.html") s (start-up)"
measure "$dir/synthetic-report.html"
if [ "$transread" = 1 ]; then
  measure "$dir/transread-report.html"
else
  echo "bench-report: transread: skipped ($shared/gold/transread-en-fr/derived not found; set VERSO_SHARED)"
fi

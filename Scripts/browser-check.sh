#!/usr/bin/env bash
# Opens a Verso HTML report in headless Chromium and checks the DOM after the page's script ran:
# one row per bead, the flagged rows carry the expected codes, nothing from the text became
# markup, and a filter in the URL fragment (#flagged, #code=…&severity=…) hides the right rows.
#
# Usage: Scripts/browser-check.sh [REPORT.html]
#   Without an argument, writes the sample report first (swift test --filter SampleWriterTests).
#   If REPORT.expect.json sits beside the report (the sample writer makes one), the bead count,
#   the flagged beads' codes and texts that must show as text are checked against it too.
# Installs Debian's `chromium` package when it is missing (as root, or with sudo).
# Exit status: 0 all checks passed, 1 a check failed, 77 Chromium is unavailable (skipped).
set -euo pipefail
cd "$(dirname "$0")/.."

report="${1:-}"
if [ -z "$report" ]; then
  sample_dir="$(mktemp -d)"
  echo "browser-check: writing the sample report into $sample_dir" >&2
  VERSO_REPORT_SAMPLE_DIR="$sample_dir" swift test --filter 'VersoReportTests.SampleWriterTests' >/dev/null
  report="$sample_dir/sample-report.html"
fi
[ -f "$report" ] || { echo "browser-check: $report: no such file; give the path of an HTML report" >&2; exit 64; }

chromium="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$chromium" ]; then
  if apt-cache policy chromium 2>/dev/null | grep -q 'Candidate: [0-9]'; then
    echo "browser-check: installing Debian's chromium package" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
    chromium="$(command -v chromium)"
  else
    echo "browser-check: skipped: chromium is not installed and apt has no candidate for it (apt-get update, then apt-get install chromium)" >&2
    exit 77
  fi
fi

python3 - "$chromium" "$report" <<'PY'
import collections, html.parser, json, os, re, subprocess, sys, tempfile, time

chromium, report = sys.argv[1], os.path.abspath(sys.argv[2])
rank = {"": 0, "info": 1, "minor": 2, "major": 3, "critical": 4}
failures = []

def check(ok, message):
    if not ok:
        failures.append(message)
    return ok

class Page(html.parser.HTMLParser):
    """The bead rows, the body's attributes, every tag and event-handler attribute, the text."""
    def __init__(self, source):
        super().__init__(convert_charrefs=True)
        self.rows, self.body, self.tags, self.handlers, self.text = [], {}, collections.Counter(), [], []
        self.feed(source)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags[tag] += 1
        self.handlers += [(tag, name) for name in attrs if name.startswith("on")]
        if tag == "body":
            self.body = attrs
        if tag == "tr" and "bead" in (attrs.get("class") or "").split():
            self.rows.append(attrs)

    def handle_data(self, data):
        self.text.append(data)

def codes(row):
    return sorted((row.get("data-codes") or "").split())

def render(fragment, path=report):
    with tempfile.TemporaryDirectory() as profile:
        started = time.monotonic()
        done = subprocess.run([chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                               "--user-data-dir=" + profile, "--dump-dom", "file://" + path + fragment],
                              capture_output=True, text=True, timeout=300)
        elapsed = time.monotonic() - started
    if done.returncode != 0 or "<html" not in done.stdout:
        sys.exit("browser-check: chromium failed on %s%s (status %d):\n%s" % (report, fragment, done.returncode, done.stderr[-2000:]))
    return Page(done.stdout), elapsed

source = open(report, encoding="utf-8").read()
static = Page(source)
expect_path = report[:-len(".html")] + ".expect.json" if report.endswith(".html") else None
expect = json.load(open(expect_path)) if expect_path and os.path.exists(expect_path) else None
flagged = [row for row in static.rows if row.get("data-flagged") == "true"]

# 1. No fragment: the script ran, every row is there and visible, nothing in the text became markup.
page, seconds = render("")
check(page.body.get("data-ready") == "true", "the page's script did not run (no data-ready on <body>; blocked by the CSP?)")
check(len(page.rows) == len(static.rows), "%d rows after scripts, %d in the file" % (len(page.rows), len(static.rows)))
check(not [row for row in page.rows if "hidden" in row], "rows hidden without a filter")
check(page.tags["script"] == 1, "%d <script> elements, expected only the page's own" % page.tags["script"])
for tag in ("img", "iframe", "object", "embed", "textarea", "a", "link"):
    check(page.tags[tag] == 0, "a <%s> element appeared (document text turned into markup?)" % tag)
check(not page.handlers, "event-handler attributes in the DOM: %s" % page.handlers[:5])
if expect:
    check(len(page.rows) == expect["beads"], "%d rows, expected %d beads" % (len(page.rows), expect["beads"]))
    got = {row["data-bead"]: codes(row) for row in page.rows if row.get("data-flagged") == "true"}
    check(got == expect["flagged"], "flagged rows and codes differ from the model:\n  got      %s\n  expected %s" % (got, expect["flagged"]))
    text = "".join(page.text)
    for snippet in expect.get("texts", []):
        check(snippet in text, "%r is not shown as text" % snippet)

# 2. #flagged hides exactly the rows without findings.
page, _ = render("#flagged")
hidden = {row["data-bead"] for row in page.rows if "hidden" in row}
check(hidden == {row["data-bead"] for row in static.rows if row.get("data-flagged") != "true"},
      "#flagged hid %d rows, expected the %d unflagged ones" % (len(hidden), len(static.rows) - len(flagged)))
check(page.body.get("data-shown") == str(len(flagged)), "#flagged shows %s rows, expected %d" % (page.body.get("data-shown"), len(flagged)))

# 3. #code=…&severity=…&bead=…: the most frequent code at the severity of its first row; that row is selected.
summary = "%d rows, %d flagged, #flagged hid %d" % (len(static.rows), len(flagged), len(hidden))
if flagged:
    code = collections.Counter(c for row in flagged for c in codes(row)).most_common(1)[0][0]
    first = next(row for row in flagged if code in codes(row))
    severity = first["data-severity"]
    fragment = "#code=%s&severity=%s&bead=%s" % (code, severity, first["data-bead"])
    page, _ = render(fragment)
    shown = {row["data-bead"] for row in page.rows if "hidden" not in row}
    wanted = {row["data-bead"] for row in static.rows if code in codes(row) and rank[row.get("data-severity", "")] >= rank[severity]}
    check(shown == wanted, "%s shows beads %s, expected %s" % (fragment, sorted(shown), sorted(wanted)))
    selected = [row["data-bead"] for row in page.rows if "current" in (row.get("class") or "").split()]
    check(selected == [first["data-bead"]], "%s selected %s" % (fragment, selected))
    summary += ", %s showed %d" % (fragment, len(shown))

# 4. Keys: n, n, p, p from the top select the first flagged row, the second, the first, then
#    wrap to the last. Run in a copy with a probe script that presses them (the copy drops the
#    CSP, which would rightly block the probe).
if flagged:
    probe = """<script>(function () {
      var seen = [];
      ['n', 'n', 'p', 'p'].forEach(function (key) {
        document.dispatchEvent(new KeyboardEvent('keydown', { key: key, bubbles: true }));
        var row = document.querySelector('tr.bead.current');
        seen.push(row ? row.getAttribute('data-bead') : '-');
      });
      document.body.setAttribute('data-keys', seen.join(' '));
    })();</script></body>"""
    with tempfile.TemporaryDirectory() as folder:
        copy = os.path.join(folder, "keys.html")
        with open(copy, "w", encoding="utf-8") as out:
            out.write(re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", source).replace("</body>", probe))
        page, _ = render("", copy)
    ids = [row["data-bead"] for row in flagged]
    wanted = [ids[0], ids[1 % len(ids)], ids[0], ids[-1]]
    check(page.body.get("data-keys", "").split() == wanted, "keys n n p p selected %s, expected %s" % (page.body.get("data-keys"), wanted))
    summary += ", keys n n p p went %s" % " ".join(wanted)

if failures:
    print("browser-check: FAILED on %s" % report, file=sys.stderr)
    for failure in failures:
        print("  - " + failure, file=sys.stderr)
    sys.exit(1)
print("browser-check: ok: %s (%s, %d bytes; chromium loaded it in %.2f s)" % (summary, os.path.basename(report), os.path.getsize(report), seconds))
PY

#!/usr/bin/env bash
# Takes a screenshot of a Verso HTML report with headless Chromium (for the README).
#
# Usage: Scripts/screenshot.sh REPORT.html OUT.png [FRAGMENT] [WIDTH,HEIGHT]
#   FRAGMENT is a filter to apply first, e.g. '#flagged' (default: none);
#   the window is 1400,1000 unless given.
# Needs Debian's `chromium` package (Scripts/browser-check.sh installs it).
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 REPORT.html OUT.png [FRAGMENT] [WIDTH,HEIGHT]" >&2
  exit 64
fi
report="$1" out="$2" fragment="${3:-}" size="${4:-1400,1000}"
[ -f "$report" ] || { echo "screenshot: $report: no such file" >&2; exit 64; }
chromium="$(command -v chromium || command -v chromium-browser || true)"
[ -n "$chromium" ] || { echo "screenshot: chromium not found; install it with: apt-get install -y chromium" >&2; exit 69; }

case "$report" in /*) ;; *) report="$PWD/$report" ;; esac
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
profile="$(mktemp -d)"
trap 'rm -rf "$profile"' EXIT
"$chromium" --headless --no-sandbox --disable-gpu --no-first-run --hide-scrollbars --user-data-dir="$profile" \
  --window-size="$size" --screenshot="$out" "file://$report$fragment" 2>"$profile/stderr.log" >/dev/null || {
  echo "screenshot: chromium failed:" >&2; tail -5 "$profile/stderr.log" >&2; exit 1; }
[ -s "$out" ] || { echo "screenshot: chromium wrote no image to $out" >&2; exit 1; }
echo "screenshot: wrote $out ($size)" >&2

# Sourced by the client scripts: `verso ARGS…` runs $VERSO_BIN (the tests pass theirs), else a
# debug build made here. Set `script` to the caller's name for messages.
verso() {
  if [ -z "${VERSO_BIN:-}" ]; then
    swift build --product verso >/dev/null 2>&1 || { echo "${script:-verso}: swift build failed" >&2; exit 1; }
    VERSO_BIN=.build/debug/verso
  fi
  "$VERSO_BIN" "$@"
}

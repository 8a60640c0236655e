# Sourced by bench-corpus.sh and bench-search.sh: packages, release build, a temp folder.
# Sets: bin (release verso), shared ($VERSO_SHARED), work (removed on exit).
cd "$(dirname "$0")/.."
VERSO_EXTRA_PACKAGES="debian-faq debian-faq-fr time" bash Scripts/setup.sh
swift build -c release --product verso >/dev/null
bin=$PWD/.build/release/verso
shared=${VERSO_SHARED:-$PWD/../shared}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

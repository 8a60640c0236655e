#!/usr/bin/env bash
# Installs what Verso needs on Debian (idempotent, no prompts; run as root or with sudo).
# Called by Scripts/demo.sh and Scripts/test.sh; safe to run again.
#   Scripts/setup.sh          what Verso needs to build and run
#   Scripts/setup.sh --test   plus what the tests use: Chromium (report in a real browser),
#                             OmegaT and translate-toolkit (real TMX clients), Debian's FAQ
#                             (real hard-wrapped documents)
set -euo pipefail

packages=(
  libicu-dev pkg-config          # ICU for segmentation and locale data
  libxml2-dev libxml2-utils      # libxml2 (TMX, XLIFF, HTML); xmllint validates TMX in tests
  libsqlite3-dev                 # the corpus store
  libcmark-gfm-dev libcmark-gfm-extensions-dev   # Markdown documents (CommonMark + GFM tables)
  poppler-utils                  # pdftotext: PDF documents
  libzip-dev                     # libzip: the zip containers of DOCX, ODT and EPUB
  dict-freedict-eng-fra dict-freedict-fra-eng dict-freedict-deu-fra   # aligner dictionaries
  wamerican wfrench               # word lists: which language a short line is in (checks)
  libhunspell-dev hunspell-fr hunspell-en-us   # spelling check and the glossary's inflections
  ${VERSO_EXTRA_PACKAGES:-}
)
testing=0
[ "${1:-}" = "--test" ] && testing=1
if [ $testing = 1 ]; then
  packages+=(chromium omegat debian-faq debian-faq-fr time)
  packages+=(gettext)             # msgfmt/msgunfmt: .mo fixtures and real catalogs in the gettext tests
  # Debian's HTML manuals in English and French, for Scripts/eval-html.sh
  packages+=(debian-reference-en debian-reference-fr maint-guide maint-guide-fr)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ $testing = 1 ] && ! python3 -c "import translate.storage.tmx" 2>/dev/null; then
  echo "setup: installing translate-toolkit (PyPI)" >&2
  python3 -m pip install --quiet --disable-pip-version-check translate-toolkit >/dev/null 2>&1 \
    || echo "setup: translate-toolkit could not be installed; its interoperability test will skip" >&2
fi

command -v swift >/dev/null || {
  echo "setup: swift is not on PATH; install Swift 6 from swift.org and try again" >&2
  exit 1
}

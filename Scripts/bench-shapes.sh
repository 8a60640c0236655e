#!/usr/bin/env bash
# Time per MB of the pathological input shapes of the hostile-input issue (one line of 10 MB,
# a million empty lines, 10,000 combining marks on a letter, a sentence of 100,000 words, text
# with no spaces, one huge translation unit or stream record, a TMX of one 20 MB unit or of a
# million tiny ones, XML nested 100,000 deep), each next to ordinary text of its kind, release
# build. CPU seconds (user+sys) are the steadier figure on a shared machine; each run is cut
# off at 120 s. The shapes are made by Scripts/bench-shapes.py into a temporary folder.
set -euo pipefail
cd "$(dirname "$0")/.."
VERSO_EXTRA_PACKAGES="debian-faq time" bash Scripts/setup.sh
swift build -c release --product verso >/dev/null
bin=$(pwd)/.build/release/verso
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
zcat /usr/share/doc/debian/FAQ/debian-faq.en.txt.gz > "$work/faq.txt"
python3 Scripts/bench-shapes.py "$work/shapes" "$work/faq.txt" > "$work/list"
printf '%-52s %9s %8s %8s %9s  %s\n' shape MB "CPU s" "s/MB" "peak MB" "exit"
while IFS=$'\t' read -r name kind a b; do
  case "$kind" in
    segment) args=(segment "$a" -o "$work/out") ;;
    check-pair) args=(check "$a" "$b" --format jsonl -o "$work/out") ;;
    check-memory) args=(check "$a" --format jsonl -o "$work/out") ;;
    convert) args=(convert "$a" "$work/out.tsv") ;;
    stream) args=(stream) ;;
  esac
  bytes=$(cat "$a" ${b:+"$b"} | wc -c)
  set +e
  if [ "$kind" = stream ]; then
    /usr/bin/time -f "%e %M %U %S" -o "$work/time" timeout 120 "$bin" "${args[@]}" < "$a" > "$work/out" 2> "$work/err"
  else
    /usr/bin/time -f "%e %M %U %S" -o "$work/time" timeout 120 "$bin" "${args[@]}" > /dev/null 2> "$work/err"
  fi
  status=$?
  set -e
  read -r _ kb user sys < <(tail -1 "$work/time")
  note=$status
  [ "$status" = 124 ] && note="TIMEOUT (120 s)"
  [ "$status" = 2 ] && note="2: $(head -c 110 "$work/err" | tr '\n' ' ')"
  python3 -c "import sys; b,u,s,kb=int(sys.argv[1]),float(sys.argv[2]),float(sys.argv[3]),int(sys.argv[4]); mb=b/2**20; cpu=u+s
print(f'{sys.argv[5]:<52} {mb:9.2f} {cpu:8.2f} {cpu/mb:8.3f} {kb/1024:9.0f}  {sys.argv[6]}')" "$bytes" "$user" "$sys" "$kb" "$name" "$note"
done < "$work/list"

#!/usr/bin/env python3
"""Builds N document pairs for Scripts/bench-corpus.sh and writes their manifest.

Sources, in this order until N pairs exist:
  - Corpora/seed and Corpora/fixtures pairs (as they are);
  - the Debian FAQ (debian-faq, debian-faq-fr text files), one pair per chapter;
  - the TransRead books ($VERSO_SHARED/gold/transread-en-fr/derived): each book cut at gold
    bead boundaries into chunks of about K beads, for K = 50, 45, 55, 40, 60, ... so that every
    chunking gives different documents.
Usage: make-bench-pairs.py REPO SHARED OUT_DIR N
"""
import gzip, os, re, sys

repo, shared, out, wanted = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
os.makedirs(out, exist_ok=True)
manifest = []

def add(name, en, fr):
    if len(manifest) >= wanted:
        return
    pe, pf = os.path.join(out, name + ".en.txt"), os.path.join(out, name + ".fr.txt")
    with open(pe, "w", encoding="utf-8") as f: f.write(en)
    with open(pf, "w", encoding="utf-8") as f: f.write(fr)
    manifest.append(f"{pe}\t{pf}\t{name}")

corpora = os.path.join(repo, "Corpora")
for folder in ("seed", "fixtures"):
    for file in sorted(os.listdir(os.path.join(corpora, folder))):
        if file.endswith(".en.txt"):
            stem = file[:-len(".en.txt")]
            with open(os.path.join(corpora, folder, file), encoding="utf-8") as f: en = f.read()
            with open(os.path.join(corpora, folder, stem + ".fr.txt"), encoding="utf-8") as f: fr = f.read()
            add(f"corpora-{stem}", en, fr)

def chapters(path):
    lines = gzip.open(path, "rt", encoding="utf-8").read().split("\n")
    starts = {}
    for i, line in enumerate(lines):
        m = re.match(r"^(\d+)\. \S", line)
        if m: starts[int(m.group(1))] = i  # the last occurrence: the body, not the table of contents
    keys = sorted(starts)
    return {k: "\n".join(lines[starts[k]:(starts[keys[j + 1]] if j + 1 < len(keys) else len(lines))]) for j, k in enumerate(keys)}

faq = "/usr/share/doc/debian/FAQ/debian-faq.%s.txt.gz"
if os.path.exists(faq % "en") and os.path.exists(faq % "fr"):
    en, fr = chapters(faq % "en"), chapters(faq % "fr")
    for k in sorted(set(en) & set(fr)):
        add(f"debian-faq-{k:02d}", en[k] + "\n", fr[k] + "\n")

derived = os.path.join(shared, "gold", "transread-en-fr", "derived")
books = []
if os.path.isdir(derived):
    for file in sorted(os.listdir(derived)):
        if file.endswith(".enfr"):
            book = file[:-5]
            read = lambda ext: open(os.path.join(derived, book + ext), encoding="utf-8").read().split("\n")
            beads = []
            for line in read(".enfr"):
                m = re.match(r"^\[([\d,\s]*)\]:\[([\d,\s]*)\]$", line.strip())
                if m:
                    ints = lambda s: [int(x) for x in s.split(",") if x.strip()]
                    beads.append((ints(m.group(1)), ints(m.group(2))))
            books.append((book, read(".en"), read(".fr"), beads))
sizes = [50, 45, 55, 40, 60, 35, 65, 30, 70, 25, 75, 20, 80]
for size in sizes:
    for book, en, fr, beads in books:
        for c, start in enumerate(range(0, len(beads), size)):
            chunk = beads[start:start + size]
            s = sorted({i for b in chunk for i in b[0]}); t = sorted({i for b in chunk for i in b[1]})
            if s and t:
                add(f"{book}-k{size}-{c:03d}", "\n".join(en[i] for i in s if i < len(en)) + "\n",
                    "\n".join(fr[i] for i in t if i < len(fr)) + "\n")
with open(os.path.join(out, "manifest.tsv"), "w", encoding="utf-8") as f:
    f.write("\n".join(manifest) + "\n")
print(len(manifest))

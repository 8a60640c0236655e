#!/usr/bin/env python3
"""Writes document pairs as JSON lines for `verso stream`, for tests and benches.

Pairs come from Corpora/ (the seed pair and the fixtures) and from chunks of the TransRead
novels (SHARED/gold/transread-en-fr/derived: one sentence a line, gold beads in .enfr): a chunk is
a run of consecutive gold beads, so its English and French halves translate each other. Chunks
vary in size (2 to 14 beads) and start; more pairs than distinct chunks reuse the novels with
other sizes and starts. Sentences are joined with spaces, with a paragraph break every few beads.

    python3 Scripts/stream_pairs.py --count 300 --shared ../shared > pairs.jsonl
"""
import argparse
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def corpora_pairs():
    pairs = [("seed", "Corpora/seed/putin-pyongyang.en.txt", "Corpora/seed/putin-pyongyang.fr.txt")]
    fixtures = os.path.join(ROOT, "Corpora/fixtures")
    for name in sorted(os.listdir(fixtures)):
        if name.endswith(".en.txt"):
            stem = name[:-len(".en.txt")]
            pairs.append((f"fixture-{stem}", f"Corpora/fixtures/{name}", f"Corpora/fixtures/{stem}.fr.txt"))
    for doc, en, fr in pairs:
        with open(os.path.join(ROOT, en), encoding="utf-8", newline="") as s, open(os.path.join(ROOT, fr), encoding="utf-8", newline="") as t:
            yield doc, s.read(), t.read()


def novels(shared):
    folder = os.path.join(shared, "gold/transread-en-fr/derived")
    if not os.path.isdir(folder):
        sys.exit(f"stream_pairs: error: {folder} not found (set VERSO_SHARED or pass --shared)")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".enfr"):
            continue
        book = name[:-len(".enfr")]
        with open(os.path.join(folder, book + ".en"), encoding="utf-8") as f:
            en = f.read().split("\n")
        with open(os.path.join(folder, book + ".fr"), encoding="utf-8") as f:
            fr = f.read().split("\n")
        beads = []
        with open(os.path.join(folder, name), encoding="utf-8") as f:
            for line in f:
                m = re.match(r"\[([\d, ]*)\]:\[([\d, ]*)\]", line.strip())
                if m:
                    side = lambda s: [int(x) for x in s.split(",") if x.strip()]
                    beads.append((side(m.group(1)), side(m.group(2))))
        yield book, en, fr, beads


def text(sentences_per_bead):
    paragraphs, current = [], []
    for i, sentences in enumerate(sentences_per_bead):
        current += sentences
        if i % 4 == 3:
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return "\n\n".join(p for p in paragraphs if p)


def chunks(shared):
    """Endless chunks: rounds over the novels with other sizes and starts."""
    books = list(novels(shared))
    for round_ in range(1000):
        size = 2 + (round_ * 5 + 3) % 13
        for book, en, fr, beads in books:
            start = (round_ * 7) % size
            for i in range(start, len(beads) - size + 1, size):
                part = beads[i:i + size]
                source = text([[en[j] for j in s] for s, _ in part])
                target = text([[fr[j] for j in t] for _, t in part])
                if source.strip() and target.strip():
                    yield f"{book}-r{round_}-{i}", source, target


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--count", type=int, required=True, help="number of pairs")
    p.add_argument("--shared", default=os.environ.get("VERSO_SHARED", os.path.join(ROOT, "../shared")))
    args = p.parse_args(argv)
    written = 0
    for doc, source, target in list(corpora_pairs()):
        if written < args.count:
            print(json.dumps({"id": doc, "source": source, "target": target}, ensure_ascii=False))
            written += 1
    for doc, source, target in chunks(args.shared):
        if written >= args.count:
            break
        print(json.dumps({"id": doc, "source": source, "target": target}, ensure_ascii=False))
        written += 1


if __name__ == "__main__":
    main(sys.argv[1:])

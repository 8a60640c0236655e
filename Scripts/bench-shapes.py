#!/usr/bin/env python3
"""Writes the pathological input shapes of Scripts/bench-shapes.sh into a folder, one file (or
pair) a shape, each next to ordinary text of about the same size, and prints one line a shape:
NAME<TAB>COMMAND-KIND<TAB>FILES… (the shell script runs them).

usage: bench-shapes.py OUT ORDINARY.txt
"""
import os
import random
import sys

out, ordinary_path = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
ordinary = open(ordinary_path, encoding="utf-8").read()
rng = random.Random(7)
words = [w for w in ordinary.split() if w.isalpha()][:5000]


def put(name, text):
    path = os.path.join(out, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def sized(text, size):
    """`text` repeated to about `size` bytes."""
    return (text * (size // max(1, len(text.encode())) + 1))[:size]


MB = 1 << 20
shapes = []
# Segmentation.
shapes.append(("ordinary text, 4 MB", "segment", put("ordinary.txt", sized(ordinary, 4 * MB))))
shapes.append(("one line of 10 MB (no line break)", "segment", put("one-line.txt", " ".join(rng.choice(words) for _ in range(1_600_000))[:10 * MB])))
shapes.append(("a million empty lines", "segment", put("empty-lines.txt", "\n" * 1_000_000)))
shapes.append(("10,000 combining marks on one letter, x100", "segment", put("combining.txt", ("e" + "\u0301" * 10_000 + " suite.\n") * 100)))
shapes.append(("one sentence of 100,000 words", "segment", put("long-sentence.txt", " ".join(rng.choice(words) for _ in range(100_000)) + ".\n")))
shapes.append(("'?…' with no spaces, 1 MB", "segment", put("dense.txt", sized("?…", MB))))
shapes.append(("Chinese without spaces, 1 MB", "segment", put("chinese.txt", sized("我们今天在北京开会。他说这个问题很重要！你知道吗？", MB))))
shapes.append(("sentences with no end punctuation, one line, 2 MB", "segment", put("no-stops.txt", sized("the server was restarted and ", 2 * MB))))
# Alignment and checks.
fr = sized("Le serveur a été redémarré par l'administrateur hier soir. ", 256 * 1024)
en = sized("The server was restarted by the administrator last night. ", 256 * 1024)
shapes.append(("ordinary pair, 256 KB a side", "check-pair", put("pair.en.txt", "\n\n".join(en.split(". ")) ), put("pair.fr.txt", "\n\n".join(fr.split(". ")))))
shapes.append(("one sentence of 40,000 words a side", "check-pair", put("sentence.en.txt", en.replace(". ", ", ") + "."), put("sentence.fr.txt", fr.replace(". ", ", ") + ".")))
shapes.append(("one translation unit of 512 KB (memory)", "check-memory", put("unit.tsv", "source\ttarget\n" + sized(en, 512 * 1024).replace("\t", " ") + "\t" + sized(fr, 512 * 1024).replace("\t", " ") + "\n")))
import json
record = {"id": "big", "source": sized(en, MB), "target": sized(fr, MB), "source_lang": "en", "target_lang": "fr"}
shapes.append(("one stream record of 2 MB", "stream", put("record.jsonl", json.dumps(record, ensure_ascii=False) + "\n")))
# Memories.
def tmx(units):
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header creationtool="bench" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en" srclang="en" datatype="plaintext"/><body>\n'
    return head + "".join(f'<tu><tuv xml:lang="en"><seg>{a}</seg></tuv><tuv xml:lang="fr"><seg>{b}</seg></tuv></tu>\n' for a, b in units) + "</body></tmx>\n"
shapes.append(("TMX, ordinary units, 8 MB", "convert", put("ordinary.tmx", tmx([("The server was restarted.", "Le serveur a été redémarré.")] * 80_000))))
shapes.append(("TMX, one unit of 20 MB", "convert", put("one-unit.tmx", tmx([(sized(en, 10 * MB), sized(fr, 10 * MB))]))))
shapes.append(("TMX, a million tiny units", "convert", put("tiny.tmx", tmx([("a", "b")] * 1_000_000))))
shapes.append(("XML nested 100,000 deep", "convert", put("deep.tmx", '<?xml version="1.0"?><tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>'
                                                                + "<bpt i='1'>" * 100_000 + "x" + "</bpt>" * 100_000 + "</seg></tuv></tu></body></tmx>\n")))
shapes.append(("HTML nested 100,000 deep", "segment", put("deep.html", "<html><body>" + "<div>" * 100_000 + "text." + "</div>" * 100_000 + "</body></html>\n")))
for name, kind, *files in shapes:
    print("\t".join([name, kind] + files))

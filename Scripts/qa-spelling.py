#!/usr/bin/env python3
"""The spelling check on real translations: the share of prose pairs it flags, per genre, and a
sample of flagged words to read.

Genres: Debian's gettext catalogs (messages of four words or more), the Debian FAQ (English and
French text, aligned by verso), and the TransRead literary gold set (1-1 beads of eleven
novels, from $VERSO_SHARED/gold/transread-en-fr/derived). Each is checked with
`verso check … --enable spelling --format jsonl`; a pair is prose when its target has four
words or more. The sample (seed 7, 50 words spread over the genres) is printed with its
context, to be read by a person: a real misspelling or non-word, or a false alarm.

usage: qa-spelling.py --verso .build/release/verso --out out/qa
"""
import argparse
import gzip
import importlib.util
import json
import os
import random
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def catalogs_module():
    spec = importlib.util.spec_from_file_location("qa_testset", os.path.join(HERE, "qa-testset.py"))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_memory(path, pairs):
    with open(path, "w", encoding="utf-8") as out:
        out.write("source\ttarget\n")
        for source, target in pairs:
            out.write(f"{source}\t{target}\n")


def words(text):
    return re.findall(r"[^\W\d_]+", text)


def check(verso, arguments):
    run = subprocess.run([verso, "check", *arguments, "--enable", "spelling", "--format", "jsonl"],
                         capture_output=True, text=True)
    if run.returncode not in (0, 1):
        sys.exit(f"qa-spelling: verso check {' '.join(arguments)} failed:\n{run.stderr}")
    beads = []
    for line in run.stdout.splitlines()[1:]:
        record = json.loads(line)
        target = record["target"] if isinstance(record["target"], str) else " ".join(record["target"])
        flagged = [f for f in record["flags"] if f["code"] == "spelling"]
        beads.append((target, flagged))
    return beads


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--verso", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--shared", default=os.environ.get("VERSO_SHARED", os.path.join(HERE, "..", "..", "shared")))
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    genres = {}

    pairs = [(s, t) for _, s, t in catalogs_module().load("/usr/share/locale/fr/LC_MESSAGES") if len(words(t)) >= 4]
    path = os.path.join(args.out, "spelling-catalogs.tsv")
    write_memory(path, pairs)
    genres["Debian catalogs"] = check(args.verso, [path])

    faq = "/usr/share/doc/debian/FAQ/debian-faq.{}.txt.gz"
    if os.path.exists(faq.format("en")) and os.path.exists(faq.format("fr")):
        sides = []
        for lang in ("en", "fr"):
            side = os.path.join(args.out, f"debian-faq.{lang}.txt")
            with gzip.open(faq.format(lang), "rt", encoding="utf-8") as src, open(side, "w", encoding="utf-8") as dst:
                dst.write(src.read())
            sides.append(side)
        genres["Debian FAQ"] = check(args.verso, sides)
    else:
        print("qa-spelling: the Debian FAQ is not installed (debian-faq, debian-faq-fr): skipped", file=sys.stderr)

    derived = os.path.join(args.shared, "gold", "transread-en-fr", "derived")
    if os.path.isdir(derived):
        literary = []
        for name in sorted(f[:-5] for f in os.listdir(derived) if f.endswith(".enfr")):
            en = open(os.path.join(derived, name + ".en"), encoding="utf-8").read().split("\n")
            fr = open(os.path.join(derived, name + ".fr"), encoding="utf-8").read().split("\n")
            for line in open(os.path.join(derived, name + ".enfr"), encoding="utf-8"):
                sides = [p.strip("[] \n") for p in line.split(":")]
                if len(sides) == 2 and sides[0].isdigit() and sides[1].isdigit():
                    s, t = int(sides[0]), int(sides[1])
                    if s < len(en) and t < len(fr) and "\t" not in en[s] + fr[t]:
                        literary.append((en[s], fr[t]))
        path = os.path.join(args.out, "spelling-transread.tsv")
        write_memory(path, literary)
        genres["TransRead literary"] = check(args.verso, [path])
    else:
        print(f"qa-spelling: {derived} not found (set VERSO_SHARED): TransRead skipped", file=sys.stderr)

    print("genre                 prose pairs   flagged   share   flagged words")
    flagged_words = []
    for genre, beads in genres.items():
        prose = [(t, f) for t, f in beads if len(words(t)) >= 4]
        hit = [(t, f) for t, f in prose if f]
        count = sum(len(f) for _, f in hit)
        print(f"{genre:<22}{len(prose):>11}{len(hit):>10}{100 * len(hit) / max(len(prose), 1):>7.2f} %{count:>10}")
        for target, findings in hit:
            for finding in findings:
                lo, hi = finding["span"]
                flagged_words.append((genre, target[lo:hi], target[max(0, lo - 50):hi + 50]))
    rng = random.Random(7)
    sample = rng.sample(flagged_words, min(50, len(flagged_words)))
    print(f"\nsample of {len(sample)} flagged words (seed 7):")
    for genre, word, context in sorted(sample):
        print(f"  [{genre}] {word}\t… {context} …")


if __name__ == "__main__":
    main()

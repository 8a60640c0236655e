#!/usr/bin/env python3
"""Labelled test sets of real software messages for Verso's localisation QA checks.

Reads Debian's French gettext catalogs (/usr/share/locale/fr/LC_MESSAGES/*.mo, real
translations; Python's gettext module parses the MO files), keeps singular messages of the
software catalogs (the iso_* name lists are left out), and writes `verso eval-checks` TSV files:

  * untouched real pairs, labelled correct (codes empty): the false-alarm measure;
  * real pairs with one glitch injected in the target: a placeholder dropped, retyped, swapped,
    added or renamed, or a French "%%" written "%"; a tag dropped, added or crossed (in real
    markup, or in markup wrapped around a word on both sides first); a URL, e-mail address,
    option or path changed or dropped; a shortcut key changed, an accelerator marker dropped or
    doubled; a closing bracket dropped. The code column names the check expected to catch it.

The catalogs' messages are split in two halves by a hash of catalog and message, so the dev set
(seed 1) and the test set (seed 2, scored once at the end) share no message. Same seed, same
catalogs: same bytes out.

usage: qa-testset.py --seed 1 --half dev -o out/qa/dev.tsv
"""
import argparse
import gettext
import glob
import hashlib
import os
import random
import re
import sys

PRINTF = re.compile(r"%(?:\d+\$)?[-+#0']*\d*(?:\.\d+)?(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfgGcsp]")
NAMED = re.compile(r"%\([A-Za-z_][A-Za-z0-9_]*\)[sdifr]|\{[A-Za-z_][A-Za-z0-9_]*\}|\$\{?[A-Z_][A-Z0-9_]*\}?")
TAG = re.compile(r"<(/?)(b|i|u|tt|big|small|span|a|em|strong|sub|sup)(\s[^<>]*)?>")
URL = re.compile(r"https?://[^\s<>\"»«)]+[^\s<>\"»«).,;:!?']")
EMAIL = re.compile(r"[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")
OPTION = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]{2,}")
PATH = re.compile(r"(?<![\w/.~-])/(?:[a-z0-9._-]+/)+[a-z0-9._-]*[a-z0-9]")
COMBO = re.compile(r"\b((?:Ctrl|Alt|Shift|Control)\+)+([A-Z0-9]|F[0-9]{1,2})\b")
MNEMONIC = re.compile(r"(?:^|(?<=\s))_(?=[A-Za-z])")


def load(directory):
    pairs = []
    for path in sorted(glob.glob(os.path.join(directory, "*.mo"))):
        catalog = os.path.basename(path)[:-3]
        if catalog.startswith("iso_"):
            continue
        with open(path, "rb") as handle:
            try:
                translations = gettext.GNUTranslations(handle)
            except Exception as error:  # a catalog Python cannot read is left out, said on stderr
                print(f"qa-testset: {catalog}: {error}", file=sys.stderr)
                continue
        seen = set()
        for key, value in sorted(translations._catalog.items(), key=lambda kv: str(kv[0])):
            if not isinstance(key, str) or not key or not value:
                continue
            source = key.split("\x04")[-1]
            if "\t" in source or "\t" in value or len(source) > 400 or source in seen:
                continue
            seen.add(source)
            # One pair a TSV line: line breaks inside a message become spaces, on both sides.
            clean = lambda s: re.sub(r"\s*\n\s*", " ", s).strip()
            source, target = clean(source), clean(value)
            if source and target:
                pairs.append((catalog, source, target))
    return pairs


def half(pair):
    digest = hashlib.sha256(f"{pair[0]}\x00{pair[1]}".encode()).digest()
    return "dev" if digest[0] % 2 == 0 else "test"


# Each injector takes (source, target, rng) and returns (new target, code, note) or None.

def placeholder(source, target, rng):
    s, t = PRINTF.findall(source), list(PRINTF.finditer(target))
    named = [m for m in NAMED.finditer(target) if m.group(0) in source]
    options = []
    if t and len(s) == len(t):
        options += ["drop", "retype", "extra"]
        if len({m.group(0)[-1] for m in t}) > 1 and not any("$" in m.group(0) for m in t):
            options.append("swap")
    if "%%" in target and "%%" in source:
        options.append("percent")
    if named:
        options.append("rename")
    if not options:
        return None
    kind = rng.choice(options)
    if kind == "drop":
        m = rng.choice(t)
        return squeeze(target[:m.start()] + target[m.end():]), f"dropped {m.group(0)}"
    if kind == "retype":
        m = rng.choice(t)
        old = m.group(0)
        new = old[:-1] + ("d" if old[-1] in "sc" else "s")
        return target[:m.start()] + new + target[m.end():], f"{old} became {new}"
    if kind == "extra":
        words = target.split(" ")
        k = rng.randrange(len(words) + 1)
        extra = rng.choice(["%s", "%d"])
        return " ".join(words[:k] + [extra] + words[k:]), f"added {extra}"
    if kind == "swap":
        a, b = rng.sample(t, 2)
        if a.start() > b.start():
            a, b = b, a
        if a.group(0)[-1] == b.group(0)[-1]:
            return None
        return (target[:a.start()] + b.group(0) + target[a.end():b.start()] + a.group(0) + target[b.end():],
                f"swapped {a.group(0)} and {b.group(0)}")
    if kind == "percent":
        k = target.index("%%")
        return target[:k] + "%" + target[k + 2:], "%% written %"
    m = rng.choice(named)
    old = m.group(0)
    new = re.sub(r"[A-Za-z_]+", lambda w: w.group(0) + ("_fr" if w.group(0).islower() else "_FR"), old, count=1)
    return target[:m.start()] + new + target[m.end():], f"{old} renamed {new}"


def wrap(text, rng, open_tag="<b>", close_tag="</b>"):
    """Markup around one word of a message (a word of letters, not inside a placeholder)."""
    words = [m for m in re.finditer(r"(?<![%$\w{<&/-])[^\W\d_]{3,}(?![\w}>])", text)]
    if not words:
        return None
    m = rng.choice(words)
    return text[:m.start()] + open_tag + m.group(0) + close_tag + text[m.end():]


def tag(source, target, rng):
    real = list(TAG.finditer(target))
    if real and len(TAG.findall(source)) == len(real):
        m = rng.choice(real)
        return squeeze(target[:m.start()] + target[m.end():]), f"dropped {m.group(0)}", source
    if len(source.split()) < 3 or len(target.split()) < 3 or "<" in source or "<" in target:
        return None
    kind = rng.choice(["drop-close", "drop-open", "cross", "extra"])
    if kind == "cross":
        s = wrap(source, rng, "<b><i>", "</i></b>")
        t = wrap(target, rng, "<b><i>", "</b></i>")
        return (t, "crossed </b></i>", s) if s and t else None
    s, t = wrap(source, rng), wrap(target, rng)
    if not s or not t:
        return None
    if kind == "drop-close":
        return t.replace("</b>", "", 1), "dropped </b>", s
    if kind == "drop-open":
        return t.replace("<b>", "", 1), "dropped <b>", s
    return t.replace("</b>", "</b><br/>", 1), "added <br/>", s


def identifier(source, target, rng):
    found = []
    for pattern in (URL, EMAIL, OPTION, PATH):
        for m in pattern.finditer(source):
            if m.group(0) in target:
                found.append(m.group(0))
    if not found:
        return None
    old = rng.choice(found)
    k = target.index(old)
    kind = rng.choice(["change", "change", "drop"])
    if kind == "drop":
        return squeeze(target[:k] + target[k + len(old):]), f"dropped {old}"
    # Change one letter (not a separator), as a mistyped or "translated" identifier would.
    letters = [i for i, c in enumerate(old) if c.isalpha() and i > (2 if old.startswith("--") else 0)]
    if not letters:
        return None
    i = rng.choice(letters)
    new = old[:i] + ("e" if old[i] != "e" else "a") + old[i + 1:]
    return target[:k] + new + target[k + len(old):], f"{old} became {new}"


def shortcut(source, target, rng):
    combos = [m for m in COMBO.finditer(target) if m.group(0) in source]
    if combos:
        m = rng.choice(combos)
        key = m.group(2)
        new_key = "F5" if key.startswith("F") and key != "F5" else ("Q" if key != "Q" else "W")
        new = m.group(0)[: -len(key)] + new_key
        return target[:m.start()] + new + target[m.end():], f"{m.group(0)} became {new}"
    if len(MNEMONIC.findall(source)) == 1 and len(source.split()) <= 6 and target.count("_") == 1:
        k = target.index("_")
        if rng.random() < 0.75:
            return target[:k] + target[k + 1:], "accelerator marker _ dropped"
        letters = [i for i, c in enumerate(target) if c.isalpha() and i > k + 2]
        if not letters:
            return None
        i = rng.choice(letters)
        return target[:i] + "_" + target[i:], "second accelerator marker _"
    return None


def bracket(source, target, rng):
    for close, codes in (("]", "bracket-mismatch,quote-punctuation"), ("}", "bracket-mismatch,placeholder-mismatch"),
                         (")", "quote-punctuation,bracket-mismatch")):
        if source.count(close) == 1 and target.count(close) == 1 and source.count(close) == target.count(close):
            k = target.index(close)
            return target[:k] + target[k + 1:], codes, f"dropped {close}"
    return None


def squeeze(text):
    return re.sub(r"  +", " ", text).strip()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--catalogs", default="/usr/share/locale/fr/LC_MESSAGES")
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--half", choices=["dev", "test"], required=True)
    parser.add_argument("--clean", type=int, default=600, help="untouched real pairs")
    parser.add_argument("-o", "--output", required=True)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    pairs = [p for p in load(args.catalogs) if half(p) == args.half]
    if not pairs:
        sys.exit(f"qa-testset: no catalogs in {args.catalogs} (install gettext catalogs, e.g. the fr locale of coreutils)")
    rng.shuffle(pairs)
    quotas = {"placeholder-mismatch": 70, "tag-mismatch": 45, "url-mismatch": 50, "shortcut-mismatch": 50, "bracket": 20}
    injectors = {"placeholder-mismatch": placeholder, "tag-mismatch": tag, "url-mismatch": identifier,
                 "shortcut-mismatch": shortcut, "bracket": bracket}
    rows, used = [], set()
    for code, quota in quotas.items():
        made = 0
        per_catalog = {}
        for index, (catalog, source, target) in enumerate(pairs):
            if made >= quota:
                break
            # At most a fifth of a glitch type from one catalog (binutils alone has thousands of %s).
            if index in used or per_catalog.get(catalog, 0) >= max(3, quota // (2 if code == "shortcut-mismatch" else 5)):
                continue
            result = injectors[code](source, target, rng)
            if not result:
                continue
            used.add(index)
            per_catalog[catalog] = per_catalog.get(catalog, 0) + 1
            if code == "tag-mismatch":
                new_target, note, new_source = result
                rows.append((f"{catalog}-{index}", new_source, new_target, code, "injected: " + note))
            elif code == "bracket":
                new_target, codes, note = result
                rows.append((f"{catalog}-{index}", source, new_target, codes, "injected: " + note))
            else:
                new_target, note = result
                rows.append((f"{catalog}-{index}", source, new_target, code, "injected: " + note))
            made += 1
        print(f"qa-testset: {code}: {made} pairs", file=sys.stderr)
    # Untouched pairs: half with something the checks read (placeholders, markup, identifiers,
    # shortcuts, brackets), half any message.
    rich = re.compile(r"[%$<{_\[]|https?://|@|--|\+")
    clean_rich = [i for i in range(len(pairs)) if i not in used and rich.search(pairs[i][1])]
    clean_any = [i for i in range(len(pairs)) if i not in used and not rich.search(pairs[i][1])]
    chosen = clean_rich[: args.clean // 2] + clean_any[: args.clean - min(len(clean_rich), args.clean // 2)]
    for i in chosen:
        catalog, source, target = pairs[i]
        rows.append((f"{catalog}-{i}", source, target, "", "untouched real pair"))
    rows.sort(key=lambda r: r[0])
    os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
    with open(args.output, "w", encoding="utf-8") as out:
        out.write("id\tsource\ttarget\tcodes\tnote\n")
        for row in rows:
            out.write("\t".join(row) + "\n")
    print(f"qa-testset: {len(rows)} pairs ({len(chosen)} untouched) -> {args.output}", file=sys.stderr)


if __name__ == "__main__":
    main()

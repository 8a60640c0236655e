#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target into OUT/<target>/ from the files in Corpora/
and small files made here (each format from the seed pair's first lines). Nothing here is
committed output: Scripts/fuzz.sh runs this before every run.

usage: make-seeds.py REPO OUT
"""
import json
import os
import sys
from xml.sax.saxutils import escape, quoteattr

repo, out = sys.argv[1], sys.argv[2]


def write(target, name, data):
    folder = os.path.join(out, target)
    os.makedirs(folder, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def read(path):
    with open(os.path.join(repo, path), "rb") as f:
        return f.read()


texts = {}
for folder in ["Corpora/fixtures", "Corpora/seed"]:
    for name in sorted(os.listdir(os.path.join(repo, folder))):
        if name.endswith(".txt"):
            texts[name] = read(os.path.join(folder, name))

# Pairs of lines from the seed pair, the first fixtures and a few hostile shapes.
en = read("Corpora/seed/putin-pyongyang.en.txt").decode().splitlines()
fr = read("Corpora/seed/putin-pyongyang.fr.txt").decode().splitlines()
pairs = [(a, b) for a, b in zip(en, fr) if a.strip() and b.strip()][:12]
pairs += [("Tab\there & <b>bold</b>", "Tab\tici & <b>gras</b>"), ("", "Seulement la cible."),
          ("Line\\nbreak \\\\ slash", "Saut\\nde ligne"), ("Ünïcödé ‘quotes’ «»", "« Guillemets » — tiret")]

# The decoder: every text in UTF-8 with and without BOM, UTF-16 and UTF-32 both ways.
for name, data in list(texts.items())[:6]:
    text = data.decode("utf-8")
    write("fuzz-sourcetext", name, data)
    write("fuzz-sourcetext", name + ".bom", b"\xef\xbb\xbf" + data[:2000])
    write("fuzz-sourcetext", name + ".u16le", b"\xff\xfe" + text[:1000].encode("utf-16-le"))
    write("fuzz-sourcetext", name + ".u16be", b"\xfe\xff" + text[:1000].encode("utf-16-be"))
    write("fuzz-sourcetext", name + ".u32le", b"\xff\xfe\x00\x00" + text[:500].encode("utf-32-le"))
    write("fuzz-sourcetext", name + ".u32be", b"\x00\x00\xfe\xff" + text[:500].encode("utf-32-be"))
    write("fuzz-sourcetext", name + ".u16le-nobom", text[:500].encode("utf-16-le"))
    write("fuzz-sourcetext", name + ".latin1", text[:1000].encode("latin-1", "replace"))
write("fuzz-sourcetext", "surrogate", b"caf\xc3\xa9 \xed\xa0\x80\xed\xb0\x80 end\n")
write("fuzz-sourcetext", "overlong", b"nul \xc0\x80 here\n")
write("fuzz-sourcetext", "truncated", "fin é".encode()[:-1])

# Segmentation: the first byte picks the language (0 en, 1 fr, 2 de, 3 ja).
for name, data in texts.items():
    write("fuzz-segment", name, (b"\x01" if ".fr." in name else b"\x00") + data)
write("fuzz-segment", "ja", b"\x03" + "日本語の文です。二つ目の文！三つ目？".encode())
write("fuzz-segment", "dense", b"\x00" + "?…".encode() * 40 + b"\n\n- item one.\n- item two\n\n    code line\n")

# TMX.
tus = "".join(f'<tu><prop type="x-verso-score">0.9</prop><tuv xml:lang="en"><seg>{escape(a)}</seg></tuv>'
              f'<tuv xml:lang="fr"><seg>{escape(b)}</seg></tuv></tu>\n' for a, b in pairs[:6])
write("fuzz-tmx", "made.tmx", f'<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4"><header srclang="en" '
      f'datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/>'
      f'<body>\n{tus}</body></tmx>\n')
write("fuzz-tmx", "inline.tmx", '<tmx version="1.4"><header srclang="en"/><body><tu><tuv xml:lang="en"><seg>A <bpt i="1">'
      '&lt;b&gt;</bpt>bold<ept i="1">&lt;/b&gt;</ept> <ph>x</ph> word.</seg></tuv><tuv xml:lang="fr"><seg>Un <bpt i="1">'
      '&lt;b&gt;</bpt>gras<ept i="1">&lt;/b&gt;</ept>.</seg></tuv></tu></body></tmx>')
write("fuzz-tmx", "fixtures.tmx", read("Tests/VersoCorpusTests/Golden/fixtures.tmx"))

# XLIFF 2.0.
units = "".join(f'<unit id="u{i}"><segment><source>{escape(a)}</source><target>{escape(b)}</target></segment></unit>\n'
                for i, (a, b) in enumerate(pairs[:6]))
write("fuzz-xliff", "made.xlf", f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" '
      f'version="2.0" srcLang="en" trgLang="fr"><file id="f1">\n{units}</file></xliff>\n')
write("fuzz-xliff", "inline.xlf", '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="en-US" '
      'trgLang="fr-FR"><file id="f"><unit id="1"><segment><source>Press <pc id="1">OK</pc> <ph id="2"/>now.</source>'
      '<target>Appuyez sur <pc id="1">OK</pc>.</target></segment></unit></file></xliff>')

# TSV and JSONL.
for name in sorted(os.listdir(os.path.join(repo, "Corpora/checks"))):
    write("fuzz-tsv", name, read(os.path.join("Corpora/checks", name))[:6000])
write("fuzz-tsv", "made.tsv", "source\ttarget\n" + "".join(f"{a}\t{b}\n" for a, b in pairs if "\t" not in a + b))
write("fuzz-tsv", "crlf.tsv", "".join(f"{a}\t{b}\r\n" for a, b in pairs[:4]))
lines = [json.dumps({"signature": "verso:0.1.0|test"})]
for i, (a, b) in enumerate(pairs):
    lines.append(json.dumps({"source": [a], "target": [b, b] if i % 3 == 0 else [b], "source_index": [i], "target_index": [i],
                             "score": 0.5 + i / 100, "flags": [{"code": "omission", "severity": "minor", "message": "m",
                                                                "side": "target", "span": [0, 3]}] if i % 2 else [],
                             "document": "doc"}, ensure_ascii=i % 2 == 0))
write("fuzz-jsonl", "made.jsonl", "\n".join(lines) + "\n")

# Moses: the two sides cut at the first NUL.
write("fuzz-moses", "pair", "\n".join(a for a, _ in pairs) + "\n\0" + "\n".join(b for _, b in pairs) + "\n")
write("fuzz-moses", "cr", "one\rtwo\r\0un\rdeux\r")
write("fuzz-moses", "crlf", "one\r\ntwo\r\n\0un\r\ndeux\r\n")

# Stream records.
records = [json.dumps({"id": f"d{i}", "source": a, "target": b, "source_lang": "en", "target_lang": "fr"})
           for i, (a, b) in enumerate(pairs) if a]
records += ['{"id": "x", "source": "A.", "target": "B.", "target_lang": null}', '"just a string"', "[1, 2]", "{}",
            '{"id": 7, "source": "a", "target": "b"}']
write("fuzz-stream", "records.jsonl", "\n".join(records) + "\n")

# Glossaries: CSV, TSV and TBX.
write("fuzz-glossary", "terms.csv", 'source,target\n"United Nations","Nations unies"\nWHO,OMS\n# comment\n')
write("fuzz-glossary", "terms.tsv", "source\ttarget\nNorth Korea\tCorée du Nord\n")
write("fuzz-glossary", "terms.tbx", '<martif type="TBX"><text><body><termEntry id="1"><langSet xml:lang="en"><tig><term>UN'
      '</term></tig></langSet><langSet xml:lang="fr"><tig><term>ONU</term></tig></langSet></termEntry></body></text></martif>')

# Language codes and locales: good, canonicalisable, near misses, and the 12-letter crash.
for i, code in enumerate(["en", "FR", "fr_CA", "zh-Hant-TW", "fra", "iw", "en@ss=standard", "french", "Deutsch",
                          "abcdefghijkl", "x-klingon", "und", "de-CH-1996", "en-US-u-ca-gregory", "sr_Latn_RS"]):
    write("fuzz-language", f"code-{i}", code)

# XLIFF 1.2, and XML in other encodings (the XML layer transcodes them).
trans = "".join(f'<trans-unit id="{i}"><source>{escape(a)}</source><target>{escape(b)}</target></trans-unit>\n'
                for i, (a, b) in enumerate(pairs[:6]))
write("fuzz-xliff", "made12.xlf", f'<?xml version="1.0" encoding="UTF-8"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
      f'<file source-language="en" target-language="fr" datatype="plaintext" original="x"><body>\n{trans}</body></file></xliff>\n')
write("fuzz-xliff", "utf16.xlf", '<?xml version="1.0" encoding="UTF-16"?><xliff version="1.2"><file source-language="en" '
      'target-language="fr"><body><trans-unit id="1"><source>A</source><target>B</target></trans-unit></body></file></xliff>'.encode("utf-16"))
write("fuzz-tmx", "latin1.tmx", '<?xml version="1.0" encoding="ISO-8859-1"?><tmx version="1.4"><header srclang="en"/><body><tu>'
      '<tuv xml:lang="en"><seg>Summer</seg></tuv><tuv xml:lang="fr"><seg>Été</seg></tuv></tu></body></tmx>'.encode("latin-1"))

# gettext: a PO catalog and an MO file (written here: magic, revision, count, tables, strings).
entries = [("", "Content-Type: text/plain; charset=UTF-8\nLanguage: fr\nPlural-Forms: nplurals=2; plural=(n > 1);\n")]
entries += [(a, b) for a, b in pairs[:6] if a]
po = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', '"Language: fr\\n"', ""]
for a, b in entries[1:]:
    po += [f"#: src/main.c:{len(po)}", "#, c-format", "msgid " + json.dumps(a, ensure_ascii=False), "msgstr " + json.dumps(b, ensure_ascii=False), ""]
po += ['msgctxt "menu"', 'msgid "File"', 'msgid_plural "Files"', 'msgstr[0] "Fichier"', 'msgstr[1] "Fichiers"', "",
       '#~ msgid "Old"', '#~ msgstr "Ancien"', "", 'msgid "Untranslated"', 'msgstr ""']
write("fuzz-po", "made.po", "\n".join(po) + "\n")


def mo(items):
    import struct
    items = sorted(items, key=lambda kv: kv[0].encode())
    ids = [k.encode() for k, _ in items]
    strs = [v.encode() for _, v in items]
    n = len(items)
    start = 28 + 16 * n
    table, data = [], b""
    for blob in ids + strs:
        table.append((len(blob), start + len(data)))
        data += blob + b"\0"
    header = struct.pack("<7I", 0x950412DE, 0, n, 28, 28 + 8 * n, 0, 0)
    return header + b"".join(struct.pack("<2I", *t) for t in table) + data


write("fuzz-mo", "made.mo", mo(entries + [("menu\x04File\x00Files", "Fichier\x00Fichiers")]))


# fuzz-document: the first byte names the extension (see its main.swift: html md srt vtt docx odt
# epub txt xhtml gz); small office archives are made here so that they fit the input size.
def zipped(files):
    import io
    import zipfile
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in files:
            archive.writestr(name, content)
    return buffer.getvalue()


for index, extension in enumerate(["html", "md", "srt"]):
    data = read(f"Corpora/documents/putin-pyongyang.en.{extension}")[:8000]
    write("fuzz-document", extension, bytes([index]) + data)
write("fuzz-document", "vtt", b"\x03WEBVTT\n\n00:00:01.000 --> 00:00:03.000\nPutin arrives.\n\n00:00:03.500 --> 00:00:05.000\n<b>Kim</b> waits.\n")
paragraphs = "".join(f"<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>{escape(a)}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\"> bold</w:t></w:r></w:p>"
                     for a, _ in pairs[:5])
write("fuzz-document", "docx", b"\x04" + zipped([
    ("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'),
    ("word/document.xml", '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>'
     + paragraphs + "</w:body></w:document>")]))
write("fuzz-document", "odt", b"\x05" + zipped([
    ("mimetype", "application/vnd.oasis.opendocument.text"),
    ("content.xml", '<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
     'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:text><text:h text:outline-level="1">Title</text:h>'
     + "".join(f"<text:p>{escape(a)} <text:span>span</text:span></text:p>" for a, _ in pairs[:5]) + "</office:text></office:body></office:document-content>")]))
write("fuzz-document", "epub", b"\x06" + zipped([
    ("mimetype", "application/epub+zip"),
    ("META-INF/container.xml", '<?xml version="1.0"?><container xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
     '<rootfile full-path="content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'),
    ("content.opf", '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf"><manifest><item id="c1" href="c1.xhtml" '
     'media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c1"/></spine></package>'),
    ("c1.xhtml", '<html xmlns="http://www.w3.org/1999/xhtml"><body>' + "".join(f"<p>{escape(a)}</p>" for a, _ in pairs[:5]) + "</body></html>")]))
write("fuzz-document", "txt", b"\x07" + "\n\n".join(a for a, _ in pairs[:10]).encode())
write("fuzz-document", "xhtml", b"\x08" + ('<?xml version="1.0" encoding="ISO-8859-1"?><html xmlns="http://www.w3.org/1999/xhtml" lang="fr"><body><h1>Été</h1>'
                                          '<ul><li>un</li><li>deux <a href="x">lien</a></li></ul><table><tr><td>a</td><td>b</td></tr></table></body></html>').encode("latin-1"))
import gzip as _gzip
write("fuzz-document", "gz", b"\x09" + _gzip.compress(read("Corpora/documents/putin-pyongyang.en.html")[:4000]))
for index, extension in [(4, "docx"), (5, "odt")]:
    for side in ["en", "fr"]:
        write("fuzz-document", f"{side}.{extension}", bytes([index]) + read(f"Corpora/documents/putin-pyongyang.{side}.{extension}"))

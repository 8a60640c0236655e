#!/usr/bin/env python3
"""Writes the same text as HTML, Markdown, DOCX, ODT, SubRip and PDF, for Verso's reader tests.

Usage: Scripts/make-document-fixtures.py INPUT.txt OUTPUT_PREFIX
  writes OUTPUT_PREFIX.html, .md, .docx, .odt, .srt and .pdf from a plain-text document whose
  paragraphs are separated by blank lines (as Corpora/seed/*.txt). A paragraph of one short line
  without closing punctuation is a heading. Quoted spans (“…”, « … ») are set in italics, so
  the formatted files carry inline markup that must come back as placeholders, not text.

Only the Python standard library is used: the XML is written here and zipped with zipfile; the
PDF is a minimal PDF 1.4 file (Helvetica, WinAnsi encoding) with a running header and page
numbers on every page, which the PDF reader must drop. Output is deterministic (fixed dates).
"""
import re
import sys
import zipfile
from xml.sax.saxutils import escape

QUOTE = re.compile(r"(“[^”]*”|« [^»]*»|«[^»]*»)")


def paragraphs(text):
    out = []
    for block in re.split(r"\n\s*\n", text.strip("\n")):
        lines = [l.strip() for l in block.splitlines() if l.strip()]
        if not lines:
            continue
        para = " ".join(lines)
        heading = len(lines) == 1 and len(para) < 80 and para[-1] not in ".!?:;,\"»”)…"
        out.append(("heading" if heading else "p", para))
    return out


def pieces(text):
    """(text, italic) runs: quoted spans in italics."""
    out, last = [], 0
    for m in QUOTE.finditer(text):
        if m.start() > last:
            out.append((text[last:m.start()], False))
        out.append((m.group(0), True))
        last = m.end()
    if last < len(text):
        out.append((text[last:], False))
    return out


def html(paras, lang):
    body = []
    for kind, text in paras:
        inner = "".join(f"<em>{escape(t)}</em>" if it else escape(t) for t, it in pieces(text))
        body.append(f"<h1>{inner}</h1>" if kind == "heading" else f"<p>{inner}</p>")
    return (f'<!DOCTYPE html>\n<html lang="{lang}">\n<head><meta charset="utf-8"><title>{escape(paras[0][1])}</title>'
            '<style>p { margin: 0 }</style><script>var notText = "skip me";</script></head>\n<body>\n'
            '<nav><a href="/">Home</a> | <a href="/news">News</a></nav>\n'
            + "\n".join(body) + '\n<footer>Copyright footer, not text</footer>\n</body>\n</html>\n')


def markdown(paras):
    def md_escape(t):
        t = re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", t)
        return re.sub(r"^(\d+)\.", r"\1\\.", t)
    out = []
    for kind, text in paras:
        inner = "".join(f"*{md_escape(t)}*" if it else md_escape(t) for t, it in pieces(text))
        out.append(("# " if kind == "heading" else "") + inner)
    return "\n\n".join(out) + "\n"


def docx(paras, lang, path):
    runs = []
    for kind, text in paras:
        style = '<w:pPr><w:pStyle w:val="Heading1"/></w:pPr>' if kind == "heading" else ""
        r = "".join(
            ('<w:r><w:rPr><w:i/></w:rPr>' if it else '<w:r>') + f'<w:t xml:space="preserve">{escape(t)}</w:t></w:r>'
            for t, it in pieces(text))
        runs.append(f"<w:p>{style}{r}</w:p>")
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {ns}><w:body>'
                + "".join(runs) + '<w:sectPr/></w:body></w:document>')
    styles = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles {ns}>'
              f'<w:docDefaults><w:rPrDefault><w:rPr><w:lang w:val="{lang}"/></w:rPr></w:rPrDefault></w:docDefaults>'
              '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>'
              '<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/>'
              '<w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style></w:styles>')
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
             '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
             '<Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
             '<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
             '</Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    doc_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
                '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
                '</Relationships>')
    write_zip(path, [("[Content_Types].xml", types), ("_rels/.rels", rels), ("word/document.xml", document),
                     ("word/_rels/document.xml.rels", doc_rels), ("word/styles.xml", styles)])


def odt(paras, lang, path):
    body = []
    for kind, text in paras:
        inner = "".join(f'<text:span text:style-name="Emphasis">{escape(t)}</text:span>' if it else escape(t)
                        for t, it in pieces(text))
        # ODF collapses runs of spaces: write them as <text:s/> so the text stays the same.
        inner = re.sub(r"  +", lambda m: f' <text:s text:c="{len(m.group(0)) - 1}"/>', inner)
        body.append(f'<text:h text:outline-level="1">{inner}</text:h>' if kind == "heading" else f"<text:p>{inner}</text:p>")
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content '
               'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
               'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
               f'<office:body><office:text>{"".join(body)}</office:text></office:body></office:document-content>')
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest '
                'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
                '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>'
                '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
                '</manifest:manifest>')
    write_zip(path, [("mimetype", "application/vnd.oasis.opendocument.text"), ("META-INF/manifest.xml", manifest),
                     ("content.xml", content)], stored_first=True)


def write_zip(path, entries, stored_first=False):
    with zipfile.ZipFile(path, "w") as z:
        for i, (name, data) in enumerate(entries):
            info = zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_STORED if stored_first and i == 0 else zipfile.ZIP_DEFLATED
            z.writestr(info, data.encode("utf-8"))


def srt(paras):
    """Cues of at most two 42-character lines: long sentences run over several cues."""
    cues, index, clock = [], 1, 1000
    for _, text in paras:
        words, line, lines = text.split(), "", []
        for w in words:
            if line and len(line) + 1 + len(w) > 42:
                lines.append(line)
                line = w
            else:
                line = f"{line} {w}" if line else w
            if len(lines) == 2:
                cues.append(lines)
                lines = []
        if line:
            lines.append(line)
        if lines:
            cues.append(lines)
    out = []
    for lines in cues:
        start, end = clock, clock + 2500
        clock = end + 200
        stamp = lambda ms: "%02d:%02d:%02d,%03d" % (ms // 3600000, ms // 60000 % 60, ms // 1000 % 60, ms % 1000)
        out.append(f"{index}\n{stamp(start)} --> {stamp(end)}\n" + "\n".join(lines) + "\n")
        index += 1
    return "\n".join(out)


def pdf(paras, path, header):
    def wrap(text, width=80):
        lines, line = [], ""
        for w in text.split():
            if line and len(line) + 1 + len(w) > width:
                lines.append(line)
                line = w
            else:
                line = f"{line} {w}" if line else w
        return lines + [line] if line else lines
    lines = []
    for _, text in paras:
        lines += wrap(text) + [""]
    per_page = 46
    pages = [lines[i:i + per_page] for i in range(0, len(lines), per_page)]

    def literal(s):
        data = s.replace("\u202f", "\u00a0").encode("cp1252", "replace")
        return b"(" + data.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"
    objects = []
    kids = []
    for n, page in enumerate(pages, 1):
        ops = [b"BT /F1 9 Tf 72 760 Td " + literal(header) + b" Tj ET"]
        y = 730
        for line in page:
            if line:
                ops.append(b"BT /F1 10 Tf 72 %d Td " % y + literal(line) + b" Tj ET")
            y -= 14
        ops.append(b"BT /F1 9 Tf 300 40 Td " + literal(str(n)) + b" Tj ET")
        stream = b"\n".join(ops)
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content_id = len(objects) + 3
        objects.append(b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_id)
        kids.append(len(objects) + 3)
    head = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids) + b"] /Count %d >>" % len(kids),
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    allobjs = head + objects
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(allobjs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(allobjs) + 1)
    for o in offsets:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(allobjs) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    source, prefix = sys.argv[1], sys.argv[2]
    lang = re.search(r"\.([a-z]{2})\.txt$", source)
    lang = lang.group(1) if lang else "en"
    text = open(source, encoding="utf-8").read()
    paras = paragraphs(text)
    with open(prefix + ".html", "w", encoding="utf-8") as f:
        f.write(html(paras, lang))
    with open(prefix + ".md", "w", encoding="utf-8") as f:
        f.write(markdown(paras))
    with open(prefix + ".srt", "w", encoding="utf-8") as f:
        f.write(srt(paras))
    docx(paras, lang, prefix + ".docx")
    odt(paras, lang, prefix + ".odt")
    pdf(paras, prefix + ".pdf", "Verso reader fixture - " + lang)


if __name__ == "__main__":
    main()

import Foundation
import XCTest
import VersoTestSupport

/// Documents in every format, through the built binary, as a user meets them.
final class DocumentCLITests: XCTestCase {
    var documents: URL { TestSupport.corpora.appendingPathComponent("documents") }
    var seed: URL { TestSupport.corpora.appendingPathComponent("seed") }

    /// Where each bead ends in the text of each side (characters other than white space,
    /// counted from the start): two alignments of the same text cut it at the same places when
    /// they have the same beads, and a bead of one is a run of beads of the other when its two
    /// ends are cuts of the other.
    func cuts(_ beads: [String]) -> [(Int, Int)] {
        var s = 0, t = 0
        var out = [(0, 0)]
        for bead in beads {
            let sides = bead.components(separatedBy: " ⇔ ")
            s += sides[0].filter { !$0.isWhitespace }.count
            t += sides.count > 1 ? sides[1].filter { !$0.isWhitespace }.count : 0
            out.append((s, t))
        }
        return out
    }

    /// The beads as (source text, target text), white space runs as one space.
    func beads(_ source: URL, _ target: URL, extra: [String] = []) throws -> [String] {
        let run = try TestSupport.verso(["align", source.path, target.path, "--format", "jsonl"] + extra)
        XCTAssertEqual(run.status, 0, run.stderr)
        return run.stdout.split(separator: "\n").dropFirst().compactMap { line -> String? in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let s = object["source"] as? [String], let t = object["target"] as? [String] else { return nil }
            let squeeze = { (x: [String]) in x.joined(separator: " ").split(whereSeparator: \.isWhitespace).joined(separator: " ") }
            return squeeze(s) + " ⇔ " + squeeze(t)
        }
    }

    /// Each format of the seed pair gives the beads the plain text gives (34 beads). Measured:
    /// - Markdown, DOCX, ODT, PDF: the same 34 beads (pdftotext's lines are re-flowed by the
    ///   plain-text reader; the running header and the page numbers are dropped).
    /// - HTML: the same 34 beads plus one, the page's `<title>`, a block the text does not have.
    /// - SubRip: cues cut sentences (92 beads of cue fragments, only 5 of the 34 found as they
    ///   are), but every bead of the plain text is a run of consecutive subtitle beads: the
    ///   aligner pairs fragments without crossing a sentence end.
    func testEveryFormatRoundTripsIntoThePlainTextBeads() throws {
        let plain = try beads(seed.appendingPathComponent("putin-pyongyang.en.txt"), seed.appendingPathComponent("putin-pyongyang.fr.txt"))
        XCTAssertEqual(plain.count, 34)
        var report: [String] = []
        for ext in ["docx", "html", "md", "odt", "pdf", "srt"] {
            let got = try beads(documents.appendingPathComponent("putin-pyongyang.en.\(ext)"), documents.appendingPathComponent("putin-pyongyang.fr.\(ext)"))
            var remaining = got
            var missing: [String] = []
            for bead in plain {
                if let i = remaining.firstIndex(of: bead) { remaining.remove(at: i) } else { missing.append(bead) }
            }
            report.append("\(ext): \(got.count) beads, \(missing.count) of \(plain.count) not found as they are")
            if ext == "srt" {
                let theirs = cuts(got), mine = cuts(plain)
                let notRuns = (0..<plain.count).filter { k in !(theirs.contains { $0 == mine[k] } && theirs.contains { $0 == mine[k + 1] }) }
                XCTAssertEqual(notRuns.count, 0, "plain beads that are not a run of subtitle beads: \(notRuns.map { plain[$0] })")
            } else {
                XCTAssertEqual(missing, [], ext)
                XCTAssertEqual(got.count, ext == "html" ? 35 : 34, ext)
            }
        }
        print("round trip: " + report.joined(separator: "; "))
    }

    /// Mixed input: an HTML page and a Markdown translation align by the shared model.
    func testMixedHTMLAndMarkdown() throws {
        let run = try TestSupport.verso(["align", documents.appendingPathComponent("putin-pyongyang.en.html").path,
                                         documents.appendingPathComponent("putin-pyongyang.fr.md").path, "--format", "tsv"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertFalse(run.stdout.contains("<"), "no markup in the exported text")
        XCTAssertFalse(run.stdout.contains("*"), "no Markdown emphasis marks in the exported text")
        XCTAssertFalse(run.stdout.contains("Copyright footer"), "footers are not text")
        XCTAssertGreaterThan(run.stdout.split(separator: "\n").count, 30)
    }

    func testUnsupportedFilesExitTwoWithoutTheIconvAdvice() throws {
        let dir = try TestSupport.temporaryDirectory()
        let zip = dir.appendingPathComponent("archive.zip"), png = dir.appendingPathComponent("image.txt")
        try Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)).write(to: zip)
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF, 0xE9]).write(to: png)
        let text = seed.appendingPathComponent("putin-pyongyang.fr.txt").path
        for (file, what) in [(zip, "zip archive"), (png, "PNG image")] {
            let run = try TestSupport.verso(["align", file.path, text])
            XCTAssertEqual(run.status, 2, run.stderr)
            XCTAssertTrue(run.stderr.contains(what), run.stderr)
            XCTAssertTrue(run.stderr.contains("fix:"), run.stderr)
            XCTAssertFalse(run.stderr.contains("iconv"), run.stderr)
            XCTAssertTrue(run.stdout.isEmpty)
        }
    }

    func testInputFormatForcesAReader() throws {
        let dir = try TestSupport.temporaryDirectory()
        let file = dir.appendingPathComponent("notes.txt")
        try Data("# Heading\n\nOne *two* three.\n".utf8).write(to: file)
        let detected = try TestSupport.verso(["segment", file.path])
        XCTAssertEqual(detected.stdout, "# Heading\nOne *two* three.\n")
        let forced = try TestSupport.verso(["segment", "--input-format", "markdown", file.path])
        XCTAssertEqual(forced.status, 0, forced.stderr)
        XCTAssertEqual(forced.stdout, "Heading\nOne two three.\n")
    }

    func testProseOnlyLeavesOutCode() throws {
        let dir = try TestSupport.temporaryDirectory()
        let en = dir.appendingPathComponent("a.en.html"), fr = dir.appendingPathComponent("a.fr.html")
        try Data("<h1>Updating</h1><p>Update the package lists first.</p><pre>$ sudo apt-get update</pre><p>Then upgrade.</p>".utf8).write(to: en)
        try Data("<h1>Mise à jour</h1><p>Mettez d’abord à jour les listes de paquets.</p><pre>$ sudo apt-get update</pre><p>Puis mettez à niveau.</p>".utf8).write(to: fr)
        let all = try TestSupport.verso(["align", en.path, fr.path, "--format", "jsonl"])
        XCTAssertEqual(all.status, 0, all.stderr)
        XCTAssertTrue(all.stdout.contains("\"content\": \"command\""), all.stdout)
        let prose = try TestSupport.verso(["align", en.path, fr.path, "--format", "tsv", "--prose-only"])
        XCTAssertEqual(prose.status, 0, prose.stderr)
        XCTAssertFalse(prose.stdout.contains("apt-get"), prose.stdout)
        XCTAssertTrue(prose.stdout.contains("Then upgrade."), prose.stdout)
        XCTAssertTrue(prose.stderr.contains("not prose"), prose.stderr)
        // convert keeps the field and filters on it.
        let jsonl = dir.appendingPathComponent("all.jsonl"), tsv = dir.appendingPathComponent("prose.tsv")
        try Data(all.stdout.utf8).write(to: jsonl)
        let converted = try TestSupport.verso(["convert", jsonl.path, tsv.path, "--prose-only"])
        XCTAssertEqual(converted.status, 0, converted.stderr)
        XCTAssertFalse(try String(contentsOf: tsv, encoding: .utf8).contains("apt-get"))
    }

    func testCheckReadsHTMLAndReportsLinesOfTheFile() throws {
        let dir = try TestSupport.temporaryDirectory()
        let en = dir.appendingPathComponent("a.en.html"), fr = dir.appendingPathComponent("a.fr.html")
        try Data("<html>\n<body>\n<h1>Title</h1>\n<p>The results will be published next week.</p>\n</body></html>".utf8).write(to: en)
        try Data("<html>\n<body>\n<h1>Titre</h1>\n\n\n<p>The results will be published next week.</p>\n</body></html>".utf8).write(to: fr)
        let run = try TestSupport.verso(["check", en.path, fr.path, "--fail-on", "critical"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("a.fr.html:6:"), run.stdout)
        XCTAssertTrue(run.stdout.contains("[untranslated]"), run.stdout)
    }
}

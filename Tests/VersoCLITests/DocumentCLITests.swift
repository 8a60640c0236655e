import Foundation
import XCTest
import VersoTestSupport

/// Documents in every format, through the built binary, as a user meets them.
final class DocumentCLITests: XCTestCase {
    var documents: URL { TestSupport.corpora.appendingPathComponent("documents") }
    var seed: URL { TestSupport.corpora.appendingPathComponent("seed") }

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

    /// Each format of the seed pair gives the beads the plain text gives. The measured
    /// differences, and why:
    /// - HTML, Markdown, DOCX, ODT: none.
    /// - SubRip: cues cut sentences, so a sentence is two or three segments; beads are compared
    ///   by their joined text, and the aligner joins the cues back (none differ).
    /// - PDF: none (pdftotext's lines are re-flowed by the plain-text reader; the running header
    ///   and the page numbers are dropped).
    func testEveryFormatRoundTripsIntoThePlainTextBeads() throws {
        let plain = try beads(seed.appendingPathComponent("putin-pyongyang.en.txt"), seed.appendingPathComponent("putin-pyongyang.fr.txt"))
        XCTAssertGreaterThan(plain.count, 30)
        let expected: [String: Int] = ["html": 0, "md": 0, "docx": 0, "odt": 0, "srt": 0, "pdf": 0]
        var report: [String] = []
        for (ext, allowed) in expected.sorted(by: { $0.key < $1.key }) {
            let got = try beads(documents.appendingPathComponent("putin-pyongyang.en.\(ext)"), documents.appendingPathComponent("putin-pyongyang.fr.\(ext)"))
            var remaining = plain
            var extra: [String] = []
            for bead in got {
                if let i = remaining.firstIndex(of: bead) { remaining.remove(at: i) } else { extra.append(bead) }
            }
            report.append("\(ext): \(extra.count) of \(got.count) differ")
            XCTAssertLessThanOrEqual(extra.count, allowed, "\(ext): \(extra.prefix(5))")
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

    func testUnsupportedFilesExitOneWithoutTheIconvAdvice() throws {
        let dir = try TestSupport.temporaryDirectory()
        let zip = dir.appendingPathComponent("archive.zip"), png = dir.appendingPathComponent("image.txt")
        try Data([0x50, 0x4B, 0x05, 0x06] + [UInt8](repeating: 0, count: 18)).write(to: zip)
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF, 0xE9]).write(to: png)
        let text = seed.appendingPathComponent("putin-pyongyang.fr.txt").path
        for (file, what) in [(zip, "zip archive"), (png, "PNG image")] {
            let run = try TestSupport.verso(["align", file.path, text])
            XCTAssertEqual(run.status, 1, run.stderr)
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

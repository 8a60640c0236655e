import XCTest
import VersoTestSupport

/// `verso corpus report`: one review page a document and an index that links them.
final class CorpusReportTests: XCTestCase {
    func testReportWritesAPageADocumentAndAnIndex() throws {
        let dir = try TestSupport.temporaryDirectory()
        let db = dir.appendingPathComponent("c.db").path
        let fixtures = TestSupport.corpora.appendingPathComponent("fixtures")
        for (name, label) in [("abbreviations", "abbr <&> \"one\""), ("numbers", "numbers")] {
            let run = try TestSupport.verso(["corpus", "add", "--db", db, "--no-dictionary", "--name", label,
                                             fixtures.appendingPathComponent("\(name).en.txt").path,
                                             fixtures.appendingPathComponent("\(name).fr.txt").path])
            XCTAssertEqual(run.status, 0, run.stderr)
        }
        let out = dir.appendingPathComponent("report")
        let run = try TestSupport.verso(["corpus", "report", "--db", db, "-o", out.path])
        XCTAssertEqual(run.status, 0, run.stderr)
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        XCTAssertEqual(files.filter { $0.hasSuffix(".html") }.count, 3, "\(files)")
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(index.contains("abbr &lt;&amp;&gt; &quot;one&quot;"), "names are escaped")
        XCTAssertFalse(index.contains("abbr <&>"))
        for file in files where file != "index.html" {
            XCTAssertTrue(index.contains("href=\"\(file)\""), file)
            let page = try String(contentsOf: out.appendingPathComponent(file), encoding: .utf8)
            XCTAssertTrue(page.contains("<table"), file)
        }
        // The numbers fixture has 10 sentences a side: its page shows every bead.
        let numbers = try XCTUnwrap(files.first { $0.contains("numbers") })
        let page = try String(contentsOf: out.appendingPathComponent(numbers), encoding: .utf8)
        XCTAssertGreaterThanOrEqual(page.components(separatedBy: "data-codes=").count - 1, 9)
    }
}

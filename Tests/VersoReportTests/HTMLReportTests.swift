import Foundation
import VersoCheck
import VersoText
import VersoCorpus
import XCTest
@testable import VersoReport

final class HTMLReportTests: XCTestCase {
    private func page() throws -> String { HTMLReport.render(try Samples.model()) }

    /// Checks that every element opened is closed in order (scripts and styles skipped), so
    /// overlapping spans cannot have produced crossed tags.
    private func assertBalanced(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        var text = html
        for tag in ["script", "style"] {
            while let open = text.range(of: "<\(tag)>"), let close = text.range(of: "</\(tag)>", range: open.upperBound..<text.endIndex) {
                text.replaceSubrange(open.upperBound..<close.lowerBound, with: "")
                text = text.replacingCharacters(in: text.range(of: "<\(tag)></\(tag)>")!, with: "")
            }
        }
        let void: Set<String> = ["meta", "col", "input", "br", "wbr", "!doctype"]
        var stack: [String] = []
        let regex = try! NSRegularExpression(pattern: "<(/?)([!a-zA-Z][a-zA-Z0-9]*)[^>]*?(/?)>")
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let closing = match.range(at: 1).length > 0, selfClosing = match.range(at: 3).length > 0
            let name = String(text[Range(match.range(at: 2), in: text)!]).lowercased()
            if void.contains(name) || selfClosing { continue }
            if closing {
                guard stack.last == name else { return XCTFail("</\(name)> closes <\(stack.last ?? "nothing")>", file: file, line: line) }
                stack.removeLast()
            } else {
                stack.append(name)
            }
        }
        XCTAssertEqual(stack, [], "unclosed elements", file: file, line: line)
    }

    private func marks(_ html: String) -> [String] {
        let regex = try! NSRegularExpression(pattern: "<mark [^>]*>([^<]*)</mark>")
        return regex.matches(in: html, range: NSRange(html.startIndex..., in: html)).map { String(html[Range($0.range(at: 1), in: html)!]) }
    }

    func testDocumentTextIsEscapedEverywhere() throws {
        let html = try page()
        XCTAssertFalse(html.contains("<script>alert"), "script tag from the text")
        XCTAssertFalse(html.contains("<img"), "img tag from the text")
        XCTAssertFalse(html.contains("onerror=alert(1)>"), "attribute break-out")
        XCTAssertFalse(html.contains("</textarea>"))
        XCTAssertFalse(html.contains("<guide>"))
        XCTAssertFalse(html.contains("href="))
        XCTAssertEqual(html.components(separatedBy: "<script").count - 1, 1, "only the page's own script")
        XCTAssertTrue(html.contains("Type &lt;script&gt;alert(1)&lt;/script&gt; to test"))
        XCTAssertTrue(html.contains("Cliquez &quot;&gt;&lt;img src=x onerror=alert(1)&gt; maintenant."))
        XCTAssertTrue(html.contains(">&lt;img src=x onerror=alert(1)&gt;</mark>"))
        XCTAssertTrue(html.contains("&lt;/textarea&gt; &amp; &amp;amp;</mark>"))
        XCTAssertTrue(html.contains("docs/en/&lt;guide&gt;.txt"))
        XCTAssertTrue(html.contains("guide &quot;fr&quot;.txt"))
        // In attributes too: the finding's message and suggestion go into title="…".
        XCTAssertTrue(html.contains("title=\"1. minor · markup-mismatch: tag &quot;&gt;&lt;img src=x onerror=alert(1)&gt; in text\""))
        XCTAssertTrue(html.contains("Suggestion: &lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("checks:&lt;all&gt;"))
        assertBalanced(html)
    }

    func testNothingLoadsAndOnlyThePinnedScriptMayRun() throws {
        let html = try page()
        for external in ["<link", "src=\"", "url(", "@import", "http://", "https://"] {
            XCTAssertFalse(html.contains(external), external)
        }
        let script = html.components(separatedBy: "<script>")[1].components(separatedBy: "</script>")[0]
        XCTAssertEqual(script, HTMLAssets.script)
        XCTAssertTrue(html.contains("script-src 'sha256-\(SHA256.base64Digest(script))'"))
        XCTAssertTrue(html.contains("default-src 'none'"))
        XCTAssertTrue(html.contains("@media print"))
    }


    func testHeaderShowsTheVerdictInNumbers() throws {
        let html = try page()
        func stat(_ key: String) -> String? {
            let regex = try! NSRegularExpression(pattern: "data-stat=\"\(key)\"><dt>[^<]*</dt><dd><span class=\"v\">([^<]*)</span>")
            return regex.firstMatch(in: html, range: NSRange(html.startIndex..., in: html)).map { String(html[Range($0.range(at: 1), in: html)!]) }
        }
        XCTAssertEqual(stat("findings"), "11")
        XCTAssertTrue(html.contains("<small>in 6 of 12 beads</small>"))
        XCTAssertEqual(stat("critical"), "1")
        XCTAssertEqual(stat("major"), "3")
        XCTAssertEqual(stat("minor"), "4")
        XCTAssertEqual(stat("info"), "3")
        XCTAssertEqual(stat("confidence"), "0.73")
        XCTAssertEqual(stat("unaligned-source"), "1")
        XCTAssertEqual(stat("unaligned-target"), "1")
        XCTAssertTrue(html.contains("<span data-kind=\"1-1\"><b>1-1</b> × 8</span>"))
        XCTAssertTrue(html.contains("<span data-kind=\"0-1\"><b>0-1</b> × 1</span>"))
        XCTAssertTrue(html.contains("<span class=\"lang\">en</span>docs/en/&lt;guide&gt;.txt</span> (12 sentences)"))
    }

    func testOneRowPerBeadWithFilterAttributes() throws {
        let html = try page()
        XCTAssertEqual(html.components(separatedBy: "<tr id=\"b-").count - 1, 12)
        XCTAssertTrue(html.contains("<tr id=\"b-6\" class=\"bead\" data-bead=\"6\" data-kind=\"1-1\" data-codes=\"number-mismatch spacing\" data-severity=\"critical\" data-flagged=\"true\">"))
        XCTAssertTrue(html.contains("<tr id=\"b-0\" class=\"bead\" data-bead=\"0\" data-kind=\"1-1\" data-codes=\"\" data-severity=\"\" data-flagged=\"false\">"))
        XCTAssertTrue(html.contains("data-codes=\"polarity low-confidence\" data-severity=\"major\""))
        XCTAssertTrue(html.contains("No target sentence: left untranslated (1-0)"))
        XCTAssertTrue(html.contains("No source sentence: added in translation (0-1)"))
        // Every bead has a mark on the map: flagged and null beads an element each (flagged ones
        // a ring too), the other three share one path per kind (1-1: beads 0 and 11; 2-1: bead 8).
        XCTAssertEqual(html.components(separatedBy: "<rect class=\"m ").count - 1, 9)
        XCTAssertTrue(html.contains("<rect class=\"m knull\" data-b=\"4\""))
        let paths = html.components(separatedBy: "<path class=\"").dropFirst().map { $0.prefix { $0 != "/" } }
        XCTAssertEqual(paths.map { $0.prefix { $0 != "\"" } }, ["k11", "kmerge"])
        XCTAssertEqual(paths.map { $0.filter { $0 == "M" }.count }, [2, 1])
        XCTAssertEqual(html.components(separatedBy: "<circle class=\"ring").count - 1, 9)
        XCTAssertEqual(html.components(separatedBy: "<line class=\"tick\"").count - 1, 2)
        XCTAssertEqual(html.components(separatedBy: "<g class=\"bar ").count - 1, 10)
    }

    func testSpansCountUnicodeScalarsThroughAccentsAndEmoji() throws {
        let html = try page()
        XCTAssertTrue(marks(html).contains("javascript:alert(1)"))
        XCTAssertTrue(marks(html).contains("ajouté par le traducteur"))
        let decomposed = "Cafe\u{301} noir 👩‍👩‍👧 à 5 h, 🇫🇷 fin."
        let findings = ["à 5 h", "fin"].enumerated().map { i, needle in
            NumberedFinding(number: i + 1, id: "x\(i)", finding: Finding(code: "c", category: .style, severity: .minor, message: "m", side: .target,
                                                                         span: Samples.span(needle, in: decomposed), bead: 0))
        }
        XCTAssertEqual(Samples.span("à 5 h", in: decomposed).lowerBound, 17, "scalars, not characters or UTF-16 units")
        XCTAssertEqual(marks(MarkedText.render(sentences: [decomposed], findings: findings)), ["à 5 h", "fin"])
    }

    func testOverlappingNestedEmptyAndStraySpansStayWellFormed() throws {
        let html = try page()
        let row6 = html.components(separatedBy: "<tr id=\"b-6\"")[1].components(separatedBy: "</tr>")[0]
        XCTAssertEqual(marks(row6), ["1 ", "520", " euros"])
        XCTAssertTrue(row6.contains("<mark class=\"f sv-critical\" data-n=\"1 2\" aria-describedby=\"b6-f1 b6-f2\""))
        XCTAssertTrue(row6.contains("<li id=\"b6-f2\" class=\"sv-minor\">"))

        func finding(_ span: Range<Int>?, _ severity: Severity, _ number: Int) -> NumberedFinding {
            NumberedFinding(number: number, id: "f\(number)", finding: Finding(code: "c\(number)", category: .style, severity: severity,
                                                                               message: "m\(number)", side: .source, span: span, bead: 0))
        }
        let rendered = MarkedText.render(sentences: ["abcdefghij", "klm"], findings: [
            finding(0..<10, .info, 1), finding(2..<4, .major, 2), finding(5..<5, .minor, 3), finding(8..<40, .critical, 4),
            finding(-3..<1, .info, 5), finding(nil, .info, 6),
        ])
        XCTAssertEqual(marks(rendered), ["a", "b", "cd", "e", "fgh", "ij", " klm"])
        XCTAssertTrue(rendered.contains("<mark class=\"f sv-major\" data-n=\"1 2\""))
        XCTAssertTrue(rendered.contains("data-n=\"1 4\""))
        XCTAssertTrue(rendered.contains("e</mark><sup class=\"fm sv-minor\" title=\"3. minor · c3: m3\">3</sup>"), "an empty span is a marker alone")
        XCTAssertTrue(rendered.contains("<span class=\"sb\""), "sentence boundary shown")
        XCTAssertFalse(rendered.contains(">6</sup>"), "a finding without a span has no marker")
        assertBalanced("<p>" + rendered + "</p>")
    }

    func testFragmentFilterLogicIsInThePage() throws {
        let html = try page()
        for piece in ["location.hash", "'hashchange'", "key === 'flagged'", "key === 'code'", "key === 'severity'", "key === 'bead'",
                      "row.hidden = !visible", "history.replaceState", "event.key === 'n'", "event.key === 'p'",
                      "data-codes", "data-severity", "data-flagged", "apply(parse(location.hash))"] {
            XCTAssertTrue(html.contains(piece), piece)
        }
        XCTAssertTrue(html.contains("<select id=\"f-code\"><option value=\"\">all codes</option><option value=\"markup-mismatch\">markup-mismatch (2)</option>"))
        XCTAssertTrue(html.contains("<option value=\"major\">major or worse</option>"))
        XCTAssertTrue(html.contains("<input type=\"checkbox\" id=\"f-flag\">"))
    }

    func testEmptyAndScorelessReportsRender() throws {
        let empty = Samples.report(source: (name: "a", language: "en"), target: (name: "b", language: "fr"), signature: "s", beads: [], findings: [])
        let html = HTMLReport.render(empty)
        XCTAssertTrue(html.contains("<p class=\"none\">No beads.</p>"))
        XCTAssertTrue(html.contains("<p class=\"none\">No findings.</p>"))
        XCTAssertTrue(html.contains("<span class=\"v\">–</span>"), "no mean confidence without scores")
        assertBalanced(html)

        let scoreless = Samples.report(source: (name: "a", language: "en"), target: (name: "b", language: "fr"), signature: "s",
                                        beads: (0..<250).map { BeadText(source: ["S\($0)."], target: ["T\($0)."]) }, findings: [])
        let page = HTMLReport.render(scoreless)
        XCTAssertFalse(page.contains("class=\"conf\""))
        XCTAssertEqual(page.components(separatedBy: "<div class=\"chunk\"").count - 1, 3, "250 beads in chunks of 100")
        XCTAssertTrue(page.contains("<table aria-label=\"Beads 200 to 249\">"))
        assertBalanced(page)
    }

    func testRenderingIsDeterministic() throws {
        XCTAssertEqual(try page(), try page())
    }

    func testNumberFormatting() {
        XCTAssertEqual(HTML.fixed(0.725, 2), "0.73")
        XCTAssertEqual(HTML.fixed(0.05, 1), "0.1")
        XCTAssertEqual(HTML.fixed(12, 1), "12.0")
        XCTAssertEqual(HTML.fixed(-1.25, 1), "-1.3")
        XCTAssertEqual(HTML.fixed(-0.001, 2), "0.00")
        XCTAssertEqual(HTML.fixed(99.6, 0), "100")
        XCTAssertEqual(HTML.fixed(.nan, 2), "–")
    }
}

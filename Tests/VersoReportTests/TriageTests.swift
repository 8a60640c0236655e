import Foundation
import VersoCheck
import VersoCorpus
import VersoText
import VersoTestSupport
import XCTest
@testable import VersoReport

/// The review page's triage: each finding's fingerprint and boxes, and the entries the page
/// builds for the ticked ones (in headless Chromium when it is installed).
final class TriageTests: XCTestCase {
    func testFindingsCarryTheirFingerprints() throws {
        let report = try Samples.model()
        let html = HTMLReport.render(report)
        let byBead = report.findingsByBead()
        for (position, unit) in report.units.enumerated() {
            for (k, finding) in byBead[position].enumerated() {
                let fingerprint = Fingerprint.of(finding, source: unit.source, target: unit.target)
                let item = html.components(separatedBy: "<li id=\"b\(position)-f\(k + 1)\"")[1].components(separatedBy: "</li>")[0]
                XCTAssertTrue(item.contains("class=\"tri-box\" data-fp=\"\(fingerprint)\""), "bead \(position) finding \(k + 1)")
            }
        }
        XCTAssertEqual(html.components(separatedBy: "class=\"tri\" value=\"false-alarm\"").count - 1, report.findings.count)
        XCTAssertTrue(html.contains("id=\"t-dl\""))
        XCTAssertTrue(html.contains("<pre id=\"t-out\" hidden"))
        // The triage script is part of the pinned script.
        XCTAssertTrue(HTMLAssets.script.contains("fingerprint=' + item.getAttribute('data-fp')"))
        XCTAssertTrue(HTMLReport.contentSecurityPolicy.contains(SHA256.base64Digest(HTMLAssets.script)))
    }

    func testTickedFindingsBecomeSuppressionEntriesInChromium() throws {
        guard let chromium = BrowserTests.chromium else {
            throw XCTSkip("chromium not found on PATH: install Debian's `chromium` package to run the triage check in a browser")
        }
        let report = try Samples.model()
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let page = directory.appendingPathComponent("triage.html")
        try HTMLReport.render(report).write(to: page, atomically: true, encoding: .utf8)
        let flagged = report.units.enumerated().filter { !$0.element.findings.isEmpty }
        let (first, second) = (try XCTUnwrap(flagged.first), try XCTUnwrap(flagged.dropFirst().first))
        let process = Process()
        process.executableURL = chromium
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(directory.path)/profile", "--dump-dom",
                             page.absoluteString + "#triage=b\(first.offset)-f1:false-alarm,b\(second.offset)-f1:accepted"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let dom = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let byBead = report.findingsByBead()
        let fingerprint = { (unit: TranslationUnit) in
            Fingerprint.of(byBead[report.units.firstIndex(of: unit)!][0], source: unit.source, target: unit.target)
        }
        XCTAssertTrue(dom.contains("fingerprint=\(fingerprint(first.element)) status=false-alarm reason: a false alarm, found in review"), dom.suffix(3000).description)
        XCTAssertTrue(dom.contains("fingerprint=\(fingerprint(second.element)) status=accepted reason: accepted in review"))
        XCTAssertTrue(dom.contains("<span id=\"t-count\">2 findings ticked</span>"))
        // What the page writes is a valid suppression file that suppresses exactly those two.
        let start = try XCTUnwrap(dom.range(of: "aria-label=\".verso-ignore entries of the ticked findings\">"))
        let end = try XCTUnwrap(dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex))
        let text = String(dom[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&amp;", with: "&")
        let file = try SuppressionFile.parse(text, path: "verso-ignore.txt", codes: Set(report.findings.map(\.code)))
        XCTAssertEqual(file.entries.map(\.status), ["false-alarm", "accepted"])
        XCTAssertEqual(report.suppressing(file, document: nil).suppressed.count, 2)
    }
}

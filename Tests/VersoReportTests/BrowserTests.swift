import Foundation
import VersoTestSupport
import XCTest
@testable import VersoReport

/// Renders the sample report in headless Chromium through `Scripts/browser-check.sh`.
final class BrowserTests: XCTestCase {
    /// `chromium` (or `chromium-browser`) on PATH, or nil.
    static var chromium: URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = URL(fileURLWithPath: String(directory)).appendingPathComponent(name)
                if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            }
        }
        return nil
    }

    func testSampleReportInChromium() throws {
        guard Self.chromium != nil else {
            throw XCTSkip("chromium not found on PATH: install Debian's `chromium` package (apt-get install -y chromium) to run the browser check")
        }
        let directory = try TestSupport.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let report = try SampleWriterTests.write(try Samples.model(), name: "sample-report", to: directory)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [TestSupport.repoRoot.appendingPathComponent("Scripts/browser-check.sh").path, report.path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 0, text)
        XCTAssertTrue(text.contains("browser-check: ok: 12 rows, 6 flagged, #flagged hid 6"), text)
    }
}

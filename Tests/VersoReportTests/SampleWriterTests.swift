import Foundation
import VersoTestSupport
import VersoCorpus
import XCTest
@testable import VersoReport

/// Writes the sample report (and, on request, a synthetic one) for the browser check, the
/// screenshot script and the benchmark.
///
/// `VERSO_REPORT_SAMPLE_DIR` names the folder to write into (a temporary folder otherwise);
/// `VERSO_REPORT_SYNTHETIC_BEADS=5000` also writes `synthetic-report.html` with that many beads;
/// `VERSO_REPORT_TRANSREAD=1` also writes `transread-report.html` from the shared TransRead gold.
final class SampleWriterTests: XCTestCase {
    static func write(_ model: PairReport, name: String, to directory: URL) throws -> URL {
        let url = directory.appendingPathComponent("\(name).html")
        try Data(HTMLReport.render(model).utf8).write(to: url, options: .atomic)
        try Samples.expectations(model).write(to: directory.appendingPathComponent("\(name).expect.json"), options: .atomic)
        return url
    }

    func testWriteSampleReport() throws {
        let environment = ProcessInfo.processInfo.environment
        let directory = try environment["VERSO_REPORT_SAMPLE_DIR"].map { URL(fileURLWithPath: $0) } ?? TestSupport.temporaryDirectory()
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = try Self.write(try Samples.model(), name: "sample-report", to: directory)
        let written = try String(contentsOf: url, encoding: .utf8)
        XCTAssertEqual(written.components(separatedBy: "<tr id=\"b-").count - 1, Samples.beads.count)

        if let count = environment["VERSO_REPORT_SYNTHETIC_BEADS"].flatMap(Int.init) {
            let synthetic = try Self.write(try Samples.synthetic(beads: count), name: "synthetic-report", to: directory)
            let text = try String(contentsOf: synthetic, encoding: .utf8)
            XCTAssertEqual(text.components(separatedBy: "<tr id=\"b-").count - 1, count)
        }
        if environment["VERSO_REPORT_TRANSREAD"] == "1" {
            let model = try Samples.transRead(try TestSupport.requireShared("gold/transread-en-fr/derived"))
            let text = try String(contentsOf: try Self.write(model, name: "transread-report", to: directory), encoding: .utf8)
            XCTAssertEqual(text.components(separatedBy: "<tr id=\"b-").count - 1, model.units.count)
            XCTAssertGreaterThan(model.units.count, 5000)
        }
    }
}

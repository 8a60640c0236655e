import Foundation
import VersoTestSupport
import XCTest

/// Real translation tools read Verso's TMX (issue 5): translate-toolkit and OmegaT, through the
/// scripts in Scripts/, run with the built `verso`.
final class ClientInteropTests: XCTestCase {
    private func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(["VERSO_BIN": TestSupport.versoBinary.path]) { $1 }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    private func script(_ name: String) -> String { TestSupport.repoRoot.appendingPathComponent("Scripts/\(name)").path }

    func testTranslateToolkitLoadsEveryUnit() throws {
        guard try run("/usr/bin/env", ["python3", "-c", "import translate.storage.tmx"]).status == 0 else {
            throw XCTSkip("translate-toolkit is not installed (pip install translate-toolkit)")
        }
        let result = try run(script("check-clients.sh"), ["--self-test"])
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("loaded 3 unit(s); Verso read 3; identical (source, target, notes): 3"), result.output)
    }

    func testOmegaTInsertsOurSegments() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/omegat") else {
            throw XCTSkip("OmegaT is not installed (apt-get install omegat)")
        }
        let result = try run(script("omegat-check.sh"), ["--self-test"])
        XCTAssertEqual(result.status, 0, result.output)
        XCTAssertTrue(result.output.contains("TMX target segments of those found in OmegaT's target document: 4"), result.output)
        XCTAssertTrue(result.output.contains("OmegaT segments: 5, left untranslated: 1, filled: 4"), result.output)
    }
}

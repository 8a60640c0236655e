import XCTest
import VersoTestSupport
@testable import VersoCheck

final class RegistryTests: XCTestCase {
    /// One check, one file, one registry line, one test file.
    func testEveryCheckFileIsRegisteredAndTested() throws {
        let checks = TestSupport.repoRoot.appendingPathComponent("Sources/VersoCheck/Checks")
        let files = try FileManager.default.contentsOfDirectory(atPath: checks.path).filter { $0.hasSuffix(".swift") }
        let registered = Set(CheckRegistry.all.map { String(describing: $0) })
        XCTAssertFalse(files.isEmpty)
        for file in files {
            let name = String(file.dropLast(6))
            XCTAssertTrue(registered.contains(name), "\(file) is not in CheckRegistry.all")
            let test = TestSupport.repoRoot.appendingPathComponent("Tests/VersoCheckTests/\(name)Tests.swift")
            XCTAssertTrue(FileManager.default.fileExists(atPath: test.path), "\(name) has no test file")
        }
        XCTAssertEqual(registered.count, files.count)
    }

    func testCodesAreUniqueKebabCase() {
        let codes = CheckRegistry.all.map { $0.info.code }
        XCTAssertEqual(Set(codes).count, codes.count)
        for code in codes { XCTAssertNotNil(code.range(of: "^[a-z]+(-[a-z]+)*$", options: .regularExpression), code) }
    }

    func testEngineAppliesConfiguration() throws {
        let doc = try CheckDocument(beads: [BeadText(source: [], target: ["Source link"])], sourceLanguage: "en", targetLanguage: "fr")
        let all = try CheckEngine().run(doc)
        XCTAssertTrue(all.contains { $0.code == "boilerplate" })
        let without = try CheckEngine(configuration: CheckConfiguration(disabled: ["boilerplate"])).run(doc)
        XCTAssertFalse(without.contains { $0.code == "boilerplate" })
        let only = try CheckEngine(configuration: CheckConfiguration(enabled: ["boilerplate"], severities: ["boilerplate": .critical])).run(doc)
        XCTAssertEqual(Set(only.map(\.code)), ["boilerplate"])
        XCTAssertEqual(only.first?.severity, .critical)
        XCTAssertEqual(CheckEngine.exitStatus(only, failOn: .major), 1)
        XCTAssertEqual(CheckEngine.exitStatus(only, failOn: nil), 0)
        XCTAssertThrowsError(try CheckEngine(configuration: CheckConfiguration(disabled: ["no-such-check"])))
    }
}

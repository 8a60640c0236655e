import Foundation
import XCTest
@testable import VersoText

final class DataFilesTests: XCTestCase {
    private func folder(_ files: [String: String]) throws -> DataFiles {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("verso-data-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        for (name, text) in files { try text.write(to: directory.appendingPathComponent(name), atomically: true, encoding: .utf8) }
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        return DataFiles(directory: directory, module: "Test")
    }

    func testEntriesSkipCommentsAndBlankLines() throws {
        let files = try folder(["words.txt": "# a comment\nalpha  # why\n\n  beta\tgamma \n"])
        XCTAssertEqual(try files.entries("words"), ["alpha", "beta\tgamma"])
    }

    func testMissingFileIsAnErrorNamingIt() throws {
        let files = try folder(["words.txt": "alpha\n"])
        XCTAssertThrowsError(try files.entries("wrods")) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("wrods.txt") && text.contains("missing") && text.contains("fix:"), text)
        }
    }

    func testLanguageFamilies() throws {
        let files = try folder(["stops.en.txt": "the\n", "stops.fr.txt": "le\n", "pairs.en-fr.txt": "a\tb\n"])
        XCTAssertEqual(try files.languageEntries("stops", language: "fr-CA"), ["le"])
        XCTAssertEqual(try files.languageEntries("stops", language: "es"), [], "a language without a file has no entries")
        XCTAssertEqual(try files.pairEntries("pairs", source: "en", target: "fr"), ["a\tb"])
        XCTAssertEqual(try files.pairEntries("pairs", source: "fr", target: "en"), [])
        XCTAssertThrowsError(try files.languageEntries("stop", language: "en"), "a family no language has is a wrong name")
    }

    func testEveryBundledFileOfVersoTextLoads() throws {
        let files = LanguageData.files
        let names = try files.listing().filter { $0.hasSuffix(".txt") }
        XCTAssertFalse(names.isEmpty)
        for name in names {
            XCTAssertFalse(try files.entries(String(name.dropLast(4))).isEmpty, "\(name) has no entries")
        }
        for language in ["en", "fr", "de"] {
            let data = try LanguageData.load(language)
            XCTAssertFalse(data.nonBreaking.isEmpty, "\(language): no abbreviations")
            XCTAssertFalse(data.starters.isEmpty, "\(language): no sentence starters")
        }
    }
}

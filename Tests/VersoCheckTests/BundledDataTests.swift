import Foundation
import XCTest
@testable import VersoAlign
@testable import VersoCheck
@testable import VersoText

/// Every data file the checks and the aligner ship is read, and every list a check relies on is
/// there for the languages Verso supports: a missing or misnamed file fails here, not silently
/// at run time.
final class BundledDataTests: XCTestCase {
    func testEveryFileLoads() throws {
        for files in [LanguageResources.files, AlignData.files] {
            let names = try files.listing().filter { $0.hasSuffix(".txt") && $0 != "README.txt" }
            XCTAssertGreaterThan(names.count, 3, files.module)
            for name in names {
                XCTAssertFalse(try files.entries(String(name.dropLast(4))).isEmpty, "\(files.module)/\(name) has no entries")
            }
        }
    }

    func testListsOfEachLanguage() throws {
        for language in ["en", "fr"] {
            let r = try LanguageResources.load(language)
            for (name, count) in [("function words", r.functionWords.count), ("negations", r.negations.count),
                                  ("weak negations", r.weakNegations.count), ("dangling words", r.danglingWords.count),
                                  ("date cues", r.dateCues.count), ("scale words", r.scaleWords.count),
                                  ("months", r.months.count), ("number words", r.numberWords.count)] {
                XCTAssertGreaterThan(count, 0, "\(language): no \(name)")
            }
        }
        let french = try LanguageResources.load("fr")
        XCTAssertFalse(french.wordOrderPatterns.isEmpty)
        XCTAssertEqual(WordOrderCheck.compile(french.wordOrderPatterns).count, french.wordOrderPatterns.count,
                       "every word-order pattern compiles")
        XCTAssertFalse(french.numberLabels.isEmpty)
        XCTAssertFalse(try LanguageResources.load("en").translatedTitles.isEmpty)
        XCTAssertFalse(try LanguageResources.load("en").ambiguousMonths.isEmpty)
        let pair = try PairResources.load(source: "en", target: "fr")
        XCTAssertFalse(pair.acronyms.isEmpty)
        XCTAssertFalse(pair.falseFriends.isEmpty)
        XCTAssertFalse(pair.connectors.isEmpty)
        XCTAssertFalse(try PairResources.load(source: "fr", target: "en").acronyms.isEmpty, "acronyms are read in both directions")
        XCTAssertFalse(try Boilerplate.load().phrases.isEmpty)
        for language in ["en", "fr", "de"] {
            XCTAssertNoThrow(try Stemmer(language: language))
        }
        XCTAssertEqual(try FreeDict.code(for: "fr"), "fra")
    }
}

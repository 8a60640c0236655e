import Foundation
import VersoTestSupport
import VersoText
import XCTest
@testable import VersoAlign

/// Reading Debian's FreeDict dictd files (skipped when they are not installed).
final class FreeDictTests: XCTestCase {
    private func requireDictionary(_ from: String, _ to: String) throws -> (index: String, dict: String) {
        guard let files = try FreeDict.files(from: from, to: to) else {
            let package = "dict-freedict-\(try FreeDict.code(for: from))-\(try FreeDict.code(for: to))"
            throw XCTSkip("FreeDict \(from)-\(to) not installed in /usr/share/dictd (apt-get install \(package))")
        }
        return files
    }

    func testDecodesDictdNumbers() {
        XCTAssertEqual(FreeDict.decodeNumber(Array("B".utf8)[...]), 1)
        XCTAssertEqual(FreeDict.decodeNumber(Array("BA".utf8)[...]), 64)
        XCTAssertEqual(FreeDict.decodeNumber(Array("/".utf8)[...]), 63)
        XCTAssertEqual(FreeDict.decodeNumber(Array("vXI".utf8)[...]), 47 * 4096 + 23 * 64 + 8)
        XCTAssertNil(FreeDict.decodeNumber(Array("a=".utf8)[...]))
    }

    func testCleansArticles() {
        let plain = FreeDict.cleanArticle(Array("run /rʌn/\n1. fonctionner\n2. fuite\n".utf8)[...], glossed: false)
        XCTAssertEqual(plain, ["fonctionner", "fuite"])
        let glossed = FreeDict.cleanArticle(Array("laufen /x/ <v>\n1. courir\nsich schnell fortbewegen\n2. marcher 2.\nGloss\n".utf8)[...], glossed: true)
        XCTAssertEqual(glossed, ["courir", "marcher"])
    }

    func testGunzipRejectsGarbage() {
        XCTAssertThrowsError(try FreeDict.gunzip([1, 2, 3, 4], name: "x.dz")) { XCTAssertEqual(($0 as? VersoError)?.kind, .badData) }
    }

    func testReadsEnglishFrench() throws {
        let files = try requireDictionary("en", "fr")
        let entries = try FreeDict.read(index: files.index, dict: files.dict)
        XCTAssertGreaterThan(entries.count, 5000)
        let house = try XCTUnwrap(entries.first { $0.headword == "house" })
        XCTAssertTrue(house.translations.contains("maison"), "\(house.translations)")
        XCTAssertFalse(entries.contains { $0.headword.hasPrefix("00database") })
    }

    func testLexiconLinksBothDirectionsAndGermanCompounds() throws {
        _ = try requireDictionary("en", "fr")
        let enfr = try TranslationLexicon(sourceLanguage: "en", targetLanguage: "fr")
        let links = enfr.translationLinks(source: "The house is old.", target: "La maison est vieille.", cognates: false)
        XCTAssertEqual(links.sourceTokens, ["the", "house", "is", "old"])
        XCTAssertTrue(links.sourceLinked[1])
        XCTAssertTrue(links.targetLinked[1])
        _ = try requireDictionary("de", "fr")
        let defr = try TranslationLexicon(sourceLanguage: "de", targetLanguage: "fr")
        XCTAssertTrue(defr.provenance.contains { $0.hasPrefix("freedict-deu-fra:") }, "\(defr.provenance)")
        // "Bergführer" has no entry of its own; its right part "Führer" does.
        XCTAssertFalse(defr.translations(ofWord: "bergfuhrer", side: 0).isEmpty)
    }
}

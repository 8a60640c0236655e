import XCTest
@testable import VersoText

final class FoldingAndLocaleTests: XCTestCase {
    func testComparisonForm() {
        XCTAssertEqual(Folding.fold("Corée du Nord"), "coree du nord")
        XCTAssertEqual(Folding.fold("« Œuvre »"), "\" oeuvre \"")
        XCTAssertEqual(Folding.fold("l’État\u{00A0}—\u{202F}ﬁn"), "l'etat - fin")
        XCTAssertEqual(Folding.fold("STRASSE Straße"), "strasse strasse")
    }

    func testFoldMapPointsBackToOriginalScalars() {
        let (folded, map) = Folding.foldWithMap("Æb")
        XCTAssertEqual(folded, "aeb")
        XCTAssertEqual(map, [0, 0, 1])
    }

    func testNormalizationToNFC() {
        let decomposed = "Cre\u{0301}me"
        XCTAssertEqual(Array(Normalization.nfc.apply(decomposed).unicodeScalars), Array("Cr\u{E9}me".unicodeScalars))
        XCTAssertEqual(Normalization.nfc.apply(decomposed).unicodeScalars.count, 5)
    }

    func testWordTokensHaveKinds() throws {
        let tokens = try WordTokenizer(language: "fr").tokens("Il a payé 1 250,5 € ? Oui.")
        XCTAssertEqual(tokens.first?.kind, .word)
        XCTAssertTrue(tokens.contains { $0.kind == .number && $0.text == "250,5" })
        XCTAssertTrue(tokens.contains { $0.kind == .punctuation && $0.text == "?" })
        XCTAssertFalse(tokens.contains { $0.text == " " })
    }

    func testLocaleNumbersAndDates() {
        XCTAssertEqual(LocaleData.parseNumber("1\u{202F}250,5", locale: "fr"), 1250.5)
        XCTAssertEqual(LocaleData.parseNumber("1,250.5", locale: "en"), 1250.5)
        XCTAssertNil(LocaleData.parseNumber("1,234.5", locale: "fr"), "a prefix parse must not count")
        XCTAssertEqual(LocaleData.parseNumber("deux", locale: "fr", style: .spellout), 2)
        XCTAssertEqual(LocaleData.format(2, locale: "en", style: .spellout), "two")
        XCTAssertTrue(LocaleData.symbols(.months, locale: "fr").contains("mars"))
        XCTAssertTrue(LocaleData.symbols(.weekdays, locale: "fr").contains("mardi"))
        XCTAssertTrue(LocaleData.symbols(.weekdays, locale: "en").contains("Tuesday"))
    }

    func testSignatureCarriesICUVersions() {
        let s = Signature()
        XCTAssertEqual(s["icu"], ICUInfo.version)
        XCTAssertTrue(ICUInfo.version.hasPrefix("7"), ICUInfo.version)
        XCTAssertTrue(s.description.contains("unicode:\(ICUInfo.unicodeVersion)"))
    }
}

import VersoText
import XCTest

/// Language codes are checked by ICU before any ICU call that takes a locale (issue 15: a
/// language subtag of 12 or more letters crashed ICU 72's date formatter inside `udat_open`).
final class LanguageCodeTests: XCTestCase {
    func testCanonicalisesWhatICUKnows() throws {
        XCTAssertEqual(try LanguageCode("fr").tag, "fr")
        XCTAssertEqual(try LanguageCode("FR").tag, "fr")
        XCTAssertEqual(try LanguageCode("fr_CA").tag, "fr-CA")
        XCTAssertEqual(try LanguageCode("fra").tag, "fr")
        XCTAssertEqual(try LanguageCode("eng").tag, "en")
        XCTAssertEqual(try LanguageCode("iw").tag, "he")
        XCTAssertEqual(try LanguageCode("zh-hant-tw").tag, "zh-Hant-TW")
        XCTAssertEqual(try LanguageCode("fr-CA").language, "fr")
        XCTAssertEqual(try LanguageCode("de").englishName, "German")
    }

    func testRefusesUnknownAndMalformedCodesWithADiagnosis() {
        for (text, expected, suggestion) in [("french", "is not a language ICU knows", "fr"), ("Deutsch", "is not a language ICU knows", "de"),
                                             ("frensh", "is not a language ICU knows", "fr"), ("français", "is not a language code", "fr"),
                                             ("xx", "is not a language ICU knows", nil), ("und", "is not a language ICU knows", nil),
                                             ("abcdefghijkl", "is not a language code", nil), ("", "is not a language code", nil),
                                             ("en@ss=standard", "is not a language code", nil), ("fr-", "is not a language code", nil),
                                             (String(repeating: "a", count: 5000), "is not a language code", nil)] {
            XCTAssertThrowsError(try LanguageCode(text), text) { error in
                guard let error = error as? VersoError else { return XCTFail("\(error)") }
                XCTAssertEqual(error.kind, .usage)
                XCTAssertTrue(error.message.contains(expected), error.message)
                XCTAssertNotNil(error.fix)
                if let suggestion {
                    XCTAssertTrue(error.message.contains("did you mean \"\(suggestion)\""), error.message)
                } else {
                    XCTAssertFalse(error.message.contains("did you mean"), error.message)
                }
            }
        }
    }

    /// The shim refuses, itself, a locale whose language ICU does not know or that has any part
    /// it did not check: the calls that crashed return nothing instead.
    func testICUCallsWithAnUnknownLocaleFailCleanly() throws {
        // "de@nss=" (a malformed keyword) crashed ICU's date formatter too; found by fuzz-language.
        for locale in ["abcdefghijkl", "abcdefghijklmnopqrstuvwxyz", "xx", "", "en\u{0}fr", String(repeating: "q", count: 300),
                       "de@nss=", "de@calendar=", "fr_FR_POSIX", "en-US-u-ca-gregory", "fr@ss="] {
            XCTAssertEqual(LocaleData.symbols(.months, locale: locale), [], locale)
            XCTAssertNil(LocaleData.format(2, locale: locale, style: .spellout), locale)
            XCTAssertNil(LocaleData.parseNumber("12", locale: locale), locale)
            XCTAssertThrowsError(try BreakIterator(.sentence, locale: locale), locale)
            XCTAssertThrowsError(try Segmenter(language: "en", locale: locale), locale)
            // As a language, only the part before -, _ or @ counts: de, fr, en are fine there.
            if !["de", "fr", "en"].contains(LanguageData.baseLanguage(locale)) {
                XCTAssertThrowsError(try Segmenter(language: locale), locale)
            }
        }
        XCTAssertEqual(LocaleData.symbols(.months, locale: "fr").first, "janvier")
        for locale in ["en@ss=standard", "de_CH", "de-CH", "zh_Hant_TW", "es_419", "FR_ca@ss=none"] {
            XCTAssertTrue(LanguageCode.isKnownLocale(locale), locale)
            XCTAssertNoThrow(try BreakIterator(.sentence, locale: locale), locale)
        }
        XCTAssertEqual(LocaleData.symbols(.months, locale: "de_CH").first, "Januar")
        XCTAssertEqual(try LanguageData.load("abcdefghijkl").continuations, [])
    }
}

// Language codes and locales from outside, on every ICU call that takes one: LanguageCode
// accepts or refuses with a message, and whatever the string, the ICU wrappers return or throw
// (a language subtag of 12+ letters crashed ICU 72's date formatter before the shim's guard).
import FuzzSupport
import VersoText

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLanguage(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let text = String(decoding: Fuzz.bytes(data, size).prefix(200), as: UTF8.self)
    do {
        let code = try LanguageCode(text)
        let again = try LanguageCode(code.tag)
        Fuzz.require(again == code, "canonical tag \(code.tag) does not canonicalise to itself")
        Fuzz.require(LanguageCode.isKnownLocale(code.language), "an accepted code's language \(code.language) is not known")
        _ = code.englishName
    } catch let error as VersoError {
        Fuzz.require(error.kind == .usage && error.fix != nil, "a refusal without a fix: \(error)")
    } catch {
        Fuzz.require(false, "LanguageCode threw something else than a VersoError: \(error)")
    }
    // The raw string as a locale, as a file's xml:lang could reach it.
    _ = LocaleData.symbols(.months, locale: text)
    _ = LocaleData.format(2, locale: text, style: .spellout)
    _ = LocaleData.parseNumber("12", locale: text)
    _ = try? BreakIterator(.sentence, locale: text)
    _ = try? Segmenter(language: text)
    return 0
}

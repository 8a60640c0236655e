import CICUShim

/// A language code checked and canonicalised by ICU: `FR` → `fr`, `fr_CA` → `fr-CA`, `fra` →
/// `fr`, `iw` → `he`.
///
/// Every language code that comes from outside (a command-line option, a stream record, a
/// manifest line) becomes a `LanguageCode` before it reaches ICU, so a code ICU does not know
/// is refused with a message instead of reaching ICU's locale code (where a language subtag of
/// 12 or more letters crashes ICU 72's date formatter). The C shim checks again before every
/// ICU call that takes a locale.
public struct LanguageCode: Sendable, Hashable, CustomStringConvertible {
    /// The canonical BCP 47 tag (`fr`, `fr-CA`, `zh-Hant-TW`).
    public let tag: String

    /// The language subtag alone (`fr` for `fr-CA`).
    public var language: String { String(tag.prefix { $0 != "-" }) }

    public var description: String { tag }

    /// Checks and canonicalises `text`.
    ///
    /// - Parameter text: an ISO 639 code or a BCP 47 tag; `_` is read as `-`.
    /// - Throws: ``VersoError`` (`.usage`) naming the code, with a "did you mean" for a
    ///   language name (`french` → `fr`) or a near miss, and what codes look like.
    public init(_ text: String) throws {
        var buffer = [CChar](repeating: 0, count: 128)
        // A NUL would end the C string early ("en\0xx" read as "en"): malformed here.
        let result = text.utf8.contains(0) ? Int32(VERSO_TAG_MALFORMED) : verso_language_tag(text, &buffer, Int32(buffer.count))
        let out = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard result == Int32(VERSO_TAG_KNOWN) else {
            throw LanguageCode.unknown(text, wellFormed: result == Int32(VERSO_TAG_UNKNOWN_LANGUAGE))
        }
        tag = out
    }

    /// The canonical tag of `text`, for option parsers (`--source-lang`).
    /// - Throws: as ``init(_:)``.
    public static func canonical(_ text: String) throws -> String { try LanguageCode(text).tag }

    /// True when `locale` is `language[_Script][_REGION][@ss=standard|none]` with a language
    /// ICU knows: the only locales Verso hands ICU (see the shim's header).
    public static func isKnownLocale(_ locale: String) -> Bool { !locale.utf8.contains(0) && verso_locale_is_known(locale) == 1 }

    /// The language's name in English ("French" for `fr-CA`), or the code when ICU has none.
    public var englishName: String { LanguageCode.name(of: language, in: "en") ?? language }

    /// The closest known code for an unknown one: a language named `text` in English or in
    /// itself (`french`, `Deutsch`, `français`), or one name edit away (`frensh`).
    /// - Complexity: O(number of ISO 639 codes ICU knows, about 600).
    public static func suggestion(for text: String) -> (code: String, name: String)? {
        let wanted = fold(text)
        guard wanted.count >= 3 else { return nil }
        var near: (code: String, name: String)?
        for (code, names, folded) in names {
            if folded.contains(wanted) { return (code, names[0]) }
            if near == nil, wanted.count >= 5, folded.contains(where: { editDistanceIsOne($0, wanted) }) { near = (code, names[0]) }
        }
        return near
    }

    private static func unknown(_ text: String, wellFormed: Bool) -> VersoError {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        let what = wellFormed ? "\"\(shown)\" is not a language ICU knows" : "\"\(shown)\" is not a language code"
        let hint = "use an ISO 639 code such as en, fr, de, ja, or a BCP 47 tag such as fr-CA"
        if let (code, name) = suggestion(for: text) {
            return VersoError(.usage, "\(what); did you mean \"\(code)\" (\(name))?", fix: "write \(code); \(hint)")
        }
        return VersoError(.usage, what, fix: hint)
    }

    /// For each ISO 639 code ICU knows, its English name then its name in itself, and both
    /// folded for comparison. Made on first use (the error path), about 1,200 ICU look-ups.
    private static let names: [(code: String, names: [String], folded: [String])] = {
        var result: [(String, [String], [String])] = []
        var index: Int32 = 0
        while let pointer = verso_iso_language(index) {
            let code = String(cString: pointer)
            index += 1
            let own = [name(of: code, in: "en"), name(of: code, in: code)].compactMap { $0 }.filter { $0 != code }
            if !own.isEmpty { result.append((code, own, own.map(fold))) }
        }
        return result
    }()

    private static func name(of code: String, in display: String) -> String? {
        var buffer = [UInt16](repeating: 0, count: 128)
        let n = verso_language_name(code, display, &buffer, Int32(buffer.count))
        guard n > 0, n <= buffer.count else { return nil }
        return String(decoding: buffer[0..<Int(n)], as: UTF16.self)
    }

    /// Lowercased, without accents, for comparing names.
    private static func fold(_ text: String) -> String {
        String(String.UnicodeScalarView(Normalization.nfkd.apply(text.lowercased()).unicodeScalars
            .filter { !$0.properties.isDiacritic && $0.properties.generalCategory != .nonspacingMark }))
    }

    /// One insertion, deletion, substitution or transposition apart.
    private static func editDistanceIsOne(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a), Array(b))
        guard abs(x.count - y.count) <= 1, x != y else { return false }
        var i = 0
        while i < min(x.count, y.count), x[i] == y[i] { i += 1 }
        if x.count == y.count {
            if x[(i + 1)...] == y[(i + 1)...] { return true }
            return i + 1 < x.count && x[i] == y[i + 1] && x[i + 1] == y[i] && x[(i + 2)...] == y[(i + 2)...]
        }
        let (long, short) = x.count > y.count ? (x, y) : (y, x)
        return long[(i + 1)...] == short[i...]
    }
}

import CICUShim

/// Versions of the system ICU Verso runs on, for signatures.
public enum ICUInfo {
    /// ICU's version, e.g. "72.1".
    public static let version: String = cString { verso_icu_version($0, $1) }
    /// The Unicode version of ICU's data, e.g. "15.0".
    public static let unicodeVersion: String = cString { verso_unicode_version($0, $1) }

    private static func cString(_ fill: (UnsafeMutablePointer<CChar>, Int32) -> Int32) -> String {
        var buffer = [CChar](repeating: 0, count: 64)
        _ = fill(&buffer, 64)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

/// A boundary found by an ICU break iterator: a byte offset and the rule status of the segment
/// that ends there.
public struct Boundary: Sendable, Equatable {
    public var offset: Int
    public var status: Int32
}

/// A thin owner of an ICU break iterator over UTF-8 bytes.
///
/// Not thread-safe; make one per thread. Boundaries are byte offsets into the UTF-8 given.
public final class BreakIterator {
    public enum Kind: Int32 { case sentence = 0, word = 1, character = 2 }

    private let handle: OpaquePointer
    public let locale: String
    private static let batch = 1024
    private var offsets = [Int64](repeating: 0, count: BreakIterator.batch)
    private var statuses = [Int32](repeating: 0, count: BreakIterator.batch)

    /// Opens an iterator for `locale` (an ICU locale id such as `en@ss=standard`).
    /// - Throws: ``VersoError`` when ICU cannot open it.
    public init(_ kind: Kind, locale: String) throws {
        guard LanguageCode.isKnownLocale(locale) else {
            throw VersoError(.usage, "\"\(locale.prefix(40))\" is not a locale Verso can use: language[_Script][_REGION][@ss=standard], with a language ICU knows",
                             fix: "name a locale such as en, fr, de_CH, zh_Hant_TW or en@ss=standard")
        }
        var error: Int32 = 0
        guard let h = verso_breaker_open(kind.rawValue, locale, &error) else {
            throw VersoError(.badData, "ICU could not open a \(kind) break iterator for locale '\(locale)' (error \(error))",
                             fix: "name a locale ICU knows, such as en, fr or de")
        }
        handle = h
        self.locale = locale
    }

    deinit { verso_breaker_close(handle) }

    /// All boundaries of `bytes`, including 0 and `bytes.count`.
    /// - Complexity: O(n).
    public func boundaries(_ bytes: UnsafeBufferPointer<UInt8>, withStatus: Bool = false) -> [Boundary] {
        var result: [Boundary] = []
        result.reserveCapacity(bytes.count / 40 + 2)
        _ = verso_breaker_set_text(handle, bytes.baseAddress, Int64(bytes.count))
        let cap = Int32(BreakIterator.batch)
        while true {
            let n = offsets.withUnsafeMutableBufferPointer { o in
                statuses.withUnsafeMutableBufferPointer { s in
                    verso_breaker_next(handle, o.baseAddress, withStatus ? s.baseAddress : nil, cap)
                }
            }
            if n <= 0 { break }
            for i in 0..<Int(n) { result.append(Boundary(offset: Int(offsets[i]), status: statuses[i])) }
        }
        return result
    }

    /// Boundaries of a byte array.
    public func boundaries(_ bytes: [UInt8], withStatus: Bool = false) -> [Boundary] {
        bytes.withUnsafeBufferPointer { boundaries($0, withStatus: withStatus) }
    }
}

/// Unicode normalization through ICU.
public enum Normalization: Int32, Sendable {
    case nfc = 0, nfd = 1, nfkc = 2, nfkd = 3, nfkcCasefold = 4

    /// Returns `text` in this form. Text already in the form is returned unchanged (fast path).
    /// - Complexity: O(n).
    public func apply(_ text: String) -> String {
        if self == .nfc || self == .nfd {
            // ASCII is in every form.
            if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        }
        let units = Array(text.utf16)
        let ok = units.withUnsafeBufferPointer { verso_is_normalized(rawValue, $0.baseAddress, Int32($0.count)) }
        if ok == 1 { return text }
        var capacity = units.count * 2 + 16
        while true {
            var out = [UInt16](repeating: 0, count: capacity)
            let needed = units.withUnsafeBufferPointer { src in
                out.withUnsafeMutableBufferPointer { dst in
                    verso_normalize(rawValue, src.baseAddress, Int32(src.count), dst.baseAddress, Int32(capacity))
                }
            }
            if needed < 0 { return text }
            if Int(needed) <= capacity { return String(decoding: out[0..<Int(needed)], as: UTF16.self) }
            capacity = Int(needed)
        }
    }
}

/// Locale data from ICU: number parsing and formatting, month and weekday names. A locale whose
/// language ICU does not know gives nothing (nil, no names): ICU is not called with it.
public enum LocaleData {
    public enum NumberStyle: Int32 { case decimal = 0, spellout = 1 }
    public enum SymbolKind: Int32 { case months = 0, shortMonths = 1, weekdays = 2, shortWeekdays = 3 }

    /// Parses the whole of `text` as a number in the locale's conventions; nil unless ICU's
    /// parse consumed every character ("1,234.5" in `fr` is rejected, not read as 1.234).
    public static func parseNumber(_ text: String, locale: String, style: NumberStyle = .decimal) -> Double? {
        let units = Array(text.utf16)
        guard !units.isEmpty, LanguageCode.isKnownLocale(locale) else { return nil }
        var value = 0.0
        let used = units.withUnsafeBufferPointer { verso_number_parse(locale, style.rawValue, $0.baseAddress, Int32($0.count), &value) }
        return Int(used) == units.count ? value : nil
    }

    /// Formats a number in the locale's style ("deux" for 2 in `fr` spell-out).
    public static func format(_ value: Double, locale: String, style: NumberStyle = .decimal) -> String? {
        guard LanguageCode.isKnownLocale(locale) else { return nil }
        return utf16String { verso_number_format(locale, style.rawValue, value, $0, $1) }
    }

    /// The locale's names of months or weekdays (weekdays start with Sunday).
    public static func symbols(_ kind: SymbolKind, locale: String) -> [String] {
        guard LanguageCode.isKnownLocale(locale) else { return [] }
        let count = verso_date_symbol_count(locale, kind.rawValue)
        guard count > 0 else { return [] }
        return (0..<count).compactMap { index in
            utf16String { verso_date_symbol(locale, kind.rawValue, index, $0, $1) }
        }.filter { !$0.isEmpty }
    }

    private static func utf16String(_ fill: (UnsafeMutablePointer<UInt16>, Int32) -> Int32) -> String? {
        var buffer = [UInt16](repeating: 0, count: 256)
        let n = buffer.withUnsafeMutableBufferPointer { fill($0.baseAddress!, 256) }
        guard n >= 0, n <= 256 else { return nil }
        return String(decoding: buffer[0..<Int(n)], as: UTF16.self)
    }
}

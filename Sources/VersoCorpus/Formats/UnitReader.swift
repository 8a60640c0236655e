/// A format reader: delivers the units of one input in order, one at a time, so memory does not
/// grow with the input.
public protocol UnitReader: AnyObject {
    /// Reads every unit, calling `body` for each in order; an error thrown by `body` stops the
    /// read and is rethrown.
    func read(_ body: (TranslationUnit) throws -> Void) throws
    /// The source language, as far as known (given, or read from the header or the first units).
    var sourceLanguage: String? { get }
    /// The target language, as far as known.
    var targetLanguage: String? { get }
    /// What the user should know after a read (units skipped, sides missing), one line each.
    var remarks: [String] { get }
}

extension UnitReader {
    /// Every unit in memory.
    ///
    /// - Complexity: O(n) time and memory in the size of the input.
    public func readAll() throws -> [TranslationUnit] {
        var units: [TranslationUnit] = []
        try read { units.append($0) }
        return units
    }
}

/// Language tag comparison for readers.
enum LanguageTag {
    /// `tag` with `_` as `-`, lowercased.
    static func normalized(_ tag: String) -> String { tag.replacingOccurrences(of: "_", with: "-").lowercased() }

    /// True when `tag` names `wanted` or one of its regional variants (or `wanted` is a variant of
    /// `tag`): `en` matches `EN-US`, `en_GB` and `en`; `en-US` matches `en`, not `en-GB`.
    static func matches(_ tag: String, _ wanted: String) -> Bool {
        let (a, b) = (normalized(tag), normalized(wanted))
        return a == b || a.hasPrefix(b + "-") || b.hasPrefix(a + "-")
    }
}

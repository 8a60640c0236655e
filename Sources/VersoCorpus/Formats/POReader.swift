import Foundation
import VersoText

/// Reads a gettext catalog in its text form (`.po`, `.pot`) as translation units, following the
/// PO format of the gettext manual ("The Format of PO Files").
///
/// Each entry gives one unit, a plural entry one per form (see `GettextCatalog`): `msgid` the
/// source, `msgstr` the target, `msgctxt` the unit's `context`, the `#,` flags its `flags`
/// (`fuzzy`, `c-format`, `no-c-format`, `python-format`…, in order), translator comments (`# `)
/// and extracted comments (`#.`) its `notes`, the entry's first line its `line`. References
/// (`#:`) and previous strings (`#|`) are read and left out. Strings follow C's escapes (`\n`,
/// `\t`, `\"`, `\\`, octal and `\x` hex) and continue over lines (`"…"` on the next lines).
///
/// What is checked: translated entries (status `translated`) and fuzzy ones (status `fuzzy`:
/// drafts that `msgfmt` leaves out of the `.mo`, worth checking before someone clears the flag;
/// counted in `remarks`). Not delivered, and counted: untranslated entries (every `msgstr`
/// empty: nothing to check) unless `includeUntranslated`, empty forms of a plural entry, obsolete
/// entries (`#~`), the header (`msgid ""`, read for `Language`, `Plural-Forms` and the charset).
///
/// The file is decoded with the charset its header names (`Content-Type: text/plain;
/// charset=…`), strictly; `CHARSET` (a template's placeholder) or none is UTF-8.
public final class POReader: UnitReader {
    public let input: InputSource
    public let includeUntranslated: Bool
    public private(set) var sourceLanguage: String?
    public private(set) var targetLanguage: String?
    /// The header's fields (`Project-Id-Version`, `Language`, `Plural-Forms`…), by name.
    public private(set) var header: [String: String] = [:]
    private var tally = GettextCatalog.Tally()

    public var remarks: [String] { tally.remarks(untranslatedRead: includeUntranslated) }

    /// - Parameters:
    ///   - sourceLanguage: overrides the header's `X-Source-Language` (gettext has no standard
    ///     field for it; msgids are usually English).
    ///   - targetLanguage: overrides the header's `Language` (else the path: `po/fr.po`).
    ///   - includeUntranslated: deliver untranslated entries too, with an empty target.
    public init(_ input: InputSource, sourceLanguage: String? = nil, targetLanguage: String? = nil, includeUntranslated: Bool = false) {
        self.input = input
        self.includeUntranslated = includeUntranslated
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
        givenLanguages = (sourceLanguage, targetLanguage)
    }

    private let givenLanguages: (String?, String?)

    /// - Throws: `VersoError` for an unreadable or oversized file, bytes invalid in the header's
    ///   charset (with the byte offset), or a syntax error (with the line and what was expected);
    ///   or what `body` throws.
    /// - Complexity: O(file size) time and memory (catalogs are read whole, up to
    ///   `GettextCatalog.maxFileSize`).
    public func read(_ body: (TranslationUnit) throws -> Void) throws {
        (sourceLanguage, targetLanguage) = givenLanguages
        (header, tally) = ([:], GettextCatalog.Tally())
        let bytes = try input.prefix(GettextCatalog.maxFileSize + 1)
        guard bytes.count <= GettextCatalog.maxFileSize else {
            throw VersoError(.badInput, "the catalog is larger than \(GettextCatalog.maxFileSize >> 20) MB; Verso reads catalogs whole and refuses larger ones",
                             file: input.name, fix: "split the catalog (msgcat, msggrep) or check that this is a PO file")
        }
        var content = bytes[...]
        if content.starts(with: [0xEF, 0xBB, 0xBF]) { content = content.dropFirst(3) }
        if let zero = content.firstIndex(of: 0) {
            throw VersoError(.badData, "a NUL byte at byte \(zero): this is not a PO file (a compiled .mo is binary)",
                             file: input.name, line: GettextCatalog.lineNumber(bytes[...], zero), byteOffset: zero,
                             fix: "give the .po text, or name a .mo file with its .mo extension")
        }
        let text = try GettextCatalog.decode(content, charset: GettextCatalog.sniffCharset(content), file: input.name)
        var parser = POParser(file: input.name)
        try parser.parse(text) { entry, obsolete in
            if obsolete { tally.obsolete += 1; return }
            if entry.isHeader {
                header = GettextCatalog.headerFields(entry.msgstr.first ?? "")
                if targetLanguage == nil { targetLanguage = header["Language"].flatMap { $0.isEmpty ? nil : $0 } }
                if sourceLanguage == nil { sourceLanguage = header["X-Source-Language"].flatMap { $0.isEmpty ? nil : $0 } }
                return
            }
            guard entry.isTranslated else {
                tally.untranslated += 1
                guard includeUntranslated else { return }
                var unit = TranslationUnit(source: entry.msgidPlural ?? entry.msgid, target: "", notes: entry.notes)
                (unit.context, unit.flags, unit.status, unit.line) = (entry.context, entry.flags, .untranslated, entry.line)
                return try body(unit)
            }
            if entry.isFuzzy { tally.fuzzy += 1 }
            tally.emptyForms += entry.msgstr.filter(\.isEmpty).count
            for unit in entry.units() { try body(unit) }
        }
        if targetLanguage == nil { targetLanguage = GettextCatalog.language(fromPath: input.name) }
    }
}

/// The PO syntax, line by line: comments, keywords, strings.
struct POParser {
    let file: String
    /// The most plural forms accepted in one entry (languages have at most 6).
    static let maxForms = 100

    private var entry = GettextCatalog.Entry(msgid: "", msgstr: [])
    private var started = false
    private var hasMsgid = false
    private var obsolete = false
    /// The string a continuation line extends: msgctxt, msgid, msgid_plural, msgstr[n], or a
    /// previous string (#|), which is read and dropped.
    private enum Target { case context, msgid, plural, msgstr(Int), previous }
    private var current: Target?
    private var lineNumber = 0

    init(file: String) { self.file = file }

    private func error(_ message: String, fix: String = "repair the entry (msgfmt --check-format -o /dev/null FILE shows gettext's own diagnostics)") -> VersoError {
        VersoError(.badData, message, file: file, line: lineNumber, fix: fix)
    }

    /// Calls `body` with every entry (and whether it is obsolete), in order.
    mutating func parse(_ text: String, _ body: (GettextCatalog.Entry, Bool) throws -> Void) throws {
        // "\r\n" is one Character: split on it too, so CRLF files read as LF ones.
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            var line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            line = line.drop { $0 == " " || $0 == "\t" }
            if line.isEmpty {
                try flush(body)
                continue
            }
            var lineObsolete = false
            if line.hasPrefix("#~") {
                lineObsolete = true
                line = line.dropFirst(2)
                if line.hasPrefix("|") { line = Substring("#" + line) }  // #~| : a previous string of an obsolete entry
                line = line.drop { $0 == " " || $0 == "\t" }
                if line.isEmpty { continue }
            }
            if line.hasPrefix("#") {
                try comment(line, obsolete: lineObsolete, body)
                continue
            }
            if lineObsolete != obsolete && started && hasMsgid { try flush(body) }
            if lineObsolete { obsolete = true }
            try keywordOrString(line, body)
        }
        try flush(body)
    }

    private mutating func startIfNeeded(_ body: (GettextCatalog.Entry, Bool) throws -> Void) throws {
        // A comment or keyword after the msgstr of an entry starts the next entry.
        if started && !entry.msgstr.isEmpty { try flush(body) }
        if !started {
            started = true
            entry.line = lineNumber
        }
    }

    private mutating func comment(_ line: Substring, obsolete lineObsolete: Bool, _ body: (GettextCatalog.Entry, Bool) throws -> Void) throws {
        if line.hasPrefix("#|") {
            // A previous string: its continuation lines follow; kept out of the unit.
            let rest = line.dropFirst(2).drop { $0 == " " || $0 == "\t" }
            if !entry.msgstr.isEmpty { try flush(body) }
            if !started { started = true; entry.line = lineNumber }
            if rest.hasPrefix("\"") { _ = try string(rest) } else if let space = rest.firstIndex(where: { $0 == " " || $0 == "\t" }) {
                _ = try string(rest[space...].drop { $0 == " " || $0 == "\t" })
            }
            current = .previous
            return
        }
        try startIfNeeded(body)
        current = nil
        if lineObsolete { obsolete = true }
        if line.hasPrefix("#,") {
            for flag in line.dropFirst(2).split(separator: ",") {
                let f = flag.trimmingCharacters(in: .whitespaces)
                if !f.isEmpty { entry.flags.append(f) }
            }
        } else if line.hasPrefix("#.") {
            entry.notes.append(String(line.dropFirst(2).drop { $0 == " " }))
        } else if line.hasPrefix("#:") {
            // References (file:line in the program's sources): read, not kept.
        } else if line == "#" || line.hasPrefix("# ") || line.hasPrefix("#\t") {
            entry.notes.append(String(line.dropFirst(1).drop { $0 == " " || $0 == "\t" }))
        }
        // Other "#x" lines are comments of unknown kinds: ignored, as gettext does.
    }

    private mutating func keywordOrString(_ line: Substring, _ body: (GettextCatalog.Entry, Bool) throws -> Void) throws {
        if line.hasPrefix("\"") {
            guard let target = current else {
                throw error("a string with no keyword before it", fix: "start the entry with msgid \"…\" (or join this line to the string above)")
            }
            let value = try string(line)
            append(value, to: target)
            return
        }
        let keywordEnd = line.firstIndex { $0 == " " || $0 == "\t" || $0 == "\"" } ?? line.endIndex
        let keyword = line[..<keywordEnd]
        let rest = line[keywordEnd...].drop { $0 == " " || $0 == "\t" }
        guard rest.hasPrefix("\"") else {
            if ["msgctxt", "msgid", "msgid_plural", "msgstr"].contains(keyword) || keyword.hasPrefix("msgstr[") {
                throw error("\(keyword) needs a string in double quotes")
            }
            throw error("unexpected text \"\(line.prefix(40))\"; expected msgctxt, msgid, msgid_plural, msgstr, a \"string\" or a # comment",
                        fix: "check that this is a PO file; repair the line")
        }
        let value = try string(rest)
        switch keyword {
        case "msgctxt":
            try startIfNeeded(body)
            guard !hasMsgid else { throw error("msgctxt after msgid; msgctxt comes first in an entry") }
            entry.context = value
            current = .context
        case "msgid":
            try startIfNeeded(body)
            guard !hasMsgid else { throw error("a second msgid in one entry (the msgstr of the first is missing)") }
            entry.msgid = value
            hasMsgid = true
            current = .msgid
        case "msgid_plural":
            guard hasMsgid, entry.msgstr.isEmpty, entry.msgidPlural == nil else { throw error("msgid_plural must follow the msgid of its entry") }
            entry.msgidPlural = value
            current = .plural
        case "msgstr":
            guard hasMsgid else { throw error("msgstr without msgid") }
            guard entry.msgidPlural == nil else { throw error("a plural entry needs msgstr[0], msgstr[1]…, not msgstr") }
            guard entry.msgstr.isEmpty else { throw error("a second msgstr in one entry") }
            entry.msgstr = [value]
            current = .msgstr(0)
        case let k where k.hasPrefix("msgstr[") && k.hasSuffix("]"):
            guard hasMsgid else { throw error("\(k) without msgid") }
            guard entry.msgidPlural != nil else { throw error("\(k) in an entry without msgid_plural") }
            guard let n = Int(k.dropFirst(7).dropLast()), n == entry.msgstr.count, n < Self.maxForms else {
                throw error("\(k) out of order: expected msgstr[\(entry.msgstr.count)]")
            }
            entry.msgstr.append(value)
            current = .msgstr(n)
        default:
            throw error("unknown keyword \"\(keyword.prefix(40))\"; expected msgctxt, msgid, msgid_plural or msgstr")
        }
    }

    private mutating func append(_ value: String, to target: Target) {
        switch target {
        case .context: entry.context = (entry.context ?? "") + value
        case .msgid: entry.msgid += value
        case .plural: entry.msgidPlural = (entry.msgidPlural ?? "") + value
        case .msgstr(let n): if n < entry.msgstr.count { entry.msgstr[n] += value }
        case .previous: break
        }
    }

    private mutating func flush(_ body: (GettextCatalog.Entry, Bool) throws -> Void) throws {
        defer {
            entry = GettextCatalog.Entry(msgid: "", msgstr: [])
            (started, hasMsgid, obsolete, current) = (false, false, false, nil)
        }
        guard started else { return }
        guard hasMsgid else {
            if entry.context != nil { throw error("msgctxt without msgid in the entry that starts at line \(entry.line ?? lineNumber)") }
            return  // comments alone (a file's leading comments, trailing ones)
        }
        guard !entry.msgstr.isEmpty else {
            throw VersoError(.badData, "the entry at line \(entry.line ?? lineNumber) has a msgid but no msgstr", file: file,
                             line: entry.line, fix: "add msgstr \"\" (untranslated) or the translation")
        }
        if entry.msgidPlural != nil && entry.msgstr.count < 1 {
            throw error("a plural entry without msgstr[0]")
        }
        try body(entry, obsolete)
    }

    /// The value of a quoted string with C escapes, from its opening quote; only blanks may follow.
    private func string(_ text: Substring) throws -> String {
        var scalars = text.unicodeScalars.dropFirst()  // the opening quote
        var bytes: [UInt8] = []
        var closed = false
        func take() -> Unicode.Scalar? { scalars.popFirst() }
        while let c = take() {
            if c == "\"" { closed = true; break }
            guard c == "\\" else {
                bytes += Array(String(c).utf8)
                continue
            }
            guard let e = take() else { break }
            switch e {
            case "n": bytes.append(0x0A)
            case "t": bytes.append(0x09)
            case "r": bytes.append(0x0D)
            case "a": bytes.append(0x07)
            case "b": bytes.append(0x08)
            case "f": bytes.append(0x0C)
            case "v": bytes.append(0x0B)
            case "\\", "\"", "'", "?": bytes.append(UInt8(e.value))
            case "0"..."7":
                var value = e.value - 0x30
                for _ in 0..<2 {
                    guard let d = scalars.first, ("0"..."7").contains(d) else { break }
                    value = value * 8 + (d.value - 0x30)
                    _ = take()
                }
                bytes.append(UInt8(truncatingIfNeeded: value))
            case "x":
                var value: UInt32 = 0, digits = 0
                while let d = scalars.first, d.isASCII, let v = UInt32(String(d), radix: 16) {
                    value = (value &* 16 &+ v) & 0xFF
                    digits += 1
                    _ = take()
                }
                guard digits > 0 else { throw error("\\x without hexadecimal digits in a string") }
                bytes.append(UInt8(truncatingIfNeeded: value))
            default:
                throw error("unknown escape \\\(e) in a string", fix: "write \\\\ for a backslash")
            }
        }
        guard closed else { throw error("a string is not closed (no \" before the end of the line)") }
        guard scalars.allSatisfy({ $0 == " " || $0 == "\t" }) else {
            throw error("text after the closing quote of a string: \"\(String(String.UnicodeScalarView(scalars)).prefix(30))\"")
        }
        guard let value = String(validating: bytes, as: UTF8.self) else {
            throw error("an octal or \\x escape makes the string invalid UTF-8", fix: "write the character itself instead of its escaped bytes")
        }
        return value
    }
}

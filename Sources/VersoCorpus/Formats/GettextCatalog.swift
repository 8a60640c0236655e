import Foundation
import VersoText

/// What the PO and MO readers share: the header entry (`msgid ""`), the charset, and how one
/// catalog entry becomes units.
///
/// A gettext entry is already an aligned pair: `msgid` (the program's string, usually English)
/// and `msgstr` (its translation). A plural entry (`msgid_plural`, `msgstr[n]`) gives one unit
/// per form: form 0 pairs with `msgid`, the others with `msgid_plural` (an entry with a single
/// form, as in languages without plural, pairs it with `msgid_plural`, which it must render).
enum GettextCatalog {
    /// The largest catalog read (PO text or MO binary); real ones are under 10 MB.
    static let maxFileSize = 256 << 20

    /// The header's fields (`Content-Type`, `Language`, `Plural-Forms`…), by name.
    static func headerFields(_ msgstr: String) -> [String: String] {
        var fields: [String: String] = [:]
        for line in msgstr.split(separator: "\n") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if !name.isEmpty && fields[name] == nil { fields[name] = value }
        }
        return fields
    }

    /// The charset named in a `Content-Type: text/plain; charset=…` value; nil for none or for
    /// the template placeholder `CHARSET` (read as UTF-8, as gettext reads it as ASCII).
    static func charset(contentType: String?) -> String? {
        guard let contentType, let range = contentType.range(of: "charset=", options: .caseInsensitive) else { return nil }
        let name = contentType[range.upperBound...].prefix { $0.isLetter || $0.isNumber || "-_.:".contains($0) }
        guard !name.isEmpty, name.uppercased() != "CHARSET" else { return nil }
        return String(name)
    }

    /// True for the names of UTF-8.
    static func isUTF8(_ charset: String?) -> Bool {
        guard let charset else { return true }
        let n = charset.uppercased()
        return n == "UTF-8" || n == "UTF8"
    }

    /// The charset named in the first `charset=` of a catalog's bytes (the header comes first).
    /// - Complexity: O(prefix) (the first 64 KB).
    static func sniffCharset(_ bytes: ArraySlice<UInt8>) -> String? {
        let prefix = bytes.prefix(64 << 10)
        let key = Array("charset=".utf8)
        guard prefix.count >= key.count else { return nil }
        var i = prefix.startIndex
        while i + key.count <= prefix.endIndex {
            if zip(prefix[i..<(i + key.count)], key).allSatisfy({ ($0 | 0x20) == $1 }) {
                let name = prefix[(i + key.count)...].prefix { b in
                    (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A) || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x3A
                }
                let text = String(decoding: name, as: UTF8.self)
                return text.isEmpty || text.uppercased() == "CHARSET" ? nil : text
            }
            i += 1
        }
        return nil
    }

    /// `bytes` as text in `charset` (UTF-8 when nil), strictly. Offsets in errors are the
    /// slice's indices (offsets in the file when the slice is of the whole file's bytes).
    /// - Parameter lines: whether the slice starts at the file's start, so errors can name a line.
    /// - Throws: `VersoError` naming the byte offset of the first invalid sequence.
    /// - Complexity: O(bytes.count).
    static func decode(_ bytes: ArraySlice<UInt8>, charset: String?, file: String, lines: Bool = true) throws -> String {
        func line(_ offset: Int) -> Int? { lines ? lineNumber(bytes, offset - bytes.startIndex) : nil }
        if isUTF8(charset) {
            if let text = String(validating: bytes, as: UTF8.self) { return text }
            let offset = bytes.startIndex + firstInvalidUTF8(bytes)
            throw VersoError(.invalidEncoding, "not valid UTF-8 at byte \(offset), though the catalog's header says \(charset ?? "nothing (UTF-8 assumed)")",
                             file: file, line: line(offset), byteOffset: offset,
                             fix: "set the header's charset to the file's real encoding, or convert it (msgconv --to-code=UTF-8)")
        }
        guard let charset else { return "" }
        do {
            return String(decoding: try Transcoder.decode(Array(bytes), charset: charset), as: UTF8.self)
        } catch .unknownCharset(let name) {
            throw VersoError(.invalidEncoding, "the header names the charset \"\(name)\", which Verso does not know",
                             file: file, fix: "convert the catalog to UTF-8 (msgconv --to-code=UTF-8)")
        } catch .invalid(let relative, let bad), .truncated(let relative, let bad) {
            let offset = bytes.startIndex + relative
            throw VersoError(.invalidEncoding, "bytes \(bad.map { String(format: "0x%02X", $0) }.joined(separator: " ")) at byte \(offset) are not valid \(charset), the charset the header names",
                             file: file, line: line(offset), byteOffset: offset,
                             fix: "repair the bytes there, or set the header's charset to the file's real encoding")
        } catch {
            throw VersoError(.invalidEncoding, "decoding \(charset) failed", file: file, fix: "convert the catalog to UTF-8 (msgconv --to-code=UTF-8)")
        }
    }

    /// The offset of the first byte that does not start a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> Int {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return offset
            case .error: return offset
            }
        }
    }

    /// 1-based line of a byte offset.
    static func lineNumber(_ bytes: ArraySlice<UInt8>, _ offset: Int) -> Int {
        1 + bytes.prefix(max(0, offset)).reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
    }

    /// One entry as the readers parse it.
    struct Entry {
        var context: String?
        var msgid: String
        var msgidPlural: String?
        /// `msgstr`, or `msgstr[0]`, `msgstr[1]`… for a plural entry.
        var msgstr: [String]
        var flags: [String] = []
        var notes: [String] = []
        var line: Int?

        var isHeader: Bool { msgid.isEmpty && context == nil }
        var isFuzzy: Bool { flags.contains("fuzzy") }
        var isTranslated: Bool { msgstr.contains { !$0.isEmpty } }

        /// The units of this entry (one per non-empty form), with `status`.
        func units() -> [TranslationUnit] {
            let status: TranslationStatus = isFuzzy ? .fuzzy : .translated
            var out: [TranslationUnit] = []
            for (form, target) in msgstr.enumerated() where !target.isEmpty {
                let source: String
                if let plural = msgidPlural { source = form == 0 && msgstr.count > 1 ? msgid : plural } else { source = msgid }
                var unit = TranslationUnit(source: source, target: target, notes: notes)
                unit.context = context
                unit.pluralForm = msgidPlural == nil ? nil : form
                unit.flags = flags
                unit.status = status
                unit.line = line
                out.append(unit)
            }
            return out
        }
    }

    /// Counts of what a reader did not deliver, and the header's languages.
    struct Tally {
        var untranslated = 0
        var fuzzy = 0
        var obsolete = 0
        var emptyForms = 0

        func remarks(untranslatedRead: Bool) -> [String] {
            var lines: [String] = []
            if fuzzy > 0 { lines.append("\(fuzzy) fuzzy entr\(fuzzy == 1 ? "y was" : "ies were") checked as drafts (msgfmt leaves them out of the .mo)") }
            if untranslated > 0 && !untranslatedRead { lines.append("\(untranslated) untranslated entr\(untranslated == 1 ? "y" : "ies") (empty msgstr) not read") }
            if emptyForms > 0 { lines.append("\(emptyForms) empty plural form(s) of translated entries not read") }
            if obsolete > 0 { lines.append("\(obsolete) obsolete entr\(obsolete == 1 ? "y" : "ies") (#~) not read") }
            return lines
        }
    }

    /// The language a catalog's path names: `…/locale/fr/LC_MESSAGES/x.mo`, or `po/fr.po` (the
    /// layout of source trees).
    static func language(fromPath path: String) -> String? {
        let url = URL(fileURLWithPath: path)
        let parent = url.deletingLastPathComponent()
        if parent.lastPathComponent == "LC_MESSAGES" {
            let language = parent.deletingLastPathComponent().lastPathComponent
            if !language.isEmpty && language != "/" { return language }
        }
        if parent.lastPathComponent == "po" {
            let stem = url.deletingPathExtension().lastPathComponent
            if !stem.isEmpty && stem.allSatisfy({ $0.isASCII && ($0.isLetter || "_-@".contains($0)) }) { return stem }
        }
        return nil
    }
}

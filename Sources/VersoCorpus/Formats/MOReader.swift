import Foundation
import VersoText

/// Reads a compiled gettext catalog (`.mo`, what `msgfmt` writes and programs load) as
/// translation units, from its binary layout (the gettext manual, "The Format of GNU MO Files").
///
/// The file starts with the magic number `0x950412de` in the writer's byte order (both orders
/// are read), a revision (major 0 or 1), the number of strings N, and the offsets of two tables
/// of N (length, offset) pairs: the original strings (`msgctxt` + EOT + `msgid`, then NUL +
/// `msgid_plural` for a plural entry) and their translations (the forms separated by NUL).
/// The hash table is not needed and not read. System-dependent strings (minor revision 1: those
/// with `<PRIuMAX>` and the like, whose text the C library completes at run time) come after the
/// others, their segments written back as `<NAME>`, as `msgunfmt` writes them. Every offset and
/// length is checked against the file size before use, so a damaged or hostile file is an error
/// naming the entry, never a crash or a huge allocation.
///
/// Entries become units as in a `.po` (see `GettextCatalog`): a `.mo` and the `.po` that
/// `msgunfmt` makes of it give the same units. A `.mo` holds no comments, flags or fuzzy entries
/// (`msgfmt` leaves them out), except `c-format` on system-dependent strings (as `msgunfmt`
/// marks them); every unit has status `translated`. Strings are decoded with the
/// header's charset, strictly.
public final class MOReader: UnitReader {
    public let input: InputSource
    public private(set) var sourceLanguage: String?
    public private(set) var targetLanguage: String?
    /// The header's fields, by name.
    public private(set) var header: [String: String] = [:]
    /// System-dependent strings read (with `<PRIuMAX>` and the like).
    public private(set) var systemDependent = 0
    private let givenLanguages: (String?, String?)
    /// The most segments one system-dependent string may have.
    static let maxSegments = 4096

    public var remarks: [String] { [] }

    /// - Parameters: languages override the header's (`Language`, else the path's
    ///   `…/locale/fr/LC_MESSAGES/`).
    public init(_ input: InputSource, sourceLanguage: String? = nil, targetLanguage: String? = nil) {
        self.input = input
        givenLanguages = (sourceLanguage, targetLanguage)
        (self.sourceLanguage, self.targetLanguage) = givenLanguages
    }

    private static let magic: UInt32 = 0x9504_12de

    private func damaged(_ message: String, offset: Int? = nil) -> VersoError {
        VersoError(.badData, "not a valid .mo file: \(message)", file: input.name, byteOffset: offset,
                   fix: "recompile it from its .po (msgfmt -o FILE.mo FILE.po), or check that this is a gettext catalog")
    }

    /// - Throws: `VersoError` for an unreadable or oversized file, a bad magic number or
    ///   revision, a table or string outside the file (naming the entry and the offset), strings
    ///   invalid in the header's charset; or what `body` throws.
    /// - Complexity: O(file size) time and memory (read whole, up to `GettextCatalog.maxFileSize`).
    public func read(_ body: (TranslationUnit) throws -> Void) throws {
        (sourceLanguage, targetLanguage) = givenLanguages
        (header, systemDependent) = ([:], 0)
        let bytes = try input.prefix(GettextCatalog.maxFileSize + 1)
        guard bytes.count <= GettextCatalog.maxFileSize else {
            throw VersoError(.badInput, "the catalog is larger than \(GettextCatalog.maxFileSize >> 20) MB; Verso refuses larger ones",
                             file: input.name, fix: "check that this is a gettext .mo file")
        }
        guard bytes.count >= 28 else { throw damaged("\(bytes.count) bytes, shorter than the 28-byte header") }
        func word(_ at: Int, _ bigEndian: Bool) -> UInt32? {
            guard at >= 0, at + 4 <= bytes.count else { return nil }
            let b = (UInt32(bytes[at]), UInt32(bytes[at + 1]), UInt32(bytes[at + 2]), UInt32(bytes[at + 3]))
            return bigEndian ? b.0 << 24 | b.1 << 16 | b.2 << 8 | b.3 : b.3 << 24 | b.2 << 16 | b.1 << 8 | b.0
        }
        let bigEndian: Bool
        if word(0, false) == Self.magic { bigEndian = false } else if word(0, true) == Self.magic { bigEndian = true } else {
            throw damaged("the magic number is \(bytes.prefix(4).map { String(format: "%02x", $0) }.joined()), not 950412de", offset: 0)
        }
        func field(_ at: Int) -> Int { Int(word(at, bigEndian) ?? 0) }
        let revision = field(4)
        guard revision >> 16 <= 1 else { throw damaged("revision \(revision >> 16).\(revision & 0xFFFF) is not one Verso knows (0 or 1)", offset: 4) }
        let count = field(8), originals = field(12), translations = field(16)
        for (name, table) in [("originals", originals), ("translations", translations)] {
            // Int is 64-bit: count * 8 cannot overflow for a 32-bit count.
            guard table + count * 8 <= bytes.count else {
                throw damaged("the \(name) table (\(count) entries at byte \(table)) runs past the end of the file (\(bytes.count) bytes)", offset: table)
            }
        }

        /// The bytes of string `index` of the table at `table`.
        func string(_ table: Int, _ index: Int, _ name: String) throws -> ArraySlice<UInt8> {
            let entry = table + index * 8
            let length = field(entry), offset = field(entry + 4)
            guard offset + length <= bytes.count else {
                throw damaged("\(name) string \(index) (\(length) bytes at byte \(offset)) runs past the end of the file", offset: entry)
            }
            return bytes[offset..<(offset + length)]
        }

        // The header (the translation of "") names the charset; it sorts first.
        var charset: String?
        if count > 0, try string(originals, 0, "original").isEmpty {
            let raw = try string(translations, 0, "translation")
            charset = GettextCatalog.charset(contentType: GettextCatalog.headerFields(String(decoding: raw, as: UTF8.self))["Content-Type"])
        }
        func text(_ slice: ArraySlice<UInt8>) throws -> String {
            try GettextCatalog.decode(slice, charset: charset, file: input.name, lines: false)
        }
        // System-dependent strings: static segments with named segments (`PRIuMAX`) between them.
        var dependent: [(ArraySlice<UInt8>, ArraySlice<UInt8>)] = []
        if revision & 0xFFFF >= 1 && bytes.count >= 48 {
            let segmentCount = field(28), segmentTable = field(32), stringCount = field(36)
            let originalTable = field(40), translationTable = field(44)
            guard segmentTable + segmentCount * 8 <= bytes.count, originalTable + stringCount * 4 <= bytes.count,
                  translationTable + stringCount * 4 <= bytes.count else {
                throw damaged("the system-dependent tables (\(stringCount) strings, \(segmentCount) segments) run past the end of the file", offset: 28)
            }
            var names: [[UInt8]] = []
            for i in 0..<segmentCount {
                let length = field(segmentTable + i * 8), offset = field(segmentTable + i * 8 + 4)
                guard offset + length <= bytes.count else {
                    throw damaged("system-dependent segment \(i) (\(length) bytes at byte \(offset)) runs past the end of the file", offset: segmentTable + i * 8)
                }
                var name = Array(bytes[offset..<(offset + length)])
                if name.last == 0 { name.removeLast() }
                names.append(Array("<".utf8) + name + Array(">".utf8))
            }
            /// The system-dependent string whose descriptor is at `descriptor`, rebuilt.
            func rebuild(_ descriptor: Int, _ what: String, _ index: Int) throws -> ArraySlice<UInt8> {
                var position = field(descriptor)
                var out: [UInt8] = []
                var pair = descriptor + 4
                for _ in 0..<Self.maxSegments {
                    guard pair + 8 <= bytes.count else { throw damaged("\(what) system-dependent string \(index) runs past the end of the file", offset: descriptor) }
                    let size = field(pair), reference = word(pair + 4, bigEndian) ?? 0
                    guard position + size <= bytes.count else {
                        throw damaged("\(what) system-dependent string \(index) (\(size) bytes at byte \(position)) runs past the end of the file", offset: pair)
                    }
                    out += bytes[position..<(position + size)]
                    position += size
                    if reference == UInt32.max {
                        if out.last == 0 { out.removeLast() }
                        return out[...]
                    }
                    guard Int(reference) < names.count else {
                        throw damaged("\(what) system-dependent string \(index) names segment \(reference) of \(names.count)", offset: pair + 4)
                    }
                    out += names[Int(reference)]
                    pair += 8
                }
                throw damaged("\(what) system-dependent string \(index) has more than \(Self.maxSegments) segments", offset: descriptor)
            }
            for i in 0..<stringCount {
                dependent.append((try rebuild(field(originalTable + i * 4), "original", i), try rebuild(field(translationTable + i * 4), "translated", i)))
            }
            systemDependent = stringCount
        }

        for index in 0..<(count + dependent.count) {
            let original = index < count ? try string(originals, index, "original") : dependent[index - count].0
            let translation = index < count ? try string(translations, index, "translation") : dependent[index - count].1
            var parts = try text(original).split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
            var context: String?
            if let eot = parts[0].firstIndex(of: "\u{4}") {
                context = String(parts[0][..<eot])
                parts[0] = String(parts[0][parts[0].index(after: eot)...])
            }
            let forms = try text(translation).split(separator: "\0", omittingEmptySubsequences: false).map(String.init)
            var entry = GettextCatalog.Entry(context: context, msgid: parts[0], msgidPlural: parts.count > 1 ? parts[1] : nil, msgstr: forms)
            if entry.isHeader {
                header = GettextCatalog.headerFields(forms.first ?? "")
                if targetLanguage == nil { targetLanguage = header["Language"].flatMap { $0.isEmpty ? nil : $0 } }
                if sourceLanguage == nil { sourceLanguage = header["X-Source-Language"].flatMap { $0.isEmpty ? nil : $0 } }
                continue
            }
            if entry.msgidPlural == nil && forms.count > 1 { entry.msgstr = [translation.isEmpty ? "" : forms.joined(separator: "\0")] }
            // Only C format strings have system-dependent segments: msgunfmt marks them c-format.
            if index >= count { entry.flags = ["c-format"] }
            for unit in entry.units() { try body(unit) }
        }
        if targetLanguage == nil { targetLanguage = GettextCatalog.language(fromPath: input.name) }
    }
}

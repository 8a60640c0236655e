import CZlibShim
import Foundation
import VersoText

/// Reads FreeDict dictionaries in dictd format, as Debian installs them in `/usr/share/dictd/`:
/// `freedict-<src>-<tgt>.index` (headword, offset, length) and `freedict-<src>-<tgt>.dict.dz`
/// (dictzip, which is gzip with an extra header field).
public enum FreeDict {
    /// One dictionary article: a headword and its translation lines, cleaned.
    public struct Entry: Sendable, Equatable {
        public var headword: String
        /// Translation lines without sense numbers ("1. ") and without the pronunciation line;
        /// each may hold several translations separated by `,` or `;`.
        public var translations: [String]
        /// The article writes the headword with a capital ("Germany", "Russia"): a name, not a
        /// common word ("window", "apple"). The index itself is in lower case.
        public var isProperNoun = false
    }

    /// Debian's folder of dictd files.
    public static let defaultDirectory = "/usr/share/dictd"

    /// FreeDict's three-letter code for a language code (`en` → `eng`); three-letter codes are
    /// returned unchanged.
    /// - Throws: `VersoError` when the bundled code table is missing.
    public static func code(for language: String) throws -> String {
        let base = LanguageData.baseLanguage(language)
        if base.count == 3 { return base }
        for line in try AlignData.files.entries("freedict-codes") {
            let parts = line.split(separator: " ", omittingEmptySubsequences: true)
            if parts.count == 2 && parts[0] == base { return String(parts[1]) }
        }
        return base
    }

    /// The index and dictionary paths of `freedict-<from>-<to>` in `directory`, when both exist.
    public static func files(from: String, to: String, directory: String = defaultDirectory) throws -> (index: String, dict: String)? {
        let stem = "\(directory)/freedict-\(try code(for: from))-\(try code(for: to))"
        let index = stem + ".index"
        for dict in [stem + ".dict.dz", stem + ".dict"] where FileManager.default.fileExists(atPath: dict) {
            if FileManager.default.fileExists(atPath: index) { return (index, dict) }
        }
        return nil
    }

    /// Reads every article of a dictionary.
    ///
    /// WikDict-based dictionaries (such as deu-fra) follow each translation line with a gloss in
    /// the source language; for those only the first line and the numbered lines are kept.
    /// - Throws: ``VersoError`` when a file is missing, not dictd data, or not decompressible.
    /// - Complexity: O(size of the dictionary).
    public static func read(index indexPath: String, dict dictPath: String) throws -> [Entry] {
        guard let indexData = FileManager.default.contents(atPath: indexPath) else {
            throw VersoError(.unreadable, "cannot read the dictionary index", file: indexPath,
                             fix: "install the FreeDict package (apt-get install dict-freedict-…) or pass --no-dictionary")
        }
        guard let raw = FileManager.default.contents(atPath: dictPath) else {
            throw VersoError(.unreadable, "cannot read the dictionary", file: dictPath,
                             fix: "install the FreeDict package (apt-get install dict-freedict-…) or pass --no-dictionary")
        }
        let body = dictPath.hasSuffix(".dz") ? try gunzip([UInt8](raw), name: dictPath) : [UInt8](raw)
        let index = [UInt8](indexData)
        var entries: [Entry] = []
        entries.reserveCapacity(index.count / 20)
        var glossed = false
        var lineStart = 0
        var lineNumber = 0
        while lineStart < index.count {
            var lineEnd = lineStart
            while lineEnd < index.count && index[lineEnd] != 0x0A { lineEnd += 1 }
            lineNumber += 1
            defer { lineStart = lineEnd + 1 }
            let fields = index[lineStart..<lineEnd].split(separator: 0x09, omittingEmptySubsequences: false)
            guard fields.count >= 3 else { continue }
            guard let offset = decodeNumber(fields[1]), let length = decodeNumber(fields[2]),
                  offset + length <= body.count else {
                throw VersoError(.badData, "bad offset or length in the dictionary index", file: indexPath, line: lineNumber,
                                 fix: "reinstall the FreeDict package; the .index does not match the .dict.dz")
            }
            let headword = String(decoding: fields[0], as: UTF8.self)
            let article = body[offset..<(offset + length)]
            if headword.hasPrefix("00database") || headword.hasPrefix("00-database") {
                if String(decoding: article, as: UTF8.self).contains("WikDict") { glossed = true }
                continue
            }
            let translations = cleanArticle(article, glossed: glossed)
            if !translations.isEmpty {
                let first = article.first ?? 0
                entries.append(Entry(headword: headword, translations: translations, isProperNoun: first >= 0x41 && first <= 0x5A))
            }
        }
        return entries
    }

    /// The translation lines of an article (the first line is the headword with its
    /// pronunciation and part of speech).
    static func cleanArticle(_ article: ArraySlice<UInt8>, glossed: Bool) -> [String] {
        var out: [String] = []
        var lineIndex = 0
        var start = article.startIndex
        while start < article.endIndex {
            var end = start
            while end < article.endIndex && article[end] != 0x0A { end += 1 }
            defer { start = end + 1; lineIndex += 1 }
            guard lineIndex > 0 else { continue }
            var lo = start, hi = end
            while lo < hi && (article[lo] == 0x20 || article[lo] == 0x09) { lo += 1 }
            while hi > lo && (article[hi - 1] == 0x20 || article[hi - 1] == 0x09 || article[hi - 1] == 0x0D) { hi -= 1 }
            guard lo < hi else { continue }
            // A leading sense number "12. ".
            var d = lo
            while d < hi && isDigit(article[d]) { d += 1 }
            let numbered = d > lo && d + 1 < hi && article[d] == UInt8(ascii: ".") && article[d + 1] == 0x20
            if numbered { lo = d + 2 }
            if glossed && lineIndex != 1 && !numbered { continue }
            // A trailing sense number ("courir 2.").
            if hi - lo > 3 && article[hi - 1] == UInt8(ascii: ".") {
                var k = hi - 2
                while k > lo && isDigit(article[k]) { k -= 1 }
                if k < hi - 2 && article[k] == 0x20 { hi = k }
            }
            if lo < hi { out.append(String(decoding: article[lo..<hi], as: UTF8.self)) }
        }
        return out
    }

    @inline(__always) private static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// dictd's base-64 numbers: the digits are `A–Z a–z 0–9 + /` (values 0–63), most
    /// significant first (not RFC 4648 decoding).
    static func decodeNumber(_ digits: ArraySlice<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 10 else { return nil }
        var value = 0
        for c in digits {
            let d: Int
            switch c {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): d = Int(c) - 65
            case UInt8(ascii: "a")...UInt8(ascii: "z"): d = Int(c) - 97 + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = Int(c) - 48 + 52
            case UInt8(ascii: "+"): d = 62
            case UInt8(ascii: "/"): d = 63
            default: return nil
            }
            value = value * 64 + d
        }
        return value
    }

    /// Decompresses gzip (or dictzip) bytes.
    /// - Throws: ``VersoError`` when the data is not gzip.
    public static func gunzip(_ data: [UInt8], name: String) throws -> [UInt8] {
        var output: UnsafeMutablePointer<UInt8>?
        var length = 0
        let status = data.withUnsafeBufferPointer { verso_gunzip($0.baseAddress, $0.count, &output, &length) }
        guard status == 0, let output else {
            throw VersoError(.badData, "not gzip/dictzip data (zlib error \(status))", file: name,
                             fix: "reinstall the FreeDict package; the .dict.dz file is damaged")
        }
        defer { verso_gunzip_free(output) }
        return Array(UnsafeBufferPointer(start: output, count: length))
    }
}

/// The aligner's data files (`Sources/VersoAlign/Data`).
enum AlignData {
    static let files = DataFiles(module: "VersoAlign", bundle: .module)
}

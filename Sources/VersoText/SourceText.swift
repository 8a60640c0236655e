import Foundation

/// The text of one input file, decoded to UTF-8 without losing a byte of what it said.
///
/// `bytes` holds the text as UTF-8 without any byte-order mark; `bom` records the mark that was
/// removed so that ``originalBytes`` gives back a UTF-8 file byte for byte.
public struct SourceText: Sendable {
    /// Encodings Verso reads.
    public enum Encoding: String, Sendable { case utf8, utf16LE = "utf-16le", utf16BE = "utf-16be" }

    /// Name used in messages: a path or `-`.
    public let name: String
    /// The text as UTF-8, without byte-order mark. Always valid UTF-8.
    public let bytes: [UInt8]
    /// The encoding the file was in.
    public let encoding: Encoding
    /// The byte-order mark that preceded the text, if any (in the file's own encoding).
    public let bom: [UInt8]
    /// Number of invalid sequences replaced with U+FFFD (only in lossy mode).
    public let replacements: Int

    /// The file's bytes as read, for UTF-8 input (the BOM followed by the text).
    public var originalBytes: [UInt8] { bom + bytes }

    /// The text as a Swift string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Decodes raw file bytes.
    ///
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - name: the path shown in errors.
    ///   - lossy: replace invalid UTF-8 with U+FFFD instead of failing.
    /// - Throws: ``VersoError`` with the byte offset and line of the first invalid sequence.
    /// - Complexity: O(n) in the size of the input.
    public init(data: [UInt8], name: String, lossy: Bool = false) throws {
        self.name = name
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            bom = [0xEF, 0xBB, 0xBF]
            encoding = .utf8
            (bytes, replacements) = try SourceText.validateUTF8(data[3...], name: name, lossy: lossy, base: 3)
        } else if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            let little = data[0] == 0xFF
            bom = Array(data[0..<2])
            encoding = little ? .utf16LE : .utf16BE
            (bytes, replacements) = try SourceText.decodeUTF16(data[2...], littleEndian: little, name: name, lossy: lossy)
        } else {
            bom = []
            encoding = .utf8
            (bytes, replacements) = try SourceText.validateUTF8(data[...], name: name, lossy: lossy, base: 0)
        }
    }

    /// Makes a source text from a string already in memory.
    public init(string: String, name: String = "<text>") {
        self.name = name
        self.bytes = Array(string.utf8)
        self.encoding = .utf8
        self.bom = []
        self.replacements = 0
    }

    /// Reads a file (or standard input for `-`).
    ///
    /// - Throws: ``VersoError`` for a missing file, a directory, unreadable or undecodable bytes.
    public static func read(path: String, lossy: Bool = false) throws -> SourceText {
        if path == "-" {
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return try SourceText(data: [UInt8](data), name: "<stdin>", lossy: lossy)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw VersoError(.unreadable, "no such file", file: path,
                             fix: "check the path; use - to read standard input")
        }
        if isDirectory.boolValue {
            throw VersoError(.notAFile, "is a directory, not a text file", file: path,
                             fix: "name a text file inside it")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VersoError(.unreadable, "cannot be read (permissions?)", file: path,
                             fix: "check that the file is readable by this user")
        }
        return try SourceText(data: [UInt8](data), name: path, lossy: lossy)
    }

    /// 1-based line number of a byte offset in `bytes` (counting LF).
    public static func lineNumber(in bytes: ArraySlice<UInt8>, at offset: Int) -> Int {
        var line = 1
        var i = bytes.startIndex
        let end = min(bytes.startIndex + offset, bytes.endIndex)
        while i < end { if bytes[i] == 0x0A { line += 1 }; i += 1 }
        return line
    }

    private static func validateUTF8(_ data: ArraySlice<UInt8>, name: String, lossy: Bool, base: Int) throws -> ([UInt8], Int) {
        if let bad = firstInvalidUTF8(data) {
            let offset = bad - data.startIndex
            if !lossy {
                let line = lineNumber(in: data, at: offset)
                let shown = data[bad..<min(bad + 4, data.endIndex)].map { String(format: "0x%02X", $0) }.joined(separator: " ")
                let looksLatin1 = data.contains { $0 >= 0xA0 }
                throw VersoError(.invalidEncoding, "invalid UTF-8 (bytes \(shown))", file: name, line: line,
                                 byteOffset: base + offset,
                                 fix: looksLatin1
                                    ? "the file looks like Latin-1 or Windows-1252: convert it with `iconv -f WINDOWS-1252 -t UTF-8`, or pass --lossy to replace bad bytes with U+FFFD"
                                    : "convert the file to UTF-8, or pass --lossy to replace bad bytes with U+FFFD")
            }
            // Replace each invalid sequence with U+FFFD, counting them.
            var out = [UInt8](); out.reserveCapacity(data.count + 16)
            var count = 0
            var rest = data
            while let bad = firstInvalidUTF8(rest) {
                out.append(contentsOf: rest[rest.startIndex..<bad])
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
                count += 1
                rest = rest[(bad + 1)...]
            }
            out.append(contentsOf: rest)
            return (out, count)
        }
        return (Array(data), 0)
    }

    /// Returns the index of the first byte that starts an invalid UTF-8 sequence, or nil.
    /// - Complexity: O(n).
    static func firstInvalidUTF8(_ data: ArraySlice<UInt8>) -> Int? {
        return data.withUnsafeBufferPointer { buf -> Int? in
            let base = data.startIndex
            var j = 0
            let n = buf.count
            while j < n {
                let b = buf[j]
                if b < 0x80 { j += 1; continue }
                var need = 0
                var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
                switch b {
                case 0xC2...0xDF: need = 1
                case 0xE0: need = 2; lower = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: need = 2
                case 0xED: need = 2; upper = 0x9F
                case 0xF0: need = 3; lower = 0x90
                case 0xF1...0xF3: need = 3
                case 0xF4: need = 3; upper = 0x8F
                default: return base + j
                }
                if j + need >= n { return base + j }
                for k in 1...need {
                    let c = buf[j + k]
                    let lo: UInt8 = k == 1 ? lower : 0x80
                    let hi: UInt8 = k == 1 ? upper : 0xBF
                    if c < lo || c > hi { return base + j }
                }
                j += need + 1
            }
            return nil
        }
    }

    private static func decodeUTF16(_ data: ArraySlice<UInt8>, littleEndian: Bool, name: String, lossy: Bool) throws -> ([UInt8], Int) {
        if data.count % 2 != 0 && !lossy {
            throw VersoError(.invalidEncoding, "UTF-16 file has an odd number of bytes", file: name,
                             byteOffset: data.count + 2, fix: "the file is truncated; re-export it, or convert it with `iconv -f UTF-16 -t UTF-8`")
        }
        var units = [UInt16](); units.reserveCapacity(data.count / 2)
        var i = data.startIndex
        while i + 1 < data.endIndex {
            let a = UInt16(data[i]), b = UInt16(data[i + 1])
            units.append(littleEndian ? (b << 8 | a) : (a << 8 | b))
            i += 2
        }
        var out = [UInt8](); out.reserveCapacity(units.count * 2)
        var replacements = 0
        var iterator = units.makeIterator()
        var decoder = UTF16()
        var unitIndex = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s):
                out.append(contentsOf: String(s).utf8)
                unitIndex += s.value > 0xFFFF ? 2 : 1
            case .emptyInput: break loop
            case .error:
                if !lossy {
                    throw VersoError(.invalidEncoding, "invalid UTF-16 (unpaired surrogate)", file: name,
                                     byteOffset: 2 + unitIndex * 2, fix: "repair the file or pass --lossy to replace bad units with U+FFFD")
                }
                replacements += 1
                unitIndex += 1
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            }
        }
        return (out, replacements)
    }
}

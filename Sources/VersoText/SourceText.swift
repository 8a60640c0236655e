import Foundation

/// The text of one input file, decoded to UTF-8 without losing a byte of what it said.
///
/// `bytes` holds the text as UTF-8 without any byte-order mark; `bom` records the mark that was
/// removed so that ``originalBytes`` gives back a UTF-8 file byte for byte.
public struct SourceText: Sendable {
    /// Encodings Verso reads.
    public enum Encoding: String, Sendable {
        case utf8, utf16LE = "utf-16le", utf16BE = "utf-16be", utf32LE = "utf-32le", utf32BE = "utf-32be"
    }

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

    /// True when the text has a character other than white space.
    /// - Complexity: O(n) at worst; stops at the first such character.
    public var hasText: Bool {
        if bytes.contains(where: { $0 > 0x20 && $0 < 0x80 }) { return true }
        return string.unicodeScalars.contains { !$0.properties.isWhitespace && $0 != "\u{FEFF}" }
    }

    /// The text as a Swift string.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Decodes raw file bytes.
    ///
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - name: the path shown in errors.
    ///   - lossy: replace invalid UTF-8 with U+FFFD instead of failing.
    /// UTF-8, UTF-16 and UTF-32 are read; UTF-16 and UTF-32 need their byte-order mark. Text in
    /// UTF-16 or UTF-32 without a mark (NUL bytes in every other or three of four places) is
    /// refused with the `iconv` command that converts it, even when its bytes happen to be valid
    /// UTF-8, so that it is never read as text with NULs between the letters.
    ///
    /// - Throws: ``VersoError`` with the byte offset and line of the first invalid sequence and
    ///   a diagnosis: an unmarked UTF-16/UTF-32 file, an encoded surrogate (CESU-8), an overlong
    ///   form, a truncated last character, Latin-1 or Windows-1252 text, or a mix of encodings.
    /// - Complexity: O(n) in the size of the input.
    public init(data: [UInt8], name: String, lossy: Bool = false) throws {
        self.name = name
        if data.starts(with: [0xEF, 0xBB, 0xBF]) {
            bom = [0xEF, 0xBB, 0xBF]
            encoding = .utf8
            (bytes, replacements) = try SourceText.validateUTF8(data[3...], name: name, lossy: lossy, base: 3)
        } else if data.starts(with: [0xFF, 0xFE, 0, 0]) || data.starts(with: [0, 0, 0xFE, 0xFF]) {
            let little = data[0] == 0xFF
            bom = Array(data[0..<4])
            encoding = little ? .utf32LE : .utf32BE
            (bytes, replacements) = try SourceText.decodeUTF32(data[4...], littleEndian: little, name: name, lossy: lossy)
        } else if data.starts(with: [0xFF, 0xFE]) || data.starts(with: [0xFE, 0xFF]) {
            let little = data[0] == 0xFF
            bom = Array(data[0..<2])
            encoding = little ? .utf16LE : .utf16BE
            (bytes, replacements) = try SourceText.decodeUTF16(data[2...], littleEndian: little, name: name, lossy: lossy)
        } else {
            if let wide = Unmarked.wideEncoding(data) {
                throw VersoError(.invalidEncoding, "the file looks like \(wide.uppercased()) without a byte-order mark (NUL bytes between the letters)",
                                 file: name, byteOffset: 0,
                                 fix: "convert it with `iconv -f \(wide.uppercased()) -t UTF-8 \(name) > \(name).utf8`, or save it as UTF-8")
            }
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

    /// The largest document read by default, in bytes (64 MB). Aligning and checking a document
    /// takes about 50 times its size in memory, so this keeps one document under about 3 GB;
    /// the CLI's `--max-document-mb` raises it.
    public static let defaultLimit = 64 << 20

    /// `megabytes` MB in bytes (at least 1 MB; a huge count means no limit).
    public static func limit(megabytes: Int) -> Int { megabytes >= Int.max >> 20 ? Int.max : max(1, megabytes) << 20 }

    /// The refusal of a document larger than `limit`: its size, the limit, and the option.
    public static func tooLarge(_ name: String, size: Int, limit: Int) -> VersoError {
        let megabytes = { (n: Int) in String(format: "%.1f", Double(n) / Double(1 << 20)) }
        return VersoError(.badInput, "is \(size > limit * 2 ? "at least " : "")\(megabytes(size)) MB, more than the \(megabytes(limit)) MB a document may have",
                          file: name, fix: "raise the limit with --max-document-mb \((size + (1 << 20) - 1) >> 20) (a document takes about 50 times its size in memory), or split the document")
    }

    /// Reads a file (or standard input for `-`).
    ///
    /// - Parameter limit: the largest size accepted, in bytes; a larger file is refused before
    ///   it is read (standard input: once `limit` bytes have been read).
    /// - Throws: ``VersoError`` for a missing file, a directory, a file over `limit`, unreadable
    ///   or undecodable bytes.
    public static func read(path: String, lossy: Bool = false, limit: Int = defaultLimit) throws -> SourceText {
        let (bytes, name) = try readBytes(path: path, limit: limit)
        return try SourceText(data: bytes, name: name, lossy: lossy)
    }

    /// The bytes of a file (or of standard input for `-`, named `<stdin>`), for every reader of
    /// documents.
    /// - Parameter limit: the largest size accepted, in bytes; a larger file is refused before
    ///   it is read (standard input: once `limit` bytes have been read).
    /// - Throws: ``VersoError`` for a missing file, a directory, a file over `limit`, unreadable bytes.
    public static func readBytes(path: String, limit: Int = defaultLimit) throws -> (bytes: [UInt8], name: String) {
        if path == "-" {
            var data = Data()
            while let chunk = try? FileHandle.standardInput.read(upToCount: 1 << 20), !chunk.isEmpty {
                data.append(chunk)
                if data.count > limit { throw tooLarge("<stdin>", size: data.count, limit: limit) }
            }
            return ([UInt8](data), "<stdin>")
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
        if let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber, size.intValue > limit {
            throw tooLarge(path, size: size.intValue, limit: limit)
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw VersoError(.unreadable, "cannot be read (permissions?)", file: path,
                             fix: "check that the file is readable by this user")
        }
        return ([UInt8](data), path)
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
                let (what, fix) = Unmarked.diagnose(data, at: bad, name: name)
                throw VersoError(.invalidEncoding, "invalid UTF-8 (bytes \(shown)): \(what)", file: name, line: line,
                                 byteOffset: base + offset, fix: fix)
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

    private static func decodeUTF32(_ data: ArraySlice<UInt8>, littleEndian: Bool, name: String, lossy: Bool) throws -> ([UInt8], Int) {
        if data.count % 4 != 0 && !lossy {
            throw VersoError(.invalidEncoding, "UTF-32 file has \(data.count + 4) bytes, not a multiple of 4", file: name,
                             byteOffset: data.count + 4, fix: "the file is truncated; re-export it, or convert it with `iconv -f UTF-32 -t UTF-8`")
        }
        var out = [UInt8](); out.reserveCapacity(data.count / 2)
        var replacements = 0
        var i = data.startIndex
        while i + 3 < data.endIndex {
            let b = (UInt32(data[i]), UInt32(data[i + 1]), UInt32(data[i + 2]), UInt32(data[i + 3]))
            let value = littleEndian ? b.3 << 24 | b.2 << 16 | b.1 << 8 | b.0 : b.0 << 24 | b.1 << 16 | b.2 << 8 | b.3
            if let scalar = Unicode.Scalar(value) {
                out.append(contentsOf: String(scalar).utf8)
            } else if lossy {
                replacements += 1
                out.append(contentsOf: [0xEF, 0xBF, 0xBD])
            } else {
                throw VersoError(.invalidEncoding, String(format: "invalid UTF-32 (0x%08X is not a Unicode scalar)", value), file: name,
                                 byteOffset: i - data.startIndex + 4, fix: "repair the file or pass --lossy to replace bad units with U+FFFD")
            }
            i += 4
        }
        if i < data.endIndex { replacements += 1; out.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
        return (out, replacements)
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

/// Diagnoses for text that is not UTF-8: what the bytes look like instead, and what to do.
enum Unmarked {
    /// "utf-16le", "utf-16be", "utf-32le" or "utf-32be" when the start of `data` has NUL bytes
    /// where that encoding puts them for mostly Latin-script text and almost nowhere else.
    /// - Complexity: O(1) (looks at the first 4 KB).
    static func wideEncoding(_ data: [UInt8]) -> String? {
        let sample = data.prefix(4096)
        let n = sample.count - sample.count % 4
        guard n >= 8 else { return nil }
        var zeros = [0, 0, 0, 0]
        for i in 0..<n where sample[i] == 0 { zeros[i % 4] += 1 }
        let quarter = n / 4
        func mostly(_ count: Int) -> Bool { count * 10 >= quarter * 9 }
        func rarely(_ count: Int) -> Bool { count * 10 <= quarter }
        if mostly(zeros[1]), mostly(zeros[2]), mostly(zeros[3]), rarely(zeros[0]) { return "utf-32le" }
        if mostly(zeros[0]), mostly(zeros[1]), mostly(zeros[2]), rarely(zeros[3]) { return "utf-32be" }
        let (even, odd) = (zeros[0] + zeros[2], zeros[1] + zeros[3])
        if odd * 10 >= n / 2 * 4, even * 10 <= n / 2 { return "utf-16le" }
        if even * 10 >= n / 2 * 4, odd * 10 <= n / 2 { return "utf-16be" }
        return nil
    }

    /// What the invalid sequence starting at `bad` is, and the fix.
    static func diagnose(_ data: ArraySlice<UInt8>, at bad: Int, name: String) -> (what: String, fix: String) {
        let lossy = "or pass --lossy to replace bad bytes with U+FFFD"
        let b = data[bad]
        let next = bad + 1 < data.endIndex ? data[bad + 1] : nil
        if b == 0xED, let next, (0xA0...0xBF).contains(next) {
            return ("a UTF-16 surrogate encoded on its own (CESU-8 or Java's modified UTF-8, not UTF-8)",
                    "re-export the file as UTF-8 from the program that wrote it (characters outside the BMP were written as two 3-byte halves), \(lossy)")
        }
        if b == 0xC0 || b == 0xC1 || (b == 0xE0 && next.map { $0 < 0xA0 } == true) || (b == 0xF0 && next.map { $0 < 0x90 } == true) {
            return ("an overlong form (Java's modified UTF-8 writes NUL as 0xC0 0x80)",
                    "re-export the file as standard UTF-8, \(lossy)")
        }
        let need = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC2 ? 1 : 0
        if need > 0, bad + need >= data.endIndex, data[(bad + 1)...].allSatisfy({ (0x80...0xBF).contains($0) }) {
            return ("the file ends in the middle of a character (truncated?)",
                    "check that the file was copied whole, \(lossy)")
        }
        // Everything before `bad` is valid UTF-8: a byte >= 0x80 there is part of a character.
        let utf8Before = data[data.startIndex..<bad].contains { $0 >= 0x80 }
        if utf8Before {
            return ("the file is UTF-8 up to here, this byte is not: a line from a file in another encoding?",
                    "convert the lines that are in another encoding (often Windows-1252), \(lossy)")
        }
        return ("the file looks like Latin-1 or Windows-1252",
                "convert it with `iconv -f WINDOWS-1252 -t UTF-8 \(name) > \(name).utf8`, \(lossy)")
    }
}

import Foundation
import VersoText

/// Reads UTF-8 text line by line from an `InputSource`, in 1 MB chunks, one `next()` at a time
/// (so two files can be read in step).
///
/// Lines end at LF, CRLF or a lone CR (files from old Mac programs and some exporters end lines
/// with CR only; read LF-only, they would be one line). A UTF-8 byte-order mark at the start is
/// skipped. A line that is not valid UTF-8 is an error naming its line.
final class LineReader {
    let input: InputSource
    /// The number of the last line returned by `next()`.
    private(set) var lineNumber = 0
    private static let chunkSize = 1 << 20
    private var handle: FileHandle?
    private var buffer: [UInt8] = []
    private var position = 0
    private var finished = false
    private var opened = false
    /// The longest line kept, in bytes: a longer one is skipped unread (its bytes are not kept),
    /// ``nextBytes()`` returns it empty and sets ``skippedLength``.
    var maxLineBytes = Int.max
    /// The length of the line the last ``nextBytes()`` skipped for being over ``maxLineBytes``.
    private(set) var skippedLength: Int?

    init(_ input: InputSource) { self.input = input }

    /// Reads from an open handle (standard input); `name` is used in error messages.
    init(handle: FileHandle, name: String) {
        self.input = .file(name)
        self.handle = handle
        self.opened = true
    }

    deinit { try? handle?.close() }

    /// The next line, or nil at the end.
    ///
    /// - Complexity: amortised O(line length); memory bounded by the longest line plus one chunk.
    func next() throws -> String? {
        guard let line = try nextBytes() else { return nil }
        return try decode(line)
    }

    /// The next line's bytes, undecoded (without LF, CR before it, or a leading byte-order mark),
    /// or nil at the end.
    ///
    /// - Complexity: amortised O(line length); memory bounded by the longest line plus one chunk.
    func nextBytes() throws -> ArraySlice<UInt8>? {
        if !opened { try open() }
        skippedLength = nil
        while true {
            if let end = buffer[position...].firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                // A CR at the end of the buffer may be the first half of a CRLF: read on first.
                if buffer[end] == 0x0D, end + 1 == buffer.count, !finished { try refill(); continue }
                let line = buffer[position..<end]
                position = end + (buffer[end] == 0x0D && end + 1 < buffer.count && buffer[end + 1] == 0x0A ? 2 : 1)
                return overLimit(line) ?? trimmed(line)
            }
            if finished {
                guard position < buffer.count else { return nil }
                let line = buffer[position...]
                position = buffer.count
                return overLimit(line) ?? trimmed(line)
            }
            if buffer.count - position > maxLineBytes { return try skipLine() }
            try refill()
        }
    }

    /// An empty line (and ``skippedLength`` set) for a whole line found over the limit.
    private func overLimit(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8>? {
        guard line.count > maxLineBytes else { return nil }
        lineNumber += 1
        skippedLength = line.count
        return []
    }

    /// Drops the rest of an over-long line, chunk by chunk, and returns it empty.
    private func skipLine() throws -> ArraySlice<UInt8> {
        var length = buffer.count - position
        buffer.removeAll(keepingCapacity: true)
        position = 0
        while true {
            try refill()
            if let end = buffer.firstIndex(where: { $0 == 0x0A || $0 == 0x0D }) {
                length += end
                position = end + (buffer[end] == 0x0D && end + 1 < buffer.count && buffer[end + 1] == 0x0A ? 2 : 1)
                break
            }
            length += buffer.count
            buffer.removeAll(keepingCapacity: true)
            if finished { break }
        }
        lineNumber += 1
        skippedLength = length
        return []
    }

    /// Calls `body` with each line and its 1-based number.
    func forEachLine(_ body: (String, Int) throws -> Void) throws {
        while let line = try next() { try body(line, lineNumber) }
    }

    /// The number of lines from the start (a last line without a line end counts), without
    /// decoding: what ``next()`` would return, counted.
    static func countLines(_ input: InputSource) throws -> Int {
        let reader = LineReader(input)
        try reader.open()
        var count = 0
        var last: UInt8 = 0x0A
        while true {
            for b in reader.buffer {
                // LF ends a line unless it completes a CRLF; CR always ends one.
                if b == 0x0D || (b == 0x0A && last != 0x0D) { count += 1 }
                last = b
            }
            if reader.finished { break }
            reader.buffer.removeAll(keepingCapacity: true)
            try reader.refill()
        }
        return last == 0x0A || last == 0x0D ? count : count + 1
    }

    private func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        lineNumber += 1
        var line = bytes
        if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        return line
    }

    private func decode(_ line: ArraySlice<UInt8>) throws -> String {
        guard let text = String(validating: line, as: UTF8.self) else {
            throw VersoError(.invalidEncoding, "line \(lineNumber) is not valid UTF-8", file: input.name, line: lineNumber,
                             fix: "convert the file to UTF-8 (iconv -f LATIN1 -t UTF-8 …)")
        }
        return text
    }

    private func open() throws {
        opened = true
        switch input {
        case .data(let data, _):
            buffer = [UInt8](data)
            finished = true
        case .file(let path):
            try input.checkReadable()
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw VersoError(.unreadable, "cannot be opened", file: path, fix: "check the file's permissions")
            }
            self.handle = handle
            try refill()
        }
    }

    /// Drops the consumed bytes and appends the next chunk; sets `finished` at the end.
    private func refill() throws {
        guard let handle, !finished else { finished = true; return }
        buffer.removeSubrange(0..<position)
        position = 0
        let data: Data
        do { data = try handle.read(upToCount: Self.chunkSize) ?? Data() } catch {
            throw VersoError(.io, "read failed: \(error.localizedDescription)", file: input.name)
        }
        if data.isEmpty { finished = true } else { buffer.append(contentsOf: data) }
    }
}

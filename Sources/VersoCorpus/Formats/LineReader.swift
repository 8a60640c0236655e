import Foundation
import VersoText

/// Reads UTF-8 text line by line from an `InputSource`, in 1 MB chunks, one `next()` at a time
/// (so two files can be read in step).
///
/// Lines end at LF; a CR before it is dropped (CRLF files read the same). A UTF-8 byte-order
/// mark at the start is skipped. A line that is not valid UTF-8 is an error naming its line.
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
        while true {
            if let newline = buffer[position...].firstIndex(of: 0x0A) {
                let line = buffer[position..<newline]
                position = newline + 1
                return trimmed(line)
            }
            if finished {
                guard position < buffer.count else { return nil }
                let line = buffer[position...]
                position = buffer.count
                return trimmed(line)
            }
            try refill()
        }
    }

    /// Calls `body` with each line and its 1-based number.
    func forEachLine(_ body: (String, Int) throws -> Void) throws {
        while let line = try next() { try body(line, lineNumber) }
    }

    /// The number of lines from the start (a last line without LF counts), without decoding.
    static func countLines(_ input: InputSource) throws -> Int {
        let reader = LineReader(input)
        try reader.open()
        var count = 0
        var last: UInt8 = 0x0A
        while true {
            count += reader.buffer.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            if let b = reader.buffer.last { last = b }
            if reader.finished { break }
            reader.buffer.removeAll(keepingCapacity: true)
            try reader.refill()
        }
        return last == 0x0A ? count : count + 1
    }

    private func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        lineNumber += 1
        var line = bytes
        if lineNumber == 1, line.starts(with: [0xEF, 0xBB, 0xBF]) { line = line.dropFirst(3) }
        if line.last == 0x0D { line = line.dropLast() }
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

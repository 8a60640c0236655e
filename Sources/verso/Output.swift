import Foundation
import VersoCorpus
import VersoText

/// Where a command's data goes: standard output, or a file written atomically (a temporary file
/// in the same folder, renamed over the target when complete) so a failure never leaves a
/// half-written file or destroys an earlier one.
struct OutputSink {
    let path: String?
    private var buffer = [UInt8]()
    private let stdout = FileHandle.standardOutput

    init(path: String?) { self.path = (path == "-") ? nil : path }

    mutating func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if path == nil && buffer.count > 1 << 16 { flush() }
    }

    mutating func flush() {
        guard path == nil, !buffer.isEmpty else { return }
        stdout.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }

    mutating func finish() throws {
        guard let path else { flush(); return }
        try AtomicFile.write(buffer, to: path)
    }
}

enum AtomicFile {
    /// Writes `bytes` to `path` through a temporary file and a rename.
    static func write(_ bytes: [UInt8], to path: String) throws {
        // A device or pipe ("-o /dev/null", "-o /dev/stdout") is written to, never replaced.
        var info = stat()
        if stat(path, &info) == 0 && info.st_mode & S_IFMT != S_IFREG {
            guard info.st_mode & S_IFMT != S_IFDIR else {
                throw VersoError(.io, "is a directory, not a file", file: path, fix: "give a file name inside it")
            }
            guard let handle = FileHandle(forWritingAtPath: path) else {
                throw VersoError(.io, "cannot write to it", file: path, fix: "check that it is writable")
            }
            handle.write(Data(bytes))
            try? handle.close()
            return
        }
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).verso-\(getpid()).tmp")
        do {
            try Data(bytes).write(to: temporary)
            if rename(temporary.path, url.path) != 0 {
                throw VersoError(.io, "cannot rename \(temporary.path) to \(path): \(String(cString: strerror(errno)))")
            }
        } catch let e as VersoError {
            try? FileManager.default.removeItem(at: temporary)
            throw e
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw VersoError(.io, "cannot write output: \(error.localizedDescription)", file: path,
                             fix: "check that the folder exists and is writable")
        }
    }
}

/// JSON string literals: the corpus JSONL writer's escaping, shared by every command.
enum JSON {
    static func string(_ s: String) -> String { JSONLWriter.quoted(s) }
}

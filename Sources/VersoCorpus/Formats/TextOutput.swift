import Foundation
import VersoText

/// Where a writer's text goes: memory (`StringOutput`) or a file written atomically
/// (`AtomicFileOutput`).
public protocol TextOutput: AnyObject {
    /// Appends `text` as UTF-8.
    func write(_ text: String) throws
}

/// Collects a writer's text in memory.
public final class StringOutput: TextOutput {
    public private(set) var text = ""
    public init() {}
    public func write(_ text: String) throws { self.text += text }
}

/// Writes a file through a temporary file in the same folder, renamed over the target by
/// `commit()`: a failure never leaves a half-written file or destroys an earlier one.
///
/// Text is buffered and written in 1 MB chunks, so memory stays flat for any output size.
/// Call `discard()` (or let the object go without committing) to remove the temporary file.
public final class AtomicFileOutput: TextOutput {
    /// The file that `commit()` creates or replaces.
    public let path: String
    private let temporaryPath: String
    private var handle: FileHandle?
    private var buffer = [UInt8]()
    private static let chunk = 1 << 20

    /// Creates the temporary file beside `path`.
    /// - Throws: `VersoError` (.io) when the folder does not exist or is not writable, (.usage)
    ///   when `path` is a folder, a device (`/dev/null`), a pipe or anything but a regular file:
    ///   renaming over it would replace it.
    public init(path: String) throws {
        self.path = path
        var info = stat()
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) != S_IFREG {
            throw VersoError(.usage, "is not a regular file; outputs are written to a temporary file renamed over the target",
                             file: path, fix: "give the path of a file to create or replace")
        }
        let url = URL(fileURLWithPath: path)
        temporaryPath = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).verso-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp").path
        guard FileManager.default.createFile(atPath: temporaryPath, contents: nil),
              let handle = FileHandle(forWritingAtPath: temporaryPath) else {
            throw VersoError(.io, "cannot create a file beside \(path)", file: path,
                             fix: "check that the folder exists and is writable")
        }
        self.handle = handle
    }

    deinit { discard() }

    public func write(_ text: String) throws {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= Self.chunk { try flush() }
    }

    /// Writes what is buffered, closes the temporary file and renames it to `path`.
    public func commit() throws {
        try flush()
        guard let handle else { throw VersoError(.internalError, "output \(path) already committed or discarded") }
        do { try handle.synchronize(); try handle.close() } catch {
            discard()
            throw VersoError(.io, "cannot write output: \(error.localizedDescription)", file: path)
        }
        self.handle = nil
        if rename(temporaryPath, path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporaryPath)
            throw VersoError(.io, "cannot rename the temporary file to \(path): \(reason)", file: path,
                             fix: "check that the folder is writable")
        }
    }

    /// Removes the temporary file; `path` is left as it was.
    public func discard() {
        guard let handle else { return }
        try? handle.close()
        self.handle = nil
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }

    private func flush() throws {
        guard !buffer.isEmpty else { return }
        guard let handle else { throw VersoError(.internalError, "output \(path) already committed or discarded") }
        do { try handle.write(contentsOf: buffer) } catch {
            discard()
            throw VersoError(.io, "cannot write output: \(error.localizedDescription)", file: path,
                             fix: "check the free space on the disk")
        }
        buffer.removeAll(keepingCapacity: true)
    }
}

import Foundation
import Synchronization

/// Where a writer's text goes.
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

/// The one way Verso writes an output: standard output, a device or pipe, or a file.
///
/// - **Standard output** (no path, or `-`) and **devices, pipes and sockets** given as a path
///   (`-o /dev/null`, `-o /dev/stdout`) are written to directly, in 64 KB chunks.
/// - A **regular file** is written to a temporary file beside it, flushed to disk (`fsync`) and
///   renamed over it by ``commit()``: a failure never leaves a half-written file or damages the
///   earlier one. An existing file keeps its permissions (and its owner, where the process may
///   set it); a new one gets the usual `0666` less the umask. An existing file that is not
///   writable is refused unless `force`. A **symbolic link** is written through: the file it
///   points to is replaced and the link stays.
/// - Errors name the path and the system's reason (a full disk, a vanished folder, a read-only
///   file system) and say what to do; the temporary file is removed. A **closed pipe** is a
///   ``VersoError`` of kind `.closedPipe`, which the command line ends on quietly, as Unix
///   filters do (the process must ignore `SIGPIPE` for the error to be seen).
///
/// Thread-safe: writes from several threads are serialised (the stream command writes from its
/// writer thread).
public final class OutputFile: TextOutput, Sendable {
    /// The path given, or nil for standard output.
    public let path: String?

    private struct State {
        var descriptor: Int32 = -1
        /// The temporary file, for a regular file; nil when writing straight to a descriptor.
        var temporary: String?
        /// The file `commit()` replaces (the link's target for a symbolic link).
        var target = ""
        var mode: mode_t = 0o644
        var owner: (uid: uid_t, gid: gid_t)?
        var buffer: [UInt8] = []
        var finished = false
    }

    private let state: Mutex<State>
    private let chunk: Int

    /// Opens the output.
    ///
    /// - Parameters:
    ///   - path: a file, a device, or nil / `-` for standard output.
    ///   - force: replace an existing file even when it is not writable.
    /// - Throws: `VersoError` — (.usage) for a folder or an unwritable file without `force`,
    ///   (.io) when the temporary file cannot be made or the device opened.
    public init(path: String?, force: Bool = false) throws {
        self.path = (path == "-") ? nil : path
        var s = State()
        guard let path = self.path else {
            s.descriptor = STDOUT_FILENO
            chunk = 1 << 16
            state = Mutex(s)
            return
        }
        chunk = 1 << 20
        var info = stat()
        if stat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                throw VersoError(.usage, "is a folder, not a file", file: path, fix: "give the name of a file inside it")
            case S_IFREG:
                // A symbolic link is written through: the file it points to is replaced.
                guard let resolved = realpath(path, nil) else {
                    throw VersoError(.io, "cannot be resolved (\(OutputFile.reason()))", file: path, fix: "check the path")
                }
                s.target = String(cString: resolved)
                free(resolved)
                // Read-only for this user, or for everyone (which root, who may write anyway, is told too).
                if (access(s.target, W_OK) != 0 || info.st_mode & 0o222 == 0) && !force {
                    throw VersoError(.usage, "is read-only (mode \(String(info.st_mode & 0o7777, radix: 8)))", file: path,
                                     fix: "make it writable (chmod u+w), give another name, or pass --force to replace it")
                }
                s.mode = info.st_mode & 0o7777
                s.owner = (info.st_uid, info.st_gid)
            default:
                // A device, pipe or socket (also through /dev/stdout): written to, never replaced.
                let fd = open(path, O_WRONLY | O_CLOEXEC)
                guard fd >= 0 else {
                    throw VersoError(.io, "cannot be opened for writing: \(OutputFile.reason())", file: path,
                                     fix: "check the device's permissions")
                }
                s.descriptor = fd
                state = Mutex(s)
                return
            }
        } else if lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK {
            throw VersoError(.io, "is a symbolic link whose target does not exist", file: path,
                             fix: "create the file it points to, or remove the link")
        } else {
            s.target = path
            let mask = umask(0)
            umask(mask)
            s.mode = 0o666 & ~mask
        }
        let url = URL(fileURLWithPath: s.target)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).verso-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).tmp").path
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw VersoError(.io, "cannot create a file in \(url.deletingLastPathComponent().path): \(OutputFile.reason())", file: path,
                             fix: "check that the folder exists and is writable")
        }
        s.descriptor = fd
        s.temporary = temporary
        state = Mutex(s)
    }

    deinit { discard() }

    public func write(_ text: String) throws {
        try write(bytes: Array(text.utf8))
    }

    /// Appends bytes.
    /// - Throws: `VersoError` (.io) when the system refuses them, (.closedPipe) when the reader
    ///   of a pipe has gone; the output is discarded then.
    public func write(bytes: [UInt8]) throws {
        try state.withLock { s in
            guard !s.finished else { throw VersoError(.internalError, "output \(path ?? "-") written after it was finished") }
            s.buffer.append(contentsOf: bytes)
            if s.buffer.count >= chunk { try flush(&s) }
        }
    }

    /// Writes what is buffered now (the stream command does after every record).
    public func flush() throws {
        try state.withLock { s in
            guard !s.finished else { return }
            try flush(&s)
        }
    }

    /// Writes what is buffered; for a regular file, flushes it to disk and renames it over the
    /// target. After this the output is closed.
    /// - Throws: `VersoError` naming the path and the reason; the earlier file is unchanged then.
    public func commit() throws {
        try state.withLock { s in
            guard !s.finished else { return }
            try flush(&s)
            guard let temporary = s.temporary else {
                if s.descriptor != STDOUT_FILENO { close(s.descriptor) }
                s.finished = true
                return
            }
            if let owner = s.owner { _ = fchown(s.descriptor, owner.uid, owner.gid) }   // may fail unless root: the mode is what matters
            let failed = fchmod(s.descriptor, s.mode) != 0 || fsync(s.descriptor) != 0
            let reason = failed ? OutputFile.reason() : ""
            let closed = close(s.descriptor) == 0
            s.finished = true
            guard !failed, closed else {
                unlink(temporary)
                throw error(failed ? reason : OutputFile.reason())
            }
            guard rename(temporary, s.target) == 0 else {
                let reason = OutputFile.reason()
                unlink(temporary)
                throw error(reason)
            }
        }
    }

    /// Drops what was written: the temporary file is removed and the target left as it was.
    public func discard() {
        state.withLock { s in
            guard !s.finished else { return }
            s.finished = true
            s.buffer.removeAll()
            if s.descriptor >= 0 && s.descriptor != STDOUT_FILENO { close(s.descriptor) }
            if let temporary = s.temporary { unlink(temporary) }
        }
    }

    private func flush(_ s: inout State) throws {
        var offset = 0
        let count = s.buffer.count, descriptor = s.descriptor
        while offset < count {
            let written = s.buffer.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress! + offset, count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                let code = errno, reason = OutputFile.reason()
                s.buffer.removeAll()
                if code == EPIPE {
                    s.finished = true
                    throw VersoError(.closedPipe, "the reader of the output closed it", file: path ?? "<stdout>")
                }
                if let temporary = s.temporary {
                    close(s.descriptor)
                    unlink(temporary)
                    s.finished = true
                }
                throw error(reason)
            }
            offset += written
        }
        s.buffer.removeAll(keepingCapacity: true)
    }

    private func error(_ reason: String) -> VersoError {
        VersoError(.io, "cannot write the output: \(reason)", file: path ?? "<stdout>",
                   fix: path == nil ? "check where standard output goes (a full disk?)"
                       : "check the free space and the folder (the earlier file, if any, is unchanged)")
    }

    private static func reason() -> String { String(cString: strerror(errno)) }
}

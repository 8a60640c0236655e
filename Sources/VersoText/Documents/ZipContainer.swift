import Foundation
import ZIPFoundation

/// How much a document may take: sizes checked before and while a container is expanded, so
/// that a zip bomb or an entry declaring an absurd size is refused with a clear message
/// instead of exhausting memory.
public struct DocumentLimits: Sendable, Equatable {
    /// Largest file read at all (`--max-document-mb`).
    public var maxFileBytes = SourceText.defaultLimit
    /// Largest part of a container (`word/document.xml`, `content.xml`, one EPUB chapter),
    /// declared or expanded.
    public var maxPartBytes = 256 << 20
    /// Largest total expanded from one container.
    public var maxExpandedBytes = 512 << 20
    /// Largest expansion ratio of a part over 1 MB (real documents compress 5–20 times).
    public var maxRatio = 200
    /// Largest text decompressed from a `.gz` file: the document itself, so the same limit.
    public var maxGunzipBytes = SourceText.defaultLimit

    public init() {}

    /// The defaults, with the largest document (and decompressed text) set to `documentBytes`.
    public init(documentBytes: Int) {
        maxFileBytes = documentBytes
        maxGunzipBytes = documentBytes
    }
}

/// A zip container (DOCX, ODT, EPUB) opened with ZIPFoundation, read part by part within
/// ``DocumentLimits``.
struct ZipContainer {
    let archive: Archive
    let name: String
    let limits: DocumentLimits
    private var expanded = 0

    /// - Throws: ``VersoError`` when the bytes are not a readable zip archive.
    init(data: [UInt8], name: String, limits: DocumentLimits) throws {
        self.name = name
        self.limits = limits
        do {
            archive = try Self.openFromFile(data)
        } catch let error as VersoError {
            throw error
        } catch {
            throw VersoError(.badData, "not a readable zip archive (truncated or damaged: \(error))", file: name,
                             fix: "the file may have been cut short in transfer; fetch or export it again")
        }
    }

    /// Opens the bytes through a private temporary file rather than ZIPFoundation's in-memory
    /// archive: its memory file traps when a damaged archive seeks past the end and then reads
    /// (a negative length; found by `fuzz-document`), while the C stream behind a file archive
    /// just reads nothing there, which ZIPFoundation reports as an error. The file is unlinked
    /// as soon as the archive holds it open, so nothing is left behind whatever happens later.
    private static func openFromFile(_ data: [UInt8]) throws -> Archive {
        var template = Array((NSTemporaryDirectory() + "/verso-zip-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw VersoError(.io, "cannot make a temporary file to open the zip container (\(String(cString: strerror(errno))))",
                             fix: "check that \(NSTemporaryDirectory()) exists and is writable, or set TMPDIR")
        }
        let path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        defer { unlink(path) }
        var written = 0
        let ok = data.withUnsafeBytes { raw -> Bool in
            while written < raw.count {
                let n = write(fd, raw.baseAddress! + written, raw.count - written)
                if n <= 0 { return false }
                written += n
            }
            return true
        }
        close(fd)
        guard ok else {
            throw VersoError(.io, "cannot write a temporary copy of the zip container to \(path)",
                             fix: "free some space in \(NSTemporaryDirectory()), or set TMPDIR to a folder with room")
        }
        return try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
    }

    /// Paths of the archive's entries, in stored order (at most 100,000).
    var paths: [String] {
        var out: [String] = []
        for entry in archive where out.count < 100_000 { out.append(entry.path) }
        return out
    }

    /// Whether the archive holds `path`.
    func contains(_ path: String) -> Bool { archive[path] != nil }

    /// The bytes of one part, or nil when the archive has no such entry.
    /// - Throws: ``VersoError`` when the part declares or expands past the limits, or is damaged.
    /// - Complexity: O(size of the part).
    mutating func read(_ path: String) throws -> [UInt8]? {
        guard let entry = archive[path] else { return nil }
        let declared = entry.uncompressedSize
        let place = "\(name): \(path)"
        if declared > UInt64(limits.maxPartBytes) {
            throw VersoError(.badInput, "the zip entry \(path) declares \(declared) bytes uncompressed, more than the \(limits.maxPartBytes >> 20) MB Verso reads from one part",
                             file: name, fix: "the file is damaged or built to exhaust memory; export the document again")
        }
        let compressed = max(entry.compressedSize, 1)
        if declared > 1 << 20, declared / compressed > UInt64(limits.maxRatio) {
            throw VersoError(.badInput, "the zip entry \(path) expands \(declared / compressed) times (\(compressed) → \(declared) bytes): a zip bomb, not a document",
                             file: name, fix: "do not open this file; export the document again from its source")
        }
        var out: [UInt8] = []
        out.reserveCapacity(Int(min(declared, UInt64(limits.maxPartBytes))))
        let partLimit = limits.maxPartBytes, totalLimit = limits.maxExpandedBytes
        let already = expanded
        do {
            _ = try archive.extract(entry, skipCRC32: false) { chunk in
                out.append(contentsOf: chunk)
                if out.count > partLimit || already + out.count > totalLimit {
                    throw ContainerLimit()
                }
            }
        } catch is ContainerLimit {
            throw VersoError(.badInput, "the zip entry \(path) expands past \(partLimit >> 20) MB (it declared \(declared) bytes): a zip bomb or a damaged file",
                             file: name, fix: "do not open this file; export the document again from its source")
        } catch {
            throw VersoError(.badData, "the zip entry \(path) cannot be read (\(error))", file: place,
                             fix: "the file is damaged; export the document again")
        }
        if UInt64(out.count) != declared {
            throw VersoError(.badData, "the zip entry \(path) holds \(out.count) bytes but declares \(declared)", file: place,
                             fix: "the file is damaged; export the document again")
        }
        expanded += out.count
        return out
    }

    private struct ContainerLimit: Error {}
}

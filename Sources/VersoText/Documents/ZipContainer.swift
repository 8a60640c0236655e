import Foundation
import CZipShim

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

/// A zip container (DOCX, ODT, EPUB) opened with libzip (through `CZipShim`), read part by
/// part within ``DocumentLimits``.
///
/// libzip rather than ZIPFoundation: ZIPFoundation 0.9.20 trapped on a damaged archive whose
/// entry seeks past the end (its in-memory archive) and looped for ever on a deflated entry
/// cut by the end of the file (its file archive); both came from `fuzz-document` within two
/// minutes (`Corpora/fuzz/document-*`). libzip bounds every read and checks each entry's CRC.
struct ZipContainer {
    private let handle: Handle
    let name: String
    let limits: DocumentLimits
    private var expanded = 0

    /// - Throws: ``VersoError`` when the bytes are not a readable zip archive.
    init(data: [UInt8], name: String, limits: DocumentLimits) throws {
        self.name = name
        self.limits = limits
        handle = try Handle(data, name: name)
    }

    /// Paths of the archive's entries, in stored order (at most 100,000).
    var paths: [String] {
        let count = min(verso_zip_count(handle.archive), 100_000)
        guard count > 0 else { return [] }
        return (0..<count).compactMap { verso_zip_name(handle.archive, $0).map { String(cString: $0) } }
    }

    /// Whether the archive holds `path`.
    func contains(_ path: String) -> Bool { verso_zip_find(handle.archive, path) >= 0 }

    /// The bytes of one part, or nil when the archive has no such entry.
    /// - Throws: ``VersoError`` when the part declares or expands past the limits, or is damaged.
    /// - Complexity: O(size of the part).
    mutating func read(_ path: String) throws -> [UInt8]? {
        let index = verso_zip_find(handle.archive, path)
        guard index >= 0 else { return nil }
        let place = "\(name): \(path)"
        var compressedSize: UInt64 = 0, declared: UInt64 = 0
        guard verso_zip_sizes(handle.archive, index, &compressedSize, &declared) == 0 else {
            throw VersoError(.badData, "the zip entry \(path) has no readable sizes", file: place,
                             fix: "the file is damaged; export the document again")
        }
        if declared > UInt64(limits.maxPartBytes) {
            throw VersoError(.badInput, "the zip entry \(path) declares \(declared) bytes uncompressed, more than the \(limits.maxPartBytes >> 20) MB Verso reads from one part",
                             file: name, fix: "the file is damaged or built to exhaust memory; export the document again")
        }
        let compressed = max(compressedSize, 1)
        if declared > 1 << 20, declared / compressed > UInt64(limits.maxRatio) {
            throw VersoError(.badInput, "the zip entry \(path) expands \(declared / compressed) times (\(compressed) → \(declared) bytes): a zip bomb, not a document",
                             file: name, fix: "do not open this file; export the document again from its source")
        }
        var sink = Sink(limit: min(limits.maxPartBytes, limits.maxExpandedBytes - expanded))
        sink.bytes.reserveCapacity(Int(min(declared, UInt64(limits.maxPartBytes))))
        var message = [CChar](repeating: 0, count: 256)
        let status = withUnsafeMutablePointer(to: &sink) { pointer in
            verso_zip_read(handle.archive, index, { context, bytes, length in
                let sink = context!.assumingMemoryBound(to: Sink.self)
                if sink.pointee.bytes.count + length > sink.pointee.limit { return 1 }
                sink.pointee.bytes.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
                return 0
            }, pointer, &message, message.count)
        }
        if status == 1 {
            throw VersoError(.badInput, "the zip entry \(path) expands past \(limits.maxPartBytes >> 20) MB (it declared \(declared) bytes): a zip bomb or a damaged file",
                             file: name, fix: "do not open this file; export the document again from its source")
        }
        if status != 0 {
            throw VersoError(.badData, "the zip entry \(path) cannot be read (\(String(cString: message)))", file: place,
                             fix: "the file is damaged; export the document again")
        }
        if UInt64(sink.bytes.count) != declared {
            throw VersoError(.badData, "the zip entry \(path) holds \(sink.bytes.count) bytes but declares \(declared)", file: place,
                             fix: "the file is damaged; export the document again")
        }
        expanded += sink.bytes.count
        return sink.bytes
    }

    private struct Sink {
        var bytes: [UInt8] = []
        let limit: Int
    }

    /// The open archive and the bytes libzip reads from, which must outlive it.
    private final class Handle {
        let archive: OpaquePointer
        private let storage: UnsafeMutableBufferPointer<UInt8>

        init(_ data: [UInt8], name: String) throws {
            storage = .allocate(capacity: max(data.count, 1))
            _ = storage.initialize(from: data)
            var message = [CChar](repeating: 0, count: 256)
            guard let archive = verso_zip_open(storage.baseAddress, data.count, &message, message.count) else {
                storage.deallocate()
                throw VersoError(.badData, "not a readable zip archive (truncated or damaged: \(String(cString: message)))", file: name,
                                 fix: "the file may have been cut short in transfer; fetch or export it again")
            }
            self.archive = archive
        }

        deinit {
            verso_zip_close(archive)
            storage.deallocate()
        }
    }
}

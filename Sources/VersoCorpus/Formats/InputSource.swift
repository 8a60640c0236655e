import Foundation
import VersoText

/// Where a reader takes its bytes from: a file (read in chunks, never whole) or bytes in memory.
public enum InputSource: Sendable {
    case file(String)
    case data(Data, name: String)

    /// The name used in error messages (the path, or the given name).
    public var name: String {
        switch self {
        case .file(let path): return path
        case .data(_, let name): return name
        }
    }

    /// Checks that a file exists, is a regular file and can be read.
    /// - Throws: `VersoError` (.unreadable / .notAFile) with a fix.
    func checkReadable() throws {
        guard case .file(let path) = self else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw VersoError(.unreadable, "no such file", file: path, fix: "check the path")
        }
        guard !isDirectory.boolValue else {
            throw VersoError(.notAFile, "is a folder, not a file", file: path, fix: "give the path of a file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw VersoError(.unreadable, "cannot be read (permission denied)", file: path, fix: "check the file's permissions")
        }
    }

    /// Up to `limit` bytes from the start.
    func prefix(_ limit: Int) throws -> [UInt8] {
        switch self {
        case .data(let data, _): return [UInt8](data.prefix(limit))
        case .file(let path):
            try checkReadable()
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw VersoError(.unreadable, "cannot be opened", file: path, fix: "check the file's permissions")
            }
            defer { try? handle.close() }
            return [UInt8]((try? handle.read(upToCount: limit)) ?? Data())
        }
    }
}

extension InputSource {
    /// Parses this XML input with `SafeXML` (files in chunks, after checking they can be read).
    /// - Throws: `VersoError` from the checks or the parse, or what `handler` throws.
    /// - Complexity: O(input size); memory bounded by one chunk and what the handler keeps.
    func parseXML(handler: XMLContentHandler) throws {
        switch self {
        case .data(let data, let name): try SafeXML.parse(data: data, name: name, handler: handler)
        case .file(let path):
            try checkReadable()
            try SafeXML.parse(file: path, handler: handler)
        }
    }
}

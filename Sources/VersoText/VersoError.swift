/// An error a user can act on: what went wrong, where, and what to do next.
///
/// Libraries throw these; only the CLI prints them (as `verso: error: …`).
public struct VersoError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A stable kind, for tests and for scripts that read stderr.
    public enum Kind: String, Sendable {
        case invalidEncoding, unreadable, notAFile, badInput, badData, usage, io, internalError
        /// The reader of a pipe went away (`verso … | head -1`): not a failure to report.
        case closedPipe
    }

    public var kind: Kind
    /// The file (or `-` for standard input) the error is about, when there is one.
    public var file: String?
    /// 1-based line number, when known.
    public var line: Int?
    /// 0-based byte offset into the file, when known.
    public var byteOffset: Int?
    /// What went wrong, quoting the value.
    public var message: String
    /// The next step for the user.
    public var fix: String?

    public init(_ kind: Kind, _ message: String, file: String? = nil, line: Int? = nil,
                byteOffset: Int? = nil, fix: String? = nil) {
        self.kind = kind
        self.message = message
        self.file = file
        self.line = line
        self.byteOffset = byteOffset
        self.fix = fix
    }

    public var description: String {
        var place = file ?? ""
        if let line { place += (place.isEmpty ? "" : ":") + "\(line)" }
        if let byteOffset { place += " (byte \(byteOffset))" }
        var text = place.isEmpty ? message : "\(place): \(message)"
        if let fix { text += "\n  fix: \(fix)" }
        return text
    }
}

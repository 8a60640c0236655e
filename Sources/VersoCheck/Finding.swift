/// How bad a finding is. Ordered: `info < minor < major < critical`.
public enum Severity: String, Sendable, Codable, CaseIterable, Comparable {
    case info, minor, major, critical

    private var rank: Int { Severity.allCases.firstIndex(of: self)! }
    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
}

/// The MQM dimension a finding belongs to.
public enum Category: String, Sendable, Codable, CaseIterable {
    case accuracy, fluency, terminology
    case localeConvention = "locale-convention"
    case style, design
}

/// Which side of a bead a finding points at.
public enum Side: String, Sendable, Codable { case source, target, both }

/// One problem found in a translation: data, never printed by the check that made it.
public struct Finding: Sendable, Equatable, Codable {
    /// Stable kebab-case id ("entity-mistranslation").
    public var code: String
    public var category: Category
    public var severity: Severity
    /// What is wrong, quoting the text, in plain words.
    public var message: String
    public var side: Side
    /// Unicode scalar offsets in that side's bead text (its sentences joined with one space).
    public var span: Range<Int>?
    /// A fix, when one is known.
    public var suggestion: String?
    /// Index of the bead the finding is about.
    public var bead: Int

    public init(code: String, category: Category, severity: Severity, message: String, side: Side,
                span: Range<Int>? = nil, suggestion: String? = nil, bead: Int) {
        self.code = code
        self.category = category
        self.severity = severity
        self.message = message
        self.side = side
        self.span = span
        self.suggestion = suggestion
        self.bead = bead
    }
}

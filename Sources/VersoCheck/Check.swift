/// What a check is, for `verso checks` and for the findings it makes.
public struct CheckInfo: Sendable {
    /// Stable kebab-case id.
    public let code: String
    public let category: Category
    public let severity: Severity
    /// One line: what the check catches.
    public let summary: String
    /// An example pair that triggers it, "source ⇒ target".
    public let example: String
    /// The check judges prose: it does not run on beads of code, command lines, table art,
    /// URLs or numbers alone (``ContentKind``), where negation words, typography or "untranslated"
    /// English mean nothing. Checks of numbers, dates, alignment and boilerplate run on every bead.
    public let proseOnly: Bool

    public init(code: String, category: Category, severity: Severity, summary: String, example: String, proseOnly: Bool = true) {
        self.code = code
        self.category = category
        self.severity = severity
        self.summary = summary
        self.example = example
        self.proseOnly = proseOnly
    }

    /// A finding of this check, with its default category and severity.
    public func finding(bead: Int, _ message: String, side: Side, span: Range<Int>? = nil,
                        severity: Severity? = nil, suggestion: String? = nil) -> Finding {
        Finding(code: code, category: category, severity: severity ?? self.severity, message: message,
                side: side, span: span, suggestion: suggestion, bead: bead)
    }
}

/// A translation check. One check, one file in `Checks/`, one test file, one line in
/// ``CheckRegistry/all``. Checks never print and never throw: they return findings.
public protocol Check: Sendable {
    static var info: CheckInfo { get }
    init()
    /// Findings for the whole document (bead-level checks loop over `document.beads`).
    func run(_ document: CheckDocument) -> [Finding]
}

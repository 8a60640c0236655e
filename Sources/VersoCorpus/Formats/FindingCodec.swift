import VersoCheck

/// How findings travel through formats that have only text slots (TMX props and notes, XLIFF
/// metadata and notes), so that reading an export back gives the same findings.
///
/// A finding is written twice: a machine line `code severity category side span` (span `a-b` in
/// unicode scalars, or `-`) in a prop/metadata entry, and its message as a note that people see
/// in their CAT tool. Reading pairs the i-th machine line with the first unused note for the same
/// code; notes that pair with nothing stay free notes.
enum FindingCodec {
    /// The machine line for `finding`.
    static func descriptor(_ finding: Finding) -> String {
        let span = finding.span.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "-"
        return "\(finding.code) \(finding.severity.rawValue) \(finding.category.rawValue) \(finding.side.rawValue) \(span)"
    }

    /// The parts of a machine line, nil when it is not one.
    static func parse(_ descriptor: String) -> (code: String, severity: Severity, category: Category, side: Side, span: Range<Int>?)? {
        let parts = descriptor.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 5, let severity = Severity(rawValue: parts[1]), let category = Category(rawValue: parts[2]),
              let side = Side(rawValue: parts[3]) else { return nil }
        var span: Range<Int>?
        if parts[4] != "-" {
            let bounds = parts[4].split(separator: "-").compactMap { Int($0) }
            guard bounds.count == 2, bounds[0] <= bounds[1] else { return nil }
            span = bounds[0]..<bounds[1]
        }
        return (parts[0], severity, category, side, span)
    }

    /// Rebuilds findings from machine lines and the notes of one unit.
    ///
    /// - Parameters:
    ///   - descriptors: the machine lines, in order.
    ///   - notes: every note of the unit, tagged with the finding code it may carry.
    ///   - bead: the unit's position, stored in each finding.
    /// - Returns: the findings, and the notes that belong to none of them (as written), in order.
    static func assemble(descriptors: [String], notes: [TaggedNote], bead: Int) -> (findings: [Finding], notes: [String]) {
        var used = [Bool](repeating: false, count: notes.count)
        var findings: [Finding] = []
        for line in descriptors {
            guard let d = parse(line) else { continue }
            var message = ""
            if let i = notes.indices.first(where: { !used[$0] && notes[$0].code == d.code }) {
                used[i] = true
                message = notes[i].message
            }
            findings.append(Finding(code: d.code, category: d.category, severity: d.severity, message: message,
                                    side: d.side, span: d.span, bead: bead))
        }
        let free = notes.indices.filter { !used[$0] }.map { notes[$0].original }
        return (findings, free)
    }

    /// TMX note text for a finding message: `[code] message`.
    static func tmxNote(_ finding: Finding) -> String { "[\(finding.code)] \(finding.message)" }

    /// A TMX note, tagged with the code of its `[code] ` prefix when it has one.
    static func tmxNote(parsing note: String) -> TaggedNote {
        guard note.hasPrefix("["), let close = note.firstIndex(of: "]") else { return TaggedNote(code: nil, message: note, original: note) }
        let code = String(note[note.index(after: note.startIndex)..<close])
        guard !code.isEmpty, !code.contains(" ") else { return TaggedNote(code: nil, message: note, original: note) }
        var rest = note[note.index(after: close)...]
        if rest.first == " " { rest.removeFirst() }
        return TaggedNote(code: code, message: String(rest), original: note)
    }
}

/// A note read from a file: the finding code it is tagged with (if any), the message without
/// the tag, and the note as written (kept when it pairs with no finding).
struct TaggedNote {
    var code: String?
    var message: String
    var original: String
}

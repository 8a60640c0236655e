/// Numbers that differ between source and target once each side's conventions are read:
/// "1,250.5" and "1 250,5" (space, U+00A0 or U+202F) are the same number, so are "15%" and
/// "15 %", "two", "deux" and "2", "21st" and "21e", "two million" and "2 millions",
/// "$1.5 billion" and "1,5 milliard de dollars". Scale words follow each language: English
/// "billion" is the French "milliard" and English "trillion" the French "billion", so "billion"
/// left as "billion" is reported as a scale error. Codes that mix letters and digits ("G7",
/// "COVID-19", "v2.4") must be identical.
///
/// Each number with no counterpart is reported on its own side, and the message quotes the
/// numbers left over on the other side. Numbers written with digits are always reported;
/// spelled-out numbers only when the other side has a number left over too (translators
/// rightly render "a couple" as "deux" or "both" as "les deux"); "one", "un", "une", "first",
/// "premier" and Roman numerals are never reported but can stand for a 1 (or a chapter number)
/// the other side needs. List numbers that open a sentence ("1.", "2)") are layout and are
/// ignored. Clock times ("3 p.m." ↔ "15 h") are compared by the `date-mismatch` check, which
/// owns them; a number may still match the hour of a time ("for 15 hours" ↔ "15 h").
/// A year that meets another year ("2026" against "2016") is a wrong date and is reported under
/// `date-mismatch`, once, on the target; other years are numbers and are reported here.
struct NumberMismatchCheck: Check {
    static let info = CheckInfo(
        code: "number-mismatch", category: .accuracy, severity: .major,
        summary: "A number, amount or code differs between source and target after locale normalization.",
        example: "“$1.5 billion” ⇒ “1,5 billion de dollars” (10^12)",
        proseOnly: false)

    func run(_ document: CheckDocument) -> [Finding] {
        var findings: [Finding] = []
        for bead in document.beads where !bead.isAddition && !bead.isOmission {
            let source = Numbers.mentions(in: bead.source, resources: document.sourceResources)
            let target = Numbers.mentions(in: bead.target, resources: document.targetResources)
            let (sourceLeft, targetLeft) = NumberMismatchCheck.unmatched(source, target)
            findings += report(sourceLeft, against: targetLeft, side: .source, bead: bead)
            findings += report(targetLeft, against: sourceLeft, side: .target, bead: bead)
        }
        return findings
    }

    /// Mentions of each side that find no equal mention on the other side (times excluded:
    /// they only serve to match a number equal to their hour).
    static func unmatched(_ source: [NumberMention], _ target: [NumberMention]) -> ([NumberMention], [NumberMention]) {
        var sourceLeft = source.filter { $0.kind != .time }
        var targetLeft = target.filter { $0.kind != .time }
        // Firm mentions first, so that an optional "un" does not take the 1 a "1" needs.
        for firmFirst in [true, false] {
            var i = 0
            while i < sourceLeft.count {
                let s = sourceLeft[i]
                if let j = targetLeft.firstIndex(where: { s.matches($0) && (!firmFirst || $0.kind != .optional) }) {
                    sourceLeft.remove(at: i)
                    targetLeft.remove(at: j)
                } else {
                    i += 1
                }
            }
        }
        func matchesHour(_ m: NumberMention, _ times: [NumberMention]) -> Bool {
            times.contains { t in t.kind == .time && t.value.truncatingRemainder(dividingBy: 60) == 0
                && (Numbers.same(t.value / 60, m.value) || Numbers.same((t.value / 60).truncatingRemainder(dividingBy: 12), m.value)) }
        }
        sourceLeft.removeAll { matchesHour($0, target) }
        targetLeft.removeAll { matchesHour($0, source) }
        return (sourceLeft, targetLeft)
    }

    private func report(_ left: [NumberMention], against other: [NumberMention], side: Side, bead: AnalyzedBead) -> [Finding] {
        let otherFirm = other.filter { $0.kind != .optional }
        let otherCodes = otherFirm.filter(\.isCode)
        let otherNumbers = otherFirm.filter { !$0.isCode }
        let otherName = side == .source ? "target" : "source"
        return left.compactMap { m -> Finding? in
            let rivals: [NumberMention]
            switch m.kind {
            case .optional, .time: return nil
            case .code: rivals = otherCodes; if rivals.isEmpty { return nil }
            case .spelled: rivals = otherNumbers; if rivals.isEmpty { return nil }
            case .digits: rivals = otherNumbers
            }
            var message = "\(m.quoted) in the \(side.rawValue) has no match in the \(otherName)"
            message += rivals.isEmpty ? " (the \(otherName) has no unmatched number)"
                : "; the \(otherName) has \(rivals.map(\.quoted).joined(separator: ", "))"
            if let scale = rivals.first(where: { NumberMismatchCheck.isScaleSlip(m.value, $0.value) }) {
                message += ": \(m.quoted) and \(scale.quoted) differ by a power of 1000 — check the scale word (English billion = French milliard, English trillion = French billion)"
            }
            // A year against a year is a wrong date: reported as such, once, on the target.
            if NumberMismatchCheck.isYear(m), let year = rivals.first(where: NumberMismatchCheck.isYear) {
                guard side == .target else { return nil }
                return DateMismatchCheck.info.finding(bead: bead.index, "the year \(m.quoted) in the target does not match \(year.quoted) in the source",
                                                      side: side, span: m.span)
            }
            return Self.info.finding(bead: bead.index, message, side: side, span: m.span)
        }
    }

    /// A whole number written in digits between 1000 and 2200.
    static func isYear(_ m: NumberMention) -> Bool {
        m.kind == .digits && m.value >= 1000 && m.value <= 2200 && m.value.rounded() == m.value
    }

    /// Two values whose ratio is 1000, 10^6…: the mantissa is right, the scale is not.
    static func isScaleSlip(_ a: Double, _ b: Double) -> Bool {
        guard a > 0, b > 0, a != b else { return false }
        let ratio = max(a, b) / min(a, b)
        return [1e3, 1e6, 1e9].contains { Numbers.same(ratio, $0) }
    }
}

import VersoText

/// A weekday, month or clock time that differs between source and target: "Tuesday" ⇒
/// "mercredi", "in March" ⇒ "en mai", "3 p.m." ⇒ "17 h". Names come from ICU's locale data,
/// so "Tuesday" matches "mardi" and "March 4" matches "4 mars"; times are read on both sides
/// ("3 p.m." = "15 h" = "15 heures" = "15:00"; "3:00" or "3 o'clock" may be either half of the
/// day). A kind of date part is compared only when both sides mention it, and a finding needs
/// a part left unmatched on both sides (a substitution): a date part on one side only is a
/// rephrasing or an omission, not a wrong date.
///
/// Month names that are also words are read with care: in English "May", "March" and
/// "August" and abbreviations ("Jan") count only when capitalized and next to a number or after
/// "in", "of", "since", "last", "next"… (`Data/date-cues.en.txt`); French months are written in
/// lower case, so "Mars" with a capital is the planet unless a number stands next to it, and
/// month abbreviations that are also words ("sept") are ignored. Years and days of the month
/// are numbers: the `number-mismatch` check reports them, so they are not reported twice.
struct DateMismatchCheck: Check {
    static let info = CheckInfo(
        code: "date-mismatch", category: .accuracy, severity: .major,
        summary: "A weekday, month or clock time differs between source and target.",
        example: "“on Tuesday at 3 p.m.” ⇒ “mercredi à 17 h”",
        proseOnly: false)

    /// One date part found in a side.
    struct Part {
        enum Kind: String { case weekday, month, time }
        let kind: Kind
        let mention: NumberMention
    }

    func run(_ document: CheckDocument) -> [Finding] {
        let sourceReader = DateReader(document.sourceResources)
        let targetReader = DateReader(document.targetResources)
        var findings: [Finding] = []
        for bead in document.beads where !bead.isAddition && !bead.isOmission {
            let source = sourceReader.parts(bead.source), target = targetReader.parts(bead.target)
            for kind in [Part.Kind.weekday, .month, .time] {
                let s = source.filter { $0.kind == kind }.map(\.mention)
                let t = target.filter { $0.kind == kind }.map(\.mention)
                guard !s.isEmpty, !t.isEmpty else { continue }
                let (sourceLeft, targetLeft) = DateMismatchCheck.unmatched(s, t)
                guard !sourceLeft.isEmpty else { continue }
                for m in targetLeft {
                    findings.append(Self.info.finding(
                        bead: bead.index,
                        "\(kind.rawValue) “\(m.text)” in the target does not match the source’s \(sourceLeft.map { "“\($0.text)”" }.joined(separator: ", "))",
                        side: .target, span: m.span))
                }
            }
        }
        return findings
    }

    /// Mentions of each side with no equal mention on the other.
    static func unmatched(_ source: [NumberMention], _ target: [NumberMention]) -> ([NumberMention], [NumberMention]) {
        var targetLeft = target, sourceLeft: [NumberMention] = []
        for s in source {
            if let j = targetLeft.firstIndex(where: { s.matches($0) }) { targetLeft.remove(at: j) } else { sourceLeft.append(s) }
        }
        return (sourceLeft, targetLeft)
    }
}

/// Reads weekdays, months and times in one language.
struct DateReader {
    let resources: LanguageResources
    /// Whether the language capitalizes month names (English, German) or not (French).
    let capitalizes: Bool
    let fullMonths: Set<String>
    let ambiguous: Set<String>
    let cues: Set<String>

    init(_ resources: LanguageResources) {
        self.resources = resources
        let names = LocaleData.symbols(.months, locale: resources.language)
        capitalizes = names.first?.first?.isUppercase ?? false
        fullMonths = Set(names.map { Folding.fold($0) })
        ambiguous = resources.ambiguousMonths
        cues = resources.dateCues
    }

    /// Weekdays, months and times of a side, in text order.
    /// - Complexity: O(n) in the number of tokens.
    func parts(_ side: SideAnalysis) -> [DateMismatchCheck.Part] {
        var parts: [DateMismatchCheck.Part] = []
        let tokens = side.tokens
        for (i, token) in tokens.enumerated() where token.kind == .word {
            let f = token.folded
            let capitalized = CheckText.isCapitalized(token)
            let mention = { (value: Int) in NumberMention(kind: .spelled, value: Double(value), text: token.text, span: side.span(of: token)) }
            if let day = resources.weekdays[f], capitalized || !capitalizes {
                parts.append(.init(kind: .weekday, mention: mention(day)))
            } else if let month = resources.months[f], isMonth(at: i, tokens: tokens, full: fullMonths.contains(f), capitalized: capitalized) {
                parts.append(.init(kind: .month, mention: mention(month)))
            }
        }
        parts += Numbers.mentions(in: side, resources: resources).filter { $0.kind == .time }.map { .init(kind: .time, mention: $0) }
        return parts.sorted { $0.mention.span.lowerBound < $1.mention.span.lowerBound }
    }

    private func isMonth(at i: Int, tokens: [Token], full: Bool, capitalized: Bool) -> Bool {
        let f = tokens[i].folded
        if resources.numberWords[f] != nil || resources.functionWords.contains(f) { return false }
        let nearNumber = [i - 2, i - 1, i + 1, i + 2].contains { k in
            k >= 0 && k < tokens.count && tokens[k].kind == .number
                && (abs(k - i) == 1 || [".", ","].contains(tokens[(k + i) / 2].text))
        }
        let afterCue = i > 0 && cues.contains(tokens[i - 1].folded)
        if capitalizes {
            guard capitalized else { return false }
            return (full && !ambiguous.contains(f)) || nearNumber || afterCue
        }
        if capitalized { return nearNumber }
        return full || nearNumber || afterCue
    }
}

/// Polarity flipped: one side of a bead says "not", "never", "nothing", "ne … pas", "jamais",
/// "aucun" and the other side has no negation at all. Reported on the negative side, at its
/// first negation word.
///
/// Precision comes first, so a bead is only reported when the other side has nothing that
/// could carry the negative sense either: no plain negation and no "weak" negative word
/// (`Data/negations-weak.*.txt`: "without"/"sans", "only"/"seulement", "hardly"/"à peine",
/// "unable", "failed", "impossible", words in "un-" and "-less", a bare French "ne" as in "je
/// ne sais" or "ne … que", "non" used as a prefix). French words are read in context: "ne …
/// que" is restrictive (= only); "non seulement … mais", "pas seulement" and "not only" are
/// not negations; "personne" is negative only with "ne" ("une personne" is a person), "plus"
/// and "point" only after "ne" ("ne … plus" = no longer); "pas" after a determiner is a step
/// ("un pas"); "à jamais", "si jamais" and "plus que jamais" are not negative; "non" standing
/// alone ("Non, dit-il", "moi non plus") is. In English "not unkind", "no doubt", "nothing
/// but" and "cannot help" are litotes or restrictions, not flips; nor is "ne manqua pas de"
/// (a negation right after a weak word). Beads where both sides ask a question are skipped:
/// a negative question is often rhetorical ("n'ai-je pas gagné ?" = "have I won?").
///
/// Severity: major, not critical. A real flip inverts the meaning and is among the worst
/// errors, but this check reads words, not syntax: a free rendering ("he soon came" for "il
/// ne tarda pas à venir") can still trip it, so its findings ask for a human look rather than
/// blocking a pipeline set to `--fail-on critical`.
struct NegationCheck: Check {
    static let info = CheckInfo(
        code: "negation", category: .accuracy, severity: .major,
        summary: "A negation present on one side only: the meaning is reversed.",
        example: "“The drug is not safe for children.” ⇒ “Le médicament est sans danger pour les enfants.”",
        proseOnly: true)

    func run(_ document: CheckDocument) -> [Finding] {
        let sourceReader = NegationReader(document.sourceResources)
        let targetReader = NegationReader(document.targetResources)
        var findings: [Finding] = []
        for bead in document.beads where !bead.isAddition && !bead.isOmission {
            // Questions on both sides are often rhetorical: "n'ai-je pas gagné ?" = "have I won?".
            if bead.source.text.contains("?") && bead.target.text.contains("?") { continue }
            let s = sourceReader.read(bead.source), t = targetReader.read(bead.target)
            // A weak negative word excuses a lost strong one only when the other side does not
            // have as many weak words itself ("without" ⇒ "sans" says nothing about a lost "not").
            if let cue = s.strong.first, t.strong.isEmpty, t.weak <= s.weak {
                findings.append(Self.info.finding(
                    bead: bead.index,
                    "the source is negative (“\(cue.text)”) but the target has no negation: the meaning may be reversed",
                    side: .source, span: cue.span))
            } else if let cue = t.strong.first, s.strong.isEmpty, s.weak == 0 {
                findings.append(Self.info.finding(
                    bead: bead.index,
                    "the target is negative (“\(cue.text)”) but the source has no negation: the meaning may be reversed",
                    side: .target, span: cue.span))
            }
        }
        return findings
    }
}

/// Finds negation words in one language, with the context rules of ``NegationCheck``.
struct NegationReader {
    struct Word {
        let folded: String
        let text: String
        let span: Range<Int>
        let isPunctuation: Bool
    }

    let resources: LanguageResources
    private var french: Bool { resources.language == "fr" }

    private let weakStems: [String]

    init(_ resources: LanguageResources) {
        self.resources = resources
        weakStems = resources.weakNegations.filter { $0.hasSuffix("*") }.map { String($0.dropLast()) }
    }

    static let frenchDeterminers: Set<String> = [
        "un", "une", "le", "la", "les", "l'", "ce", "cet", "cette", "ces", "son", "sa", "ses", "mon", "ma", "mes",
        "ton", "ta", "tes", "notre", "nos", "votre", "vos", "leur", "leurs", "du", "des", "au", "aux", "quelques",
        "plusieurs", "chaque", "premier", "premiers", "faux", "grand", "grands", "petit", "petits", "meme",
        "memes", "quel", "quels", "deux", "trois", "quatre", "cinq", "dix", "cent", "mille", "cents"]
    static let englishUnExceptions: Set<String> = ["under", "until", "unit", "unity", "union", "unique", "universe",
        "universal", "university", "uniform", "unison", "uncle", "unto", "unanimous"]

    /// Strong negation words (their text and span) and whether a weak one is present.
    /// - Complexity: O(n) in the number of tokens.
    func read(_ side: SideAnalysis) -> (strong: [Word], weak: Int) {
        let words = split(side)
        var strong: [Word] = [], weak = 0
        for i in words.indices where !words[i].isPunctuation {
            switch classify(words, i) {
            case .strong: strong.append(words[i])
            case .weak: weak += 1
            case nil: break
            }
        }
        return (strong, weak)
    }

    enum Strength { case strong, weak }

    private func classify(_ w: [Word], _ i: Int) -> Strength? {
        let f = w[i].folded
        let previous = i > 0 ? w[i - 1].folded : ""
        let next = i + 1 < w.count ? w[i + 1].folded : ""
        // Inside a hyphenated compound ("cessez-le-feu") a weak word is not a negation.
        if isWeak(f) { return next == "-" ? nil : .weak }
        return french ? classifyFrench(w, i, f, previous, next) : classifyEnglish(f, next)
    }

    /// A weak negative word, or one starting with a listed stem ("manqu*" for "manquèrent").
    private func isWeak(_ f: String) -> Bool {
        resources.weakNegations.contains(f) || weakStems.contains { f.hasPrefix($0) }
    }

    private func classifyEnglish(_ f: String, _ next: String) -> Strength? {
        // "n't" glued ("don't") or split off by a tokenizer ("don 't").
        if f.hasSuffix("n't") || f == "'t" || resources.negations.contains(f) {
            switch (f, next) {
            case ("not", "only"), ("not", "just"), ("not", "merely"), ("no", "doubt"), ("no", "sooner"), ("no", "matter"),
                 ("nothing", "but"), ("cannot", "help"), ("none", "other"), ("no", "small"), ("no", "little"), ("no", "less"),
                 ("not", "least"), ("not", "withstanding"), ("not", "less"), ("never", "less"):
                return .weak
            default:
                // "not unkind", "not impossible": litotes.
                if (f == "not" || f.hasSuffix("n't")) && isPrefixNegative(next) { return .weak }
                return .strong
            }
        }
        return isPrefixNegative(f) ? .weak : nil
    }

    /// "unhappy", "careless": an English word negative by its prefix or suffix.
    private func isPrefixNegative(_ f: String) -> Bool {
        if f.count >= 6, f.hasPrefix("un"), !NegationReader.englishUnExceptions.contains(where: { f.hasPrefix($0) }) { return true }
        return f.count >= 6 && (f.hasSuffix("less") || f.hasSuffix("lessly"))
    }

    private func classifyFrench(_ w: [Word], _ i: Int, _ f: String, _ previous: String, _ next: String) -> Strength? {
        func neWithin(before: Int, after: Int) -> Bool {
            (max(0, i - before)..<min(w.count, i + after + 1)).contains { $0 != i && (w[$0].folded == "ne" || w[$0].folded == "n'") }
        }
        // "à" folds to "a", which is also the verb ("il n'y a pas"): compare it as written.
        let afterA = i > 0 && w[i - 1].text.lowercased() == "à"
        let determined = NegationReader.frenchDeterminers.contains(previous) || afterA
        // Litotes: "ne manqua pas de", "ne cessait jamais", "n'oublie pas".
        if ["pas", "point", "jamais", "plus"].contains(f), isWeak(previous) { return .weak }
        switch f {
        case "ne", "n'": return .weak
        case "pas":
            if determined { return nil }
            return ["seulement", "que", "qu'"].contains(next) ? .weak : .strong
        case "jamais": return afterA || ["si", "que", "qu'", "pour"].contains(previous) ? nil : .strong
        case "rien":
            if ["un", "des", "ces", "petits"].contains(previous) { return nil }
            return next == "que" || next == "qu'" ? .weak : .strong
        case "personne": return !determined && neWithin(before: 4, after: 2) ? .strong : nil
        case "plus", "point":
            guard neWithin(before: 4, after: 0) else { return nil }
            return next == "que" || next == "qu'" ? .weak : .strong
        case "nul", "nulle": return neWithin(before: 3, after: 6) ? .strong : nil
        case "non":
            if next == "seulement" { return .weak }
            let glued = i + 1 < w.count && ["-", "‑"].contains(next) && w[i].span.upperBound == w[i + 1].span.lowerBound
            let standsAlone = i + 1 == w.count || (w[i + 1].isPunctuation && !glued) || ["plus", "pas", "point"].contains(next)
            return standsAlone ? .strong : .weak
        default:
            return resources.negations.contains(f) ? .strong : nil
        }
    }

    /// Words and punctuation of a side; French elisions ("n'a", "qu'il") are split so that
    /// "n'" stands as a word, and an apostrophe a tokenizer split off is put back on its word
    /// ("n' était" → "n'", "don 't" → "'t").
    private func split(_ side: SideAnalysis) -> [Word] {
        var words: [Word] = []
        let tokens = side.tokens
        for (k, t) in tokens.enumerated() {
            let span = side.span(of: t)
            let isPunctuation = t.kind == .punctuation
            if isPunctuation && t.folded == "'" {
                if let last = words.last, !last.isPunctuation, last.folded.count <= 5, last.span.upperBound == span.lowerBound {
                    words[words.count - 1] = Word(folded: last.folded + "'", text: last.text + t.text, span: last.span.lowerBound..<span.upperBound, isPunctuation: false)
                } else if k + 1 < tokens.count, tokens[k + 1].kind == .word, side.span(of: tokens[k + 1]).lowerBound == span.upperBound {
                    words.append(Word(folded: "'", text: t.text, span: span, isPunctuation: true)) // joined below
                }
                continue
            }
            // "' t" (a tokenizer's "don 't") joins; an opening quote before a word ("‘never") does not.
            if let last = words.last, last.isPunctuation, last.folded == "'", last.span.upperBound == span.lowerBound,
               ["t", "s", "ll", "re", "ve", "d", "m"].contains(t.folded) {
                words[words.count - 1] = Word(folded: "'" + t.folded, text: last.text + t.text, span: last.span.lowerBound..<span.upperBound, isPunctuation: false)
                continue
            }
            if french, !isPunctuation, let apostrophe = t.folded.firstIndex(of: "'"),
               t.folded.distance(from: t.folded.startIndex, to: apostrophe) <= 3, t.folded.index(after: apostrophe) < t.folded.endIndex {
                let head = String(t.folded[...apostrophe]), tail = String(t.folded[t.folded.index(after: apostrophe)...])
                words.append(Word(folded: head, text: t.text, span: span, isPunctuation: false))
                words.append(Word(folded: tail, text: t.text, span: span, isPunctuation: false))
            } else {
                words.append(Word(folded: t.folded, text: t.text, span: span, isPunctuation: isPunctuation))
            }
        }
        return words
    }
}

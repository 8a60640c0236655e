/// Placeholders: a format directive the program fills in at run time that the target drops,
/// adds, reorders or changes the type of — printf (`%s`, `%1$d`, `%-5.2f`, `%%` is a literal),
/// Python (`%(name)s`, `{0}`, `{name}`), shell and templates (`$VAR`, `${VAR}`, `{{ x }}`), ICU
/// MessageFormat arguments (`{count, plural, one {…} other {…}}`, `{d, date}`), Qt's `%1` and
/// Ruby's `%{name}`.
///
/// When the input declares the format (gettext's `c-format`, `python-format`,
/// `python-brace-format`, `sh-format`, `qt-format` flags, `no-c-format` to turn one off), only
/// that syntax is read, strictly. Otherwise the syntax is read from the source: a source with an
/// unambiguous printf directive (and no `%` that starts none) makes the message a printf format,
/// and then the target is read as printf reads it, so a French “50 % de” (the directive `% d`)
/// or a lone “%” is caught; other syntaxes are compared only when the source uses them.
///
/// printf without argument numbers takes its arguments in order: the same directives in another
/// order is reported as a reordering (write `%2$s` to move one). A changed printf type or an
/// added directive reads an argument of the wrong type or none at all: `critical`.
struct PlaceholderMismatchCheck: Check {
    static let info = CheckInfo(
        code: "placeholder-mismatch", category: .design, severity: .major,
        summary: "A format placeholder (%s, %1$d, {name}, $VAR, {{ x }}, ICU argument) dropped, added, reordered or retyped.",
        example: "“Deleted %d files in %s” ⇒ “%s fichiers supprimés dans %s”")

    func run(_ document: CheckDocument) -> [Finding] {
        var findings: [Finding] = []
        for bead in document.beads where !bead.isOmission && !bead.isAddition {
            findings += check(bead, extensions: document.technical.fileExtensions)
        }
        return findings
    }

    private func check(_ bead: AnalyzedBead, extensions: Set<String>) -> [Finding] {
        let source = bead.source.text, target = bead.target.text
        guard source.contains(where: { $0 == "%" || $0 == "{" || $0 == "$" }) || target.contains(where: { $0 == "%" || $0 == "{" || $0 == "$" }) else { return [] }
        func urls(_ text: String) -> [Range<Int>] { Identifiers.find(in: text, extensions: extensions).filter { $0.kind == .url }.map(\.span) }
        let sourceURLs = urls(source), targetURLs = urls(target)
        var syntaxes: Set<Placeholder.Syntax>
        var strict: Bool
        var compared: Set<Placeholder.Syntax>
        if let declared = Placeholders.declared(bead.bead.flags) {
            syntaxes = (declared.on.isEmpty ? Set(Placeholder.Syntax.allCases) : declared.on).subtracting(declared.off)
            strict = syntaxes.contains(.printf) && !declared.on.isEmpty
            compared = declared.on.isEmpty ? [] : syntaxes
        } else {
            syntaxes = Set(Placeholder.Syntax.allCases)
            strict = false
            compared = []
        }
        var sourceScan = Placeholders.scan(source, syntaxes: syntaxes, strict: strict, excluded: sourceURLs)
        // A printf directive, or a "%%" (nobody writes that in prose), makes the source a printf format.
        if !strict && (sourceScan.placeholders.contains(where: { $0.syntax == .printf }) || source.contains("%%")) && syntaxes.contains(.printf) {
            // The source is a printf format when printf reads it cleanly: read both sides strictly.
            let strictSource = Placeholders.scan(source, syntaxes: syntaxes, strict: true, excluded: sourceURLs)
            if strictSource.strayPercents.isEmpty { strict = true; sourceScan = strictSource }
        }
        if strict, syntaxes.contains(.qt) {
            // A printf message has no Qt %1: those are printf's business (and errors).
            syntaxes.remove(.qt)
            sourceScan = Placeholders.scan(source, syntaxes: syntaxes, strict: true, excluded: sourceURLs)
        }
        let targetScan = Placeholders.scan(target, syntaxes: syntaxes, strict: strict, excluded: targetURLs)
        compared.formUnion(sourceScan.placeholders.map(\.syntax))
        var findings: [Finding] = []
        for syntax in Placeholder.Syntax.allCases where compared.contains(syntax) {
            let s = sourceScan.placeholders.filter { $0.syntax == syntax }
            let t = targetScan.placeholders.filter { $0.syntax == syntax }
            switch syntax {
            case .printf, .qt: findings += compareOrdered(s, t, syntax: syntax, bead: bead.index)
            default: findings += compareNamed(s, t, syntax: syntax, bead: bead.index)
            }
        }
        if strict {
            for stray in targetScan.strayPercents {
                findings.append(Self.info.finding(
                    bead: bead.index, "“%” starts no printf directive in a printf format: printf misreads it (write “%%” for a percent sign)",
                    side: .target, span: stray, suggestion: "write %%"))
            }
        }
        for (name, keys) in targetScan.selectKeys {
            guard let sourceKeys = sourceScan.selectKeys[name] else { continue }
            for key in keys.subtracting(sourceKeys).sorted() {
                let span = targetScan.placeholders.first { $0.key == .name(name) && $0.type == "select" }?.span
                findings.append(Self.info.finding(
                    bead: bead.index, "the case “\(key)” of {\(name), select} is not a value the program passes (\(sourceKeys.sorted().joined(separator: ", "))): select keys are not translated",
                    side: .target, span: span))
            }
        }
        for plural in targetScan.pluralsWithoutOther where !sourceScan.pluralsWithoutOther.contains(where: { $0.name == plural.name }) {
            findings.append(Self.info.finding(
                bead: bead.index, "{\(plural.name), plural} has no “other” case: ICU needs one for the counts the other cases miss",
                side: .target, span: plural.span))
        }
        return findings
    }

    /// printf and Qt: arguments by number, or in order when no number is written.
    private func compareOrdered(_ s: [Placeholder], _ t: [Placeholder], syntax: Placeholder.Syntax, bead: Int) -> [Finding] {
        let sequential = { (list: [Placeholder]) in list.allSatisfy { if case .sequence = $0.key { return true } else { return false } } }
        let bothSequential = sequential(s) && sequential(t)
        let typeSeverity: Severity = syntax == .printf ? .critical : .major
        var findings: [Finding] = []
        if bothSequential {
            let st = s.map(\.type), tt = t.map(\.type)
            guard st != tt else { return [] }
            if st.count == tt.count && st.sorted() == tt.sorted() {
                let order = s.map(\.text).joined(separator: " … "), reordered = t.map(\.text).joined(separator: " … ")
                let renumbered = t.map { p -> String in
                    guard let k = s.firstIndex(where: { $0.type == p.type }) else { return p.text }
                    return numbered(s[k], position: k + 1)
                }
                return [Self.info.finding(
                    bead: bead, "“\(order)” became “\(reordered)”: printf takes its arguments in order, so they no longer match their types",
                    side: .target, span: t.first.map { $0.span.lowerBound..<(t.last?.span.upperBound ?? $0.span.upperBound) },
                    severity: typeSeverity, suggestion: "number them: \(renumbered.joined(separator: " … "))")]
            }
            if st.count == tt.count {
                for (a, b) in zip(s, t) where a.type != b.type {
                    findings.append(Self.info.finding(
                        bead: bead, "“\(a.text)” became “\(b.text)”: the program passes \(describe(a)), the target reads \(describe(b))",
                        side: .target, span: b.span, severity: typeSeverity, suggestion: "write \(a.text)"))
                }
                return findings
            }
            // Different counts: match by type, report what is left over.
            var pool = t
            var missing: [Placeholder] = []
            for p in s {
                if let k = pool.firstIndex(where: { $0.type == p.type }) { pool.remove(at: k) } else { missing.append(p) }
            }
            findings += missing.map(missingFinding(bead: bead))
            findings += pool.map { extraFinding($0, bead: bead, severity: typeSeverity) }
            return findings
        }
        func position(_ p: Placeholder) -> Int {
            switch p.key { case .position(let n), .sequence(let n): return n; case .name: return 0 }
        }
        let sourceByPosition = Dictionary(grouping: s, by: position), targetByPosition = Dictionary(grouping: t, by: position)
        for n in sourceByPosition.keys.sorted() {
            guard let first = sourceByPosition[n]?.first else { continue }
            guard let counterpart = targetByPosition[n] else { findings.append(missingFinding(bead: bead)(first)); continue }
            for b in counterpart where b.type != first.type {
                findings.append(Self.info.finding(
                    bead: bead, "“\(b.text)” reads argument \(n) as \(describe(b)); the source’s “\(first.text)” passes \(describe(first))",
                    side: .target, span: b.span, severity: typeSeverity, suggestion: "use the conversion of \(first.text)"))
            }
        }
        for n in targetByPosition.keys.sorted() where sourceByPosition[n] == nil {
            for b in targetByPosition[n] ?? [] { findings.append(extraFinding(b, bead: bead, severity: typeSeverity)) }
        }
        return findings
    }

    /// Named syntaxes (and braces, whose `{0}` is a name too): the same names on both sides.
    private func compareNamed(_ s: [Placeholder], _ t: [Placeholder], syntax: Placeholder.Syntax, bead: Int) -> [Finding] {
        var findings: [Finding] = []
        let sourceKeys = Dictionary(grouping: s, by: \.key), targetKeys = Dictionary(grouping: t, by: \.key)
        let unnumbered = { (list: [Placeholder]) in list.filter { if case .sequence = $0.key { return true } else { return false } } }
        let su = unnumbered(s), tu = unnumbered(t)
        for p in s {
            if case .sequence = p.key { continue }
            guard sourceKeys[p.key]?.first == p else { continue }
            guard let counterpart = targetKeys[p.key] else { findings.append(missingFinding(bead: bead)(p)); continue }
            if !p.type.isEmpty, let b = counterpart.first(where: { !$0.type.isEmpty && $0.type != p.type }) {
                findings.append(Self.info.finding(
                    bead: bead, "“\(p.text)” became “\(b.text)”: the type of the argument changed", side: .target, span: b.span,
                    severity: syntax == .pythonNamed ? .critical : .major, suggestion: "write \(p.text)"))
            }
        }
        for b in t where targetKeys[b.key]?.first == b {
            if case .sequence = b.key { continue }
            if sourceKeys[b.key] == nil { findings.append(extraFinding(b, bead: bead, severity: .major)) }
        }
        if su.count > tu.count { findings += su[tu.count...].map(missingFinding(bead: bead)) }
        if tu.count > su.count { findings += tu[su.count...].map { extraFinding($0, bead: bead, severity: .major) } }
        return findings
    }

    private func missingFinding(bead: Int) -> (Placeholder) -> Finding {
        { p in
            Self.info.finding(bead: bead, "the \(p.syntax.label) placeholder “\(p.text)” is missing from the target: the program’s value will not be shown",
                              side: .source, span: p.span, suggestion: "keep \(p.text) in the translation")
        }
    }

    private func extraFinding(_ p: Placeholder, bead: Int, severity: Severity) -> Finding {
        var message = "the target adds the \(p.syntax.label) placeholder “\(p.text)”, which the source does not have"
        if p.syntax == .printf && p.text.hasPrefix("% ") {
            message += ": printf reads “\(p.text)” (a “%” before a space and a letter) as a directive"
            return Self.info.finding(bead: bead, message, side: .target, span: p.span, severity: severity, suggestion: "write %% for a percent sign")
        }
        if p.syntax == .printf { message += ": printf will read an argument that is not passed" }
        return Self.info.finding(bead: bead, message, side: .target, span: p.span, severity: severity, suggestion: "remove \(p.text)")
    }

    private func describe(_ p: Placeholder) -> String {
        switch p.type {
        case "d": return "an integer"
        case "u": return "an unsigned integer"
        case "f": return "a floating-point number"
        case "s": return "a string"
        case "c": return "a character"
        case "p": return "a pointer"
        case "": return "a value"
        default:
            if p.type.hasSuffix("d") || p.type.hasSuffix("u") { return "a \(p.type.dropLast()) integer (\(p.type))" }
            return "“\(p.type)”"
        }
    }

    private func numbered(_ p: Placeholder, position: Int) -> String {
        guard p.text.hasPrefix("%") else { return p.text }
        return "%\(position)$" + p.text.dropFirst()
    }
}

/// Whether a segment (or a bead) is prose, or something else a manual holds between its
/// sentences: code, a command line, table art, a URL or path alone, numbers alone.
///
/// Non-prose stays in the corpus but is marked: exports carry it, `--prose-only` leaves it out
/// of training data, and the checks that judge prose (negation, omission, typography,
/// untranslated text…) do not run on it. The kind comes from the structure where there is one
/// (a `<pre>` block, a code block of plain text, a whole segment in `<code>`) and from the text
/// otherwise.
public enum ContentKind: String, Sendable, CaseIterable, Codable {
    case prose
    /// Source code, configuration, program output.
    case code
    /// A shell command line (`$ apt-get update`, `sudo dpkg -i foo.deb`).
    case command
    /// Table art drawn with characters (`| name | size |`, `+------+`).
    case table
    /// A URL, e-mail address or file path alone.
    case url
    /// Numbers alone: a version, a date, a size, a section number.
    case number

    /// True for ``prose``.
    public var isProse: Bool { self == .prose }

    /// The kind of a segment of a document: a code block is code; a segment that is one
    /// inline code span (`<code>…</code>`, Markdown's backquotes) is code or a command;
    /// anything else is judged by its text (``of(_:)``).
    /// - Complexity: O(n) in the length of the segment.
    public static func of(_ segment: Segment, in block: Block) -> ContentKind {
        if block.kind == .code {
            // Bars in a shell pipeline are not table art ("$ ls | sort | uniq" is a command);
            // a plain-text table drawn with bars stays a table.
            let kind = of(segment.text)
            if kind == .prose { return looksLikeCommand(segment.text) ? .command : .code }
            if kind == .table, looksLikeCommand(segment.text) { return .command }
            return kind
        }
        if let first = segment.codes.first, first.kind == .open, first.offset == 0,
           ["code", "tt", "kbd", "samp", "pre", "literal", "command", "userinput", "computeroutput"].contains(first.type.lowercased()),
           segment.codes.contains(where: { $0.kind == .close && $0.id == first.id && $0.offset >= segment.text.unicodeScalars.count }) {
            let kind = of(segment.text)
            let tokens = segment.text.split(whereSeparator: \.isWhitespace)
            let command = looksLikeCommand(segment.text) || tokens.count >= 2 && tokens.count <= 12 && tokens.first.map(isCommandWord) == true
            return kind == .prose ? (command ? .command : .code) : kind
        }
        return of(segment.text)
    }

    /// The kind of a text on its own.
    /// - Complexity: O(n) in the length of the text.
    public static func of(_ text: String) -> ContentKind {
        let trimmed = text.trimmingSpaces
        guard !trimmed.isEmpty else { return .prose }
        let scalars = Array(trimmed.unicodeScalars)
        var letters = 0, digits = 0, bars = 0, ruleChars = 0, symbols = 0, nonSpace = 0
        var spaceRun = 0, columns = false
        for s in scalars {
            if s == " " { spaceRun += 1; if spaceRun >= 3 { columns = true }; continue }
            spaceRun = 0
            if s.properties.isWhitespace { continue }
            nonSpace += 1
            if s.properties.isAlphabetic { letters += 1 } else if s.properties.numericType != nil { digits += 1 }
            switch s {
            case "|": bars += 1; ruleChars += 1
            case "+", "-", "=", "─", "│", "┼", "├", "┤", "┬", "┴", "┌", "┐", "└", "┘": ruleChars += 1
            case "{", "}", "[", "]", "(", ")", ";", "<", ">", "$", "\\", "&", "*", "#", "@", "~", "^", "`", "/", "_": symbols += 1
            default: break
            }
        }
        // Table art: bars framing cells, or a rule drawn with + - = |.
        if bars >= 2, scalars.first == "|" || scalars.last == "|" || bars >= 3 { return .table }
        if nonSpace >= 3, ruleChars * 10 >= nonSpace * 8 { return .table }
        let tokens = trimmed.split(whereSeparator: \.isWhitespace)
        // A URL, address or path alone.
        if tokens.count == 1, isLocator(stripPunctuation(tokens[0])) { return .url }
        // Numbers alone (a few unit letters allowed: "5 MB", "v1.2").
        if digits > 0, letters <= 2, tokens.count <= 6 { return .number }
        if letters == 0 { return digits > 0 ? .number : (symbols > 0 ? .code : .prose) }
        if looksLikeCommand(trimmed) { return .command }
        // Columns of program output or a plain-text table.
        if columns, wordShare(tokens) < 0.75 { return .code }
        // Dense symbols and few plain words.
        if nonSpace >= 6, symbols * 100 >= nonSpace * 12, wordShare(tokens) < 0.6 { return .code }
        let share = codeTokenShare(tokens)
        if tokens.count >= 3 ? share >= 0.5 : tokens.count == 2 && share == 1 { return .code }
        return .prose
    }

    /// `$ cmd`, `# cmd`, `% cmd`, `sudo cmd`: a prompt, then a command word in lower case.
    static func looksLikeCommand(_ text: String) -> Bool {
        let tokens = text.trimmingSpaces.split(whereSeparator: \.isWhitespace)
        guard let first = tokens.first else { return false }
        var rest = tokens.dropFirst()
        if first == "$" || first == "#" || first == "%" || first == "sudo" || first.hasSuffix("$") && first.count > 1 && first.contains("@") {
            guard let command = rest.first else { return false }
            return isCommandWord(command)
        }
        // A command word then options or paths, with no sentence ending: "apt-get install -y foo".
        guard isCommandWord(first), first.contains(where: { $0 == "-" || $0 == "." || $0.isNumber }) || rest.contains(where: { $0.hasPrefix("-") }) else { return false }
        rest = rest.prefix(8)
        let optionsOrPaths = rest.filter { $0.hasPrefix("-") || $0.contains("/") || $0.contains("=") || $0.contains(".") }.count
        // Arguments are few plain words ("install foo"); a sentence has many ("run as root with").
        let plainWords = rest.filter { wordShare([$0]) == 1 && !$0.hasPrefix("-") }.count
        let last = text.trimmingSpaces.unicodeScalars.last
        return optionsOrPaths >= 1 && plainWords <= 2 && tokens.count <= 12 && !(last == "." && tokens.count > 4)
    }

    /// Lower-case ASCII letters, digits and `-._+`, starting with a letter: `apt-get`, `dpkg`, `ls`.
    static func isCommandWord(_ token: Substring) -> Bool {
        guard let first = token.unicodeScalars.first, ("a"..."z").contains(first), token.count <= 32 else { return false }
        return token.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || "-._+".unicodeScalars.contains($0) }
    }

    static func isLocator(_ token: Substring) -> Bool {
        let t = token.lowercased()
        if let scheme = t.range(of: "://"), t[..<scheme.lowerBound].allSatisfy({ $0.isLetter }), !t[scheme.lowerBound...].dropFirst(3).isEmpty { return true }
        if t.hasPrefix("www.") && t.count > 6 { return true }
        if t.hasPrefix("mailto:") { return true }
        if let at = t.firstIndex(of: "@"), t[t.index(after: at)...].contains("."), !t[..<at].isEmpty, !t.contains(" ") { return true }
        if (t.hasPrefix("/") || t.hasPrefix("~/") || t.hasPrefix("./")) && t.dropFirst().contains("/") || t.hasPrefix("/") && t.count > 1 && t.dropFirst().allSatisfy({ $0.isLetter || $0.isNumber || "-_.".contains($0) }) { return true }
        return false
    }

    static func stripPunctuation(_ token: Substring) -> Substring {
        var t = token
        while let f = t.first, "\"'«“‘(<[".contains(f) { t = t.dropFirst() }
        while let l = t.last, "\"'»”’)>],;:.!?".contains(l) { t = t.dropLast() }
        return t
    }

    /// Share of tokens that are plain words (letters, with inner apostrophes or hyphens, and
    /// outer punctuation).
    static func wordShare(_ tokens: [Substring]) -> Double {
        guard !tokens.isEmpty else { return 0 }
        let words = tokens.filter { token in
            let t = stripPunctuation(token)
            return !t.isEmpty && t.allSatisfy { $0.isLetter || $0 == "'" || $0 == "’" || $0 == "-" } && t.first?.isLetter == true
        }.count
        return Double(words) / Double(tokens.count)
    }

    /// Share of tokens that look like code: options, assignments, paths, calls, variables.
    static func codeTokenShare(_ tokens: [Substring]) -> Double {
        let code = tokens.filter { token in
            let t = stripPunctuation(token)
            if t.hasPrefix("-") && t.dropFirst().first?.isLetter == true { return true }
            return t.contains { "{}[]();=<>$\\|&*`^".contains($0) } || (t.contains("/") && !t.hasPrefix("http"))
                || t.contains("_") || (t.contains(".") && t.first?.isLowercase == true && t.last?.isLetter == true && !t.contains(".."))
        }.count
        return Double(code) / Double(tokens.count)
    }
}

extension SegmentedDocument {
    /// The kind of each segment's content (see ``ContentKind``).
    /// - Complexity: O(n) in the size of the text.
    public func contentKinds() -> [ContentKind] {
        segments.map { ContentKind.of($0, in: blocks[$0.paragraph]) }
    }
}

extension String {
    /// Without white space (ASCII and Unicode) at either end.
    var trimmingSpaces: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[first...last])
    }
}

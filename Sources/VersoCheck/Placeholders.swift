/// A format placeholder of a message: what a program fills in at run time, so a translation
/// must keep it (`%s`, `%1$d`, `%(name)s`, `{0}`, `{name}`, `{count, plural, …}`, `$HOME`,
/// `${VAR}`, `{{ user }}`, Qt's `%1`, Ruby's `%{name}`).
struct Placeholder: Equatable, Sendable {
    /// The syntax the placeholder belongs to; placeholders are compared within one syntax.
    enum Syntax: String, Sendable, CaseIterable {
        /// C's printf (gettext `c-format`), also Python's positional `%s`: `%s`, `%1$d`, `%-5.2f`.
        case printf
        /// Python's named `%(name)s` (gettext `python-format`).
        case pythonNamed = "python"
        /// Braces: Python's `str.format` (`{0}`, `{name}`, `{}`), .NET and Java's `{0}`, and ICU
        /// MessageFormat arguments (`{count, plural, …}`, `{d, date, short}`).
        case brace
        /// Shell variables `$VAR`, `${VAR}` (gettext `sh-format`).
        case shell
        /// Template expressions `{{ name }}` (Jinja, Mustache, Angular, Handlebars).
        case template
        /// Qt's `%1` … `%99` (gettext `qt-format`).
        case qt
        /// Ruby and Perl's named `%{name}` and `%<name>s`.
        case ruby

        var label: String {
            switch self {
            case .printf: return "printf"
            case .pythonNamed: return "Python"
            case .brace: return "brace"
            case .shell: return "shell"
            case .template: return "template"
            case .qt: return "Qt"
            case .ruby: return "Ruby"
            }
        }
    }

    /// Which argument the placeholder stands for.
    enum Key: Hashable, Sendable {
        /// The n-th argument taken in order (printf `%s`, Python `{}`), from 1.
        case sequence(Int)
        /// An explicit argument number (`%2$s`, `{1}`, `%2`), from 1 for printf and Qt, from 0 for braces.
        case position(Int)
        /// A named argument (`%(name)s`, `{name}`, `$HOME`).
        case name(String)
    }

    var syntax: Syntax
    var key: Key
    /// What the program passes in: printf's length modifier and conversion class (`d`, `ld`, `s`,
    /// `f`…), Python's conversion, an ICU argument type (`plural`, `number`); empty when free.
    var type: String
    /// As written.
    var text: String
    /// Unicode scalar offsets in the side's text.
    var span: Range<Int>
}

/// Reads placeholders out of a message, in the syntaxes asked for.
enum Placeholders {
    /// What scanning one side found.
    struct Scan: Sendable {
        var placeholders: [Placeholder] = []
        /// printf: `%` signs that start no valid directive (a French "50 %" in a c-format message,
        /// which printf would read as a directive): spans.
        var strayPercents: [Range<Int>] = []
        /// ICU `select` arguments and the keys of their cases (`gender` → male, female, other).
        var selectKeys: [String: Set<String>] = [:]
        /// ICU `plural` arguments that have no `other` case.
        var pluralsWithoutOther: [(name: String, span: Range<Int>)] = []
    }

    /// gettext's format flags (`c-format`, `python-format`, …): the syntaxes a message is declared
    /// to use, and those declared not to apply (`no-c-format`). Nil when the flags name no format.
    static func declared(_ flags: [String]) -> (on: Set<Placeholder.Syntax>, off: Set<Placeholder.Syntax>)? {
        var on = Set<Placeholder.Syntax>(), off = Set<Placeholder.Syntax>()
        for flag in flags {
            let negative = flag.hasPrefix("no-")
            let name = negative ? String(flag.dropFirst(3)) : flag
            let syntaxes: [Placeholder.Syntax]
            switch name {
            case "c-format", "objc-format", "gcc-internal-format", "gfc-internal-format", "awk-format", "php-format", "lua-format", "object-pascal-format":
                syntaxes = [.printf]
            case "python-format": syntaxes = [.printf, .pythonNamed]
            case "python-brace-format", "java-format", "java-printf-format", "csharp-format", "perl-brace-format", "javascript-format", "kde-format", "boost-format":
                // java-format is MessageFormat's {0}; javascript-format and boost also take printf.
                syntaxes = ["javascript-format", "java-printf-format", "boost-format"].contains(name) ? [.printf] : name == "kde-format" ? [.qt] : [.brace]
            case "sh-format", "perl-format": syntaxes = name == "perl-format" ? [.ruby, .printf] : [.shell]
            case "qt-format", "qt-plural-format": syntaxes = [.qt]
            case "ruby-format": syntaxes = [.ruby, .printf]
            default: continue
            }
            if negative { off.formUnion(syntaxes) } else { on.formUnion(syntaxes) }
        }
        return on.isEmpty && off.isEmpty ? nil : (on, off)
    }

    /// The placeholders of `text` in `syntaxes`, skipping the scalar ranges in `excluded` (URLs,
    /// whose `%2F` is no directive).
    ///
    /// - Parameter strict: printf is read as printf reads it: every `%` starts a directive, so
    ///   a space flag (`% d`) counts and a `%` that starts none is reported as stray. Use it
    ///   only on a message known to be a printf format (declared, or its source has directives).
    ///   Otherwise only unambiguous directives count (no space flag, the common conversions).
    /// - Complexity: O(n) in the length of the text.
    static func scan(_ text: String, syntaxes: Set<Placeholder.Syntax>, strict: Bool = false, excluded: [Range<Int>] = []) -> Scan {
        let s = Array(text.unicodeScalars)
        var result = Scan()
        var sequence = 0, braceSequence = 0
        var i = 0
        func isExcluded(_ k: Int) -> Bool { excluded.contains { $0.contains(k) } }
        while i < s.count {
            let c = s[i]
            if c == "%" && !isExcluded(i) && (syntaxes.contains(.printf) || syntaxes.contains(.pythonNamed) || syntaxes.contains(.qt) || syntaxes.contains(.ruby)) {
                if i + 1 < s.count && s[i + 1] == "%" && (syntaxes.contains(.printf) || syntaxes.contains(.pythonNamed)) { i += 2; continue }
                if let (p, end) = percent(s, at: i, syntaxes: syntaxes, strict: strict, sequence: &sequence) {
                    result.placeholders += p
                    i = end
                    continue
                }
                if strict && syntaxes.contains(.printf) { result.strayPercents.append(i..<(i + 1)) }
                i += 1
                continue
            }
            if c == "{" && !isExcluded(i) {
                if syntaxes.contains(.template), let (p, end) = template(s, at: i) {
                    result.placeholders.append(p)
                    i = end
                    continue
                }
                if syntaxes.contains(.brace) {
                    if i + 1 < s.count && s[i + 1] == "{" { i += 2; continue }   // "{{" is a literal brace
                    if let end = brace(s, at: i, sequence: &braceSequence, into: &result) { i = end; continue }
                }
            }
            if c == "$" && syntaxes.contains(.shell) && !isExcluded(i), let (p, end) = shell(s, at: i) {
                result.placeholders.append(p)
                i = end
                continue
            }
            i += 1
        }
        return result
    }

    // MARK: - printf, Python %(name)s, Qt %1, Ruby %{name}

    private static let conversionsStrict = Set("diouxXeEfFgGaAcCsSpn".unicodeScalars)
    private static let conversionsLenient = Set("diouxXeEfFgGcsp".unicodeScalars)
    private static let pythonConversions = Set("diouxXeEfFgGcrsa".unicodeScalars)

    /// A directive starting at the `%` at `start`: its placeholders (a `*` width takes an
    /// argument of its own) and the index after it.
    private static func percent(_ s: [Unicode.Scalar], at start: Int, syntaxes: Set<Placeholder.Syntax>, strict: Bool,
                                sequence: inout Int) -> ([Placeholder], Int)? {
        var i = start + 1
        func peek(_ k: Int = 0) -> Unicode.Scalar? { i + k < s.count ? s[i + k] : nil }
        func text(_ end: Int) -> String { String(String.UnicodeScalarView(s[start..<end])) }
        // Python %(name)s
        if peek() == "(" && (syntaxes.contains(.pythonNamed)) {
            guard let close = s[(i + 1)...].prefix(64).firstIndex(of: ")"), close > i + 1 else { return nil }
            let name = String(String.UnicodeScalarView(s[(i + 1)..<close]))
            i = close + 1
            while let f = peek(), "-+ #0".unicodeScalars.contains(f) { if f == " " && !strict { return nil }; i += 1 }
            while let d = peek(), digit(d) != nil || d == "." || d == "*" { i += 1 }
            guard let conv = peek(), pythonConversions.contains(conv) else { return nil }
            return ([Placeholder(syntax: .pythonNamed, key: .name(name), type: pythonType(conv), text: text(i + 1), span: start..<(i + 1))], i + 1)
        }
        // Ruby %{name} and %<name>s
        if syntaxes.contains(.ruby), let open = peek(), open == "{" || open == "<" {
            let closing: Unicode.Scalar = open == "{" ? "}" : ">"
            guard let close = s[(i + 1)...].prefix(64).firstIndex(of: closing), close > i + 1 else { return nil }
            let name = String(String.UnicodeScalarView(s[(i + 1)..<close]))
            guard name.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" }) else { return nil }
            var end = close + 1, type = ""
            if open == "<", end < s.count, pythonConversions.contains(s[end]) { type = pythonType(s[end]); end += 1 }
            return ([Placeholder(syntax: .ruby, key: .name(name), type: type, text: text(end), span: start..<end)], end)
        }
        guard syntaxes.contains(.printf) || syntaxes.contains(.qt) else { return nil }
        var placeholders: [Placeholder] = []
        // Argument number: %2$s
        var position: Int?
        var k = i, number = 0
        while k < s.count, let v = digit(s[k]), k - i < 3 { number = number * 10 + v; k += 1 }
        if k > i && k < s.count && s[k] == "$" && number > 0 { position = number; i = k + 1 }
        if syntaxes.contains(.printf) {
            while let f = peek(), "-+ #0'I".unicodeScalars.contains(f) {
                if f == " " && !strict { return qt(s, at: start, syntaxes: syntaxes) }
                i += 1
            }
            func star() -> Bool {
                guard peek() == "*" else { return false }
                i += 1
                var n = 0, j = i
                while j < s.count, let v = digit(s[j]), j - i < 3 { n = n * 10 + v; j += 1 }
                let starPosition: Placeholder.Key
                if j > i && j < s.count && s[j] == "$" { starPosition = .position(n); i = j + 1 } else { sequence += 1; starPosition = .sequence(sequence) }
                placeholders.append(Placeholder(syntax: .printf, key: starPosition, type: "d", text: "*", span: (i - 1)..<i))
                return true
            }
            if !star() { while let d = peek(), digit(d) != nil { i += 1 } }
            if peek() == "." {
                i += 1
                if !star() { while let d = peek(), digit(d) != nil { i += 1 } }
            }
            var length = ""
            for modifier in ["hh", "ll", "h", "l", "L", "q", "j", "z", "Z", "t", "I64", "I32"] {
                let m = Array(modifier.unicodeScalars)
                if i + m.count <= s.count && Array(s[i..<(i + m.count)]) == m { length = modifier; i += m.count; break }
            }
            if let conv = peek(), (strict ? conversionsStrict : conversionsLenient).contains(conv) {
                let key: Placeholder.Key
                if let position { key = .position(position) } else { sequence += 1; key = .sequence(sequence) }
                placeholders.append(Placeholder(syntax: .printf, key: key, type: printfType(length: length, conv), text: text(i + 1), span: start..<(i + 1)))
                return (placeholders, i + 1)
            }
            // gettext's system-dependent directives: %<PRId64>
            if peek() == "<", let close = s[i...].prefix(16).firstIndex(of: ">"), String(String.UnicodeScalarView(s[(i + 1)..<close])).hasPrefix("PRI") {
                let macro = String(String.UnicodeScalarView(s[(i + 1)..<close]))
                let key: Placeholder.Key
                if let position { key = .position(position) } else { sequence += 1; key = .sequence(sequence) }
                placeholders.append(Placeholder(syntax: .printf, key: key, type: macro, text: text(close + 1), span: start..<(close + 1)))
                return (placeholders, close + 1)
            }
        }
        return qt(s, at: start, syntaxes: syntaxes)
    }

    /// The value of an ASCII digit.
    private static func digit(_ c: Unicode.Scalar) -> Int? { c.value >= 48 && c.value <= 57 ? Int(c.value - 48) : nil }

    /// Qt's `%1`…`%99` (not followed by another digit).
    private static func qt(_ s: [Unicode.Scalar], at start: Int, syntaxes: Set<Placeholder.Syntax>) -> ([Placeholder], Int)? {
        guard syntaxes.contains(.qt) else { return nil }
        var i = start + 1, n = 0
        while i < s.count, let v = digit(s[i]), i - start <= 2 { n = n * 10 + v; i += 1 }
        guard i > start + 1, n > 0, i >= s.count || digit(s[i]) == nil else { return nil }
        let text = String(String.UnicodeScalarView(s[start..<i]))
        return ([Placeholder(syntax: .qt, key: .position(n), type: "", text: text, span: start..<i)], i)
    }

    /// printf's argument class: the length modifier and the conversion, with `i` read as `d`,
    /// the unsigned conversions as `u`, the floating ones as `f` (they take the same argument).
    static func printfType(length: String, _ conv: Unicode.Scalar) -> String {
        let base: String
        switch conv {
        case "d", "i": base = "d"
        case "o", "u", "x", "X": base = "u"
        case "e", "E", "f", "F", "g", "G", "a", "A": base = "f"
        case "c", "C": base = conv == "C" ? "lc" : "c"
        case "s", "S": base = conv == "S" ? "ls" : "s"
        default: base = String(conv)
        }
        return length + base
    }

    private static func pythonType(_ conv: Unicode.Scalar) -> String {
        switch conv {
        case "d", "i", "u": return "d"
        case "o", "x", "X": return "x"
        case "e", "E", "f", "F", "g", "G": return "f"
        case "r", "a", "s": return "s"
        default: return String(conv)
        }
    }

    // MARK: - Braces: Python str.format, {0}, ICU MessageFormat

    /// A brace placeholder (or an ICU argument with its cases) starting at `start`; the index
    /// after it, or nil when the brace holds no placeholder (prose, JSON).
    private static func brace(_ s: [Unicode.Scalar], at start: Int, sequence: inout Int, into result: inout Scan) -> Int? {
        // Find the matching brace (ICU cases nest).
        var depth = 0, close: Int?
        var j = start
        while j < s.count && j - start < 4000 {
            if s[j] == "{" { depth += 1 }
            if s[j] == "}" { depth -= 1; if depth == 0 { close = j; break } }
            j += 1
        }
        guard let close else { return nil }
        let inner = String(String.UnicodeScalarView(s[(start + 1)..<close]))
        let text = String(String.UnicodeScalarView(s[start...close]))
        let span = start..<(close + 1)
        if inner.isEmpty {
            sequence += 1
            result.placeholders.append(Placeholder(syntax: .brace, key: .sequence(sequence), type: "", text: text, span: span))
            return close + 1
        }
        // The argument: a number or a name, then nothing, ":spec", "!conv" or ", type…".
        let trimmed = inner.drop { $0 == " " }
        let nameEnd = trimmed.firstIndex { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "." || $0 == "[" || $0 == "]" || $0 == "-") } ?? trimmed.endIndex
        let name = String(trimmed[..<nameEnd])
        guard !name.isEmpty, !name.hasPrefix("-"), !name.hasPrefix("."), name.count <= 48 else { return nil }
        let rest = trimmed[nameEnd...].drop { $0 == " " }
        let key: Placeholder.Key = Int(name).map { .position($0) } ?? .name(name)
        if rest.isEmpty {
            guard !name.contains("]") || name.contains("[") else { return nil }
            result.placeholders.append(Placeholder(syntax: .brace, key: key, type: "", text: text, span: span))
            return close + 1
        }
        switch rest.first {
        case ":", "!":
            // Python format spec: the type is its last letter, when it names one.
            let spec = rest.dropFirst()
            guard !spec.contains("{") || spec.contains("}"), !spec.contains(" ") || spec.count <= 4 else { return nil }
            var type = ""
            if rest.first == "!" { type = "!" + String(spec.prefix(1)) }
            if let last = spec.last, "bcdeEfFgGnosxX%".contains(last) { type += String(last) }
            result.placeholders.append(Placeholder(syntax: .brace, key: key, type: type, text: text, span: span))
            return close + 1
        case ",":
            // ICU MessageFormat: {name, type[, style | cases]}
            let parts = rest.dropFirst().split(separator: ",", maxSplits: 1, omittingEmptySubsequences: false)
            let type = parts.first.map { $0.trimmingCharacters(in: [" ", "\u{00A0}"]) } ?? ""
            let known = ["number", "date", "time", "plural", "select", "selectordinal", "spellout", "ordinal", "duration", "choice"]
            guard known.contains(type) else { return nil }
            result.placeholders.append(Placeholder(syntax: .brace, key: key, type: type, text: text, span: span))
            if ["plural", "select", "selectordinal"].contains(type), parts.count == 2 {
                let casesStart = start + 1 + inner.unicodeScalars.count - parts[1].unicodeScalars.count
                var keys = Set<String>()
                icuCases(s, from: casesStart, to: close, keys: &keys, into: &result)
                if type == "select" { result.selectKeys[name, default: []].formUnion(keys) }
                if type != "select" && !keys.contains("other") { result.pluralsWithoutOther.append((name, span)) }
            }
            return close + 1
        default:
            return nil
        }
    }

    /// The cases of an ICU plural or select (`one {# file} other {# files}`): their keys, and
    /// the placeholders inside their messages.
    private static func icuCases(_ s: [Unicode.Scalar], from: Int, to end: Int, keys: inout Set<String>, into result: inout Scan) {
        var i = from
        while i < end {
            while i < end && (s[i] == " " || s[i] == "\n" || s[i] == "\u{00A0}") { i += 1 }
            let keyStart = i
            while i < end && s[i] != "{" && s[i] != " " { i += 1 }
            let key = String(String.UnicodeScalarView(s[keyStart..<i]))
            while i < end && s[i] != "{" { i += 1 }
            guard i < end else { return }
            if !key.isEmpty && !key.hasPrefix("offset:") { keys.insert(key) }
            // The case's message: scan it for arguments of its own.
            var depth = 0, j = i
            while j < end { if s[j] == "{" { depth += 1 }; if s[j] == "}" { depth -= 1; if depth == 0 { break } }; j += 1 }
            var k = i + 1, sequence = 0
            while k < j {
                if s[k] == "{", let next = brace(s, at: k, sequence: &sequence, into: &result) { k = next } else { k += 1 }
            }
            i = j + 1
        }
    }

    // MARK: - Templates and shell variables

    /// `{{ expression }}`: the expression (spaces trimmed) is the key.
    private static func template(_ s: [Unicode.Scalar], at start: Int) -> (Placeholder, Int)? {
        guard start + 1 < s.count, s[start + 1] == "{" else { return nil }
        var j = start + 2
        while j + 1 < s.count && j - start < 80 {
            if s[j] == "{" { return nil }
            if s[j] == "}" { break }
            j += 1
        }
        guard j + 1 < s.count, s[j] == "}", s[j + 1] == "}" else { return nil }
        let expression = String(String.UnicodeScalarView(s[(start + 2)..<j])).trimmingCharacters(in: [" "])
        guard !expression.isEmpty, expression.unicodeScalars.first.map({ $0.properties.isAlphabetic || $0 == "_" || $0 == "#" || $0 == "/" || $0 == "$" || $0 == "." || $0 == "@" }) == true else { return nil }
        let end = j + 2
        return (Placeholder(syntax: .template, key: .name(expression), type: "", text: String(String.UnicodeScalarView(s[start..<end])), span: start..<end), end)
    }

    /// `$NAME` or `${NAME}` (not `$5`, not `US$`).
    private static func shell(_ s: [Unicode.Scalar], at start: Int) -> (Placeholder, Int)? {
        if start > 0, s[start - 1].properties.isAlphabetic || s[start - 1] == "\\" || s[start - 1] == "$" { return nil }
        var i = start + 1
        let braced = i < s.count && s[i] == "{"
        if braced { i += 1 }
        let nameStart = i
        guard i < s.count, s[i].properties.isAlphabetic && s[i].isASCII || s[i] == "_" else { return nil }
        while i < s.count, s[i].isASCII && (s[i].properties.isAlphabetic || s[i].properties.numericType != nil || s[i] == "_") { i += 1 }
        let name = String(String.UnicodeScalarView(s[nameStart..<i]))
        if braced {
            // ${VAR}, ${VAR:-default}
            guard let close = s[i...].prefix(80).firstIndex(of: "}") else { return nil }
            i = close + 1
        }
        return (Placeholder(syntax: .shell, key: .name(name), type: "", text: String(String.UnicodeScalarView(s[start..<i])), span: start..<i), i)
    }
}

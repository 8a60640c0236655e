import VersoText

/// Which checks run and how their findings are weighed.
public struct CheckConfiguration: Sendable {
    /// Codes to run; nil runs every registered check.
    public var enabled: Set<String>?
    /// Codes never to run.
    public var disabled: Set<String> = []
    /// Severity overrides by code.
    public var severities: [String: Severity] = [:]

    public init(enabled: Set<String>? = nil, disabled: Set<String> = [], severities: [String: Severity] = [:]) {
        self.enabled = enabled
        self.disabled = disabled
        self.severities = severities
    }

    /// Codes that will run, in registry order.
    public var activeCodes: [String] {
        CheckRegistry.all.map { $0.info.code }.filter { (enabled?.contains($0) ?? true) && !disabled.contains($0) }
    }
}

/// Runs the registered checks on a document and collects their findings: the one place that
/// applies configuration and decides what fails a pipeline.
public struct CheckEngine: Sendable {
    public let configuration: CheckConfiguration

    /// - Throws: `VersoError` (.usage) naming a code that no check has, with the closest code
    ///   and the list of codes.
    public init(configuration: CheckConfiguration = CheckConfiguration()) throws {
        let known = CheckRegistry.all.map { $0.info.code }
        let named = (configuration.enabled ?? []).union(configuration.disabled).union(configuration.severities.keys)
        if let unknown = named.subtracting(known).sorted().first {
            let guess = Suggestion.closest(to: unknown, in: known).map { "did you mean '\($0)'? " } ?? ""
            throw VersoError(.usage, "unknown check code '\(unknown)'",
                             fix: "\(guess)the codes are \(known.sorted().joined(separator: ", ")) (see `verso checks`)")
        }
        self.configuration = configuration
    }

    /// All findings, ordered by bead, then severity (worst first), then code.
    /// - Complexity: O(checks × document size).
    public func run(_ document: CheckDocument) -> [Finding] {
        var findings: [Finding] = []
        for check in CheckRegistry.all where configuration.activeCodes.contains(check.info.code) {
            var produced = check.init().run(document)
            if check.info.proseOnly {
                produced.removeAll { $0.bead >= 0 && $0.bead < document.beads.count && !document.beads[$0.bead].content.isProse }
            }
            if let severity = configuration.severities[check.info.code] {
                for i in produced.indices { produced[i].severity = severity }
            }
            findings += produced
        }
        return findings.sorted {
            ($0.bead, -$0.severity.rankValue, $0.code, $0.span?.lowerBound ?? -1) < ($1.bead, -$1.severity.rankValue, $1.code, $1.span?.lowerBound ?? -1)
        }
    }

    /// Exit status for a pipeline gate: 1 when any finding reaches `failOn`, else 0.
    public static func exitStatus(_ findings: [Finding], failOn: Severity?) -> Int32 {
        guard let failOn else { return 0 }
        return findings.contains { $0.severity >= failOn } ? 1 : 0
    }
}

extension Severity {
    var rankValue: Int { Severity.allCases.firstIndex(of: self)! }
}

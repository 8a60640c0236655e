import VersoText

/// Knowledge of software text that no language owns, from `Data/`: file extensions and markup
/// tag names. Read once per process.
public struct TechnicalResources: Sendable {
    /// Extensions that make a word a file name (`config.yaml`), lower case.
    public let fileExtensions: Set<String>
    /// Inline markup tag names of HTML, Pango, DocBook and XLIFF (`b`, `span`, `g`), lower case:
    /// `<b>` is markup, `<file>` in "Usage: cp <file>" is a metavariable.
    public let markupTags: Set<String>
    /// Those of ``markupTags`` that are also words of usage lines (`command`, `option`): markup
    /// only when the message closes them too.
    public let pairedOnlyTags: Set<String>

    /// Hosts of example URLs (`example.org`, `server`; `.test` for a suffix), lower case.
    public let exampleHosts: Set<String>

    private static let cache = Cache<String, TechnicalResources>()

    /// - Throws: `VersoError` when the bundled data files are missing.
    public static func load() throws -> TechnicalResources {
        try cache.value("") { try TechnicalResources() }
    }

    private init() throws {
        fileExtensions = Set(try LanguageResources.files.entries("file-extensions").map { $0.lowercased() })
        let tags = try LanguageResources.files.entries("markup-tags").map { $0.lowercased().split(separator: " ") }
        markupTags = Set(tags.compactMap { $0.first.map(String.init) })
        exampleHosts = Set(try LanguageResources.files.entries("example-hosts").map { $0.lowercased() })
        pairedOnlyTags = Set(tags.filter { $0.count > 1 && $0[1] == "paired" }.map { String($0[0]) })
    }
}

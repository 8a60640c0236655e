import Foundation

/// The data files bundled with a module (`Sources/<Module>/Data/*.txt`): word lists,
/// abbreviations, patterns — one entry a line, `#` starts a comment, blank lines skipped.
///
/// A file the code asks for that is not there is an error, not an empty list: a typo in a name,
/// or a binary shipped without its resource folder, must not switch a feature off silently.
/// Files that exist only for some languages (`abbreviations.en.txt`, `abbreviations.fr.txt`)
/// are read with ``languageEntries(_:language:)``, which gives no entries for a language that
/// has no file of that family, and fails when no language has one.
public struct DataFiles: Sendable {
    /// The module's `Data` folder.
    public let directory: URL
    /// The module's name, for messages.
    public let module: String

    /// Finds the module's `Data` folder: in its resource folder `Verso_<module>.resources` beside
    /// the running binary (also when the binary is reached through a symbolic link), or where the
    /// build put it (`bundle`, which is only evaluated when the first two are missing).
    ///
    /// - Parameters:
    ///   - module: the module's name (`VersoText`).
    ///   - bundle: the module's resource bundle, `Bundle.module`.
    public init(module: String, bundle: @autoclosure () -> Bundle) {
        self.module = module
        let folder = "Verso_\(module).resources"
        var candidates = [Bundle.main.bundleURL.appendingPathComponent(folder)]
        if let executable = Bundle.main.executableURL?.resolvingSymlinksInPath() {
            candidates.append(executable.deletingLastPathComponent().appendingPathComponent(folder))
        }
        let found = candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("Data").path) }
        directory = (found ?? bundle().bundleURL).appendingPathComponent("Data")
    }

    /// A `Data` folder given by its path (tests, tools).
    public init(directory: URL, module: String) {
        self.directory = directory
        self.module = module
    }

    private static let parsed = Cache<String, [String]>()
    private static let listings = Cache<String, Set<String>>()

    /// The entries of `Data/<name>.txt`.
    /// - Throws: `VersoError` (.internalError) naming the file when it is missing or unreadable.
    /// - Complexity: O(size of the file) the first time in a process, O(1) after.
    public func entries(_ name: String) throws -> [String] {
        let path = directory.appendingPathComponent(name + ".txt").path
        return try DataFiles.parsed.value(path) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw VersoError(.internalError, "the data file \(name).txt of \(module) is missing", file: path,
                                 fix: "reinstall Verso with its resource folders (\(directory.deletingLastPathComponent().lastPathComponent) beside the binary)")
            }
            return DataFiles.parse(String(decoding: data, as: UTF8.self))
        }
    }

    /// The entries of `Data/<family>.<language>.txt` (`language` in its base form, `fr` for
    /// `fr-CA`); none when the language has no such file.
    /// - Throws: `VersoError` when no file of the family exists for any language (a wrong name,
    ///   or a missing resource folder).
    public func languageEntries(_ family: String, language: String) throws -> [String] {
        try variantEntries(family, LanguageData.baseLanguage(language))
    }

    /// The entries of `Data/<family>.<source>-<target>.txt` (base language codes, `en-fr`);
    /// none when the pair has no such file.
    /// - Throws: `VersoError` when no file of the family exists for any pair.
    public func pairEntries(_ family: String, source: String, target: String) throws -> [String] {
        try variantEntries(family, "\(LanguageData.baseLanguage(source))-\(LanguageData.baseLanguage(target))")
    }

    private func variantEntries(_ family: String, _ variant: String) throws -> [String] {
        let names = try listing()
        guard names.contains(where: { $0.hasPrefix(family + ".") }) else {
            throw VersoError(.internalError, "no data file \(family).*.txt in \(module)", file: directory.path,
                             fix: "reinstall Verso with its resource folders")
        }
        return names.contains("\(family).\(variant).txt") ? try entries("\(family).\(variant)") : []
    }

    /// Names of the files in the folder.
    public func listing() throws -> Set<String> {
        let path = directory.path
        return try DataFiles.listings.value(path) {
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                throw VersoError(.internalError, "the data folder of \(module) is missing", file: path,
                                 fix: "reinstall Verso with its resource folders (\(directory.deletingLastPathComponent().lastPathComponent) beside the binary)")
            }
            return Set(names)
        }
    }

    /// One entry a line, text after `#` dropped, surrounding spaces trimmed, blank lines skipped.
    /// Tabs inside an entry are kept (several files have tab-separated fields).
    static func parse(_ text: String) -> [String] {
        text.split(separator: "\n").compactMap { line in
            let content = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let entry = content.trimmingCharacters(in: .whitespaces)
            return entry.isEmpty ? nil : entry
        }
    }
}

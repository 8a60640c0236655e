import Foundation
import VersoText

/// One document pair to add: two files, the document's name and its languages.
public struct PairJob: Sendable, Equatable {
    public var source: String
    public var target: String
    public var name: String
    public var sourceLanguage: String
    public var targetLanguage: String

    /// - Parameter name: nil for ``defaultName(source:language:)``.
    public init(source: String, target: String, name: String? = nil, sourceLanguage: String, targetLanguage: String) {
        self.source = source
        self.target = target
        self.name = name ?? PairJob.defaultName(source: source, language: sourceLanguage)
        self.sourceLanguage = sourceLanguage
        self.targetLanguage = targetLanguage
    }

    /// The source file's name without its extension and without a trailing language tag:
    /// `books/putin.en.txt` → `putin`, `ch01.en` → `ch01`.
    public static func defaultName(source: String, language: String) -> String {
        var name = URL(fileURLWithPath: source).deletingPathExtension().lastPathComponent
        if name.lowercased().hasSuffix("." + language.lowercased()) { name.removeLast(language.count + 1) }
        let whole = URL(fileURLWithPath: source).lastPathComponent
        return name.isEmpty ? whole : name
    }
}

/// The ways to name many pairs at once: a manifest file or two folders.
public enum PairList {
    /// Reads a manifest: one pair a line, tab-separated `source`, `target`, then optionally
    /// `name`, `source language`, `target language` (an empty column takes the default).
    /// Blank lines and lines starting with `#` are ignored; relative paths are relative to the
    /// manifest's folder.
    ///
    /// - Throws: `VersoError` naming the manifest line that has fewer than two columns or a
    ///   language code ICU does not know, or a name used twice.
    /// - Complexity: O(size of the manifest).
    public static func manifest(path: String, sourceLanguage: String, targetLanguage: String) throws -> [PairJob] {
        let text = try SourceText.read(path: path).string
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ file: String) -> String {
            file.hasPrefix("/") ? file : folder.appendingPathComponent(file).standardizedFileURL.path
        }
        var jobs: [PairJob] = []
        for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.trimmingCharacters(in: .whitespaces).isEmpty || line.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            guard columns.count >= 2, !columns[0].isEmpty, !columns[1].isEmpty else {
                throw VersoError(.badInput, "expected source<TAB>target[<TAB>name<TAB>source-lang<TAB>target-lang], found \"\(line)\"",
                                 file: path, line: number + 1, fix: "separate the columns with tabs")
            }
            func column(_ i: Int) -> String? { columns.count > i && !columns[i].isEmpty ? columns[i] : nil }
            func language(_ i: Int, _ fallback: String) throws -> String {
                guard let code = column(i) else { return fallback }
                do { return try LanguageCode.canonical(code) } catch var error as VersoError {
                    (error.file, error.line) = (path, number + 1)
                    throw error
                }
            }
            jobs.append(PairJob(source: resolve(columns[0]), target: resolve(columns[1]), name: column(2),
                                sourceLanguage: try language(3, sourceLanguage), targetLanguage: try language(4, targetLanguage)))
        }
        try checkNames(jobs, origin: path)
        return jobs
    }

    /// Pairs the files of two folders by file name (not recursive; hidden files ignored). A file
    /// present in only one folder still makes a pair, which then fails as a missing file, so
    /// the batch reports it.
    ///
    /// - Throws: `VersoError` when a folder cannot be listed.
    /// - Complexity: O(files in the folders).
    public static func pairDirectories(source: String, target: String, sourceLanguage: String, targetLanguage: String) throws -> [PairJob] {
        func files(_ folder: String) throws -> Set<String> {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue,
                  let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
                throw VersoError(.unreadable, "is not a folder that can be listed", file: folder, fix: "give two folders holding the files of each side")
            }
            return Set(names.filter { name in
                var isDir: ObjCBool = false
                return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: folder + "/" + name, isDirectory: &isDir) && !isDir.boolValue
            })
        }
        let names = try files(source).union(files(target)).sorted()
        let jobs = names.map {
            PairJob(source: URL(fileURLWithPath: source).appendingPathComponent($0).path,
                    target: URL(fileURLWithPath: target).appendingPathComponent($0).path,
                    sourceLanguage: sourceLanguage, targetLanguage: targetLanguage)
        }
        try checkNames(jobs, origin: source)
        return jobs
    }

    /// Two pairs of one batch must not share a name: the second would replace the first.
    static func checkNames(_ jobs: [PairJob], origin: String) throws {
        var seen: [String: PairJob] = [:]
        for job in jobs {
            if let first = seen.updateValue(job, forKey: job.name) {
                throw VersoError(.usage, "two pairs would be stored under the name \"\(job.name)\": \(first.source) and \(job.source)",
                                 file: origin, fix: "give each pair its own name (third manifest column)")
            }
        }
    }
}

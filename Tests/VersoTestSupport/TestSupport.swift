import Foundation
import VersoText
import XCTest
import Synchronization

/// Paths and helpers shared by Verso's tests.
public enum TestSupport {
    /// The repository's top folder.
    public static let repoRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `Corpora/` in the repository.
    public static var corpora: URL { repoRoot.appendingPathComponent("Corpora") }

    /// `$VERSO_SHARED`, default `../shared` beside the repository; nil when absent.
    public static var shared: URL? {
        let path = ProcessInfo.processInfo.environment["VERSO_SHARED"]
            ?? repoRoot.deletingLastPathComponent().appendingPathComponent("shared").path
        var isDirectory: ObjCBool = false
        let resolved = URL(fileURLWithPath: path, relativeTo: repoRoot).standardizedFileURL
        return FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory) && isDirectory.boolValue ? resolved : nil
    }

    /// Whether the tests run under CI (`CI=true`), where missing shared data is a failure.
    public static var underCI: Bool { ["true", "1"].contains(ProcessInfo.processInfo.environment["CI"]?.lowercased() ?? "") }

    /// Data the shared folder must hold was not found under CI.
    public struct MissingSharedData: Error, CustomStringConvertible {
        public let description: String
    }

    /// The shared folder (or a path inside it), or an XCTSkip saying what is missing — an
    /// error instead under CI, where the data must be there.
    public static func requireShared(_ sub: String = "") throws -> URL {
        func missing(_ message: String) -> Error {
            underCI ? MissingSharedData(description: message + " (CI=true: shared data is required)") : XCTSkip(message)
        }
        guard let shared else {
            throw missing("shared data not found: set VERSO_SHARED to the shared folder (default ../shared)")
        }
        let url = sub.isEmpty ? shared : shared.appendingPathComponent(sub)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw missing("\(url.path) not found in VERSO_SHARED")
        }
        return url
    }

    /// The built `verso` executable beside the test bundle.
    public static var versoBinary: URL {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("verso")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        for dir in Bundle.allBundles.map({ $0.bundleURL.deletingLastPathComponent() }) {
            let candidate = dir.appendingPathComponent("verso")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return repoRoot.appendingPathComponent(".build/debug/verso")
    }

    /// Result of running the CLI.
    public struct Run: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
        public var stdoutBytes: Data
    }

    /// Runs `verso` with arguments and optional standard input.
    public static func verso(_ arguments: [String], stdin: Data? = nil, cwd: URL? = nil, environment: [String: String]? = nil) throws -> Run {
        try run(versoBinary, arguments, stdin: stdin, cwd: cwd, environment: environment)
    }

    /// Runs a program with arguments and optional standard input; stdout and stderr apart.
    public static func run(_ executable: URL, _ arguments: [String], stdin: Data? = nil, cwd: URL? = nil,
                           environment: [String: String]? = nil) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        if let cwd { process.currentDirectoryURL = cwd }
        if let environment { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        // Read both pipes concurrently so a full pipe cannot block the child.
        let errData = Mutex(Data())
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            let data = err.fileHandleForReading.readDataToEndOfFile()
            errData.withLock { $0 = data }
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData.withLock { $0 }, as: UTF8.self), stdoutBytes: outData)
    }

    /// The `VersoError` that `body` throws (the test fails, and nil is returned, when it throws
    /// nothing or another error).
    public static func versoError(file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) -> VersoError? {
        do {
            try body()
            XCTFail("expected an error", file: file, line: line)
        } catch let error as VersoError {
            return error
        } catch {
            XCTFail("expected a VersoError, got \(error)", file: file, line: line)
        }
        return nil
    }

    /// A fresh temporary folder.
    public static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("verso-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

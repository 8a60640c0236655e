import Foundation
import VersoCheck
import VersoCorpus
import VersoTestSupport
import VersoText
import XCTest

/// Units and helpers shared by the format tests.
enum Fixtures {
    /// A fixed header: same bytes on every machine (the signature's ICU entries are pinned).
    static var header: CorpusHeader {
        var signature = Signature()
        signature.set("icu", "72.1")
        signature.set("unicode", "15.0")
        signature.set("aligner", "test")
        return CorpusHeader(sourceLanguage: "en", targetLanguage: "fr", signature: signature,
                            creationDate: Date(timeIntervalSince1970: 1_718_700_000), document: "seed.txt")
    }

    static let strayPeriod = Finding(code: "stray-period", category: .fluency, severity: .major,
                                     message: "A period splits \"Kim Jong. ONU.\" <here> & there", side: .target,
                                     span: 10..<11, bead: 0)
    static let entity = Finding(code: "entity-mistranslation", category: .accuracy, severity: .critical,
                                message: "\"Un\" became \"ONU\"", side: .target, span: nil, bead: 0)

    /// Pairs that exercise escaping, findings, notes and indices; the last has an empty side.
    static let units: [TranslationUnit] = [
        TranslationUnit(source: "Putin thanked North Korea's leader Kim Jong Un.",
                        target: "Poutine a remercié le dirigeant nord-coréen Kim Jong. ONU.", score: 0.93,
                        findings: [strayPeriod, entity], sourceIndices: [0], targetIndices: [0],
                        notes: ["checked by hand"], document: "seed"),
        TranslationUnit(source: "a < b && c > d \"quoted\" 'single' ]]> 😀 𝄞",
                        target: "a < b && c > d « guillemets » 'simple' ]]> 😀 𝄞\u{00A0}!\u{202F}?", score: 0.5,
                        sourceIndices: [1, 2], targetIndices: [1]),
        TranslationUnit(source: "Line one\nline two\twith a tab\\backslash", target: "Ligne un\nligne deux\tavec tabulation\\",
                        score: 1, sourceIndices: [3], targetIndices: [2, 3]),
        TranslationUnit(source: "", target: "Dernières Nouvelles | News 24", score: 0.2, sourceIndices: [], targetIndices: [4]),
    ]

    /// The units a writer keeps by default (no empty side).
    static var kept: [TranslationUnit] { units.filter { !$0.source.isEmpty && !$0.target.isEmpty } }

    static func write(_ text: String, to url: URL) throws {
        try Data(text.utf8).write(to: url)
    }

    /// A file with `text` in a fresh temporary folder.
    static func file(_ text: String, name: String = "in.tmx") throws -> URL {
        let url = try TestSupport.temporaryDirectory().appendingPathComponent(name)
        try write(text, to: url)
        return url
    }

    /// Runs xmllint; skips the test when it is not installed.
    static func xmllint(_ arguments: [String]) throws -> (status: Int32, errors: String) {
        let tool = "/usr/bin/xmllint"
        guard FileManager.default.isExecutableFile(atPath: tool) else {
            throw XCTSkip("xmllint not installed (Debian package libxml2-utils)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let data = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    /// Asserts that `tmx` validates against the TMX 1.4 DTD from the shared folder.
    static func assertValidTMX(_ tmx: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let dtd = try TestSupport.requireShared("tmx/tmx14.dtd")
        let url = try Fixtures.file(tmx, name: "check.tmx")
        let result = try xmllint(["--noout", "--nonet", "--dtdvalid", dtd.path, url.path])
        XCTAssertEqual(result.status, 0, "xmllint: \(result.errors)", file: file, line: line)
    }

    /// Reads TMX text with the streaming reader.
    static func readTMX(_ tmx: String, options: TMXReader.Options = TMXReader.Options()) throws -> (units: [TranslationUnit], reader: TMXReader) {
        let reader = TMXReader(.data(Data(tmx.utf8), name: "test.tmx"), options: options)
        return (try reader.readAll(), reader)
    }

    /// The error `body` throws, as a VersoError (fails the test otherwise).
    static func versoError(file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) -> VersoError? {
        TestSupport.versoError(file: file, line: line, body)
    }
}

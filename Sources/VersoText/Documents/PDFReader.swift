import Foundation

/// Reads PDF through poppler's `pdftotext` (Debian's `poppler-utils`), run as a subprocess with
/// a timeout, then cleans what it gives: lines that repeat at the top or bottom of most pages
/// (running headers and footers, page numbers) are dropped, and a word hyphenated at a line end
/// is joined again. The result is plain text, read by the plain-text segmenter.
enum PDFReader {
    /// Where `pdftotext` is, from `PATH` (or `VERSO_PDFTOTEXT` when set, for tests).
    static func tool() -> String? {
        let environment = ProcessInfo.processInfo.environment
        if let forced = environment["VERSO_PDFTOTEXT"] {
            return FileManager.default.isExecutableFile(atPath: forced) ? forced : nil
        }
        for directory in (environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
            let candidate = "\(directory)/pdftotext"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return nil
    }

    /// The text of a PDF.
    ///
    /// - Parameters:
    ///   - data: the PDF's bytes (written to a temporary file for `pdftotext`).
    ///   - name: the path shown in errors.
    ///   - timeout: seconds before `pdftotext` is stopped.
    /// - Throws: ``VersoError`` when `pdftotext` is missing, fails (a damaged or encrypted PDF),
    ///   runs past the timeout, or finds no text (a scanned PDF).
    /// - Complexity: O(n) after `pdftotext`.
    static func read(_ data: [UInt8], name: String, timeout: Double) throws -> SourceText {
        guard let tool = tool() else {
            throw VersoError(.unreadable, "is a PDF, and reading PDF needs poppler's pdftotext, which is not installed", file: name,
                             fix: "install it (`apt-get install poppler-utils`, as Scripts/setup.sh does), or convert the PDF to text yourself")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("verso-pdf-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("in.pdf"), output = directory.appendingPathComponent("out.txt")
        let errors = directory.appendingPathComponent("err.txt")
        do {
            try Data(data).write(to: input)
            _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        } catch {
            throw VersoError(.io, "cannot write a temporary copy for pdftotext (\(error))", file: name, fix: "check that \(FileManager.default.temporaryDirectory.path) is writable")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = ["-q", "-enc", "UTF-8", "-eol", "unix", input.path, output.path]
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = try? FileHandle(forWritingTo: errors)
        do { try process.run() } catch {
            throw VersoError(.unreadable, "cannot run \(tool) (\(error))", file: name, fix: "reinstall poppler-utils")
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                process.terminate()
                process.waitUntilExit()
                throw VersoError(.badInput, "pdftotext did not finish within \(Int(timeout)) s", file: name,
                                 fix: "the PDF may be huge or damaged; convert it with `pdftotext \(name) out.txt` and align the text")
            }
            usleep(10_000)
        }
        let stderr = (try? String(contentsOf: errors, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard process.terminationStatus == 0, let text = try? Data(contentsOf: output) else {
            let reason = process.terminationStatus == 1 ? "cannot open the PDF" : process.terminationStatus == 3 ? "the PDF does not permit copying its text" : "pdftotext failed (status \(process.terminationStatus))"
            throw VersoError(.badData, reason + (stderr.isEmpty ? "" : ": \(stderr)"), file: name,
                             fix: "check the file opens in a PDF viewer; an encrypted PDF needs its password removed first")
        }
        let cleaned = clean(String(decoding: text, as: UTF8.self))
        guard cleaned.contains(where: { $0.isLetter }) else {
            throw VersoError(.badData, "the PDF holds no text (a scanned image?)", file: name,
                             fix: "run OCR on it first (for example with ocrmypdf), then align the result")
        }
        return SourceText(string: cleaned, name: name)
    }

    /// `pdftotext`'s output without running headers, footers and page numbers, hyphenated line
    /// ends joined, pages joined.
    /// - Complexity: O(n).
    static func clean(_ text: String) -> String {
        var pages = text.components(separatedBy: "\u{0C}").map { $0.components(separatedBy: "\n") }
        if let last = pages.last, last.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }), pages.count > 1 { pages.removeLast() }
        // Lines at the top or bottom of a page, with digits masked, counted over pages.
        func key(_ line: String) -> String {
            String(line.trimmingCharacters(in: .whitespaces).map { $0.isNumber ? "#" : $0 })
        }
        func edges(_ page: [String]) -> [Int] {
            let filled = page.indices.filter { !page[$0].trimmingCharacters(in: .whitespaces).isEmpty }
            return Array(Set(filled.prefix(2) + filled.suffix(2))).sorted()
        }
        var counts: [String: Int] = [:]
        for page in pages {
            for k in Set(edges(page).map { key(page[$0]) }) { counts[k, default: 0] += 1 }
        }
        let threshold = max(3, (pages.count + 1) / 2)
        var kept: [String] = []
        for page in pages {
            let drop = Set(edges(page).filter { i in
                let k = key(page[i])
                return (pages.count >= 3 && counts[k, default: 0] >= threshold) || isPageNumber(page[i])
            })
            // Blank lines at a page's top and bottom are layout: a paragraph that runs over
            // the page break goes on (pdftotext marks no paragraph with a blank line anyway).
            var lines = page.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
            while let first = lines.first, first.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeFirst() }
            while let last = lines.last, last.trimmingCharacters(in: .whitespaces).isEmpty { lines.removeLast() }
            kept += lines
        }
        // Join "exam-\nple" when the next line goes on in lower case.
        var out: [String] = []
        for line in kept {
            if let previous = out.last, previous.hasSuffix("-"), previous.count >= 2,
               previous.dropLast().last?.isLetter == true, previous.dropLast().last?.isLowercase == true,
               let first = line.trimmingCharacters(in: .whitespaces).first, first.isLowercase {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                let word = trimmed.prefix { !$0.isWhitespace }
                out[out.count - 1] = String(previous.dropLast()) + word
                let rest = trimmed.dropFirst(word.count).trimmingCharacters(in: .whitespaces)
                if !rest.isEmpty { out.append(rest) }
                continue
            }
            out.append(line)
        }
        var result = out.joined(separator: "\n")
        while result.hasSuffix("\n\n") { result.removeLast() }
        while result.hasPrefix("\n") { result.removeFirst() }
        return result
    }

    /// "12", "- 12 -", "xiv", "Page 3", "3 / 40", "Page 3 of 40".
    static func isPageNumber(_ line: String) -> Bool {
        let t = line.trimmingCharacters(in: .whitespaces).lowercased()
        guard !t.isEmpty, t.count <= 20 else { return false }
        let stripped = t.replacingOccurrences(of: "page", with: "").replacingOccurrences(of: "of", with: "/")
            .filter { !" -–—/".contains($0) }
        if !stripped.isEmpty, stripped.allSatisfy(\.isNumber) { return true }
        return stripped.count <= 6 && !stripped.isEmpty && stripped.allSatisfy { "ivxlc".contains($0) } && t == stripped
    }
}

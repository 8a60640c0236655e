import XCTest
@testable import VersoText

/// Prose and non-prose, on lines taken from the kinds of text Debian's manuals hold.
final class ContentKindTests: XCTestCase {
    func testNonProse() {
        let cases: [(String, ContentKind)] = [
            ("|lsof     |V:393,|482  |lsof(8): list files opened by a running |", .table),
            ("|---------------------------------+-----------------------------|", .table),
            ("+------+-------+", .table),
            ("$ echo \"$TERM\"", .command),
            ("# dd if=/dev/hda of=mbr.img bs=512 count=1", .command),
            ("sudo apt-get install -y foo", .command),
            ("apt-get install -y foo", .command),
            ("[1]+  Done                    echo \"hello\" >mypipe", .code),
            ("40 3 1-7 * *   [ \"$(date +%a)\" == \"Mon\" ] && command -args", .code),
            ("for (i = 0; i < n; i++) { sum += a[i]; }", .code),
            ("https://www.debian.org/doc/", .url),
            ("<debian-user@lists.debian.org>", .url),
            ("/etc/apt/sources.list", .url),
            ("12.3.1.", .number),
            ("2024-06-18", .number),
            ("5 MB", .number),
        ]
        for (text, kind) in cases { XCTAssertEqual(ContentKind.of(text), kind, text) }
    }

    /// Sentences that mention commands, paths, URLs and numbers stay prose: a false "non-prose"
    /// would silence the checks on a real sentence.
    func testProseStaysProse() {
        let cases = [
            "Edit /etc/fstab and reboot the machine.",
            "Run apt-get update before you install anything.",
            "See https://www.debian.org/ for the details.",
            "Debian 12 was released on 10 June 2023.",
            "Chapter\u{00A0}1.\u{00A0}GNU/Linux tutorials",
            "1.1.2. The shell prompt under GUI",
            "Le répertoire « . » est lié au répertoire dans lequel il apparaît.",
            "Putin arrives in North Korea for the first time in 24 years",
            "Note",
            "Use the -r option (recursive) with care.",
            "program run as root with \"sudo -H program\"",
            "See systemd.slice(5).",
        ]
        for text in cases { XCTAssertEqual(ContentKind.of(text), .prose, text) }
    }

    func testStructureDecidesWhereThereIsOne() throws {
        let html = "<p>Plain words here.</p><pre>Just words in a pre block.</pre><p><code>make install</code></p><pre>$ ls | sort | uniq</pre>"
        guard case .structured(let structured) = try DocumentReader.read(data: Array(html.utf8), name: "a.html") else { return XCTFail() }
        let document = try Segmenter(language: "en").segment(structured)
        XCTAssertEqual(document.contentKinds(), [.prose, .code, .command, .command])
    }
}

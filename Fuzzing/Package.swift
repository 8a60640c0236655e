// swift-tools-version:5.4
// Verso's libFuzzer targets, a package of its own so that the normal build and tests never see
// them: each target is an executable whose `main` is libFuzzer's, which exists only when the
// package is built with `-sanitize=fuzzer`. Build and run them with `Scripts/fuzz.sh`.
import PackageDescription

/// A fuzz target: `Sources/<name>/`, depending on the Verso libraries it exercises.
func fuzzTarget(_ name: String, _ libraries: [String]) -> Target {
    .executableTarget(
        name: name,
        dependencies: ["FuzzSupport"] + libraries.map { .product(name: $0, package: "Verso") },
        swiftSettings: [.unsafeFlags(["-parse-as-library", "-swift-version", "6"])]
    )
}

let package = Package(
    name: "VersoFuzz",
    dependencies: [.package(name: "Verso", path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "VersoText", package: "Verso"), .product(name: "VersoCorpus", package: "Verso")],
                swiftSettings: [.unsafeFlags(["-swift-version", "6"])]),
        fuzzTarget("fuzz-sourcetext", ["VersoText"]),
        fuzzTarget("fuzz-segment", ["VersoText"]),
        fuzzTarget("fuzz-tmx", ["VersoCorpus"]),
        fuzzTarget("fuzz-xliff", ["VersoCorpus"]),
        fuzzTarget("fuzz-tsv", ["VersoCorpus"]),
        fuzzTarget("fuzz-jsonl", ["VersoCorpus"]),
        fuzzTarget("fuzz-moses", ["VersoCorpus"]),
        fuzzTarget("fuzz-stream", ["VersoCorpus"]),
        fuzzTarget("fuzz-glossary", ["VersoCheck"]),
        fuzzTarget("fuzz-language", ["VersoText"]),
        fuzzTarget("fuzz-po", ["VersoCorpus"]),
        fuzzTarget("fuzz-mo", ["VersoCorpus"]),
        fuzzTarget("fuzz-document", ["VersoText"]),
    ],
)

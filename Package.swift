// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Verso",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "verso", targets: ["verso"]),
        .library(name: "VersoText", targets: ["VersoText"]),
        .library(name: "VersoAlign", targets: ["VersoAlign"]),
        .library(name: "VersoCheck", targets: ["VersoCheck"]),
        .library(name: "VersoCorpus", targets: ["VersoCorpus"]),
        .library(name: "VersoReport", targets: ["VersoReport"]),
        .library(name: "VersoStore", targets: ["VersoStore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        // Tests only: writes the DOCX/ODT/EPUB fixtures (Verso reads zip containers with libzip).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // The only place that includes ICU's headers; its public header uses plain C types.
        .target(
            name: "CICUShim",
            linkerSettings: [
                .linkedLibrary("icui18n"), .linkedLibrary("icuuc"), .linkedLibrary("icudata"),
            ]
        ),
        .target(
            name: "VersoText",
            dependencies: ["CICUShim", "CXMLShim", "CMarkdownShim", "CZlibShim", "CZipShim"],
            resources: [.copy("Data")]
        ),
        // libcmark-gfm (CommonMark + GFM tables) behind plain C types, for the Markdown reader.
        .target(name: "CMarkdownShim", linkerSettings: [.linkedLibrary("cmark-gfm"), .linkedLibrary("cmark-gfm-extensions")]),
        // The only place that includes libxml2's headers (HTML documents, XML readers); plain C types in its headers.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "CXMLShim", dependencies: ["CLibXML2"]),
        // libzip for the containers of DOCX, ODT and EPUB (bounded reads, CRC checked).
        .target(name: "CZipShim", linkerSettings: [.linkedLibrary("zip")]),
        // zlib's inflate for FreeDict's dictzip files (Foundation has no gzip API on Linux).
        .target(name: "CZlibShim", linkerSettings: [.linkedLibrary("z")]),
        // The only place that includes Hunspell's header (spelling, stems for the glossary); plain C types in its header.
        .systemLibrary(name: "CLibHunspell", pkgConfig: "hunspell", providers: [.apt(["libhunspell-dev"])]),
        .target(name: "CHunspellShim", dependencies: ["CLibHunspell"]),
        .target(name: "VersoAlign", dependencies: ["VersoText", "CZlibShim"], exclude: ["README.md"], resources: [.copy("Data")]),
        .target(name: "VersoCheck", dependencies: ["VersoText", "VersoAlign", "CHunspellShim"], resources: [.copy("Data")]),
        .target(name: "VersoCorpus", dependencies: ["VersoText", "VersoAlign", "VersoCheck"]),
        .target(name: "VersoReport", dependencies: ["VersoText", "VersoAlign", "VersoCheck", "VersoCorpus"]),
        // The corpus store: the only library that sees GRDB (SQLite).
        .target(
            name: "VersoStore",
            dependencies: ["VersoText", "VersoAlign", "VersoCheck", "VersoCorpus", .product(name: "GRDB", package: "GRDB.swift")],
            exclude: ["SCHEMA.md"]
        ),
        .executableTarget(
            name: "verso",
            dependencies: [
                "VersoText", "VersoAlign", "VersoCheck", "VersoCorpus", "VersoReport", "VersoStore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "VersoTestSupport", dependencies: ["VersoText"], path: "Tests/VersoTestSupport"),
        .testTarget(name: "VersoTextTests", dependencies: ["VersoText", "VersoTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "VersoAlignTests", dependencies: ["VersoAlign", "VersoTestSupport"]),
        .testTarget(name: "VersoCheckTests", dependencies: ["VersoCheck", "VersoAlign", "VersoTestSupport"]),
        .testTarget(name: "VersoCorpusTests", dependencies: ["VersoCorpus", "VersoTestSupport"], exclude: ["Golden"]),
        .testTarget(name: "VersoReportTests", dependencies: ["VersoReport", "VersoTestSupport"]),
        .testTarget(name: "VersoStoreTests", dependencies: ["VersoStore", "VersoCorpus", "VersoTestSupport"]),
        .testTarget(name: "VersoCLITests", dependencies: ["VersoTestSupport", "VersoStore"], exclude: ["Golden"]),
    ],
    swiftLanguageModes: [.v6]
)

// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cchc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cchc", targets: ["cchc"]),
        .library(name: "YAML", targets: ["YAML"]),
        // For the fuzz targets in Fuzzing/ (a separate package that depends on this one by path).
        .library(name: "RuleEngine", targets: ["RuleEngine"]),
        .library(name: "VietnameseAdmin", targets: ["VietnameseAdmin"]),
        .library(name: "DocxReader", targets: ["DocxReader"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.19"),
    ],
    targets: [
        // The system libyaml (Debian libyaml-dev), wrapped once at the edge.
        .systemLibrary(
            name: "CLibYAML",
            path: "Sources/CLibYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        // libyaml events -> flat node tree with source locations, limits, typed errors.
        .target(name: "YAML", dependencies: ["CLibYAML"]),
        // Generic engine: values, schema, rule language, packs, config, evaluation, findings.
        .target(name: "RuleEngine", dependencies: ["YAML"]),
        // Domain plugin: Vietnamese administrative facts (Decree 30 numbers, date lines, document
        // types, phone numbers), registered as functions of the rule language.
        .target(name: "VietnameseAdmin", dependencies: ["RuleEngine", "YAML"]),
        // Output formats behind one protocol; no rule logic.
        .target(name: "Reporters", dependencies: ["RuleEngine", "YAML"], exclude: ["JSON-FORMAT.md"]),
        // .docx -> the facts of one documents[] entry, with provenance; knows nothing of rules.
        .target(name: "DocxReader", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The command-line tool: argument parsing, wiring, exit codes.
        .executableTarget(
            name: "cchc",
            dependencies: [
                "YAML",
                "RuleEngine",
                "VietnameseAdmin",
                "Reporters",
                "DocxReader",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "YAMLTests", dependencies: ["YAML"]),
        .testTarget(name: "VietnameseAdminTests", dependencies: ["VietnameseAdmin"]),
        .testTarget(name: "ReportersTests", dependencies: ["Reporters", "RuleEngine", "YAML"], exclude: ["Golden", "README.md"]),
        // Hostile inputs, rules and outputs, run through the cchc binary (built first: hence the
        // dependency) and the engine; inputs are generated at test time.
        .testTarget(name: "HostileTests", dependencies: ["cchc", "YAML", "RuleEngine", "VietnameseAdmin"], exclude: ["FuzzFindings"]),
        .executableTarget(
            name: "cchc-bench",
            dependencies: [
                "YAML",
                "CLibYAML",
                "RuleEngine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "RuleEngineTests", dependencies: ["RuleEngine", "YAML"]),
        // End-to-end: runs the built `cchc` binary with small packs under Fixtures/.
        .testTarget(name: "CLITests", dependencies: ["cchc"], exclude: ["Fixtures"]),
        .testTarget(name: "DocxReaderTests", dependencies: ["DocxReader", "YAML"], resources: [.copy("Fixtures")]),
    ]
)

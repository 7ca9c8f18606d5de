// swift-tools-version:5.4
// Tools version 5.4 on purpose: from 5.5 on, SwiftPM links executables with
// `--defsym main=<module>_main`, a symbol that -parse-as-library never emits, so linking fails;
// 5.4 leaves `main` to libFuzzer.
// libFuzzer targets for cchc. A separate package, so that `swift build`/`swift test` of the main
// package never builds them. Build and run with `scripts/fuzz` (see Fuzzing/README.md):
//   swift build -c debug -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library
import PackageDescription

let package = Package(
    name: "cchc-fuzzing",
    dependencies: [
        .package(name: "cchc", path: ".."),
    ],
    targets: [
        // Shared helpers: bytes from libFuzzer, the package root, a checked report document.
        .target(name: "FuzzSupport", dependencies: [.product(name: "YAML", package: "cchc")]),
        // YAMLLoader().load(bytes:file:) on arbitrary bytes, then every node's scalar resolution.
        .executableTarget(name: "fuzz-yaml", dependencies: ["FuzzSupport", .product(name: "YAML", package: "cchc")]),
        // ExpressionLanguage.check / evaluate: lexer, parser, type checker, compiled closures.
        .executableTarget(name: "fuzz-expression", dependencies: [
            "FuzzSupport", .product(name: "YAML", package: "cchc"),
            .product(name: "RuleEngine", package: "cchc"), .product(name: "VietnameseAdmin", package: "cchc"),
        ]),
        // A rule file: RulePackLoader, RuleSet compile, then a check of the valid base report.
        .executableTarget(name: "fuzz-rulefile", dependencies: [
            "FuzzSupport", .product(name: "YAML", package: "cchc"),
            .product(name: "RuleEngine", package: "cchc"), .product(name: "VietnameseAdmin", package: "cchc"),
        ]),
        // DocumentNumber(parsing:), its format problems for every type kind, zero padding.
        .executableTarget(name: "fuzz-docnumber", dependencies: ["FuzzSupport", .product(name: "VietnameseAdmin", package: "cchc")]),
        // DocxReader.read(path:) on arbitrary bytes saved as a .docx, then yamlText().
        .executableTarget(name: "fuzz-docx", dependencies: ["FuzzSupport", .product(name: "DocxReader", package: "cchc")]),
        // PlaceDateLine: strictProblems, tolerantDate, place.
        .executableTarget(name: "fuzz-placedate", dependencies: ["FuzzSupport", .product(name: "VietnameseAdmin", package: "cchc")]),
    ]
)

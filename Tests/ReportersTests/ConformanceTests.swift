import Foundation
import RuleEngine
import XCTest
@testable import Reporters

/// Validates the SARIF goldens with `../shared/conformance/validate-sarif.py` and the JUnit
/// goldens with `xmllint` against `../shared/conformance/junit.xsd`, plus renderings with a
/// timestamp (which the goldens leave out). A missing folder or tool fails the test: CI installs
/// `libxml2-utils` and `python3-jsonschema`.
final class ConformanceTests: XCTestCase {
    /// The repository root: this file is `Tests/ReportersTests/ConformanceTests.swift`.
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let conformance = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/conformance")

    func testSARIFValidatesAgainstTheOfficialSchema() throws {
        let script = try Self.conformanceFile("validate-sarif.py")
        try Self.run(["python3", script] + (try goldens(format: "sarif") + [timestamped(SARIFReporter(), ".sarif"), withVanishedBaselineEntries()]),
                     missingToolHint: "python3 with the jsonschema package (apt-get install python3-jsonschema)")
    }

    func testJUnitValidatesAgainstJUnitXSD() throws {
        let schema = try Self.conformanceFile("junit.xsd")
        let vanished = try [false, true].map { strict in
            var run = Fixtures.withVanishedBaselineEntries
            run.strictBaseline = strict
            return try written(JUnitReporter(), run, ".xml")
        }
        try Self.run(["xmllint", "--noout", "--schema", schema] + (try goldens(format: "junit") + [timestamped(JUnitReporter(), ".xml")] + vanished),
                     missingToolHint: "xmllint (apt-get install libxml2-utils)")
    }

    /// The golden files of a format, as paths.
    private func goldens(format: String) throws -> [String] {
        let files = GoldenTests.renderings.filter { $0.reporter.format == format }.map {
            GoldenTests.goldenDirectory.appendingPathComponent($0.file).path
        }
        XCTAssertFalse(files.isEmpty)
        return files
    }

    /// The many-unit fixture compared with a baseline two of whose entries no longer occur
    /// (results with `baselineState: absent`), written to a temporary file.
    private func withVanishedBaselineEntries() throws -> String {
        try written(SARIFReporter(), Fixtures.withVanishedBaselineEntries, ".sarif")
    }

    /// `run` rendered by `reporter` into a temporary file (removed after the test).
    private func written(_ reporter: any Reporter, _ run: RunResult, _ suffix: String) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-\(UUID().uuidString)\(suffix)")
        try Data(reporter.render(run, options: ReportOptions()).utf8).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    /// The single fixture rendered with a fixed timestamp, written to a temporary file.
    private func timestamped(_ reporter: any Reporter, _ suffix: String) throws -> String {
        let options = ReportOptions(generatedAt: Date(timeIntervalSince1970: 1_714_552_200))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-\(UUID().uuidString)\(suffix)")
        try Data(reporter.render(Fixtures.single, options: options).utf8).write(to: url)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }

    static func conformanceFile(_ name: String) throws -> String {
        let url = conformance.appendingPathComponent(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw MissingMaterial(description: "\(url.path) is missing: the shared conformance folder must sit beside the repository (../shared/conformance)")
        }
        return url.path
    }

    /// Runs a command through `/usr/bin/env` and fails with its output unless it exits 0.
    static func run(_ arguments: [String], missingToolHint: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        if process.terminationStatus == 127 {
            XCTFail("\(arguments[0]) is not installed; install \(missingToolHint)")
        } else {
            XCTAssertEqual(process.terminationStatus, 0, "\(arguments[0]) rejected the output:\n\(output)")
        }
    }
}

/// Why a conformance test cannot run; thrown, it fails the test with this text.
struct MissingMaterial: Error, CustomStringConvertible {
    let description: String
}

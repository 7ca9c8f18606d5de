import Foundation
import RuleEngine
import XCTest
@testable import Reporters

/// Renders every fixture in every registered format and compares the output with the files in
/// `Golden/`. To accept a deliberate change of output, run
///
///     CCHC_UPDATE_GOLDEN=1 swift test --filter ReportersTests
///
/// which rewrites the golden files instead of comparing; review the diff before committing.
final class GoldenTests: XCTestCase {
    /// One rendering that has a golden file.
    struct Rendering {
        let file: String
        let run: RunResult
        let reporter: any Reporter
        let options: ReportOptions
    }

    /// Every fixture in every format with default options, plus the text format's variants.
    static var renderings: [Rendering] {
        var renderings = Fixtures.all.flatMap { fixture in
            ReporterRegistry.reporters.map {
                Rendering(file: "\(fixture.name).\($0.format)", run: fixture.run, reporter: $0, options: ReportOptions())
            }
        }
        renderings += [
            Rendering(file: "single-color.text", run: Fixtures.single, reporter: TextReporter(),
                      options: ReportOptions(color: true)),
            Rendering(file: "single-quiet-nosource.text", run: Fixtures.single, reporter: TextReporter(),
                      options: ReportOptions(quiet: true, showSource: false)),
        ]
        return renderings
    }

    static let goldenDirectory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static var updating: Bool { ProcessInfo.processInfo.environment["CCHC_UPDATE_GOLDEN"] == "1" }

    func testEveryRenderingMatchesItsGoldenFile() throws {
        for rendering in Self.renderings {
            let actual = rendering.reporter.render(rendering.run, options: rendering.options)
            let url = Self.goldenDirectory.appendingPathComponent(rendering.file)
            if Self.updating {
                try Data(actual.utf8).write(to: url)
                continue
            }
            guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
                XCTFail("Golden/\(rendering.file) is missing; run with CCHC_UPDATE_GOLDEN=1 to create it")
                continue
            }
            XCTAssertTrue(actual == expected, "Golden/\(rendering.file) differs: \(Self.firstDifference(expected, actual))"
                          + " (run with CCHC_UPDATE_GOLDEN=1 to accept the new output)")
        }
    }

    func testGoldenFolderHoldsNoStaleFile() throws {
        let expected = Set(Self.renderings.map(\.file))
        let present = try FileManager.default.contentsOfDirectory(atPath: Self.goldenDirectory.path)
        XCTAssertEqual(Set(present).subtracting(expected), [], "golden files no rendering produces")
    }

    func testGoldensHoldNoTimestampOrAbsolutePath() throws {
        for rendering in Self.renderings {
            let text = rendering.reporter.render(rendering.run, options: rendering.options)
            XCTAssertNil(text.range(of: #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"#, options: .regularExpression), rendering.file)
            XCTAssertFalse(text.contains("/work/") || text.contains("file://"), rendering.file)
        }
    }

    /// "line 12: expected «…», got «…»".
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
            let got = index < actualLines.count ? String(actualLines[index]) : "<end>"
            if want != got { return "line \(index + 1): expected «\(want)», got «\(got)»" }
        }
        return "no line differs"
    }
}

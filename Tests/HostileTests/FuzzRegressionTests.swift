import Foundation
import RuleEngine
import XCTest
import YAML

/// Inputs the fuzz targets of `Fuzzing/` found crashing, kept in `FuzzFindings/` as found
/// (libFuzzer's artifact, renamed) and loaded here through the same public entry point.
final class FuzzRegressionTests: XCTestCase {
    static let findings = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("FuzzFindings")

    static let baseReport: YAMLDocument = {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("../../Rules/fixtures/valid-commune-2022.yaml").standardized.path
        return try! YAMLLoader().load(contentsOf: path).first!
    }()

    /// fuzz-expression: `number(28 ,26-140)` asked for -114 fraction digits, and the formatter
    /// trapped on `0 ..< -114` (a rule could crash cchc with `number(x, -1)` or `| percent(-1)`).
    func testNumberWithNegativeDigits() throws {
        let text = try String(contentsOf: Self.findings.appendingPathComponent("expression-number-negative-digits.txt"), encoding: .utf8)
        XCTAssertEqual(try ExpressionLanguage.evaluate(text, in: Self.baseReport), .value("28"))
        XCTAssertEqual(try ExpressionLanguage.evaluate("number(29.5, -1)", in: Self.baseReport), .value("30"))
        XCTAssertEqual(try ExpressionLanguage.evaluate("percent(0.2687, -3)", in: Self.baseReport), .value("27%"))
        XCTAssertEqual(try ExpressionLanguage.evaluate("number(1.25, 1000000)", in: Self.baseReport), .value("1,25"))
    }
}

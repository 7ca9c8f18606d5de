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
        // Clamped to 0 digits, then one more: a whole percentage is shown only for a whole rate.
        XCTAssertEqual(try ExpressionLanguage.evaluate("percent(0.2687, -3)", in: Self.baseReport), .value("26,9%"))
        XCTAssertEqual(try ExpressionLanguage.evaluate("percent(0.27, -3)", in: Self.baseReport), .value("27%"))
        XCTAssertEqual(try ExpressionLanguage.evaluate("number(1.25, 1000000)", in: Self.baseReport), .value("1,25"))
    }

    /// Found reading the code around the finding above: other arithmetic a rule can reach with
    /// extreme arguments, each a run-time error (RULE-ERROR) now, not a trap.
    func testArithmeticEdgesAreErrorsNotTraps() throws {
        let minimum = "(-9223372036854775807 - 1)"
        for expression in ["-\(minimum)", "abs(\(minimum))",
                           "add_days(2022-01-01, 9223372036854775807)", "add_days(2022-01-01, \(minimum))",
                           "add_days(2022-01-01, 3000000)", "add_months(0001-01-31, -1)", "add_months(9999-12-01, 1)",
                           "add_years(2022-01-01, 10000)", "add_years(2022-01-01, 922337203685477580)",
                           "add_months(2022-01-01, \(minimum))", "sum([9223372036854775807, 1])"] {
            guard case .runtimeError = try ExpressionLanguage.evaluate(expression, in: Self.baseReport) else {
                return XCTFail("\(expression): expected a run-time error")
            }
        }
        XCTAssertEqual(try ExpressionLanguage.evaluate("add_months(2024-01-31, 1)", in: Self.baseReport), .value("29/02/2024"))
        XCTAssertEqual(try ExpressionLanguage.evaluate("add_years(2022-03-05, -2)", in: Self.baseReport), .value("05/03/2020"))
    }
}

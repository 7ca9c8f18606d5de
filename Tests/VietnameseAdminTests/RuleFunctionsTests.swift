import XCTest
@testable import RuleEngine
@testable import VietnameseAdmin

/// Functions of the rule language called as a rule calls them, over the shipped nd30 table.
final class RuleFunctionsTests: XCTestCase {
    /// The registry a run with the nd30 document-type table builds.
    private static let registry: FunctionRegistry = {
        var registry = FunctionRegistry()
        var errors: [RuleError] = []
        let table = Decree30Fixtures.repositoryRoot.appendingPathComponent("Rules/nd30/data/document-types.yaml").path
        VietnameseAdminFunctions.register(into: &registry, data: ["document_types": table], errors: &errors)
        precondition(errors.isEmpty, "\(errors)")
        return registry
    }()

    /// `name(argument)`'s string result; nil for null.
    private func call(_ name: String, _ argument: String, file: StaticString = #filePath, line: UInt = #line) throws -> String? {
        let definition = try XCTUnwrap(Self.registry.definition(named: name), name, file: file, line: line)
        switch try definition.implementation(FunctionContext(reportFile: "report.yaml"), [.value(.string(argument))]) {
        case .string(let text): return text
        case .null: return nil
        case let other: XCTFail("\(name)(\(argument)) gave a \(other.typeName)", file: file, line: line); return nil
        }
    }

    /// MC-ESTABLISHED names the type whose abbreviation a decision's number has instead of QĐ.
    func testTypeForAbbreviationNamesTheTypeOfAnExactAbbreviation() throws {
        for (abbreviation, type) in [("KH", "Kế hoạch"), ("QĐ", "Quyết định"), ("HĐ", "Hợp đồng"), ("HD", "Hướng dẫn"),
                                     ("QyĐ", "Quy định"), ("CTr", "Chương trình"), ("TTr", "Tờ trình")] {
            XCTAssertEqual(try call("type_for_abbreviation", abbreviation), type, abbreviation)
        }
        // Compared exactly: QD, qđ, QÐ (U+00D0) and a Công văn's agency are no type's abbreviation.
        for written in ["QD", "qđ", "Q\u{00D0}", "CTR", "UBND", ""] {
            XCTAssertNil(try call("type_for_abbreviation", written), written)
        }
    }

    /// MC-ESTABLISHED reads `QÐ` (U+00D0) as a mistyped `QĐ`, as `visible` names it.
    func testReplaceLookalikesGivesTheCharactersMeant() throws {
        XCTAssertEqual(try call("replace_lookalikes", "Q\u{00D0}"), "QĐ")
        XCTAssertEqual(try call("replace_lookalikes", "05/KH\u{2013}UBND"), "05/KH-UBND")
        XCTAssertEqual(try call("replace_lookalikes", "Quyết định"), "Quyết định")
    }
}

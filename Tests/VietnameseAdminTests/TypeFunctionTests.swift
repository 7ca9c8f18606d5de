import XCTest
@testable import RuleEngine
@testable import VietnameseAdmin

/// The rule language's document-type functions, called as a rule calls them.
final class TypeFunctionTests: XCTestCase {
    /// `type_name(written)`: the name as a string, nil for null.
    private func typeName(_ written: String, file: StaticString = #filePath, line: UInt = #line) throws -> String? {
        let functions = VietnameseAdminFunctions.typeFunctions(try Decree30Fixtures.documentTypeTable())
        let function = try XCTUnwrap(functions.first { $0.name == "type_name" }, file: file, line: line)
        switch try function.implementation(FunctionContext(reportFile: "report.yaml"), [.value(.string(written))]) {
        case .string(let name): return name
        case .null: return nil
        case let other:
            XCTFail("type_name(\(written)) gave \(other)", file: file, line: line)
            return nil
        }
    }

    /// ND30-FILE-MISMATCH compared the report's `Giấy ủy quyền` with the file's `GIẤY UỶ QUYỀN`
    /// in lower case, and the tone placements differ: `type_name` gives both the table's name.
    func testTypeNameIsTheTablesNameHoweverItIsWritten() throws {
        let cases = [
            ("GIẤY UỶ QUYỀN", "Giấy ủy quyền"), ("Giấy uỷ quyền", "Giấy ủy quyền"), ("giấy ủy  quyền ", "Giấy ủy quyền"),
            ("BẢN THOẢ THUẬN", "Bản thỏa thuận"), ("Quyết định (cá biệt)", "Quyết định"), ("QUYẾT ĐỊNH".nfd, "Quyết định"),
            ("Kế hoạch", "Kế hoạch"), ("CÔNG VĂN", "Công văn"),
        ]
        for (written, name) in cases {
            XCTAssertEqual(try typeName(written), name, written)
        }
    }

    /// A name outside the 29 types has no table name: the rule compares it in lower case.
    func testTypeNameIsNullForAnUnknownType() throws {
        for written in ["Tờ khai", "THÔNG TƯ", "Kếhoạch", "Quyet dinh", ""] {
            XCTAssertNil(try typeName(written), written)
        }
    }
}

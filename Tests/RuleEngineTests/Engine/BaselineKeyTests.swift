import XCTest
import RuleEngine

/// `BaselineKey` splits the keys `Baseline` writes back into rule, report and path, for naming
/// the entries `--baseline-strict` finds gone.
final class BaselineKeyTests: XCTestCase {
    func testAKeyOfAUnitAndYear() {
        let key = BaselineKey("ND30-FONT|UBND xã Tiên Lãnh|2024|documents[9].layout.font")
        XCTAssertEqual(key.ruleID, "ND30-FONT")
        XCTAssertEqual(key.report, "UBND xã Tiên Lãnh")
        XCTAssertEqual(key.year, 2024)
        XCTAssertEqual(key.path, "documents[9].layout.font")
    }

    func testAUnitNameWithABarAndAKeyOfAFile() {
        let barred = BaselineKey("T-A|Phòng A | B|2022|x.y")
        XCTAssertEqual([barred.report, barred.path], ["Phòng A | B", "x.y"])
        XCTAssertEqual(barred.year, 2022)

        let file = BaselineKey("YAML-SYNTAX|bao-cao/sai.yaml|")
        XCTAssertEqual([file.ruleID, file.report, file.path], ["YAML-SYNTAX", "bao-cao/sai.yaml", ""])
        XCTAssertNil(file.year)
    }
}

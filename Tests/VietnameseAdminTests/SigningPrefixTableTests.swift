import XCTest
import VietnameseAdmin

final class SigningPrefixTableTests: XCTestCase {
    func testKnownPrefixes() throws {
        let table = try SigningPrefixTable(prefixes: Decree30Fixtures.signingPrefixes)
        XCTAssertEqual(table.prefixes.count, 5)
        for prefix in ["TM.", "KT.", "TL.", "TUQ.", "Q.", " KT. "] {
            XCTAssertTrue(table.isKnown(prefix), prefix)
        }
        XCTAssertEqual(table.entry(forPrefix: "TUQ.")?.meaning, "thừa ủy quyền")
        XCTAssertEqual(table.entry(forPrefix: "KT.")?.prefix, "KT.")
    }

    func testUnknownPrefixes() throws {
        let table = try SigningPrefixTable(prefixes: Decree30Fixtures.signingPrefixes)
        for prefix in ["TM", "tm.", "Tm.", "T.M.", "Q", "KT", "TUQ", "TTL.", "Thay mặt", "", "KT.TM."] {
            XCTAssertFalse(table.isKnown(prefix), prefix)
            XCTAssertNil(table.entry(forPrefix: prefix), prefix)
        }
    }

    func testRejectsBadData() {
        XCTAssertThrowsError(try SigningPrefixTable(prefixes: [
            SigningPrefix(prefix: "TM.", meaning: "thay mặt"), SigningPrefix(prefix: " TM.", meaning: "lặp"),
        ])) { error in
            XCTAssertEqual(error as? TableDataError,
                           .duplicateValue(field: "prefix", value: " TM.", index: 1, firstIndex: 0))
        }
        XCTAssertThrowsError(try SigningPrefixTable(prefixes: [SigningPrefix(prefix: "", meaning: "trống")])) { error in
            XCTAssertEqual(error as? TableDataError, .emptyValue(field: "prefix", index: 0))
        }
    }
}

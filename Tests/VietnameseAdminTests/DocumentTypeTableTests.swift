import XCTest
import VietnameseAdmin

final class DocumentTypeTableTests: XCTestCase {
    func testEveryTypeFindsItsAbbreviationAndBack() throws {
        let table = try Decree30Fixtures.documentTypeTable()
        XCTAssertEqual(table.entries.count, 29)
        for entry in Decree30Fixtures.documentTypes {
            XCTAssertTrue(table.isKnownType(entry.name), entry.name)
            XCTAssertEqual(table.entry(forType: entry.name), entry)
            XCTAssertEqual(table.abbreviation(forType: entry.name), entry.abbreviation, entry.name)
            if let abbreviation = entry.abbreviation {
                XCTAssertEqual(table.type(forAbbreviation: abbreviation), entry, abbreviation)
                XCTAssertEqual(table.kind(ofType: entry.name), .withAbbreviation, entry.name)
            }
        }
    }

    func testDecomposedNamesAreKnown() throws {
        let table = try Decree30Fixtures.documentTypeTable()
        for entry in Decree30Fixtures.documentTypes {
            assertDecomposed(entry.name.nfd)
            XCTAssertEqual(table.entry(forType: entry.name.nfd)?.name, entry.name, entry.name)
        }
        XCTAssertEqual(table.abbreviation(forType: "Quyết định".nfd), "QĐ")
        XCTAssertEqual(table.type(forAbbreviation: "QyĐ".nfd)?.name, "Quy định")
    }

    func testBothTonePlacementsNameTheSameType() throws {
        let table = try Decree30Fixtures.documentTypeTable()
        for spelling in ["Bản thỏa thuận", "Bản thoả thuận", "Bản thoả thuận".nfd, "Bản thỏa thuận".nfd] {
            XCTAssertEqual(table.abbreviation(forType: spelling), "BTT", spelling)
        }
        for spelling in ["Giấy ủy quyền", "Giấy uỷ quyền", "Giấy uỷ quyền".nfd] {
            XCTAssertEqual(table.abbreviation(forType: spelling), "GUQ", spelling)
        }
    }

    func testNewStyleTableAcceptsOldStyleNames() throws {
        let table = try DocumentTypeTable(entries: [
            DocumentTypeEntry(name: "Biên bản hoà giải", abbreviation: "BBHG"),
            DocumentTypeEntry(name: "Giấy khám sức khoẻ", abbreviation: "GKSK"),
            DocumentTypeEntry(name: "Phiếu thuỷ lợi", abbreviation: "PTL"),
        ])
        XCTAssertEqual(table.abbreviation(forType: "Biên bản hòa giải"), "BBHG")
        XCTAssertEqual(table.abbreviation(forType: "Giấy khám sức khỏe"), "GKSK")
        XCTAssertEqual(table.abbreviation(forType: "Phiếu thủy lợi".nfd), "PTL")
        XCTAssertNil(table.abbreviation(forType: "Phiếu thuy lợi"))
    }

    func testIndividualQualifierIsTheSameType() throws {
        let table = try Decree30Fixtures.documentTypeTable()
        for spelling in ["Quyết định (cá biệt)", "Quyết định(cá biệt)", "Quyết định ( cá biệt )", "Quyết định (cá biệt)".nfd] {
            XCTAssertEqual(table.entry(forType: spelling)?.name, "Quyết định", spelling)
        }
        XCTAssertEqual(table.abbreviation(forType: "Nghị quyết (cá biệt)"), "NQ")
        XCTAssertFalse(table.isKnownType("Kế hoạch (cá biệt)"))
        XCTAssertFalse(table.isKnownType("Quyết định (quy phạm)"))
        XCTAssertFalse(table.isKnownType("(cá biệt)"))
    }

    func testAbbreviationsAreCaseSensitive() throws {
        let table = try Decree30Fixtures.documentTypeTable()
        XCTAssertEqual(table.type(forAbbreviation: "HĐ")?.name, "Hợp đồng")
        XCTAssertEqual(table.type(forAbbreviation: "HD")?.name, "Hướng dẫn")
        XCTAssertEqual(table.type(forAbbreviation: "QyĐ")?.name, "Quy định")
        XCTAssertEqual(table.type(forAbbreviation: "CTr")?.name, "Chương trình")
        XCTAssertEqual(table.type(forAbbreviation: "CT")?.name, "Chỉ thị")
        XCTAssertEqual(table.type(forAbbreviation: "TTr")?.name, "Tờ trình")
        for wrong in ["QYĐ", "Qyđ", "CTR", "ctr", "hđ", "TTR", "qđ", " QĐ", ""] {
            XCTAssertNil(table.type(forAbbreviation: wrong), wrong)
        }
    }

    func testCongVanAndThuCongHaveNoAbbreviation() throws {
        let table = try Decree30Fixtures.documentTypeTable()
        for name in ["Công văn", "Thư công", "Công văn".nfd] {
            XCTAssertTrue(table.hasNoAbbreviation(name), name)
            XCTAssertTrue(table.isKnownType(name), name)
            XCTAssertNil(table.abbreviation(forType: name), name)
            XCTAssertEqual(table.kind(ofType: name), .withoutAbbreviation, name)
        }
        XCTAssertFalse(table.hasNoAbbreviation("Quyết định"))
        XCTAssertFalse(table.hasNoAbbreviation("Tờ khai"))
    }

    /// The type is read in any letter case: the document prints it in capitals (`QUYẾT ĐỊNH`),
    /// and a clerk copying it meant Quyết định, not a 30th type.
    func testTypeNamesIgnoreLetterCase() throws {
        let table = try Decree30Fixtures.documentTypeTable()
        for (name, abbreviation) in [("QUYẾT ĐỊNH", "QĐ"), ("quyết định", "QĐ"), ("Quyết Định (Cá Biệt)", "QĐ"), ("KẾ HOẠCH", "KH"),
                                     ("Kế Hoạch", "KH"), ("GIẤY UỶ QUYỀN", "GUQ"), ("HỢP ĐỒNG", "HĐ")] {
            XCTAssertTrue(table.isKnownType(name), name)
            XCTAssertEqual(table.abbreviation(forType: name), abbreviation, name)
        }
        XCTAssertTrue(table.hasNoAbbreviation("CÔNG VĂN"))
    }

    func testUnknownTypes() throws {
        let table = try Decree30Fixtures.documentTypeTable()
        for name in ["Tờ khai", "Quyet dinh", "QUYET DINH", "Luật", "", "Công văn hỏa tốc"] {
            XCTAssertFalse(table.isKnownType(name), name)
            XCTAssertNil(table.abbreviation(forType: name), name)
            XCTAssertEqual(table.kind(ofType: name), .unknown, name)
        }
    }

    func testSurroundingAndRepeatedSpacesAreIgnored() throws {
        let table = try Decree30Fixtures.documentTypeTable()
        XCTAssertEqual(table.abbreviation(forType: "  Kế   hoạch "), "KH")
        XCTAssertEqual(table.abbreviation(forType: "Kế\u{00A0}hoạch"), "KH")
        XCTAssertNil(table.abbreviation(forType: "Kếhoạch"))
    }

    func testRejectsBadData() {
        let cases: [([DocumentTypeEntry], TableDataError, String)] = [
            ([.init(name: "Kế hoạch", abbreviation: "KH"), .init(name: " ", abbreviation: "X")],
             .emptyValue(field: "name", index: 1), "mục thứ 2: name để trống"),
            ([.init(name: "Kế hoạch", abbreviation: "")],
             .emptyValue(field: "abbreviation", index: 0), "mục thứ 1: abbreviation để trống"),
            ([.init(name: "Quyết định", abbreviation: "QĐ", qualifier: "")],
             .emptyValue(field: "qualifier", index: 0), "mục thứ 1: qualifier để trống"),
            ([.init(name: "Bản thỏa thuận", abbreviation: "BTT"), .init(name: "Bản thoả thuận", abbreviation: "BTT2")],
             .duplicateValue(field: "name", value: "Bản thoả thuận", index: 1, firstIndex: 0),
             "mục thứ 2: name \"Bản thoả thuận\" trùng với mục thứ 1"),
            ([.init(name: "Hợp đồng", abbreviation: "HĐ"), .init(name: "Hướng dẫn", abbreviation: "HĐ")],
             .duplicateValue(field: "abbreviation", value: "HĐ", index: 1, firstIndex: 0),
             "mục thứ 2: abbreviation \"HĐ\" trùng với mục thứ 1"),
            ([.init(name: "Quyết định", abbreviation: "QĐ", qualifier: "cá biệt"),
              .init(name: "Quyết định (cá biệt)", abbreviation: "QĐCB")],
             .duplicateValue(field: "name", value: "Quyết định (cá biệt)", index: 1, firstIndex: 0),
             "mục thứ 2: name \"Quyết định (cá biệt)\" trùng với mục thứ 1"),
        ]
        for (entries, expected, message) in cases {
            XCTAssertThrowsError(try DocumentTypeTable(entries: entries)) { error in
                XCTAssertEqual(error as? TableDataError, expected)
                XCTAssertEqual((error as? TableDataError)?.description, message)
            }
        }
    }

    func testSameAbbreviationDifferentCaseIsAllowed() throws {
        let table = try DocumentTypeTable(entries: [
            DocumentTypeEntry(name: "Hợp đồng", abbreviation: "HĐ"),
            DocumentTypeEntry(name: "Hướng dẫn", abbreviation: "HD"),
            DocumentTypeEntry(name: "Chỉ thị", abbreviation: "CT"),
            DocumentTypeEntry(name: "Chương trình", abbreviation: "CTr"),
        ])
        XCTAssertEqual(table.entries.count, 4)
    }
}

import XCTest
@testable import DocxReader

final class UnitsTests: XCTestCase {
    func testMarginsReadAsTypedInWord() {
        let cases: [(Int, Double)] = [
            (850, 15), (851, 15), (1134, 20), (1133, 20), (1701, 30), (1700, 30), (1417, 25), (1418, 25),
            (1985, 35), (567, 10), (1440, 25.4), (1000, 17.6), (0, 0),
        ]
        for (twips, millimetres) in cases {
            XCTAssertEqual(Units.millimetres(twips: twips), millimetres, "\(twips) twips")
        }
    }

    func testIndentsSizesAndSpacing() {
        XCTAssertEqual(Units.centimetres(twips: 720), 1.27)
        XCTAssertEqual(Units.centimetres(twips: 567), 1)
        XCTAssertEqual(Units.points(twips: 120), 6)
        XCTAssertEqual(Units.points(halfPoints: 27), 13.5)
    }

    func testPaperSizes() {
        XCTAssertEqual(PaperSize.name(widthTwips: 11906, heightTwips: 16838), "A4")
        XCTAssertEqual(PaperSize.name(widthTwips: 16838, heightTwips: 11906), "A4")
        XCTAssertEqual(PaperSize.name(widthTwips: 11900, heightTwips: 16840), "A4")
        XCTAssertEqual(PaperSize.name(widthTwips: 12240, heightTwips: 15840), "Letter")
        XCTAssertEqual(PaperSize.name(widthTwips: 12240, heightTwips: 20160), "Legal")
        XCTAssertEqual(PaperSize.name(widthTwips: 8391, heightTwips: 11906), "A5")
        XCTAssertEqual(PaperSize.name(widthTwips: 10318, heightTwips: 14570), "B5 (JIS)")
        XCTAssertEqual(PaperSize.name(widthTwips: 11906, heightTwips: 16443), "210×290 mm")
    }

    func testIssueDates() {
        XCTAssertEqual(DocxDocument.IssueDate(year: 2024, month: 2, day: 29)?.description, "2024-02-29")
        XCTAssertNil(DocxDocument.IssueDate(year: 2023, month: 2, day: 29))
        XCTAssertNil(DocxDocument.IssueDate(year: 2100, month: 2, day: 29))
        XCTAssertNil(DocxDocument.IssueDate(year: 2022, month: 13, day: 1))
        XCTAssertEqual(DocxDocument.IssueDate(year: 998, month: 1, day: 5)?.description, "0998-01-05")
    }
}

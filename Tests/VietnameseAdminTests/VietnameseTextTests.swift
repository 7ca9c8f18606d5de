import XCTest
@testable import VietnameseAdmin

final class VietnameseTextTests: XCTestCase {
    func testToneMovesToTheSecondVowelOfOaOeUy() {
        let cases: [(String, String)] = [
            ("hòa", "hoà"), ("hoà", "hoà"), ("thỏa", "thoả"), ("họa", "hoạ"), ("khỏe", "khoẻ"),
            ("lòe", "loè"), ("ủy", "uỷ"), ("thủy", "thuỷ"), ("tụy", "tuỵ"), ("HÒA", "hoà"), ("Ủy", "uỷ"),
            ("qúy", "quý"),
        ]
        for (written, key) in cases {
            assertSameScalars(VietnameseText.nameComparisonKey(written), key)
            assertSameScalars(VietnameseText.nameComparisonKey(written.nfd), key)
        }
    }

    func testOtherSyllablesAreLeftAlone() {
        for word in ["hoàn", "toán", "quý", "khuyến", "hoặc", "ngoài", "của", "thưa", "ủ", "o", ""] {
            assertSameScalars(VietnameseText.nameComparisonKey(word), word)
        }
    }

    func testWhitespaceAndBrackets() {
        assertSameScalars(VietnameseText.nameComparisonKey("  Quyết \t định  ( cá  biệt ) "), "quyết định(cá biệt)")
    }

    func testLetterCaseIsIgnored() {
        XCTAssertEqual(VietnameseText.nameComparisonKey("Kế hoạch"), VietnameseText.nameComparisonKey("KẾ HOẠCH"))
        XCTAssertEqual(VietnameseText.nameComparisonKey("Hợp đồng"), VietnameseText.nameComparisonKey("HỢP ĐỒNG"))
    }
}

import XCTest
@testable import VietnameseAdmin

/// Characters that look like the expected ones are named in messages, so "QÐ, quy định QĐ"
/// does not read as "X, required X".
final class UnusualCharactersTests: XCTestCase {
    func testVietnameseAndASCIITextIsLeftAsItIs() {
        for text in ["Quyết định", "QĐ", "Tiên Sơn, ngày 14 tháng 01 năm 2022", "05/KH-UBND", "Giấy uỷ quyền", "", "A4"] {
            XCTAssertEqual(UnusualCharacters.annotated(text), text)
            XCTAssertEqual(UnusualCharacters.annotated(text.decomposedStringWithCanonicalMapping), text.decomposedStringWithCanonicalMapping)
        }
    }

    func testLookalikesAreNamedOnceAfterTheText() {
        XCTAssertEqual(UnusualCharacters.annotated("QÐ"), "QÐ [Ð là U+00D0, không phải Đ]")
        XCTAssertEqual(UnusualCharacters.annotated("Hợp ðồng ðồng"), "Hợp ðồng ðồng [ð là U+00F0, không phải đ]")
        XCTAssertEqual(UnusualCharacters.annotated("\u{0410}4"), "\u{0410}4 [\u{0410} là U+0410, không phải A]")
        XCTAssertEqual(UnusualCharacters.annotated("KH–UBND"), "KH–UBND [– là U+2013, không phải -]")
        XCTAssertEqual(UnusualCharacters.annotated("α"), "α [α là U+03B1]", "an unusual letter without a known lookalike")
    }

    func testLookalikesAreReplacedByTheCharactersTheyStandFor() {
        XCTAssertEqual(UnusualCharacters.replacingLookalikes("Q\u{00D0}"), "Q\u{0110}")
        XCTAssertEqual(UnusualCharacters.replacingLookalikes("qð-\u{0189}"), "qđ-Đ")
        XCTAssertEqual(UnusualCharacters.replacingLookalikes("\u{0410}4 KH\u{2014}UBND\u{FF0F}VP"), "A4 KH-UBND/VP")
        XCTAssertEqual(UnusualCharacters.replacingLookalikes("α UB\u{200B}ND"), "α UB\u{200B}ND", "no known lookalike, invisible: kept")
        for text in ["Quyết định", "QĐ", "Hợp đồng"] {
            let nfd = text.decomposedStringWithCanonicalMapping
            XCTAssertEqual(UnusualCharacters.replacingLookalikes(nfd).unicodeScalars.map(\.value), nfd.unicodeScalars.map(\.value))
        }
    }

    func testInvisibleCharactersAreWrittenAsTheirCodePoints() {
        XCTAssertEqual(UnusualCharacters.annotated("UB\u{200B}ND"), "UB[U+200B]ND")
        XCTAssertEqual(UnusualCharacters.annotated("Lưu:\u{00A0}VT"), "Lưu:[U+00A0]VT")
        XCTAssertEqual(UnusualCharacters.annotated("UBND\u{00AD}"), "UBND[U+00AD]")
    }
}

import XCTest
import VietnameseAdmin

final class VietnamesePhoneNumberTests: XCTestCase {
    func testValidNumbersAndTheirDigits() {
        let cases: [(String, String)] = [
            ("0235 3884 123", "02353884123"),
            ("(0235) 3.884.123", "02353884123"),
            ("+84 235 3884 123", "02353884123"),
            ("+84-235-3884-123", "02353884123"),
            ("0912 345 678", "0912345678"),
            ("0912.345.678", "0912345678"),
            ("+84912345678", "0912345678"),
            ("1900 1234", "19001234"),
            ("1900.1234", "19001234"),
            ("1800 123456", "1800123456"),
            ("1800-1234", "18001234"),
            ("1900 123 456", "1900123456"),
            ("0235\u{00A0}3884\u{00A0}123", "02353884123"),
        ]
        for (text, digits) in cases {
            XCTAssertTrue(VietnamesePhoneNumber.isValid(text), text)
            XCTAssertEqual(VietnamesePhoneNumber(parsing: text)?.digits, digits, text)
            XCTAssertEqual(VietnamesePhoneNumber(parsing: text)?.text, text, text)
        }
    }

    func testInvalidNumbers() {
        for text in [
            "19001234567",        // 1900 + 7 digits
            "1900 12345",         // 1900 + 5 digits
            "1900 123",           // 1900 + 3 digits
            "1800 1234567",
            "1700 1234",          // not a service prefix
            "123",
            "091234567",          // 9 digits
            "023538841234",       // 12 digits
            "84 235 3884 123",    // country code without +: not read as 0
            "+84 0235 3884 123",  // +84 and the trunk 0: 12 digits
            "+84",
            "+1 202 555 0100",
            "0235/3884123",
            "hotline: 1900 1234",
            "0235 3884 123 (máy lẻ 12)",
            "Tổng đài 1900",
            "0912 345 67x",
            "",
            "   ",
        ] {
            XCTAssertFalse(VietnamesePhoneNumber.isValid(text), text)
            XCTAssertNil(VietnamesePhoneNumber(parsing: text), text)
        }
    }

    func testBoundaryLengths() {
        XCTAssertTrue(VietnamesePhoneNumber.isValid("0123456789"))      // 10
        XCTAssertTrue(VietnamesePhoneNumber.isValid("01234567890"))     // 11
        XCTAssertFalse(VietnamesePhoneNumber.isValid("012345678"))      // 9
        XCTAssertFalse(VietnamesePhoneNumber.isValid("012345678901"))   // 12
        XCTAssertTrue(VietnamesePhoneNumber.isValid("18001234"))
        XCTAssertTrue(VietnamesePhoneNumber.isValid("1800123456"))
        XCTAssertFalse(VietnamesePhoneNumber.isValid("180012345"))
    }
}

import Foundation
import XCTest
@testable import RuleEngine

/// `UnicodeText` against the Foundation calls it stands in for, scalar by scalar (Swift's `==`
/// would equate NFC and NFD): every scalar for the sets, tricky and generated texts for the rest.
final class UnicodeTextTests: XCTestCase {
    /// Scalars that trip trimming, normalisation and grapheme breaking.
    static let trickyScalars: [Unicode.Scalar] = [
        " ", "\t", "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{A0}", "\u{1680}", "\u{2000}", "\u{2003}", "\u{200A}",
        "\u{200B}", "\u{200C}", "\u{200D}", "\u{2028}", "\u{2029}", "\u{202F}", "\u{205F}", "\u{3000}", "\u{FEFF}",
        "\u{180E}", "a", "A", "o", "u", "y", "Đ", "ư", "Ơ", "ế", "ạ", "\u{0300}", "\u{0301}", "\u{0303}", "\u{0309}",
        "\u{0323}", "\u{0302}", "\u{0306}", "\u{031B}", "\u{0600}", "\u{0CD5}", "\u{1100}", "\u{1161}", ",", "/", "-",
        "–", "“", "…", "5", "\u{1F1FB}", "\u{1F1F3}", "\u{212B}", "\u{2126}", "\u{0340}", "\u{0130}", "\u{10FFFF}",
    ]

    static let trickyTexts: [String] = [
        "", " ", "   ", "\u{A0}", "\u{3000}\u{3000}", "\r\n", " \r\n\t", "x", " x ", "\u{A0}x\u{3000}", "\u{200B}x\u{200B}",
        " \u{301}x", "x \u{301}", "\u{301} ", "\u{600} ", " \u{600}", "\u{180E}x\u{180E}", "\u{FEFF}x", "Hà Nội",
        "Ha\u{300}No\u{323}\u{302}i", " Quyết định ", "\u{85}x\u{2028}", "x\u{2029}", "\u{1680}x\u{205F}",
        "ngày\u{A0}05", "Đông", "Đông".decomposedStringWithCanonicalMapping, "\u{212B}", "\u{2126}m", "A\u{30A}",
        "\u{1100}\u{1161}", "e\u{0301}\u{0323}", "e\u{0323}\u{0301}", "“Hà Nội” – 2022…", "\r\nx\r\n",
    ]

    /// Texts of 0–6 tricky scalars, the same every run.
    static var generatedTexts: [String] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        return (0..<4_000).map { _ in
            var scalars = String.UnicodeScalarView()
            for _ in 0..<next(7) { scalars.append(trickyScalars[next(trickyScalars.count)]) }
            return String(scalars)
        }
    }

    private func assertSameScalars(_ actual: String, _ expected: String, _ context: String,
                                   file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(Array(actual.unicodeScalars), Array(expected.unicodeScalars),
                       "\(context.unicodeScalars.map { String($0.value, radix: 16) })", file: file, line: line)
    }

    func testTrimmedSetsAreFoundations() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            XCTAssertEqual(UnicodeText.isTrimmed(scalar, newlines: true), CharacterSet.whitespacesAndNewlines.contains(scalar),
                           "U+\(String(value, radix: 16))")
            XCTAssertEqual(UnicodeText.isTrimmed(scalar, newlines: false), CharacterSet.whitespaces.contains(scalar),
                           "U+\(String(value, radix: 16))")
        }
    }

    func testTrimmedIsFoundationsTrimming() {
        for text in Self.trickyTexts + Self.generatedTexts {
            assertSameScalars(UnicodeText.trimmed(text), text.trimmingCharacters(in: .whitespacesAndNewlines), text)
            assertSameScalars(UnicodeText.trimmed(text, newlines: false), text.trimmingCharacters(in: .whitespaces), text)
            // Substrings that start and end inside a grapheme cluster.
            let scalars = text.unicodeScalars
            if scalars.count >= 2 {
                let inner = text[scalars.index(after: scalars.startIndex)..<scalars.index(before: scalars.endIndex)]
                assertSameScalars(UnicodeText.trimmed(inner), inner.trimmingCharacters(in: .whitespacesAndNewlines), text)
                assertSameScalars(UnicodeText.trimmed(inner, newlines: false), inner.trimmingCharacters(in: .whitespaces), text)
            }
        }
    }

    func testNFCIsFoundations() {
        for text in Self.trickyTexts + Self.generatedTexts {
            assertSameScalars(UnicodeText.nfc(text), text.precomposedStringWithCanonicalMapping, text)
        }
    }

    /// The scalars `isPlain` accepts, listed independently of its byte reading.
    static func isPlainScalar(_ value: UInt32) -> Bool {
        value < 0x300 || (0x1E00...0x1EFF).contains(value) || (0x2010...0x205F).contains(value)
    }

    static let plainScalars = (UInt32(0)...0x205F).filter(isPlainScalar).map { Unicode.Scalar($0)! }

    func testIsPlainReadsTheBytesOfPlainScalars() {
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(scalar) + "b"
            XCTAssertEqual(UnicodeText.isPlain(text), Self.isPlainScalar(value), "U+\(String(value, radix: 16))")
            let fromScalar = text[text.unicodeScalars.index(after: text.startIndex)...]
            XCTAssertEqual(UnicodeText.isPlain(fromScalar), Self.isPlainScalar(value), "U+\(String(value, radix: 16))")
        }
        XCTAssertTrue(UnicodeText.isPlain(""))
        XCTAssertTrue(UnicodeText.isPlain("Thành phố Hồ Chí Minh, ngày 10 tháng 12 năm 2021 “Ủy ban” – …"))
        XCTAssertFalse(UnicodeText.isPlain("Ủy ban".decomposedStringWithCanonicalMapping))
    }

    /// What makes plain text safe to read scalar by scalar: each plain scalar is its own NFC, of
    /// combining class 0, composes with no other plain scalar, and no two plain scalars make one
    /// grapheme cluster (CR LF aside). Each scalar is paired with every plain scalar both ways.
    func testPlainScalarsAreNFCAndCharactersOfTheirOwn() {
        let all = Self.plainScalars
        for scalar in all {
            XCTAssertEqual(scalar.properties.canonicalCombiningClass, .notReordered, "U+\(String(scalar.value, radix: 16))")
            var paired = String.UnicodeScalarView()
            for other in all {
                paired.append(scalar)
                paired.append(other)
            }
            let text = String(paired)
            XCTAssertTrue(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars),
                          "U+\(String(scalar.value, radix: 16))")
            let crlf = zip(paired, paired.dropFirst()).filter { $0 == "\r" && $1 == "\n" }.count
            XCTAssertEqual(text.count, paired.count - crlf, "U+\(String(scalar.value, radix: 16))")
        }
    }

    // MARK: The string functions on tricky text

    func testStringFunctionsNormaliseAndTrimLikeFoundation() {
        let nfd = "Đông Hòa".decomposedStringWithCanonicalMapping
        let cases: KeyValuePairs<String, String> = [
            "starts_with('\(nfd)', 'Đông')": "bool(true)",
            "starts_with('Đông Hòa', '\("Đông".decomposedStringWithCanonicalMapping)')": "bool(true)",
            "ends_with('\(nfd)', 'Hòa')": "bool(true)",
            "ends_with('Hoa', 'Hòa')": "bool(false)",
            "matches('\(nfd)', 'Đông H.a')": "bool(true)",
            "matches('Đông Hòa', 'Đ.ng Hòa')": "bool(true)",
            "trim('\u{A0}x y\u{3000}')": "string(\"x y\")",
            "trim('\u{200B} x\u{2028}')": "string(\"x\")",
            "trim('  ')": "string(\"\")",
            "trim('')": "string(\"\")",
        ]
        for (expression, expected) in cases {
            assertEvaluates(expression, expected, report: "{}", shape: TestShape([:]))
        }
    }
}

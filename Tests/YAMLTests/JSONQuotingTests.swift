import Foundation
import XCTest
import YAML

/// `JSONWriter.appendQuoted`, the string escaper behind every JSON document cchc writes: byte
/// by byte it must give what the JSON format documents (quote, backslash and U+0000–U+001F
/// escaped, all other text as UTF-8), whatever the string holds.
final class JSONQuotingTests: XCTestCase {
    private func quotedBytes(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        JSONWriter.appendQuoted(s, to: &out)
        return out
    }

    private func assertQuoted(_ s: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(quotedBytes(s), Array(expected.utf8), "bytes of \(s.debugDescription)", file: file, line: line)
        var text = ""
        JSONWriter.appendQuoted(s, to: &text)
        XCTAssertEqual(text, expected, "text of \(s.debugDescription)", file: file, line: line)
    }

    func testPlainTextIsCopied() {
        assertQuoted("", #""""#)
        assertQuoted("CD-PLAN-COMPLETION", #""CD-PLAN-COMPLETION""#)
        assertQuoted("a/b ' ` ~ \u{7F}", "\"a/b ' ` ~ \u{7F}\"")  // slash, apostrophe and DEL stay as they are
    }

    func testQuoteAndBackslash() {
        assertQuoted("\"", #""\"""#)
        assertQuoted("\\", #""\\""#)
        assertQuoted("say \"hi\\\" now", #""say \"hi\\\" now""#)
        assertQuoted("\"\"\\\\", #""\"\"\\\\""#)
    }

    func testControlCharacters() {
        assertQuoted("\n\r\t\u{08}\u{0C}", #""\n\r\t\b\f""#)
        assertQuoted("\u{00}", #""\u0000""#)
        assertQuoted("a\u{01}b\u{07}c\u{0B}d\u{0E}e\u{1B}f\u{1F}", #""a\u0001b\u0007c\u000bd\u000ee\u001bf\u001f""#)
        assertQuoted(" \u{1F}", #"" \u001f""#)
    }

    func testEveryASCIICharacter() throws {
        for value in UInt8(0) ... 0x7F {
            let s = String(UnicodeScalar(value))
            let bytes = quotedBytes(s)
            let expected: String
            switch value {
            case 0x22: expected = #""\"""#
            case 0x5C: expected = #""\\""#
            case 0x08: expected = #""\b""#
            case 0x09: expected = #""\t""#
            case 0x0A: expected = #""\n""#
            case 0x0C: expected = #""\f""#
            case 0x0D: expected = #""\r""#
            case 0 ..< 0x20: expected = "\"\\u00" + (value < 0x10 ? "0" : "") + String(value, radix: 16) + "\""
            default: expected = "\"" + s + "\""
            }
            XCTAssertEqual(String(decoding: bytes, as: UTF8.self), expected, "U+\(String(value, radix: 16))")
            let parsed = try JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed) as? String
            XCTAssertEqual(parsed, s, "U+\(String(value, radix: 16)) read back")
        }
    }

    func testVietnameseAndOtherMultiByteTextIsNotEscaped() {
        assertQuoted("Nghị định 30/2020/NĐ-CP", "\"Nghị định 30/2020/NĐ-CP\"")
        assertQuoted("Ủy ban nhân dân xã Kỳ Anh", "\"Ủy ban nhân dân xã Kỳ Anh\"")
        // Decomposed (e + circumflex + acute) stays decomposed; 4-byte characters stay whole.
        assertQuoted("Nguye\u{0302}\u{0303}n 😀", "\"Nguye\u{0302}\u{0303}n 😀\"")
        // Line and paragraph separators are valid in JSON strings and written as they are.
        assertQuoted("a\u{2028}b\u{2029}c", "\"a\u{2028}b\u{2029}c\"")
        // Escapes between multi-byte characters cut no character apart.
        assertQuoted("ế\n\"ồ\\ữ\t", #""ế\n\"ồ\\ữ\t""#)
        assertQuoted("\u{00}Đ\u{1F}", #""\u0000Đ\u001f""#)
    }

    func testRepairedInvalidUTF8() {
        // Strings made from bad bytes hold U+FFFD in their place; a cut-off sequence before a
        // quote must not swallow the quote.
        let s = String(decoding: [0x61, 0xFF, 0xC3, 0x22, 0xE1, 0xBA, 0x5C, 0x80], as: UTF8.self)
        assertQuoted(s, "\"a\u{FFFD}\u{FFFD}\\\"\u{FFFD}\\\\\u{FFFD}\"")
    }

    func testAppendsAfterWhatIsThere() {
        var out = Array("[1, ".utf8)
        JSONWriter.appendQuoted("x\ny", to: &out)
        JSONWriter.appendQuoted("", to: &out)
        XCTAssertEqual(String(decoding: out, as: UTF8.self), #"[1, "x\ny""""#)
        var text = "key: "
        JSONWriter.appendQuoted("Đ\"", to: &text)
        XCTAssertEqual(text, #"key: "Đ\"""#)
    }

    /// The escaper looks at eight bytes at a time where it can: a character to escape must be
    /// found at every offset, next to multi-byte text, and at the very start and end.
    func testEscapesAtEveryOffset() {
        let specials: [(String, String)] = [("\"", #"\""#), ("\\", #"\\"#), ("\n", #"\n"#), ("\u{00}", #"\u0000"#),
                                            ("\u{1F}", #"\u001f"#), ("\u{7F}", "\u{7F}"), (" ", " "), ("!", "!"), ("#", "#"),
                                            ("[", "["), ("]", "]"), ("ữ", "ữ")]
        for filler in ["a", "ạ"] {
            for length in 0 ... 19 {
                for offset in 0 ... length {
                    for (special, escaped) in specials {
                        let head = String(repeating: filler, count: offset), tail = String(repeating: filler, count: length - offset)
                        assertQuoted(head + special + tail, "\"" + head + escaped + tail + "\"")
                    }
                }
            }
        }
    }

    func testLongTextWithSparseEscapes() {
        let line = String(repeating: "Báo cáo cải cách hành chính ", count: 40)
        let s = line + "\n" + line + "\"" + line
        let expected = "\"" + line + "\\n" + line + "\\\"" + line + "\""
        assertQuoted(s, expected)
    }
}

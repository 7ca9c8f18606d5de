import XCTest
import RuleEngine
@testable import VietnameseAdmin

/// The readers read plain text (`UnicodeText.isPlain`) scalar by scalar and trim without
/// Foundation; these tests hold them, scalar for scalar, to the character-by-character readings
/// with Foundation's NFC and trimming (`FoundationOracle`) on tricky and generated texts: NFD,
/// combining marks, odd spaces, CR LF, both tone placements, empty and malformed parts.
final class ScalarReadingTests: XCTestCase {
    /// A generator of the same pseudo-random choices every run.
    private struct Choices {
        var state: UInt64
        mutating func pick<T>(_ options: [T]) -> T {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return options[Int((state >> 33) % UInt64(options.count))]
        }

        /// `usual` three times in four, else one of `odd`.
        mutating func mostly(_ usual: String, _ odd: [String]) -> String {
            pick([true, true, true, false]) ? usual : pick(odd)
        }
    }

    private static let spaces = [" ", " ", "", "  ", "\u{A0}", "\t", "\r\n", "\u{3000}", "\u{2003}", "\u{200B}", "\u{85}", " \u{301}"]

    private static func scalars(_ text: String?) -> [UInt32]? { text.map { $0.unicodeScalars.map(\.value) } }

    private static func fields(_ reading: PlaceDateReading?) -> [String]? {
        reading.map {
            [$0.place, "\($0.hasComma)", $0.dayWord, $0.dayText, $0.monthWord, $0.monthText, $0.yearWord, $0.yearText,
             "\($0.day)", "\($0.month)", "\($0.year)", "\($0.spaceBeforeComma)", "\($0.spaceBeforeDayWord)",
             "\($0.spaceAfterDatePart)", "\($0.repeatedComma)"]
        }
    }

    private func assertSameFields(_ actual: [String]?, _ expected: [String]?, _ input: String,
                                  file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(actual?.map { $0.unicodeScalars.map(\.value) }, expected?.map { $0.unicodeScalars.map(\.value) },
                       "\(input.unicodeScalars.map { String($0.value, radix: 16) })", file: file, line: line)
    }

    // MARK: Units

    /// Every plain scalar answers as the character it makes.
    func testScalarsOfPlainTextAnswerAsTheirCharacters() {
        let plain = (UInt32(0)...0x205F).filter { $0 < 0x300 || (0x1E00...0x1EFF).contains($0) || $0 >= 0x2010 }
        let wordScalars = Set("ngày tháng năm".unicodeScalars).subtracting([" "])
        for value in plain {
            let scalar = Unicode.Scalar(value)!
            let character = Character(scalar)
            let name = "U+\(String(value, radix: 16))"
            XCTAssertEqual(scalar.isWhitespace, character.isWhitespace, name)
            XCTAssertEqual(scalar.isLetter, character.isLetter, name)
            XCTAssertEqual(scalar.isASCIIDigit, character.isASCIIDigit, name)
            XCTAssertEqual(scalar.isASCIIDigit, FoundationOracle.isDigits(String(character)), name)
            XCTAssertEqual(Decree30Numerals.isDigits(String(scalar)), FoundationOracle.isDigits(String(character)), name)
            for expected in wordScalars {
                XCTAssertEqual(Unicode.Scalar.lowercases(String(scalar)[...], to: String(expected)),
                               Character.lowercases(String(scalar)[...], to: String(expected)), "\(name) \(expected)")
            }
        }
        XCTAssertTrue(Character("\r\n").isWhitespace)
        for text in ["NGÀY", "Ngày", "ngàY", "ngay", "ngàyy", "ngà", "İ", ""] {
            XCTAssertEqual(Unicode.Scalar.lowercases(text[...], to: "ngày"), Character.lowercases(text[...], to: "ngày"), text)
        }
        for text in ["1\u{301}", "٥", "１", "12", "", "1 2", "\r\n"] {
            XCTAssertEqual(Decree30Numerals.isDigits(text), FoundationOracle.isDigits(text), text)
        }
    }

    // MARK: Place-and-date lines

    private static var placeDateLines: [String] {
        var choices = Choices(state: 20_220_105)
        let places = ["Hà Nội", "Tiên Sơn", "tiên sơn", "HÀ NỘI", "Thừa Thiên Huế", "", "Xã A, huyện B", "Thủy Nguyên",
                      "Thuỷ Nguyên", "Hòa Bình", "Hoà Bình", "“Huế”", "\u{600}Huế", "Huế\u{600}", "Quy Nhơn – Bình Định",
                      "1 Hà", ",", "ngày 1 tháng 2 năm 3"]
        let commas = [",", ",", "", " ,", ",\u{301}", "\u{600},", ",,", ";"]
        let dayWords = ["ngày", "ngày", "Ngày", "NGÀY", "ngay", "ngà\u{302}y", "ngàyy", "ngày2"]
        let monthWords = ["tháng", "tháng", "Tháng", "THÁNG", "thang"]
        let yearWords = ["năm", "năm", "Năm", "NĂM", "nam"]
        let numbers = ["05", "5", "29", "02", "31", "13", "0", "2022", "22", "1\u{301}", "٥", "１", "99999999999999999999", "x",
                       "05", "10", "01", "9", "28", "12"]
        let ends = ["", "", " ", "\r\n", ".", "\u{A0}", " x"]
        return (0..<6_000).map { index in
            var line = choices.pick(places) + choices.mostly(",", commas) + choices.mostly(" ", spaces)
                + choices.mostly("ngày", dayWords)
            for (word, number) in [("", choices.pick(numbers)), (choices.mostly("tháng", monthWords), choices.pick(numbers)),
                                   (choices.mostly("năm", yearWords), choices.mostly("2022", numbers))] {
                line += (word.isEmpty ? "" : choices.mostly(" ", spaces) + word) + choices.mostly(" ", spaces) + number
            }
            line = choices.mostly("", spaces) + line + choices.mostly("", ends)
            return index % 3 == 0 ? line.decomposedStringWithCanonicalMapping : line
        }
    }

    func testPlaceDateReadingIsTheCharacterReadingWithFoundation() {
        var plainReadable = 0
        for text in Self.placeDateLines {
            let composed = UnicodeText.nfc(text)
            XCTAssertEqual(Self.scalars(composed), Self.scalars(FoundationOracle.composed(text)))
            let fields = Self.fields(PlaceDateReading(composedLine: composed))
            assertSameFields(fields, FoundationOracle.placeDateFields(FoundationOracle.composed(text)), text)
            if UnicodeText.isPlain(composed) {
                assertSameFields(fields, Self.fields(PlaceDateReading(composed, unit: Character.self)), text)
                if fields != nil { plainReadable += 1 }
            }
        }
        XCTAssertGreaterThan(plainReadable, 100, "the generated lines should exercise the scalar reading")
    }

    // MARK: Document numbers

    private static var documentNumbers: [String] {
        var choices = Choices(state: 112)
        let sequences = ["05", "5", "012", "0", "00", "", "5a", "１", "1\u{301}", " 05", "99999999999999999999"]
        let slashes = ["/", "/", " / ", "//", "", "／", "/\u{301}", "\u{600}/"]
        let parts = ["KH", "UBND", "QĐ", "qđ", "T.Tr", "VP", "A B", "Đ\u{301}", "x\u{600}", "/", "", "ĐHQG", "Ủy", "“Q”", "2", "\u{A0}"]
        let dashes = ["-", "-", "–", "—", "−", "\u{2011}", " - ", "--", "", "\u{3000}-"]
        let ends = ["", "", " ", "\r\n", "\u{A0}", "\u{200B}"]
        return (0..<6_000).map { index in
            var text = choices.pick(spaces) + choices.pick(sequences) + choices.pick(slashes) + choices.pick(parts)
            for _ in 0..<choices.pick([0, 1, 2, 3]) { text += choices.pick(dashes) + choices.pick(parts) }
            text += choices.pick(ends)
            return index % 3 == 0 ? text.decomposedStringWithCanonicalMapping : text
        }
    }

    func testDocumentNumberReadingIsTheCharacterReadingWithFoundation() {
        var readable = 0
        for text in Self.documentNumbers {
            let number = DocumentNumber(parsing: text)
            let fields = number.map { [$0.sequence.map(String.init) ?? "-", $0.sequenceText] + $0.symbolParts }
            assertSameFields(fields, FoundationOracle.documentNumberFields(text), text)
            if fields != nil { readable += 1 }
            for kind in [DocumentTypeKind.withAbbreviation, .withoutAbbreviation, .unknown] {
                // The problems (a label, extra words, spaces) are read by character on Foundation's
                // NFC: the same judgement, by the other unit.
                let problems = DocumentNumber.formatProblems(of: text, typeKind: kind)
                let expected = DocumentNumber.formatProblems(FoundationOracle.composed(text), unit: Character.self, typeKind: kind)
                XCTAssertEqual(problems, expected, text)
                assertSameFields(problems.map(\.message), expected.map(\.message), text)
            }
        }
        XCTAssertGreaterThan(readable, 100, "the generated numbers should exercise the reading")
    }

    func testSigningPrefixesTrimLikeFoundation() throws {
        let table = try SigningPrefixTable(prefixes: [SigningPrefix(prefix: "KT.", meaning: "ký thay"),
                                                      SigningPrefix(prefix: "TUQ.", meaning: "thừa ủy quyền")])
        for prefix in ["KT.", " KT.\u{A0}", "\u{3000}TUQ.\r\n", "KT", "\u{200B}KT.", "K\u{0054}."] {
            let composed = FoundationOracle.composed(prefix).trimmingCharacters(in: .whitespacesAndNewlines)
            XCTAssertEqual(table.isKnown(prefix), ["KT.", "TUQ."].contains { $0.unicodeScalars.elementsEqual(composed.unicodeScalars) }, prefix)
        }
    }
}

/// `ParseMemo` keys texts by their bytes: a canonically equal spelling is parsed anew.
final class ParseMemoTests: XCTestCase {
    func testSameBytesReuseAndOtherSpellingsParseAnew() {
        var parsed: [String] = []
        let memo = ParseMemo<[UInt32]>(capacity: 4) { text in
            parsed.append(text)
            return text.unicodeScalars.map(\.value)
        }
        let nfc = "Hòa Bình, ngày 05 tháng 01 năm 2022"
        let nfd = nfc.decomposedStringWithCanonicalMapping
        XCTAssertEqual(memo(nfc), nfc.unicodeScalars.map(\.value))
        XCTAssertEqual(memo(String(nfc.utf8)), nfc.unicodeScalars.map(\.value))
        XCTAssertEqual(memo(nfd), nfd.unicodeScalars.map(\.value))
        XCTAssertEqual(memo(nfd), nfd.unicodeScalars.map(\.value))
        XCTAssertEqual(memo(""), [])
        XCTAssertEqual(parsed.map { $0.unicodeScalars.map(\.value) }, [nfc, nfd, ""].map { $0.unicodeScalars.map(\.value) })
    }
}

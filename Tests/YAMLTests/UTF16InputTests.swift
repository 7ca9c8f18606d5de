import Foundation
import XCTest
import YAML

/// Files saved as UTF-16 with a byte order mark (Windows Notepad's "Unicode") are read as
/// UTF-8, so that locations and quoted lines are those of the text; broken UTF-16 is a located
/// `.encoding` error; everything else is left as it was read.
final class UTF16InputTests: XCTestCase {
    private let text = "unit:\r\n  name: UBND xã Tiên Sơn 😀\n  kind: commune\n"

    private func utf16(_ text: String, bigEndian: Bool) -> [UInt8] {
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            bytes += bigEndian ? [UInt8(unit >> 8), UInt8(unit & 0xFF)] : [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        return bytes
    }

    /// The error of `utf8(fromUTF16:)`, or a failure when it transcodes.
    private func transcodingError(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> YAMLError? {
        yamlError(file: file, line: line) { _ = try InputFile.utf8(fromUTF16: bytes, file: "t.yaml") }
    }

    func testBothByteOrdersBecomeTheUTF8TextWithoutTheMark() throws {
        for bigEndian in [false, true] {
            XCTAssertEqual(try InputFile.utf8(fromUTF16: utf16(text, bigEndian: bigEndian), file: "t.yaml"), Array(text.utf8))
        }
    }

    func testOtherBytesAreUnchanged() throws {
        let withUTF8Mark: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        for bytes in [withUTF8Mark, Array(text.utf8), [0xFF], [], Array("tên: \u{FFFE}".utf8)] {
            XCTAssertEqual(try InputFile.utf8(fromUTF16: bytes, file: "t.yaml"), bytes)
        }
    }

    func testReadingAUTF16FileGivesTheLocationsOfTheText() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("utf16-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        func write(_ text: String, bigEndian: Bool) throws -> String {
            let path = directory.appendingPathComponent(UUID().uuidString + ".yaml").path
            try Data(utf16(text, bigEndian: bigEndian)).write(to: URL(fileURLWithPath: path))
            return path
        }

        let broken = "unit:\n  name: \"UBND xã Tiên Sơn\n"
        let bytes = try InputFile.read(path: write(broken, bigEndian: false), displayName: "t.yaml", limit: 1 << 20)
        XCTAssertEqual(bytes, Array(broken.utf8))
        let error = try XCTUnwrap(loadingError(bytes))
        XCTAssertEqual(error.contextLocation?.position, at(2, 9), error.description)  // the opening quote

        let document = try XCTUnwrap(YAMLLoader().load(contentsOf: write(text, bigEndian: true)).first)
        let unit = try XCTUnwrap(document.root.flatMap { document.value(forKey: "unit", in: $0) })
        let name = try XCTUnwrap(document.value(forKey: "name", in: unit))
        XCTAssertEqual(document.location(name).position, at(2, 9))
        XCTAssertEqual(document.scalarValue(name), .string("UBND xã Tiên Sơn 😀"))
    }

    func testBrokenUTF16IsALocatedEncodingError() throws {
        // "a: 1" CR LF "b: " then a lone high surrogate: line 2, column 4.
        var loneHigh = utf16("a: 1\r\nb: ", bigEndian: false)
        loneHigh += [0x3D, 0xD8, 0x78, 0x00]
        let high = try XCTUnwrap(transcodingError(loneHigh))
        XCTAssertEqual(high.kind, .encoding)
        XCTAssertEqual(high.location, SourceLocation(file: "t.yaml", line: 2, column: 4))
        XCTAssertTrue(high.problem.contains("0xD83D"), high.problem)
        XCTAssertTrue(high.explanation.contains("UTF-8"), high.explanation)

        let loneLow = try XCTUnwrap(transcodingError(utf16("ê\r", bigEndian: true) + [0xDC, 0x00]))
        XCTAssertEqual(loneLow.location.position, at(2, 1))
        XCTAssertTrue(loneLow.problem.contains("0xDC00"), loneLow.problem)

        let odd = try XCTUnwrap(transcodingError(utf16("ab", bigEndian: false) + [0x63]))
        XCTAssertEqual(odd.location.position, at(1, 3))
    }
}

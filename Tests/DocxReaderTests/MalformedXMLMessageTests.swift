import DocxReader
import Foundation
import XCTest

/// A part that is not well-formed XML is explained in Vietnamese with the parser's line and
/// column, never by `XMLParser`'s error-code name (on Linux the code does not even name the
/// problem: a mismatched or truncated tag came as `invalidHexCharacterRefError`).
final class MalformedXMLMessageTests: XCTestCase {
    func testMalformedPartsAreExplainedWithoutTheParsersCodeName() throws {
        let files = try TemporaryFiles()
        let full = "<?xml version=\"1.0\"?>\n<w:document xmlns:w=\"\(MiniDocx.w)\">\n<w:body><w:p><w:r><w:t>Nội dung</w:t></w:r></w:p></w:body></w:document>"
        let parts = [
            "mismatched": "<?xml version=\"1.0\"?>\n<w:document xmlns:w=\"\(MiniDocx.w)\">\n<w:body></w:document>",
            "truncated": String(full.prefix(full.count - 30)),
            "bare ampersand": "<?xml version=\"1.0\"?>\n<w:document xmlns:w=\"\(MiniDocx.w)\">\n<w:body>a & b</w:body></w:document>",
        ]
        for (name, xml) in parts {
            var zip = ZipBuilder()
            zip.stored("word/document.xml", xml)
            let path = try files.write("\(name).docx", zip.bytes())
            do throws(DocxError) {
                _ = try DocxReader.read(path: path)
                XCTFail("\(name): read without error")
            } catch {
                guard case .malformedXML = error else { return XCTFail("\(name): \(error)") }
                XCTAssertTrue(error.message.contains("phần word/document.xml") && error.message.contains("dòng 3, cột"), "\(name): \(error.message)")
                XCTAssertNil(error.message.range(of: "[A-Za-z]+Error", options: .regularExpression), "\(name): \(error.message)")
            }
        }
    }
}

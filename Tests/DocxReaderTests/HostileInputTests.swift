import XCTest
@testable import DocxReader

/// Hostile and broken inputs: each gives its typed error, quickly, without resolving anything.
final class HostileInputTests: XCTestCase {
    private var files: TemporaryFiles!

    override func setUpWithError() throws { files = try TemporaryFiles() }
    override func tearDown() { files = nil }

    /// Reads `bytes` as a .docx and returns the error, failing if it took longer than `seconds`.
    private func error(reading bytes: [UInt8], limits: DocxLimits = .default, seconds: Double = 2,
                       file: StaticString = #filePath, line: UInt = #line) throws -> DocxError? {
        let path = try files.write("input.docx", bytes)
        return error(readingPath: path, limits: limits, seconds: seconds, file: file, line: line)
    }

    private func error(readingPath path: String, limits: DocxLimits = .default, seconds: Double = 2,
                       file: StaticString = #filePath, line: UInt = #line) -> DocxError? {
        let start = Date()
        defer {
            let elapsed = Date().timeIntervalSince(start)
            XCTAssertLessThan(elapsed, seconds, "took \(elapsed) s", file: file, line: line)
        }
        do {
            let document = try DocxReader.read(path: path, limits: limits)
            XCTFail("read without error: \(document)", file: file, line: line)
            return nil
        } catch {
            return error
        }
    }

    private func documentXML(_ xml: String) -> [UInt8] {
        var zip = ZipBuilder()
        zip.stored("word/document.xml", xml)
        return zip.bytes()
    }

    // MARK: Not a .docx

    func testPlainTextIsNotAZip() throws {
        XCTAssertEqual(try error(reading: Array("Kế hoạch cải cách hành chính".utf8)), .notAZip)
        XCTAssertEqual(try error(reading: []), .notAZip)
    }

    func testTruncatedDocxIsNotAZip() throws {
        let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: Fixtures.path("nd30-correct"))))
        XCTAssertEqual(try error(reading: Array(bytes.prefix(bytes.count / 2))), .notAZip)
    }

    func testZipWithoutDocumentXML() throws {
        var zip = ZipBuilder()
        zip.stored("[Content_Types].xml", "<Types/>")
        XCTAssertEqual(try error(reading: zip.bytes()), .missingDocumentXML)
    }

    func testMissingFileAndDirectoryAreIOErrors() {
        guard case .io(_, let reason)? = error(readingPath: files.directory.appendingPathComponent("none.docx").path) else {
            return XCTFail("expected .io")
        }
        XCTAssertEqual(reason, "không tìm thấy tệp")
        guard case .io(_, let directoryReason)? = error(readingPath: files.directory.path) else { return XCTFail("expected .io") }
        XCTAssertEqual(directoryReason, "đây là thư mục, không phải tệp")
    }

    func testFileLargerThanTheLimit() throws {
        let path = Fixtures.path("nd30-correct")
        let size = try XCTUnwrap(FileManager.default.attributesOfItem(atPath: path)[.size] as? Int)
        XCTAssertEqual(error(readingPath: path, limits: DocxLimits(maxFileBytes: 1000)), .fileTooLarge(bytes: size, limit: 1000))
    }

    // MARK: Encrypted

    func testOLECompoundFileIsEncrypted() throws {
        let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
        XCTAssertEqual(try error(reading: ole), .encrypted)
    }

    func testZipHoldingEncryptedPackageIsEncrypted() throws {
        var zip = ZipBuilder()
        zip.stored("EncryptionInfo", "x")
        zip.stored("EncryptedPackage", "x")
        XCTAssertEqual(try error(reading: zip.bytes()), .encrypted)
    }

    func testEncryptedZipEntryIsEncrypted() throws {
        var zip = ZipBuilder()
        zip.stored("word/document.xml", "<w:document/>", flags: 1)
        XCTAssertEqual(try error(reading: zip.bytes()), .encrypted)
    }

    // MARK: Zip bombs and damaged entries

    private static let twoHundredMiB = (200 << 20) / 258
    /// 200 MiB of zeros as one deflate stream of about 1.3 MB, made once.
    private static let bombStream = Deflate.zeros(matches: twoHundredMiB)

    func testBombDeclaringItsSizeIsRefusedBeforeInflating() throws {
        var zip = ZipBuilder()
        XCTAssertLessThan(Self.bombStream.count, 2 << 20)
        zip.deflated("word/document.xml", rawDeflate: Self.bombStream, declaredSize: UInt32(1 + 258 * Self.twoHundredMiB))
        XCTAssertEqual(try error(reading: zip.bytes(), seconds: 0.5), .zipBomb(part: "word/document.xml", limit: 32 << 20))
    }

    func testBombLyingAboutItsSizeIsRefusedWhileInflating() throws {
        var zip = ZipBuilder()
        zip.deflated("word/document.xml", rawDeflate: Self.bombStream, declaredSize: 1000)
        let bytes = zip.bytes()
        // Inflates 32 MiB (the per-part limit), then stops.
        XCTAssertEqual(try error(reading: bytes, seconds: 5), .zipBomb(part: "word/document.xml", limit: 32 << 20))
        // A small limit shows the refusal happens as the bytes come, not after 200 MiB.
        XCTAssertEqual(try error(reading: bytes, limits: DocxLimits(maxPartBytes: 1 << 20), seconds: 0.5),
                       .zipBomb(part: "word/document.xml", limit: 1 << 20))
    }

    func testTotalLimitCountsEveryPart() throws {
        let zip = MiniDocx.package(body: MiniDocx.p("Nội dung"), styles: String(repeating: "<w:style/>", count: 2000))
        let limits = DocxLimits(maxPartBytes: 1 << 20, maxTotalBytes: 10_000)
        XCTAssertEqual(try error(reading: zip.bytes(), limits: limits), .zipBomb(part: "word/styles.xml", limit: 10_000))
    }

    /// ZIPFoundation 0.9.20's own extraction loops forever on this entry; the reader must not.
    func testDeflateStreamRunningPastItsEntryIsDamaged() throws {
        var zip = ZipBuilder()
        zip.deflated("word/document.xml", rawDeflate: Deflate.neverEnding, declaredSize: 100)
        XCTAssertEqual(try error(reading: zip.bytes()), .damagedEntry(part: "word/document.xml", reason: "dữ liệu nén bị cắt cụt"))
    }

    func testHugeOffsetsDoNotOverflow() throws {
        var zip = ZipBuilder()
        zip.stored("word/document.xml", "<w:document/>")
        zip.claimLocalHeader(at: UInt64(Int.max))
        XCTAssertEqual(try error(reading: zip.bytes()), .damagedEntry(part: "word/document.xml", reason: "thiếu phần đầu của mục nén"))
    }

    func testWrongChecksumIsDamaged() throws {
        var zip = ZipBuilder()
        zip.deflated("word/document.xml", rawDeflate: Deflate.zeros(matches: 1), declaredSize: 259, crc: 0x1234)
        XCTAssertEqual(try error(reading: zip.bytes()), .damagedEntry(part: "word/document.xml", reason: "sai mã kiểm tra CRC-32"))
    }

    // MARK: Unsafe or malformed XML

    func testExternalEntityIsRefused() throws {
        let xml = """
            <?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\
            <w:document xmlns:w="\(MiniDocx.w)"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>
            """
        XCTAssertEqual(try error(reading: documentXML(xml)), .externalEntity(part: "word/document.xml"))
    }

    func testBillionLaughsIsRefused() throws {
        var entities = #"<!ENTITY lol0 "lol">"#
        for i in 1 ... 9 { entities += "<!ENTITY lol\(i) \"" + String(repeating: "&lol\(i - 1);", count: 10) + "\">" }
        let xml = "<?xml version=\"1.0\"?><!DOCTYPE lolz [\(entities)]><lolz>&lol9;</lolz>"
        XCTAssertEqual(try error(reading: documentXML(xml)), .externalEntity(part: "word/document.xml"))
    }

    func testDoctypeInUTF16IsRefused() throws {
        var utf16: [UInt8] = [0xFF, 0xFE]
        for unit in "<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE d [<!ENTITY e \"x\">]><d>&e;</d>".utf16 {
            utf16 += [UInt8(unit & 0xFF), UInt8(unit >> 8)]
        }
        var zip = ZipBuilder()
        zip.stored("word/document.xml", bytes: utf16)
        XCTAssertEqual(try error(reading: zip.bytes()), .externalEntity(part: "word/document.xml"))
    }

    func testDoctypeInAnotherPartIsRefused() throws {
        var zip = MiniDocx.package(body: MiniDocx.p("Nội dung"), styles: "")
        zip.stored("word/styles.xml", #"<?xml version="1.0"?><!DOCTYPE s SYSTEM "http://example.invalid/s.dtd"><w:styles xmlns:w="\#(MiniDocx.w)"/>"#)
        XCTAssertEqual(try error(reading: zip.bytes()), .externalEntity(part: "word/styles.xml"))
    }

    func testMismatchedTagIsMalformedWithItsPosition() throws {
        let xml = "<?xml version=\"1.0\"?>\n<w:document xmlns:w=\"\(MiniDocx.w)\">\n<w:body></w:document>"
        guard case .malformedXML(let part, let line, _, let message)? = try error(reading: documentXML(xml)) else {
            return XCTFail("expected .malformedXML")
        }
        XCTAssertEqual(part, "word/document.xml")
        XCTAssertEqual(line, 3)
        XCTAssertFalse(message.isEmpty)
    }

    func testUnclosedElementIsMalformed() throws {
        let xml = "<?xml version=\"1.0\"?><w:document xmlns:w=\"\(MiniDocx.w)\"><w:body>"
        guard case .malformedXML(let part, _, _, _)? = try error(reading: documentXML(xml)) else {
            return XCTFail("expected .malformedXML")
        }
        XCTAssertEqual(part, "word/document.xml")
    }

    func testTooManyElementsAreRefused() throws {
        let xml = "<?xml version=\"1.0\"?><r>" + String(repeating: "<a/>", count: 200) + "</r>"
        XCTAssertEqual(try error(reading: documentXML(xml), limits: DocxLimits(maxXMLElements: 100)),
                       .tooManyXMLElements(part: "word/document.xml", limit: 100))
    }

    func testHostileNumbersAreClamped() throws {
        let body = MiniDocx.p("Nội dung", properties: #"<w:ind w:hanging="-9223372036854775808"/><w:spacing w:line="1e400" w:after="nan"/>"#,
                              run: #"<w:sz w:val="99999999999999999999999"/>"#)
            + #"<w:sectPr><w:pgSz w:w="-9223372036854775808" w:h="1e308"/><w:pgMar w:top="-9223372036854775808" w:bottom="0" w:left="1e20" w:right="-1"/></w:sectPr>"#
        let path = try files.write("numbers.docx", MiniDocx.package(body: body).bytes())
        let document = try DocxReader.read(path: path)
        XCTAssertEqual(document.layout.bodySizePt, Double(Int32.max) / 2)
        XCTAssertNotNil(document.layout.marginsMM)
    }

    func testBackslashesInEntryNames() throws {
        var zip = ZipBuilder()
        zip.stored("word\\document.xml", #"<w:document xmlns:w="\#(MiniDocx.w)"><w:body><w:p/></w:body></w:document>"#)
        XCTAssertEqual(try DocxReader.read(path: files.write("backslash.docx", zip.bytes())), DocxDocument())
    }

    func testDeepNestingIsRefused() throws {
        let xml = "<?xml version=\"1.0\"?>" + String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300)
        XCTAssertEqual(try error(reading: documentXML(xml)), .xmlTooDeep(part: "word/document.xml", limit: 256))
    }

    // MARK: Messages

    func testEveryErrorHasItsOwnVietnameseMessage() {
        let errors: [DocxError] = [
            .io(path: "a.docx", reason: "không tìm thấy tệp"), .fileTooLarge(bytes: 100 << 20, limit: 64 << 20), .notAZip,
            .encrypted, .missingDocumentXML, .zipBomb(part: "word/document.xml", limit: 32 << 20),
            .damagedEntry(part: "word/document.xml", reason: "sai mã kiểm tra CRC-32"),
            .malformedXML(part: "word/document.xml", line: 3, column: 7, message: "tagNameMismatch"),
            .externalEntity(part: "word/document.xml"), .xmlTooDeep(part: "word/document.xml", limit: 256),
            .tooManyXMLElements(part: "word/document.xml", limit: 1_000_000),
        ]
        let messages = errors.map(\.message)
        XCTAssertEqual(Set(messages).count, errors.count)
        XCTAssertTrue(DocxError.encrypted.message.contains("mật khẩu"))
        XCTAssertTrue(DocxError.zipBomb(part: "p", limit: 32 << 20).message.contains("32,0 MB"))
        XCTAssertTrue(DocxError.malformedXML(part: "p", line: 3, column: 7, message: "m").message.contains("dòng 3, cột 7"))
        XCTAssertEqual(DocxError.notAZip.description, DocxError.notAZip.message)
    }
}

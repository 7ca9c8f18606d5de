import Foundation
import XCTest
@testable import YAML

/// Inputs built to hurt: each must end in a clear, located `YAMLError` of the right kind, in
/// bounded time and memory. Big inputs are generated here, never committed.
final class YAMLHostileInputTests: XCTestCase {
    // MARK: Expansion and nesting

    func testBillionLaughsStopsAtTheAliasExpansionLimit() throws {
        // Nine levels of ten aliases each: 10^9 nodes if expanded.
        var text = "lol: &l0 [\"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\", \"lol\"]\n"
        for level in 1 ... 9 {
            let aliases = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            text += "level\(level): &l\(level) [\(aliases)]\n"
        }
        let error = try XCTUnwrap(assertBounded(seconds: 2, megabytes: 50) { loadingError(text) })
        XCTAssertEqual(error.kind, .aliasExpansionLimit, error.description)
        // Levels 1-4 add 123,440 nodes; each alias of level 5 adds 111,111: the 8th crosses 10^6.
        XCTAssertEqual(error.location.position, at(6, 14 + 7 * 5), error.description)
        XCTAssertFalse(error.explanation.isEmpty)
    }

    func testAliasExpansionLimitCanBeLowered() throws {
        let text = "a: &a [1, 2, 3]\nb: [*a, *a]\n"
        XCTAssertNoThrow(try YAMLLoader(limits: YAMLLimits(maxAliasExpansion: 8)).load(bytes: Array(text.utf8), file: "t"))
        let error = try XCTUnwrap(loadingError(text, limits: YAMLLimits(maxAliasExpansion: 7)))
        XCTAssertEqual(error.kind, .aliasExpansionLimit)
        XCTAssertEqual(error.location.position, at(2, 9))  // the second alias: 4 + 4 > 7
    }

    func testDeepFlowNestingStopsAtTheDepthLimit() throws {
        let bytes = [UInt8](repeating: UInt8(ascii: "["), count: 100_000)
        let error = try XCTUnwrap(assertBounded(seconds: 2, megabytes: 50) { loadingError(bytes) })
        XCTAssertEqual(error.kind, .depthLimit, error.description)
        XCTAssertEqual(error.location.position, at(1, 257))  // the 257th '['
    }

    func testDeepBlockSequenceNestingStopsAtTheDepthLimit() throws {
        // `- - - - … x`: 100,000 block sequences, one inside the other, on one line.
        let bytes = Array(String(repeating: "- ", count: 100_000).utf8) + Array("x\n".utf8)
        let error = try XCTUnwrap(assertBounded(seconds: 2, megabytes: 50) { loadingError(bytes) })
        XCTAssertEqual(error.kind, .depthLimit, error.description)
        XCTAssertEqual(error.location.position, at(1, 2 * 256 + 1))
    }

    func testDeepBlockMappingNestingStopsAtTheDepthLimit() throws {
        // 1,000 indented levels of `cấp:` (the input grows with the square of the depth).
        var text = ""
        for depth in 0 ..< 1_000 { text += String(repeating: " ", count: depth) + "cấp:\n" }
        let error = try XCTUnwrap(assertBounded(seconds: 2, megabytes: 50) { loadingError(text) })
        XCTAssertEqual(error.kind, .depthLimit, error.description)
        XCTAssertEqual(error.location.position, at(257, 257))  // the mapping of the 257th key
    }

    func testDepthLimitCanBeChanged() throws {
        let text = "a: {b: [c]}\n"  // depth 3
        XCTAssertNoThrow(try YAMLLoader(limits: YAMLLimits(maxDepth: 3)).load(bytes: Array(text.utf8), file: "t"))
        let error = try XCTUnwrap(loadingError(text, limits: YAMLLimits(maxDepth: 2)))
        XCTAssertEqual(error.kind, .depthLimit)
        XCTAssertEqual(error.location.position, at(1, 8))
    }

    // MARK: Bytes that are not YAML text

    func testInvalidUTF8IsAnEncodingErrorWithLineAndColumn() throws {
        let bytes = Array("năm: 2022\ntên: ".utf8) + [0xFF, 0xFE, 0x41] + Array("\n".utf8)
        let error = try XCTUnwrap(loadingError(bytes))
        XCTAssertEqual(error.kind, .encoding, error.description)
        XCTAssertEqual(error.location.position, at(2, 6))  // after "tên: ", counted in characters
        XCTAssertTrue(error.problem.contains("0xFF"), error.problem)
        XCTAssertTrue(error.explanation.contains("UTF-8"), error.explanation)

        // A bad byte right after a valid two-byte character is located at itself.
        let afterVietnamese = try XCTUnwrap(loadingError(Array("tên: ê".utf8) + [0xFF]))
        XCTAssertEqual(afterVietnamese.location.position, at(1, 7))
    }

    func testInvalidUTF8AfterABOMAndCRLFIsLocatedLikeAnEditorShowsIt() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: x".utf8) + [0xC3, 0x28]
        let error = try XCTUnwrap(loadingError(bytes))
        XCTAssertEqual(error.kind, .encoding, error.description)
        XCTAssertEqual(error.location.position, at(2, 5))  // the start of the broken character, not its bad 2nd byte
    }

    func testBinaryFileIsRejectedAsNotText() throws {
        // An ELF-like header with NUL bytes, then deterministic pseudo-random bytes.
        var state: UInt64 = 0x5EED
        var bytes: [UInt8] = [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x01, 0x00]
        for _ in 0 ..< 1 << 20 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            bytes.append(UInt8(truncatingIfNeeded: state >> 56))
        }
        let error = try XCTUnwrap(assertBounded(seconds: 2, megabytes: 50) { loadingError(bytes) })
        XCTAssertEqual(error.kind, .encoding, error.description)
        XCTAssertEqual(error.location.position, at(1, 1))  // 0x7F (DEL) is already a control character
        XCTAssertTrue(error.explanation.contains("nhị phân"), error.explanation)
    }

    // MARK: Syntax and structure

    func testTabIndentationIsExplainedInVietnamese() throws {
        let error = try XCTUnwrap(loadingError("báo_cáo:\n\tnăm: 2022\n"))
        XCTAssertEqual(error.kind, .syntax)
        XCTAssertEqual(error.location.line, 2, error.description)
        XCTAssertTrue(error.explanation.contains("tab"), error.explanation)
    }

    func testDuplicateKeyReportsBothLocations() throws {
        let error = try XCTUnwrap(loadingError("unit:\n  name: UBND xã Tiên Sơn\n  kind: commune\n  name: UBND xã Tiên Hà\n"))
        XCTAssertEqual(error.kind, .duplicateKey)
        XCTAssertEqual(error.location.position, at(4, 3))
        XCTAssertEqual(error.relatedLocation?.position, at(2, 3))
        XCTAssertTrue(error.problem.contains("'name'"), error.problem)
        XCTAssertTrue(error.explanation.contains("dòng 2"), error.explanation)
    }

    func testDuplicateKeysInFlowAndInLargeMappings() throws {
        let flow = try XCTUnwrap(loadingError("m: {x: 1, y: 2, x: 3}\n"))
        XCTAssertEqual(flow.kind, .duplicateKey)
        XCTAssertEqual(flow.location.position, at(1, 17))
        XCTAssertEqual(flow.relatedLocation?.position, at(1, 5))

        // More keys than the pairwise check handles: the dictionary path.
        var text = ""
        for i in 0 ..< 100 { text += "khóa_\(i): \(i)\n" }
        text += "khóa_42: again\n"
        let large = try XCTUnwrap(loadingError(text))
        XCTAssertEqual(large.kind, .duplicateKey)
        XCTAssertEqual(large.location.position, at(101, 1))
        XCTAssertEqual(large.relatedLocation?.position, at(43, 1))
    }

    func testKeyIdentityFollowsTheCoreSchema() throws {
        // The same value written differently is the same key …
        for text in ["1: a\n01: b\n", "1: a\n0x1: b\n", "~: a\nnull: b\n", "true: a\nTrue: b\n", "1.5: a\n1.50: b\n",
                     "a: 1\n'a': 2\n", "a: 1\n!!str a: 2\n", ".nan: a\n.NaN: b\n"] {
            XCTAssertEqual(loadingError(text)?.kind, .duplicateKey, text)
        }
        let spelledDifferently = try XCTUnwrap(loadingError("1: a\n01: b\n"))
        XCTAssertTrue(spelledDifferently.problem.contains("the same value as key '1'"), spelledDifferently.problem)
        XCTAssertTrue(spelledDifferently.explanation.contains("cùng giá trị"), spelledDifferently.explanation)
        // … but a string is not the number or bool it spells, and the same text under another
        // core tag is another value.
        for text in ["1: a\n\"1\": b\n", "true: a\n'true': b\n", "1: a\n1.0: b\n", "null: a\n'': b\n",
                     "[a]: 1\n[a]: 2\n", "&k a: 1\nb: *k\n"] {
            XCTAssertNoThrow(try YAMLLoader().load(bytes: Array(text.utf8), file: "t"), text)
        }
    }

    func testUnterminatedQuoteNamesTheOpeningQuote() throws {
        let error = try XCTUnwrap(loadingError("reporter:\n  name: \"Nguyễn Văn A\n  title: Công chức\n"))
        XCTAssertEqual(error.kind, .syntax)
        XCTAssertEqual(error.context, "while scanning a quoted scalar")
        XCTAssertEqual(error.contextLocation?.position, at(2, 9))
        XCTAssertTrue(error.explanation.contains("thiếu dấu nháy đóng"), error.explanation)
    }

    func testUndefinedAlias() throws {
        // (libyaml accepts only ASCII letters, digits, '-' and '_' in anchor names.)
        let error = try XCTUnwrap(loadingError("a: 1\nb: *chua_co\n"))
        XCTAssertEqual(error.kind, .undefinedAlias)
        XCTAssertEqual(error.location.position, at(2, 4))
        XCTAssertTrue(error.problem.contains("*chua_co"), error.problem)
    }

    func testRecursiveAlias() throws {
        let direct = try XCTUnwrap(loadingError("&a [*a]"))
        XCTAssertEqual(direct.kind, .recursiveAlias)
        XCTAssertEqual(direct.location.position, at(1, 5))
        // The name was defined before, but the alias is inside the newer, still open, `&a`.
        let shadowed = try XCTUnwrap(loadingError("- &a x\n- &a {k: *a}\n"))
        XCTAssertEqual(shadowed.kind, .recursiveAlias)
        XCTAssertEqual(shadowed.location.position, at(2, 10))
    }

    func testRedefinedAnchorsAreAllowedAndTheLatestWins() throws {
        let doc = try loadDocument("- &a x\n- *a\n- &a [y, &a z, *a]\n- *a\n")
        XCTAssertEqual(doc.node(1).map(doc.text), "x")
        XCTAssertEqual(doc.node(2, 2).map(doc.text), "z")
        XCTAssertEqual(doc.node(3).map(doc.text), "z")  // the inner `&a z` came after the outer `&a`
    }

    // MARK: Size

    func testSizeLimitCanBeLowered() throws {
        let text = String(repeating: "a", count: 101)
        XCTAssertNoThrow(try YAMLLoader(limits: YAMLLimits(maxInputBytes: 101)).load(bytes: Array(text.utf8), file: "t"))
        let error = try XCTUnwrap(loadingError(text, limits: YAMLLimits(maxInputBytes: 100)))
        XCTAssertEqual(error.kind, .sizeLimit)
        XCTAssertEqual(error.location.position, at(1, 1))
        XCTAssertTrue(error.problem.contains("101"), error.problem)
    }

    /// A 60 MB self-report-like file is within the 64 MiB default and must load.
    func testSixtyMegabyteFileLoads() throws {
        let header = Array("# Tổng hợp báo cáo tự kiểm tra\nreports:\n".utf8)
        let entry = Array(Self.reportEntry.utf8)
        let entryLines = Self.reportEntry.reduce(0) { $1 == "\n" ? $0 + 1 : $0 }
        let count = (60_000_000 - header.count) / entry.count
        var bytes = header
        bytes.reserveCapacity(header.count + count * entry.count)
        for _ in 0 ..< count { bytes.append(contentsOf: entry) }
        XCTAssertLessThan(bytes.count, YAMLLimits.default.maxInputBytes)
        XCTAssertGreaterThan(bytes.count, 59_990_000)

        let documents = try assertBounded(seconds: 20, megabytes: 1_000) {
            try YAMLLoader().load(bytes: bytes, file: "tong-hop.yaml")
        }
        let doc = try XCTUnwrap(documents.first)
        let reports = try XCTUnwrap(doc.node("reports"))
        XCTAssertEqual(doc.count(reports), count)
        let lastName = try XCTUnwrap(doc.node("reports", .index(count - 1), "unit", "name"))
        XCTAssertEqual(doc.text(lastName), "UBND xã Tiên Sơn")
        XCTAssertEqual(doc.start(lastName), at(3 + (count - 1) * entryLines + 2, 13))
    }

    /// One unit's report as an item of the `reports:` sequence.
    static let reportEntry = """
      - schema: cchc.self-report/v1
        unit:
          name: UBND xã Tiên Sơn
          kind: commune            # commune | district | province | department | school | agency
          parent: UBND huyện Tiên Phước
          province: Quảng Nam
        period: {year: 2022}
        submitted_on: 2022-10-10
        reporter: {name: Nguyễn Văn A, title: Công chức Văn phòng - Thống kê}
        direction:
          annual_plan: {number: 05/KH-UBND, issued_on: 2022-01-14, tasks_planned: 24, tasks_completed: 21}
          working_rules_issued: true       # quy chế làm việc
          reports_submitted: [q1, half-year, q3]
        documents:
          - ref: kh-05
            type: Kế hoạch
            number: 05/KH-UBND
            place_date: Tiên Sơn, ngày 14 tháng 01 năm 2022
            authority: ỦY BAN NHÂN DÂN XÃ TIÊN SƠN
            summary: Cải cách hành chính năm 2022
            layout: {paper: A4, font: Times New Roman, body_size_pt: 14}
            signature: {prefix: TM., position: CHỦ TỊCH, name: Trần Văn B}
            recipients: [UBND huyện Tiên Phước, "Lưu: VT"]
        one_stop_shop:
          hotline: "0235 3884 123"
          dossiers: {received: 1534, resolved: 1520, overdue: 22}
        archive:
          dossiers:
            - {code: "01.03", title: Hồ sơ kế hoạch CCHC năm 2020, retention: permanent}
        waivers:
          - rule: ND30-FONT
            reason: |
              Văn bản soạn trên máy mượn,
              đã ban hành lại bản đúng thể thức.

    """

    // MARK: Streams

    func testMultiDocumentStream() throws {
        let text = "# đầu tệp\n--- a\n--- [b]\n...\n---\nc: 1\n---\n"
        let documents = try YAMLLoader().load(bytes: Array(text.utf8), file: "t.yaml")
        XCTAssertEqual(documents.count, 4)
        XCTAssertEqual(documents.map(\.startPosition), [at(2, 1), at(3, 1), at(5, 1), at(7, 1)])
        XCTAssertEqual(documents[0].root.map(documents[0].text), "a")
        XCTAssertEqual(documents[1].root.map(documents[1].count), 1)
        XCTAssertEqual(documents[2].node("c").map(documents[2].scalarValue), .int(1))
        XCTAssertEqual(documents[3].root.map(documents[3].scalarValue), .null)  // `---` alone: an empty scalar
        // Each document owns only its own nodes.
        XCTAssertEqual(documents.map(\.nodeCount), [1, 2, 3, 1])
    }

    func testAnchorsDoNotCrossDocuments() throws {
        let error = try XCTUnwrap(loadingError("--- &a x\n--- *a\n"))
        XCTAssertEqual(error.kind, .undefinedAlias)
        XCTAssertEqual(error.location.position, at(2, 5))  // the start of the broken character, not its bad 2nd byte
    }

    func testEmptyAndCommentOnlyFilesHaveNoDocuments() throws {
        for text in ["", "\n\n", "# chỉ có chú thích\n", "\u{FEFF}"] {
            XCTAssertEqual(try YAMLLoader().load(bytes: Array(text.utf8), file: "t").count, 0, text.debugDescription)
        }
    }

    // MARK: Files

    func testInputFileReadsAFile() throws {
        let dir = try temporaryDirectory(self)
        let path = dir.appendingPathComponent("báo cáo.yaml").path
        let content = Array("tên: Nguyễn Văn A\n".utf8)
        try Data(content).write(to: URL(fileURLWithPath: path))
        XCTAssertEqual(try InputFile.read(path: path, displayName: "báo cáo.yaml", limit: 1 << 20), content)
        XCTAssertEqual(try InputFile.read(path: path, displayName: "x", limit: content.count), content)
        let tooBig = try XCTUnwrap(yamlError { _ = try InputFile.read(path: path, displayName: "báo cáo.yaml", limit: 10) })
        XCTAssertEqual(tooBig.kind, .sizeLimit)
        XCTAssertEqual(tooBig.location.file, "báo cáo.yaml")

        let empty = dir.appendingPathComponent("rỗng.yaml").path
        try Data().write(to: URL(fileURLWithPath: empty))
        XCTAssertEqual(try InputFile.read(path: empty, displayName: "rỗng.yaml", limit: 10), [])
        XCTAssertEqual(try YAMLLoader().load(contentsOf: empty).count, 0)
    }

    func testInputFileRejectsADirectoryAndAMissingFile() throws {
        let dir = try temporaryDirectory(self)
        let directory = try XCTUnwrap(yamlError { _ = try InputFile.read(path: dir.path, displayName: "thư-mục", limit: 1 << 20) })
        XCTAssertEqual(directory.kind, .io)
        XCTAssertEqual(directory.location, SourceLocation(file: "thư-mục", line: 1, column: 1))
        XCTAssertTrue(directory.explanation.contains("thư mục"), directory.explanation)

        let missingPath = dir.appendingPathComponent("không-có.yaml").path
        let missing = try XCTUnwrap(yamlError { _ = try YAMLLoader().load(contentsOf: missingPath) })
        XCTAssertEqual(missing.kind, .io)
        XCTAssertEqual(missing.location.file, missingPath)
        XCTAssertTrue(missing.explanation.contains("không tìm thấy"), missing.explanation)
    }
}

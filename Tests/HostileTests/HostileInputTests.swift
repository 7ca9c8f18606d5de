import Foundation
#if canImport(Glibc)
@preconcurrency import Glibc
#endif
import XCTest

/// Hostile report files through the `cchc` binary: each gives a clear, located error within
/// bounded time and memory, exit 2 (unreadable input, product.md §5), and the good report
/// checked in the same run still gets its findings.
final class HostileInputTests: XCTestCase {
    /// Runs `cchc check` on `bad` (relative to the scratch folder) and a good report with one
    /// THU-FONT error beside it; returns the run after the common assertions.
    func checkBesideAGoodReport(_ scratch: Scratch, bad: String, expect: [String], within seconds: Double = 10,
                                maxMegabytes: Int = 400, file: StaticString = #filePath, line: UInt = #line) throws -> CLI.Run {
        try scratch.pack(rules: Reports.basicRules)
        try scratch.write("reports/good.yaml", Reports.report(documents: 1, font: { _ in "Arial" }))
        let run = try CLI.run(["check", scratch.path + "/reports/good.yaml", scratch.path + "/" + bad] + scratch.packArguments,
                              in: scratch.path)
        XCTAssertFast(run, within: seconds, bad, file: file, line: line)
        XCTAssertEqual(run.status, 2, run.output, file: file, line: line)
        XCTAssertGreaterThan(run.peakBytes, 1_000_000, "peak memory was measured", file: file, line: line)
        XCTAssertLessThan(run.peakBytes, maxMegabytes * 1_000_000, "peak memory", file: file, line: line)
        XCTAssertTrue(run.output.contains("THU-FONT"), "the good report is still checked:\n\(run.output)", file: file, line: line)
        XCTAssertTrue(run.output.contains(bad), "the bad file is named:\n\(run.output)", file: file, line: line)
        for text in expect {
            XCTAssertTrue(run.output.contains(text), "expected '\(text)' in:\n\(run.output.prefix(3000))", file: file, line: line)
        }
        return run
    }

    func testAliasBomb() throws {
        // Billion laughs: 9 levels of 10 aliases each = 10^9 nodes if expanded.
        var text = "schema: cchc.self-report/v1\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n"
        for level in 1 ... 9 {
            text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n"
        }
        let scratch = try Scratch()
        try scratch.write("bomb.yaml", text)
        _ = try checkBesideAGoodReport(scratch, bad: "bomb.yaml", expect: ["YAML-SYNTAX"])
    }

    func testDeepNesting() throws {
        let scratch = try Scratch()
        let depth = 100_000
        try scratch.write("deep-flow.yaml", "a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n")
        _ = try checkBesideAGoodReport(scratch, bad: "deep-flow.yaml", expect: ["YAML-SYNTAX"])
        var block = ""
        for level in 0 ..< 5_000 { block += String(repeating: " ", count: level) + "k:\n" }
        try scratch.write("deep-block.yaml", block)
        _ = try checkBesideAGoodReport(scratch, bad: "deep-block.yaml", expect: ["YAML-SYNTAX"])
    }

    /// A 100 MB report: refused by size before anything is read. The file is sparse (ftruncate),
    /// so the test writes nothing to disk.
    func testHundredMegabyteReportIsRefusedBySize() throws {
        let scratch = try Scratch()
        let path = scratch.path + "/huge.yaml"
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        XCTAssertGreaterThanOrEqual(fd, 0)
        XCTAssertEqual(ftruncate(fd, 100_000_000), 0)
        close(fd)
        let run = try checkBesideAGoodReport(scratch, bad: "huge.yaml", expect: ["YAML-SYNTAX"], within: 5, maxMegabytes: 150)
        XCTAssertTrue(run.output.contains("100000000") || run.output.contains("100 000 000") || run.output.contains("MB")
                      || run.output.contains("MiB") || run.output.contains("quá lớn"), "the size is named:\n\(run.output)")
    }

    func testTenThousandElementLists() throws {
        let scratch = try Scratch()
        try scratch.pack(rules: Reports.basicRules)
        try scratch.write("big.yaml", Reports.report(documents: 10_000, font: { $0 % 1000 == 0 ? "Arial" : "Times New Roman" }))
        let run = try CLI.run(["check", scratch.path + "/big.yaml", "--format", "json", "-o", scratch.path + "/out.json"]
                              + scratch.packArguments, in: scratch.path)
        XCTAssertFast(run, within: 15, "10,000 documents")
        XCTAssertEqual(run.status, 1, run.output)
        let json = try String(contentsOfFile: scratch.path + "/out.json", encoding: .utf8)
        XCTAssertEqual(json.components(separatedBy: "\"message\": \"phông chữ Arial\"").count - 1, 10, "one finding per Arial document")
    }

    /// 100,000 documents that all break a rule: each rule lists 1,000 findings and one more that
    /// counts the rest, so the output and the memory stay small (before: a finding per element,
    /// and paths found by scanning the list, quadratic: 80,000 took 35 s and 1.7 GB).
    func testListWhereEveryElementFailsIsCapped() throws {
        let scratch = try Scratch()
        try scratch.pack(rules: Reports.basicRules)
        try scratch.write("all-bad.yaml", Reports.report(documents: 100_000, font: { _ in "Arial" }))
        // No time budget: on a loaded machine the rule could stop at it before the end of the
        // list, and the count of the rest would be smaller (this test is about the cap).
        let run = try CLI.run(["check", scratch.path + "/all-bad.yaml", "--format", "json", "-o", scratch.path + "/out.json",
                               "--rule-timeout", "0"] + scratch.packArguments, in: scratch.path)
        XCTAssertFast(run, within: 20, "100,000 failing documents")
        XCTAssertEqual(run.status, 1, run.output)
        XCTAssertLessThan(run.peakBytes, 300_000_000)
        let json = try String(contentsOfFile: scratch.path + "/out.json", encoding: .utf8)
        XCTAssertEqual(json.components(separatedBy: "\"message\": \"phông chữ Arial\"").count - 1, 1_000, "the first 1,000 are listed")
        XCTAssertTrue(json.contains("còn 99000 mục nữa không đạt, kể từ mục này (documents[1000].layout.font)"), "the rest are counted")
    }

    func testVeryLongLinesAndKeys() throws {
        let scratch = try Scratch()
        try scratch.pack(rules: Reports.basicRules)
        let longValue = String(repeating: "Ủy ban nhân dân ", count: 60_000)  // ~1 MB on one line
        let longKey = String(repeating: "k", count: 100_000)
        // A long value and a long explicit key (`? key`) are fine YAML: checked as usual.
        try scratch.write("long.yaml", Reports.report(name: longValue, documents: 1, font: { _ in "Arial" }) + "? \(longKey)\n: 1\n")
        let run = try CLI.run(["check", scratch.path + "/long.yaml"] + scratch.packArguments, in: scratch.path)
        XCTAssertFast(run, within: 10, "1 MB line, 100 kB explicit key")
        XCTAssertEqual(run.status, 1, String(run.output.prefix(2000)))
        XCTAssertTrue(run.output.contains("phông chữ Arial"))
        XCTAssertLessThan(run.peakBytes, 400_000_000)
        // An implicit key longer than YAML's 1024 characters is a located syntax error.
        try scratch.write("long-key.yaml", Reports.report(documents: 1) + "\(longKey): 1\n")
        let keyRun = try checkBesideAGoodReport(scratch, bad: "long-key.yaml", expect: ["YAML-SYNTAX", "long-key.yaml:9:"])
        XCTAssertLessThan(keyRun.output.count, 20_000, "the 100 kB key is not echoed whole")
    }

    func testInvalidUTF8IsLocated() throws {
        let scratch = try Scratch()
        var bytes = Array(Reports.report(documents: 1).utf8)
        bytes += Array("reporter:\n  name: Nguy".utf8) + [0xC3, 0x28] + Array("n\n".utf8)
        try scratch.write("bad-utf8.yaml", Data(bytes))
        _ = try checkBesideAGoodReport(scratch, bad: "bad-utf8.yaml", expect: ["YAML-SYNTAX", "bad-utf8.yaml:"])
    }

    func testNULBytes() throws {
        let scratch = try Scratch()
        try scratch.write("nul.yaml", Data(Array("schema: cchc.self-report/v1\nunit:\n  name: a".utf8) + [0] + Array("b\n".utf8)))
        _ = try checkBesideAGoodReport(scratch, bad: "nul.yaml", expect: ["YAML-SYNTAX", "nul.yaml:"])
    }

    func testBinaryJunk() throws {
        let scratch = try Scratch()
        var state: UInt64 = 0x2022_CCC
        let junk = (0 ..< 200_000).map { _ -> UInt8 in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        try scratch.write("junk.yaml", Data(junk))
        // A PNG/ZIP header, as if a picture or a .docx was named .yaml.
        try scratch.write("picture.yaml", Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + junk.prefix(1000)))
        _ = try checkBesideAGoodReport(scratch, bad: "junk.yaml", expect: ["YAML-SYNTAX"])
        _ = try checkBesideAGoodReport(scratch, bad: "picture.yaml", expect: ["YAML-SYNTAX"])
    }
}

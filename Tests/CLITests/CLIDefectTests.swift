import Foundation
import XCTest

/// Defects found in review at 18d3e2e, each pinned by the run that showed it: the shipped Rules/
/// of an installed `cchc`, why `--baseline-strict` fails, outputs that share a file, missing
/// baselines, the fix of unreadable inputs, UTF-16 reports, `init`'s exit code and negative
/// option values.
final class CLIDefectTests: XCTestCase {
    private let basic = CLI.fixture("packs/basic")
    private let errorReport = CLI.fixture("reports/error.yaml")
    private let cleanReport = CLI.fixture("reports/clean.yaml")

    /// `cchc check PATHS --rules basic --no-shipped-rules EXTRA…` in `directory` (a scratch folder when nil).
    private func check(_ paths: [String], _ extra: [String] = [], in directory: String? = nil,
                       file: StaticString = #filePath, line: UInt = #line) throws -> CLI.Run {
        try CLI.run(["check"] + paths + ["--rules", basic, "--no-shipped-rules"] + extra, in: directory, file: file, line: line)
    }

    // MARK: Shipped rules of an installed binary

    /// An install: `<root>/bin/cchc` (a copy of the built binary) and `<root>/Rules/` holding the
    /// basic pack; a folder `links/` with a symbolic link to the binary. Run from elsewhere with
    /// `CCHC_RULES_HOME` unset, by a shell that finds `cchc` on `PATH` (argv[0] is then just
    /// "cchc"), by the link's path, and through `PATH` to the link.
    func testShippedRulesAreFoundBesideTheRealBinaryFromPATHAndThroughASymlink() throws {
        let install = CLI.Scratch()
        let fm = FileManager.default
        try fm.createDirectory(atPath: install.path + "/bin", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: install.path + "/Rules", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: install.path + "/links", withIntermediateDirectories: true)
        try fm.copyItem(atPath: CLI.binary, toPath: install.path + "/bin/cchc")
        try fm.copyItem(atPath: basic, toPath: install.path + "/Rules/basic")
        try fm.createSymbolicLink(atPath: install.path + "/links/cchc", withDestinationPath: install.path + "/bin/cchc")

        let shell = ["-c", "unset CCHC_RULES_HOME; exec cchc \"$@\"", "sh", "check", errorReport]
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let runs = [
            "PATH": try CLI.run(shell, environment: ["PATH": install.path + "/bin:" + path], executable: "/bin/sh"),
            "symlink": try CLI.run(["-c", "unset CCHC_RULES_HOME; exec \"$0\" \"$@\"", install.path + "/links/cchc", "check", errorReport],
                                   executable: "/bin/sh"),
            "PATH to a symlink": try CLI.run(shell, environment: ["PATH": install.path + "/links:" + path], executable: "/bin/sh"),
        ]
        for (how, run) in runs {
            XCTAssertEqual(run.status, 1, "\(how): \(run.output)")
            assertFinding(run, "CLI-FONT", at: errorReport, 10, 13)
        }
    }

    // MARK: --baseline-strict

    func testStrictBaselineSaysWhichEntriesAreGoneInEveryFormat() throws {
        let scratch = CLI.Scratch()
        let baseline = scratch.path + "/baseline.json"
        assertStatus(try check([errorReport], ["--write-baseline", baseline]), 0)

        for format in ["text", "json", "sarif", "junit", "github", "markdown", "html"] {
            let run = try check([cleanReport], ["--baseline", baseline, "--baseline-strict", "--format", format])
            assertStatus(run, 1)
            XCTAssertTrue(run.stderr.contains("--baseline-strict") && run.stderr.contains(baseline), "\(format): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("  CLI-FONT · UBND xã Kiểm Thử, năm 2025 · documents[0].layout.font"), "\(format): \(run.stderr)")
            XCTAssertTrue(run.stderr.contains("--write-baseline \(baseline)"), "\(format): \(run.stderr)")
        }
        let text = try check([cleanReport], ["--baseline", baseline, "--baseline-strict"])
        XCTAssertTrue(text.stdout.contains("; 1 mục trong baseline không còn xuất hiện."), text.stdout)
        // The inspection report lists them after the units, saying what a strict run needs.
        let markdown = try check([cleanReport], ["--baseline", baseline, "--baseline-strict", "--format", "markdown"])
        XCTAssertTrue(markdown.stdout.contains("## Các mục trong baseline không còn xuất hiện (1)"), markdown.stdout)
        XCTAssertTrue(markdown.stdout.contains("- CLI-FONT · UBND xã Kiểm Thử, năm 2025 · documents\\[0\\].layout.font"), markdown.stdout)
        XCTAssertTrue(markdown.stdout.contains("ghi lại baseline"), markdown.stdout)
        let html = try check([cleanReport], ["--baseline", baseline, "--format", "html"])
        XCTAssertTrue(html.stdout.contains("<li>CLI-FONT · UBND xã Kiểm Thử, năm 2025 · documents[0].layout.font</li>"), html.stdout)
        XCTAssertFalse(html.stdout.contains("ghi lại baseline"), "a lenient run needs nothing")

        let lenient = try check([cleanReport], ["--baseline", baseline])
        assertStatus(lenient, 0)
        XCTAssertFalse(lenient.stderr.contains("CLI-FONT"), "only a strict run fails for it: \(lenient.stderr)")
    }

    // MARK: Outputs

    func testTwoOutputsToOneFileAreAUsageError() throws {
        let scratch = CLI.Scratch()
        let same = try check([errorReport], ["--format", "json", "-o", "same.out", "--format", "sarif", "-o", "./same.out"],
                             in: scratch.path)
        assertStatus(same, 2)
        XCTAssertTrue(same.stderr.contains("same.out") && same.stderr.contains("json") && same.stderr.contains("sarif"), same.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: scratch.path + "/same.out"), "refused before anything is checked")

        let withBaseline = try check([errorReport], ["--format", "json", "-o", "kq.json", "--write-baseline", "kq.json"], in: scratch.path)
        assertStatus(withBaseline, 2)
        XCTAssertTrue(withBaseline.stderr.contains("--write-baseline") && withBaseline.stderr.contains("kq.json"), withBaseline.stderr)

        let twoToTheTerminal = try check([errorReport], ["--format", "json", "--format", "sarif"])
        assertStatus(twoToTheTerminal, 2)
        XCTAssertTrue(twoToTheTerminal.stdout.isEmpty, twoToTheTerminal.stdout)
    }

    func testAMissingBaselineIsSaidInVietnamese() throws {
        let run = try check([cleanReport], ["--baseline", "khong-co.json"])
        assertStatus(run, 2)
        XCTAssertTrue(run.stderr.contains("không đọc được baseline khong-co.json: không tìm thấy tệp"), run.stderr)
        XCTAssertFalse(run.stderr.contains("NSCocoaErrorDomain"), run.stderr)
    }

    /// An output that cannot be written says so once ("không ghi được X: không ghi được: …").
    func testAnUnwritableOutputIsSaidOnce() throws {
        let run = try check([cleanReport], ["--format", "json", "-o", "/khong-co-thu-muc/ra.json"])
        assertStatus(run, 2)
        XCTAssertTrue(run.stderr.contains("không ghi được /khong-co-thu-muc/ra.json: thư mục /khong-co-thu-muc không tồn tại"), run.stderr)
        XCTAssertEqual(run.stderr.components(separatedBy: "không ghi được").count - 1, 1, run.stderr)
    }

    /// JSON-FORMAT.md said `generated_at` is null "unless asked for", and nothing could ask:
    /// `--timestamp` does, with one time for every format of the run.
    func testTimestampIsGivenOnlyWhenAskedAndIsTheSameInEveryFormat() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-timestamp-\(getpid())").path
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let plain = try check([cleanReport], ["--format", "json"])
        XCTAssertTrue(plain.stdout.contains("\"generated_at\": null"), plain.stdout)
        let dated = try check([cleanReport], ["--format", "json", "-o", scratch + "/a.json", "--format", "junit", "-o", scratch + "/a.xml", "--timestamp"])
        assertStatus(dated, 0)
        let json = try String(contentsOfFile: scratch + "/a.json", encoding: .utf8)
        let junit = try String(contentsOfFile: scratch + "/a.xml", encoding: .utf8)
        let stamp = try XCTUnwrap(json.firstMatch(of: /"generated_at": "(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)Z"/)?.1, json)
        XCTAssertTrue(junit.contains("timestamp=\"\(stamp)\""), junit)
    }

    // MARK: Unreadable inputs

    /// The fix line under a finding (`  cách sửa: …`) for `file`.
    private func fix(in run: CLI.Run, for file: String) -> String? {
        let lines = run.stdout.components(separatedBy: "\n")
        guard let start = lines.firstIndex(where: { $0.hasPrefix(file + ":") }) else { return nil }
        return lines[start...].first { $0.hasPrefix("  cách sửa: ") }
    }

    func testUnreadableInputsGetAFixForTheirKindOfFailure() throws {
        let scratch = CLI.Scratch()
        let missing = scratch.path + "/khong-co.yaml"
        let latin1 = scratch.path + "/latin1.yaml"
        try Data("unit:\n  name: UBND x\u{E3}\n".data(using: .isoLatin1)!).write(to: URL(fileURLWithPath: latin1))
        let notAZip = scratch.write("van-ban.docx", "đây không phải tệp Word\n")
        let syntax = CLI.fixture("reports/syntax.yaml")
        let commentsOnly = scratch.write("chua-dien.yaml", "# báo cáo năm 2025\n")
        let run = try check([missing, latin1, notAZip, syntax, commentsOnly])
        assertStatus(run, 2)
        for file in [missing, latin1, notAZip, syntax, commentsOnly] {
            XCTAssertTrue(run.stdout.components(separatedBy: "\n").contains { $0.hasPrefix(file + ":") && $0.contains("[YAML-SYNTAX]") }, run.stdout)
        }

        let yamlHint = "dùng dấu cách (không dùng tab)"
        XCTAssertTrue(fix(in: run, for: missing)?.contains("đường dẫn") == true, run.stdout)
        XCTAssertTrue(fix(in: run, for: latin1)?.contains("UTF-8") == true, run.stdout)
        XCTAssertTrue(fix(in: run, for: notAZip)?.contains("Word") == true, run.stdout)
        XCTAssertTrue(fix(in: run, for: syntax)?.contains(yamlHint) == true, run.stdout)
        XCTAssertTrue(fix(in: run, for: commentsOnly)?.contains("cchc init --kind") == true, run.stdout)
        for file in [missing, latin1, notAZip, commentsOnly] {
            XCTAssertFalse(fix(in: run, for: file)?.contains(yamlHint) ?? true, "\(file): \(run.stdout)")
        }
        // The .docx's message is said once, not again in parentheses.
        let docxLine = try XCTUnwrap(run.stdout.components(separatedBy: "\n").first { $0.hasPrefix(notAZip + ":") })
        XCTAssertEqual(docxLine.components(separatedBy: "không phải tệp nén zip").count, 2, docxLine)
    }

    // MARK: UTF-16

    /// A report saved as Notepad's "Unicode" (UTF-16 little-endian with a byte order mark) and
    /// as UTF-16 big-endian: checked as the UTF-8 file is, and the line under a finding readable.
    func testUTF16ReportsAreCheckedAndQuotedReadably() throws {
        let scratch = CLI.Scratch()
        let text = try String(contentsOfFile: errorReport, encoding: .utf8)
        for (name, encoding) in [("le.yaml", String.Encoding.utf16LittleEndian), ("be.yaml", .utf16BigEndian)] {
            let bom: [UInt8] = encoding == .utf16LittleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            let path = scratch.path + "/" + name
            try (Data(bom) + text.data(using: encoding)!).write(to: URL(fileURLWithPath: path))
            let run = try check([path])
            assertStatus(run, 1)
            assertFinding(run, "CLI-FONT", at: path, 10, 13)
            XCTAssertTrue(run.stdout.contains("   10 |       font: Arial\n"), run.stdout)
        }
    }

    // MARK: Exit codes of usage errors

    func testInitIntoAMissingFolderExitsTwo() throws {
        let rules = ["CCHC_RULES_HOME": CLI.repository.appendingPathComponent("Rules").path]
        let scratch = CLI.Scratch()
        let target = scratch.path + "/khong-co/bao-cao.yaml"
        let run = try CLI.run(["init", "--kind", "commune", "-o", target], environment: rules)
        assertStatus(run, 2)
        XCTAssertTrue(run.stderr.contains(target), run.stderr)

        let existing = scratch.write("co-roi.yaml", "")
        assertStatus(try CLI.run(["init", "--kind", "commune", "-o", existing], environment: rules), 2)
    }

    func testNegativeNumbersAreRefusedWithTheOptionsOwnMessage() throws {
        for (option, message) in [("--rule-timeout", "--rule-timeout phải là số giây ≥ 0"), ("--jobs", "--jobs phải ≥ 1")] {
            let run = try check([cleanReport], [option, "-1"])
            assertStatus(run, 2)
            XCTAssertTrue(run.stderr.contains(message), run.stderr)
            XCTAssertFalse(run.stderr.contains("Missing value"), run.stderr)
        }
        assertStatus(try check([cleanReport], ["--rule-timeout", "0.5", "--jobs", "1"]), 0)
    }
}

import Foundation
import XCTest

/// `cchc check`: exit codes 0/1/2, unreadable inputs, broken rules, `--fail-on`, baselines,
/// `--as-of`, standard input, directories, configs and `--timings`.
final class CheckCommandTests: XCTestCase {
    private let basic = CLI.fixture("packs/basic")

    private func report(_ name: String) -> String { CLI.fixture("reports/\(name)") }

    /// `cchc check PATHS --rules basic --no-shipped-rules EXTRA…`
    private func check(_ paths: [String], _ extra: [String] = [], input: String? = nil, in directory: String? = nil,
                       file: StaticString = #filePath, line: UInt = #line) throws -> CLI.Run {
        try CLI.run(["check"] + paths + ["--rules", basic, "--no-shipped-rules"] + extra, input: input, in: directory,
                    file: file, line: line)
    }

    func testCleanReportExitsZero() throws {
        let run = try check([report("clean.yaml")])
        assertStatus(run, 0)
        assertNoFinding(run, "CLI-FONT")
    }

    func testAnErrorFindingExitsOneAndIsLocated() throws {
        let run = try check([report("error.yaml")])
        assertStatus(run, 1)
        assertFinding(run, "CLI-FONT", at: report("error.yaml"), 10, 13)
        XCTAssertTrue(run.output.contains("Arial"), "the message names the value")
    }

    func testFailOnLevels() throws {
        let warning = report("warning.yaml")
        let byDefault = try check([warning])
        assertStatus(byDefault, 0)
        assertFinding(byDefault, "CLI-ONLINE-RATE", at: warning, 16, 22, .warning)
        assertStatus(try check([warning], ["--fail-on", "warning"]), 1)
        assertStatus(try check([warning], ["--fail-on", "info"]), 1)
        assertStatus(try check([report("clean.yaml")], ["--fail-on", "info"]), 0)
        assertStatus(try check([report("error.yaml")], ["--fail-on", "never"]), 0)
    }

    func testASyntaxErrorExitsTwoWhileTheOtherFilesAreStillChecked() throws {
        let run = try check([report("syntax.yaml"), report("error.yaml")])
        assertStatus(run, 2)
        XCTAssertTrue(run.output.split(separator: "\n").contains { $0.contains(report("syntax.yaml") + ":") && $0.contains("[YAML-SYNTAX]") },
                      run.output)
        assertFinding(run, "CLI-FONT", at: report("error.yaml"), 10, 13)
    }

    func testADuplicateKeyExitsTwo() throws {
        let run = try check([report("duplicate.yaml"), report("clean.yaml")])
        assertStatus(run, 2)
        assertFinding(run, "YAML-DUPLICATE-KEY", at: report("duplicate.yaml"), 6, 1)
    }

    func testAMissingFileExitsTwo() throws {
        let missing = report("khong-co.yaml")
        let run = try check([missing, report("error.yaml")])
        assertStatus(run, 2)
        XCTAssertTrue(run.output.contains(missing), run.output)
        assertFinding(run, "CLI-FONT", at: report("error.yaml"), 10, 13)
    }

    func testBrokenRulesExitTwoUnlessSkipped() throws {
        let broken = ["--rules", CLI.fixture("packs/broken")]
        let refused = try check([report("error.yaml")], broken)
        assertStatus(refused, 2)
        XCTAssertTrue(refused.stderr.contains("--skip-broken-rules"), refused.stderr)
        assertNoFinding(refused, "CLI-FONT")

        let skipped = try check([report("error.yaml")], broken + ["--skip-broken-rules"])
        assertStatus(skipped, 1)
        assertFinding(skipped, "CLI-FONT", at: report("error.yaml"), 10, 13)
        assertFinding(skipped, "RULE-ERROR", at: CLI.fixture("packs/broken/rules/a.yaml"), 6, 14)
        assertNoFinding(skipped, "BROKEN-GOOD")
    }

    func testBaselineWorkflow() throws {
        let scratch = CLI.Scratch()
        let baseline = scratch.path + "/baseline.json"
        let write = try check([report("error.yaml")], ["--write-baseline", baseline])
        assertStatus(write, 0)  // its findings are in the baseline it writes
        XCTAssertTrue(FileManager.default.fileExists(atPath: baseline))

        assertStatus(try check([report("error.yaml")], ["--baseline", baseline]), 0)
        let more = try check([report("more-errors.yaml")], ["--baseline", baseline])
        assertStatus(more, 1)
        assertFinding(more, "CLI-FONT", at: report("more-errors.yaml"), 13, 13)

        assertStatus(try check([report("clean.yaml")], ["--baseline", baseline]), 0)
        assertStatus(try check([report("clean.yaml")], ["--baseline", baseline, "--baseline-strict"]), 1)

        let bad = scratch.write("bad.json", "{\"format\": 9}")
        let unreadable = try check([report("clean.yaml")], ["--baseline", bad])
        assertStatus(unreadable, 2)
        XCTAssertTrue(unreadable.stderr.contains(bad), unreadable.stderr)
    }

    func testAsOf() throws {
        let noHotline = report("no-hotline.yaml")
        let byYear = try check([noHotline])
        assertStatus(byYear, 1)
        assertFinding(byYear, "CLI-HOTLINE", at: noHotline, 1, 1)
        assertStatus(try check([noHotline], ["--as-of", "2025-06-30"]), 0)
        assertStatus(try check([noHotline], ["--as-of", "2025-07-01"]), 1)
        let invalid = try check([noHotline], ["--as-of", "2025-13-01"])
        assertStatus(invalid, 2)
        XCTAssertTrue(invalid.stderr.contains("--as-of"), invalid.stderr)
    }

    func testStandardInput() throws {
        let text = try String(contentsOfFile: report("error.yaml"), encoding: .utf8)
        let run = try check(["-"], input: text)
        assertStatus(run, 1)
        assertFinding(run, "CLI-FONT", at: "<stdin>", 10, 13)
        assertStatus(try check(["-"], input: "a: [\n"), 2)
    }

    func testADirectoryMeansEveryReportUnderIt() throws {
        let directory = report("dir")
        let run = try check([directory])
        assertStatus(run, 1)  // notes.txt is not YAML and is not read
        assertFinding(run, "CLI-FONT", at: directory + "/sub/b.yml", 10, 13)
        assertNoFinding(run, "YAML-SYNTAX")

        let empty = CLI.Scratch()
        let none = try check([empty.path])
        assertStatus(none, 2)
        XCTAssertTrue(none.stderr.contains(empty.path), none.stderr)
    }

    func testConfigFromTheWorkingDirectory() throws {
        let scratch = CLI.Scratch()
        scratch.write("cchc.yaml", "rules:\n  CLI-FONT: off\nparams:\n  cli-basic: {min_online_rate: 0.5}\n")
        let run = try check([report("error.yaml"), report("warning.yaml")], in: scratch.path)
        assertStatus(run, 0)
        assertNoFinding(run, "CLI-FONT")
        assertFinding(run, "CLI-ONLINE-RATE", at: report("error.yaml"), 16, 22, .warning)  // 40% < 50%

        // Spelled `cchc.yml`, the config is found too (a folder's walk leaves both spellings out).
        let yml = CLI.Scratch()
        yml.write("cchc.yml", "rules:\n  CLI-FONT: off\n")
        assertNoFinding(try check([report("error.yaml")], in: yml.path), "CLI-FONT")

        let wrong = scratch.write("sai.yaml", "rules:\n  CLI-FOTN: warning\n")
        let refused = try check([report("clean.yaml")], ["--config", wrong])
        assertStatus(refused, 2)
        XCTAssertTrue(refused.stderr.contains("\(wrong):2:3:") && refused.stderr.contains("CLI-FONT"), refused.stderr)
    }

    /// A pack the user adds (the config's `rule_packs`, `--rules`) runs whatever `packs:` selects
    /// among the shipped ones: Rules/README's example config, `packs: [nd30, mot-cua, …]` beside
    /// `rule_packs: [../quy-tac-tinh]`, loaded and listed the province's pack but never ran it.
    func testAnAddedPackRunsWhateverPacksSelectsAmongTheShippedOnes() throws {
        let scratch = CLI.Scratch()
        let home = scratch.path + "/home", extra = scratch.path + "/extra"
        for folder in [home, extra] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(atPath: CLI.fixture("packs/basic"), toPath: home + "/basic")
        try FileManager.default.copyItem(atPath: CLI.fixture("packs/failing"), toPath: extra + "/failing")
        let text = try String(contentsOfFile: report("error.yaml"), encoding: .utf8)
        let unit = scratch.write("bao-cao.yaml", text.replacingOccurrences(of: "name: UBND xã Kiểm Thử", with: "name: Xã Kiểm Thử"))
        func check(config: String) throws -> CLI.Run {
            scratch.write("cchc.yaml", config)
            return try CLI.run(["check", unit], in: scratch.path, environment: ["CCHC_RULES_HOME": home])
        }
        let both = try check(config: "packs: [cli-basic]\nrule_packs: [extra]\n")
        XCTAssertTrue(both.output.contains("[CLI-NAME]"), both.output)  // the added pack
        XCTAssertTrue(both.output.contains("[CLI-FONT]"), both.output)  // the shipped pack selected
        let added = try check(config: "packs: [cli-failing]\nrule_packs: [extra]\n")
        XCTAssertTrue(added.output.contains("[CLI-NAME]"), added.output)
        assertNoFinding(added, "CLI-FONT")  // a shipped pack not selected stays off
    }

    /// A finding located in the config (its waivers) quotes the config's own line under it, never
    /// the report's line of the same number.
    func testAConfigWaiverFindingQuotesTheConfigsLine() throws {
        let scratch = CLI.Scratch()
        let config = scratch.write("cchc.yaml", "waivers:\n  - {rule: CLI-FOTN, target: documents, reason: Phần mềm cũ}\n")
        let run = try check([report("clean.yaml")], ["--config", config])
        assertStatus(run, 1)
        assertFinding(run, "WAIVER-INVALID", at: config, 2, 5)
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let head = try XCTUnwrap(lines.firstIndex { $0.hasPrefix(config + ":2:5:") }, run.stdout)
        XCTAssertEqual(Array(lines[(head + 1)...].prefix(2)), [
            "   2 |   - {rule: CLI-FOTN, target: documents, reason: Phần mềm cũ}",
            "     |     ^",
        ], run.stdout)
        XCTAssertFalse(run.stdout.contains("| unit:"), "the report's line 2 is not quoted for the config's finding:\n\(run.stdout)")
    }

    func testTimings() throws {
        let run = try check([report("clean.yaml")], ["--timings"])
        assertStatus(run, 0)
        for id in ["CLI-FONT", "CLI-ONLINE-RATE", "CLI-HOTLINE"] {
            XCTAssertTrue(run.stderr.split(separator: "\n").contains { $0.contains(id) && $0.contains("ms") }, run.stderr)
        }
        // Shares of time are rounded to one decimal: percent()'s extra decimals ("3,003%") keep a
        // rate off a threshold, which a share of time has not.
        for line in run.stderr.split(separator: "\n") where line.hasSuffix("%") {
            let share = line.split(separator: " ").last.map(String.init) ?? ""  // "8,7%" or "24%"
            let decimals = share.contains(",") ? (share.split(separator: ",").last?.dropLast().count ?? 0) : 0
            XCTAssertLessThanOrEqual(decimals, 1, String(line))
        }
        XCTAssertFalse(try check([report("clean.yaml")]).stderr.contains("CLI-FONT"), "no timings unless asked")
        // No rule ran (the only report is unreadable): said so, not a header over nothing.
        let scratch = CLI.Scratch()
        let none = try check([scratch.write("hong.yaml", "a: [\n")], ["--timings"])
        XCTAssertTrue(none.stderr.contains("Thời gian theo quy tắc: không quy tắc nào chạy"), none.stderr)
    }

    func testUsageErrorsExitTwo() throws {
        for arguments in [["check", "--bogus"], ["check"], ["check", report("clean.yaml"), "--fail-on", "sometimes"],
                          ["check", report("clean.yaml"), "--jobs", "0"], ["frobnicate"]] {
            let run = try CLI.run(arguments)
            assertStatus(run, 2)
            XCTAssertFalse(run.stderr.isEmpty, "\(arguments): a usage error says what is wrong")
        }
    }

    /// What swift-argument-parser words itself (usage errors, help headings, its own flags) is
    /// said in Vietnamese, like the rest of the tool.
    func testUsageErrorsAndHelpAreVietnamese() throws {
        let expectations: [([String], String)] = [
            (["check", report("clean.yaml"), "--jobs", "abc"], "Lỗi: giá trị 'abc' không hợp lệ cho '--jobs <jobs>'"),
            (["check"], "Lỗi: thiếu tham số '<PATH> ...'"),
            (["check", report("clean.yaml"), "--jbos", "2"], "Lỗi: không có tùy chọn '--jbos'. Ý bạn là '--jobs'?"),
            (["check", report("clean.yaml"), "--timings=3"], "Lỗi: tùy chọn '--timings' không nhận giá trị, nhưng đã ghi '3'."),
            (["check", report("clean.yaml"), "--jobs"], "Lỗi: thiếu giá trị cho '--jobs <jobs>'"),
            (["frobnicate"], "Lỗi: không có lệnh con 'frobnicate'"),
        ]
        for (arguments, message) in expectations {
            let run = try CLI.run(arguments)
            assertStatus(run, 2)
            XCTAssertTrue(run.stderr.hasPrefix(message + "\n"), "\(arguments):\n\(run.stderr)")
            XCTAssertTrue(run.stderr.contains("\nCách dùng: cchc"), run.stderr)
            XCTAssertTrue(run.stderr.contains("để biết thêm."), run.stderr)
        }
        for arguments in [["--help"], ["check", "--help"], ["help", "check"], ["rules", "--help"]] {
            let run = try CLI.run(arguments)
            assertStatus(run, 0)
            XCTAssertTrue(run.stderr.isEmpty, run.stderr)
            for heading in ["TỔNG QUAN:", "CÁCH DÙNG:", "TÙY CHỌN:", "In hướng dẫn này."] {
                XCTAssertTrue(run.stdout.contains(heading), "\(arguments) lacks \(heading):\n\(run.stdout)")
            }
            for english in ["OVERVIEW", "USAGE", "OPTIONS", "Show help information", "default:", "for more information", "for detailed help"] {
                XCTAssertFalse(run.stdout.contains(english), "\(arguments) still says \(english):\n\(run.stdout)")
            }
        }
        let version = try CLI.run(["--version"])
        assertStatus(version, 0)
        XCTAssertEqual(version.stdout, "0.1.0\n")
    }
}

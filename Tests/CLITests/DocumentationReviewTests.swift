import Foundation
import XCTest

/// Defects a documentation review reproduced at 762eb33, each pinned by the run that showed it:
/// a folder's walk reading the run's own files as reports, `--write-baseline` failing the run
/// it introduces the baseline in, `--skip-broken-rules` counting its RULE-ERROR findings as a
/// report, `rules list` ignoring the config, options whose help gives two defaults, an unknown
/// subcommand called an extra argument, JUnit's checking times making each run's bytes differ.
final class DocumentationReviewTests: XCTestCase {
    private let basic = CLI.fixture("packs/basic")
    private let errorReport = CLI.fixture("reports/error.yaml")

    /// `cchc check PATHS --rules basic --no-shipped-rules EXTRA…` in `directory` (a scratch folder when nil).
    private func check(_ paths: [String], _ extra: [String] = [], in directory: String? = nil, environment: [String: String] = [:],
                       file: StaticString = #filePath, line: UInt = #line) throws -> CLI.Run {
        try CLI.run(["check"] + paths + ["--rules", basic, "--no-shipped-rules"] + extra, in: directory, environment: environment,
                    file: file, line: line)
    }

    /// The "Tổng cộng N báo cáo" of a text run's summary.
    private func reportCount(_ run: CLI.Run) -> Int? {
        (run.stdout.firstMatch(of: /Tổng cộng (\d+) báo cáo/)?.1).flatMap { Int($0) }
    }

    // MARK: A folder's walk

    /// `cchc check .` at a repository's root: the config (`cchc.yaml`, `cchc.yml`, or the file
    /// `--config` names), hidden files and folders (`.github/workflows/*.yml`), the baselines
    /// read and written and the `-o` outputs are not reports. Each stray file would be a finding
    /// (a config is a report without a hotline) or unreadable (exit 2). Named on the command line,
    /// a file is checked whatever it is.
    func testAFoldersWalkLeavesOutTheRunsOwnFilesAndHiddenOnes() throws {
        let scratch = CLI.Scratch()
        let fm = FileManager.default
        try fm.copyItem(atPath: errorReport, toPath: scratch.path + "/bao-cao.yaml")
        let config = scratch.write("cchc.yaml", "rules:\n  CLI-FONT: warning\n")
        scratch.write("cchc.yml", "rules: [\n")
        try fm.createDirectory(atPath: scratch.path + "/.github/workflows", withIntermediateDirectories: true)
        scratch.write(".github/workflows/ci.yml", "on: [\n")
        scratch.write(".an.yaml", "a: [\n")

        let plain = try check(["."], in: scratch.path)
        assertStatus(plain, 0)  // CLI-FONT is a warning by cchc.yaml, the only other finding
        assertFinding(plain, "CLI-FONT", at: "./bao-cao.yaml", 10, 13, .warning)
        XCTAssertEqual(reportCount(plain), 1, plain.stdout)

        // The run's own files, given in other spellings than the walk finds them (relative to an
        // absolute folder, through `..`): twice, so that the second run finds the first's outputs.
        try fm.createDirectory(atPath: scratch.path + "/ra", withIntermediateDirectories: true)
        let own = ["--write-baseline", "ghi.json", "--format", "json", "-o", "ra/../kq.json", "--format", "text"]
        for _ in 1...2 {
            let run = try check([scratch.path], own, in: scratch.path)
            XCTAssertEqual(reportCount(run), 1, run.stdout)
        }
        let other = scratch.write("cau-hinh.yaml", "rules:\n  CLI-FONT: info\n")
        let withBaseline = try check(["."], ["--baseline", "ghi.json", "--config", other, "--format", "json", "-o", "kq.json", "--format", "text"],
                                 in: scratch.path)
        assertStatus(withBaseline, 0)
        XCTAssertEqual(reportCount(withBaseline), 1, withBaseline.stdout)
        XCTAssertTrue(withBaseline.stdout.hasPrefix("./bao-cao.yaml:10:13: thông tin[CLI-FONT]"), withBaseline.stdout)

        // Named, each is checked.
        let named = try check([config, scratch.path + "/ghi.json", scratch.path + "/kq.json"], ["--config", other], in: scratch.path)
        XCTAssertEqual(reportCount(named), 3, named.stdout)
        assertFinding(named, "CLI-HOTLINE", at: config, 1, 1)
    }

    /// `cchc sample` walks folders as `check` does: the config `--config` names, lying among the
    /// reports, is no unit to draw.
    func testSampleDrawsNoConfig() throws {
        let scratch = CLI.Scratch()
        try FileManager.default.copyItem(atPath: errorReport, toPath: scratch.path + "/a.yaml")
        let config = scratch.write("cau-hinh.yaml", "rules:\n  CLI-FONT: warning\n")
        let run = try CLI.run(["sample", "--count", "5", "--seed", "1", "--config", config, scratch.path])
        assertStatus(run, 0)
        XCTAssertTrue(run.stdout.contains("Chọn 1 trong 1 báo cáo"), run.stdout)
        XCTAssertFalse(run.stdout.contains("  \(config)"), "the config is no unit: \(run.stdout)")
        // The command it prints to repeat the draw names the config (without it the config was
        // drawn too) and quotes a path with a space for the shell.
        XCTAssertTrue(run.stdout.contains("làm lại: cchc sample --count 5 --seed 1 --config \(config) \(scratch.path))"), run.stdout)
        let spaced = scratch.path + "/báo cáo 'quý'"
        try FileManager.default.createDirectory(atPath: spaced, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: errorReport, toPath: spaced + "/b.yaml")
        let quoted = try CLI.run(["sample", "--count", "1", "--seed", "2", spaced])
        XCTAssertTrue(quoted.stdout.contains(#" '\#(scratch.path)/báo cáo '\''quý'\'''"#), quoted.stdout)
    }

    // MARK: --write-baseline

    /// The run that writes a baseline (the documented first CI step) counts its findings as
    /// baselined, as a run checked against that baseline does: exit 0 with findings, in the
    /// streamed run and in the one rendered whole (no temporary folder for spools). A file it
    /// could not read is still exit 2.
    func testWritingABaselineExitsAsCheckingAgainstItWould() throws {
        let scratch = CLI.Scratch()
        let baseline = scratch.path + "/cchc-baseline.json"
        var outputs: [String] = []
        for environment in [[:], ["TMPDIR": "/khong-co-thu-muc"]] {
            let write = try check([errorReport], ["--write-baseline", baseline], environment: environment)
            assertStatus(write, 0)
            XCTAssertTrue(write.stdout.contains("Tổng cộng 1 báo cáo: 0 lỗi, 0 cảnh báo, 0 thông tin; 1 đã có trong baseline."), write.stdout)
            outputs.append(write.stdout)
            assertStatus(try check([errorReport], ["--baseline", baseline]), 0)

            let json = try check([errorReport], ["--write-baseline", baseline, "--format", "json"], environment: environment)
            assertStatus(json, 0)
            XCTAssertTrue(json.stdout.contains("\"new\": false"), json.stdout)

            let unreadable = try check([errorReport, CLI.fixture("reports/syntax.yaml")], ["--write-baseline", baseline], environment: environment)
            assertStatus(unreadable, 2)
        }
        XCTAssertEqual(outputs[0], outputs[1])
    }

    // MARK: --skip-broken-rules

    /// A config naming a pack that is not loaded is a RULE-ERROR located in the config; the
    /// result carrying it is no report: one report is "1 báo cáo" in text, JSON, Markdown and
    /// HTML, and two reports are the overview's two units.
    func testBrokenRulesFindingsAreNoReportInAnyCount() throws {
        let scratch = CLI.Scratch()
        let config = scratch.write("c2.yaml", "params: {mot-cua: {min_online_rate: 30}}\n")
        let broken = ["--config", config, "--skip-broken-rules"]

        let text = try check([errorReport], broken)
        assertStatus(text, 1)
        assertFinding(text, "RULE-ERROR", at: config, 1, 10)
        XCTAssertEqual(reportCount(text), 1, text.stdout)
        let json = try check([errorReport], broken + ["--format", "json"])
        XCTAssertTrue(json.stdout.contains("\"summary\": {\n    \"reports\": 1,"), json.stdout)
        XCTAssertTrue(json.stdout.contains("\"file\": \"(quy tắc)\""), "the findings stay: \(json.stdout)")
        for format in ["markdown", "html"] {
            let run = try check([errorReport], broken + ["--format", format])
            XCTAssertTrue(run.stdout.contains("cchc 0.1.0 · 1 báo cáo · 2 lỗi"), "\(format): \(run.stdout)")
            XCTAssertTrue(run.stdout.contains("RULE-ERROR"), "\(format): \(run.stdout)")
            // One report: its section is not numbered, and `(quy tắc)` after it is not "2.".
            XCTAssertFalse(run.stdout.contains("2. (quy tắc)") || run.stdout.contains("1. UBND"), "\(format): \(run.stdout)")
            // Rendered whole (no folder for spools), the same bytes.
            let whole = try check([errorReport], broken + ["--format", format], environment: ["TMPDIR": "/nonexistent"])
            XCTAssertEqual(whole.stdout, run.stdout, format)
        }

        let two = try check([errorReport, CLI.fixture("reports/warning.yaml")], broken + ["--format", "markdown"])
        XCTAssertTrue(two.stdout.contains("cchc 0.1.0 · 2 báo cáo"), two.stdout)
        XCTAssertTrue(two.stdout.contains("| CLI-FONT — Phông chữ của văn bản là Times New Roman | 1/2 đơn vị · 1 phát hiện |"), two.stdout)
        XCTAssertFalse(two.stdout.contains("[(quy tắc)]("), "no line in the overview: \(two.stdout)")
        XCTAssertFalse(two.stdout.contains("| RULE-ERROR —"), "no bar in the chart of units: \(two.stdout)")
        XCTAssertTrue(two.stdout.contains("## 2. ") && two.stdout.contains("## (quy tắc)"), "the reports numbered, not the rules' entry: \(two.stdout)")
    }

    // MARK: rules list

    /// The severity column of `rules list` for each rule id.
    private func listedSeverities(_ run: CLI.Run) -> [String: String] {
        var severities: [String: String] = [:]
        for line in run.stdout.split(separator: "\n") where line.hasPrefix("  ") {
            let columns = line.split(separator: " ")
            if columns.count > 1 { severities[String(columns[0])] = String(columns[1]) }
        }
        return severities
    }

    /// `rules list` shows the severities `check` uses: a rule the config turns off is "tắt", one
    /// it re-grades at its new severity, a pack it does not select all "tắt". Its help names the
    /// columns it has (there is no basis column).
    func testRulesListShowsTheConfigsSeverities() throws {
        let scratch = CLI.Scratch()
        let config = scratch.write("list.yaml", "rules:\n  CLI-FONT: off\n  CLI-HOTLINE: warning\n")
        let listed = try CLI.run(["rules", "list", basic, "--no-shipped-rules", "--config", config])
        assertStatus(listed, 0)
        XCTAssertEqual(listedSeverities(listed), ["CLI-FONT": "tắt", "CLI-ONLINE-RATE": "warning", "CLI-HOTLINE": "warning"], listed.stdout)
        let checked = try check([errorReport], ["--config", config])
        assertNoFinding(checked, "CLI-FONT")

        // The nearest cchc.yaml, as `check` finds it, selecting one of two shipped packs.
        let home = scratch.path + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        for pack in ["basic", "failing"] { try FileManager.default.copyItem(atPath: CLI.fixture("packs/" + pack), toPath: home + "/" + pack) }
        scratch.write("cchc.yaml", "packs: [cli-failing]\n")
        let unselected = try CLI.run(["rules", "list"], in: scratch.path, environment: ["CCHC_RULES_HOME": home])
        assertStatus(unselected, 0)
        XCTAssertEqual(listedSeverities(unselected), ["CLI-FONT": "tắt", "CLI-ONLINE-RATE": "tắt", "CLI-HOTLINE": "tắt", "CLI-NAME": "error"],
                       unselected.stdout)
        let plain = try CLI.run(["rules", "list", basic, "--no-shipped-rules"])
        XCTAssertEqual(listedSeverities(plain), ["CLI-FONT": "error", "CLI-ONLINE-RATE": "warning", "CLI-HOTLINE": "error"], plain.stdout)

        let help = try CLI.run(["rules", "list", "--help"])
        XCTAssertTrue(help.stdout.hasPrefix("TỔNG QUAN: Liệt kê các quy tắc của từng bộ: mã, mức, tiêu đề.\n"), help.stdout)
        XCTAssertTrue(help.stdout.contains("\"tắt\""), help.stdout)
        let overview = try CLI.run(["rules", "--help"])
        let listLine = try XCTUnwrap(overview.stdout.split(separator: "\n").first { $0.hasPrefix("  list ") }, overview.stdout)
        XCTAssertFalse(listLine.contains("căn cứ"), String(listLine))
    }

    // MARK: Help

    /// Every option's help gives its default once: `--jobs` said "(mặc định: số lõi CPU).
    /// (mặc định: 2)", the second being this machine's core count; `init -o` said "(mặc định: in
    /// ra màn hình). (mặc định: -)".
    func testEveryOptionGivesOneDefault() throws {
        let commands = [["check"], ["init"], ["rules", "lint"], ["rules", "test"], ["rules", "list"], ["rules", "doc"],
                        ["explain"], ["sample"], ["schema"], ["extract"]]
        for command in commands {
            let help = try CLI.run(command + ["--help"])
            assertStatus(help, 0)
            // An entry starts at a line "  -…" or "  <…"; wrapped lines continue it.
            var entries: [String] = []
            for line in help.stdout.split(separator: "\n") {
                if line.hasPrefix("  -") || line.hasPrefix("  <") { entries.append(String(line)) }
                else if line.hasPrefix("      "), !entries.isEmpty { entries[entries.count - 1] += " " + line.trimmingCharacters(in: .whitespaces) }
            }
            XCTAssertFalse(entries.isEmpty, "\(command): \(help.stdout)")
            for entry in entries {
                XCTAssertLessThanOrEqual(entry.components(separatedBy: "mặc định:").count - 1, 1, "\(command): \(entry)")
            }
        }
        let check = try CLI.run(["check", "--help"])
        XCTAssertTrue(check.stdout.contains("(mặc định: số lõi CPU).\n"), check.stdout)
        XCTAssertTrue(try CLI.run(["init", "--help"]).stdout.contains("Tệp cần tạo; - là in ra màn hình. (mặc định: -)"))
    }

    // MARK: Unknown subcommands

    /// A word where a subcommand is expected that names none is said to be no subcommand (the
    /// parser called it "tham số thừa"), with the nearest name when one is close, and the usage
    /// of the command it follows; exit 2.
    func testAnUnknownSubcommandIsNamedWithTheNearestOne() throws {
        let expectations: [([String], String, String)] = [
            (["frob"], "Lỗi: không có lệnh con 'frob'\n", "Cách dùng: cchc <lệnh con>\n"),
            (["chek", "bao-cao.yaml"], "Lỗi: không có lệnh con 'chek' — ý bạn là 'check'?\n", "Cách dùng: cchc <lệnh con>\n"),
            (["rules", "lnit"], "Lỗi: không có lệnh con 'lnit' — ý bạn là 'lint'?\n", "Cách dùng: cchc rules <lệnh con>\n"),
        ]
        for (arguments, message, usage) in expectations {
            let run = try CLI.run(arguments)
            assertStatus(run, 2)
            XCTAssertTrue(run.stderr.hasPrefix(message + usage), "\(arguments):\n\(run.stderr)")
            XCTAssertTrue(run.stderr.contains("--help' để biết thêm."), run.stderr)
        }
        // `help` names a command that must exist: `cchc help frob` printed the root help, exit 0.
        let help = try CLI.run(["help", "chek"])
        assertStatus(help, 2)
        XCTAssertTrue(help.stderr.hasPrefix("Lỗi: không có lệnh con 'chek' — ý bạn là 'check'?\n"), help.stderr)
        let nested = try CLI.run(["help", "rules", "frob"])
        assertStatus(nested, 2)
        XCTAssertTrue(nested.stderr.contains("Xem 'cchc rules --help' để biết thêm."), nested.stderr)
        let known = try CLI.run(["help", "rules", "lint"])
        assertStatus(known, 0)
        XCTAssertTrue(known.stdout.contains("cchc rules lint"), known.stdout)
        // An argument of a command without subcommands is no subcommand.
        let extra = try CLI.run(["schema", "thừa"])
        assertStatus(extra, 2)
        XCTAssertTrue(extra.stderr.hasPrefix("Lỗi: tham số thừa 'thừa'\n"), extra.stderr)
    }

    // MARK: JUnit

    /// Outputs carry no date unless `--timestamp` is given, so the same inputs give the same
    /// bytes: JUnit's `time` attributes (checking times, different every run) are written only
    /// with it, as its `timestamp`.
    func testJUnitIsTheSameBytesForTheSameInputsWithoutTimestamp() throws {
        let reports = [errorReport, CLI.fixture("reports/warning.yaml")]
        let runs = try (1...3).map { _ in try check(reports, ["--format", "junit"]) }
        for run in runs { assertStatus(run, 1) }
        XCTAssertFalse(runs[0].stdout.contains("time="), runs[0].stdout)
        XCTAssertEqual(Set(runs.map(\.stdout)).count, 1, "\(runs.map(\.stdout))")
        let dated = try check(reports, ["--format", "junit", "--timestamp"])
        XCTAssertNotNil(dated.stdout.firstMatch(of: /<testsuites name="cchc" tests="6" failures="2" errors="0" time="\d+\.\d{3}">/), dated.stdout)
        XCTAssertNotNil(dated.stdout.firstMatch(of: /skipped="0" time="\d+\.\d{3}" timestamp="\d{4}-/), dated.stdout)
    }
}

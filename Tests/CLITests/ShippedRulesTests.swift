import Foundation
import XCTest

/// The shipped product, end to end: the four packs and the schema under `Rules/`, the example
/// reports, the generated catalogue and JSON schema, templates, and the spec's example report.
final class ShippedRulesTests: XCTestCase {
    static let rules = CLI.repository.appendingPathComponent("Rules").path
    static let packs = ["nd30", "mot-cua", "luu-tru", "chi-dao"].map { rules + "/" + $0 }

    /// Runs cchc with the shipped Rules home.
    func shipped(_ arguments: [String], input: String? = nil, file: StaticString = #filePath, line: UInt = #line) throws -> CLI.Run {
        try CLI.run(arguments, input: input, environment: ["CCHC_RULES_HOME": Self.rules], file: file, line: line)
    }

    /// The findings of a `--format json` run: (file, rule, severity, path, waived).
    func findings(_ run: CLI.Run, file: StaticString = #filePath, line: UInt = #line) throws -> [(file: String, rule: String, severity: String, path: String, waived: Bool)] {
        let object = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any]
        let reports = try XCTUnwrap(object?["reports"] as? [[String: Any]], "no reports in: \(run.output.prefix(500))", file: file, line: line)
        return reports.flatMap { report in
            (report["findings"] as? [[String: Any]] ?? []).map {
                (report["file"] as? String ?? "", $0["rule"] as? String ?? "", $0["severity"] as? String ?? "",
                 $0["path"] as? String ?? "", ($0["waived"] as? Bool) ?? false)
            }
        }
    }

    func testShippedPacksLintCleanAndPassEveryFixtureInBothDirections() throws {
        let lint = try shipped(["rules", "lint"] + Self.packs)
        assertStatus(lint, 0)
        XCTAssertTrue(lint.stdout.contains("4 bộ quy tắc, 49 quy tắc, 0 lỗi"), lint.output)
        let test = try shipped(["rules", "test"] + Self.packs)
        assertStatus(test, 0)
        XCTAssertTrue(test.stdout.contains(" passed, 0 failed"), test.output)
        XCTAssertFalse(test.stdout.contains("chưa được kiểm thử đủ hai chiều"), test.output)
        let passed = Int(test.stdout.split(separator: "\n").last { $0.hasSuffix("0 failed") }?.split(separator: " ").first ?? "0") ?? 0
        XCTAssertGreaterThan(passed, 300, "every shipped rule has fixtures for both directions")
    }

    /// Each shipped pack works alone, as its README says (`cchc rules test Rules/mot-cua`):
    /// mot-cua declares the document-type table MC-ESTABLISHED's functions read.
    func testEachShippedPackLintsAndPassesItsFixturesAlone() throws {
        for pack in Self.packs {
            let lint = try shipped(["rules", "lint", pack])
            assertStatus(lint, 0)
            XCTAssertTrue(lint.stdout.contains("1 bộ quy tắc,") && lint.stdout.contains(", 0 lỗi"), lint.output)
            let test = try shipped(["rules", "test", pack])
            assertStatus(test, 0)
            XCTAssertTrue(test.stdout.contains(" passed, 0 failed"), test.output)
        }
    }

    /// Rate parameters are fractions: a province that writes its target as a percentage is told
    /// at its config's line, instead of every report reading "tối thiểu 3000%".
    func testARateParameterWrittenAsAPercentageIsRefused() throws {
        let scratch = CLI.Scratch()
        let report = Self.rules + "/fixtures/valid-commune-2022.yaml"
        for (pack, name) in [("mot-cua", "min_online_rate"), ("mot-cua", "min_on_time_rate"), ("chi-dao", "min_plan_completion")] {
            let config = scratch.write("cchc.yaml", "params:\n  \(pack):\n    \(name): 30\n")
            let run = try shipped(["check", report, "--config", config])
            assertStatus(run, 2)
            XCTAssertTrue(run.stderr.contains("\(config):3:5:") && run.stderr.contains("tham số '\(pack).\(name)' phải từ 0 đến 1, nhận 30")
                          && run.stderr.contains("30 % viết là 0.3"), run.stderr)
            XCTAssertFalse(run.output.contains("3000%"), run.output)
        }
    }

    /// A province's waiver of a mot-cua rule, on a school's report without a one-stop desk
    /// (mot-cua does not apply): WAIVER-UNUSED (info) saying so, not an error for every school.
    func testAProvinceWaiverOfARuleThatDoesNotApplyToASchoolIsOnlyUnused() throws {
        let base = try String(contentsOfFile: Self.rules + "/fixtures/valid-commune-2022.yaml", encoding: .utf8)
        let scratch = CLI.Scratch()
        var school = base.replacingOccurrences(of: "kind: commune", with: "kind: school")
        let start = try XCTUnwrap(school.range(of: "\none_stop_shop:"))
        let end = try XCTUnwrap(school.range(of: "\narchive:"))
        school.removeSubrange(start.lowerBound ..< end.lowerBound)
        let report = scratch.write("truong.yaml", school)
        let config = scratch.write("cchc.yaml", """
            waivers:
              - {rule: MC-POST-HOTLINE, target: one_stop_shop.postings.hotline, reason: Tổng đài chung của tỉnh}
            """)
        let run = try shipped(["check", report, "--config", config, "--format", "json"])
        assertStatus(run, 0)
        XCTAssertEqual(try findings(run).map { "\($0.rule) \($0.severity)" }, ["WAIVER-UNUSED info"])
        XCTAssertTrue(run.stdout.contains("quy tắc MC-POST-HOTLINE không áp dụng cho báo cáo này"), run.stdout)
    }

    /// A report without `submitted_on` whose dossiers are not handed over: LT-HANDOVER-OVERDUE
    /// says once that the report date is missing (not once per dossier, with a fix about handing
    /// over first), and a waiver of `submitted_on` covers it.
    func testAMissingReportDateIsToldOnceByHandOverOverdue() throws {
        let base = try String(contentsOfFile: Self.rules + "/fixtures/valid-commune-2022.yaml", encoding: .utf8)
        let report = base.replacingOccurrences(of: "submitted_on: 2022-12-20\n", with: "")
            .replacingOccurrences(of: "      handed_over_on: 2021-11-15\n", with: "")
            .replacingOccurrences(of: "      handed_over_on: 2021-12-20\n", with: "")
        let scratch = CLI.Scratch()
        let run = try shipped(["check", scratch.write("bao-cao.yaml", report), "--format", "json", "--fail-on", "never"])
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any], run.output)
        let all = try XCTUnwrap((object["reports"] as? [[String: Any]])?.first?["findings"] as? [[String: Any]])
        let overdue = all.filter { $0["rule"] as? String == "LT-HANDOVER-OVERDUE" }
        XCTAssertEqual(overdue.map { "\($0["path"] ?? "") \($0["line"] ?? ""):\($0["column"] ?? "") \($0["message"] ?? "")" },
                       ["submitted_on 3:1 thiếu thông tin: submitted_on"])
        let fix = try XCTUnwrap(overdue.first?["fix"] as? String)
        XCTAssertTrue(fix.hasPrefix("Ghi ngày gửi báo cáo (submitted_on) để tính hạn nộp lưu. "), fix)

        let waived = try shipped(["check", scratch.write("mien-tru.yaml", report + """
            waivers:
              - {rule: LT-HANDOVER-OVERDUE, target: submitted_on, reason: Báo cáo nháp, chưa gửi}

            """), "--format", "json", "--fail-on", "never"])
        XCTAssertEqual(try findings(waived).filter { $0.rule.hasPrefix("LT-") || $0.rule.hasPrefix("WAIVER-") }.map { "\($0.rule) \($0.waived)" },
                       ["LT-HANDOVER-OVERDUE true"])
    }

    /// `Rules/CATALOG.md` and `Rules/schema/self-report.schema.json` are generated; they must
    /// not drift. `CCHC_UPDATE_GOLDEN=1 swift test --filter ShippedRulesTests` rewrites them.
    func testGeneratedFilesAreCurrent() throws {
        for (arguments, path) in [(["rules", "doc"], "CATALOG.md"), (["schema"], "schema/self-report.schema.json")] {
            let run = try shipped(arguments)
            assertStatus(run, 0)
            let committed = Self.rules + "/" + path
            if ProcessInfo.processInfo.environment["CCHC_UPDATE_GOLDEN"] == "1" {
                try run.stdout.write(toFile: committed, atomically: true, encoding: .utf8)
                continue
            }
            let text = try String(contentsOfFile: committed, encoding: .utf8)
            XCTAssertEqual(text, run.stdout, "Rules/\(path) is out of date: run `cchc \(arguments.joined(separator: " ")) > Rules/\(path)`")
        }
    }

    /// A sample of 10,000 documents: ND30-NUMBER-UNIQUE finds each document's first repeat in
    /// one hashed pass per report (`first_indices`), so it finds the one repeat well inside its
    /// time budget. An `index_of` per document took 1.3 s in a release build at this size, past
    /// the 2 s budget in a debug one; a lambda per pair, before that, was past it at 1,000.
    func testNumberUniquenessOnALargeSample() throws {
        let base = try String(contentsOfFile: Self.rules + "/fixtures/valid-commune-2022.yaml", encoding: .utf8)
        let head = try XCTUnwrap(base.components(separatedBy: "documents:\n").first)
        var text = head + "documents:\n"
        for i in 0 ..< 10_000 {
            let number = i == 7_500 ? 8 : i + 1  // the 7,501st repeats the 8th
            text += "  - {ref: vb-\(i), type: Kế hoạch, number: \(String(format: "%02d", number))/KH-UBND, issued_on: 2022-01-14}\n"
        }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("cchc-unique-\(getpid()).yaml").path
        try text.write(toFile: scratch, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let run = try shipped(["check", scratch, "--format", "json", "--fail-on", "never"])
        assertStatus(run, 0)
        let found = try findings(run)
        XCTAssertEqual(found.filter { $0.rule == "ND30-NUMBER-UNIQUE" }.map(\.path), ["documents[7500].number"])
        XCTAssertEqual(found.filter { $0.rule == "RULE-ERROR" }.count, 0)
    }

    /// Every example report lists, in `# expect: RULE-ID` lines, the warnings and errors it must give.
    func testExampleReportsGiveTheFindingsTheirHeadersList() throws {
        let examples = CLI.repository.appendingPathComponent("Reports/examples").path
        let run = try shipped(["check", examples, "--format", "json", "--fail-on", "never"])
        assertStatus(run, 0)
        let found = try findings(run)
        let files = try FileManager.default.contentsOfDirectory(atPath: examples).filter { $0.hasSuffix(".yaml") }.sorted()
        XCTAssertGreaterThanOrEqual(files.count, 6)
        for name in files {
            let path = examples + "/" + name
            var expected: [String: Int] = [:]
            for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") where line.hasPrefix("# expect:") {
                let id = line.dropFirst("# expect:".count).trimmingCharacters(in: .whitespaces)
                if id != "none" { expected[id, default: 0] += 1 }
            }
            var actual: [String: Int] = [:]
            for f in found where f.file.hasSuffix("/" + name) && (f.severity == "error" || f.severity == "warning") {
                actual[f.rule, default: 0] += 1
            }
            XCTAssertEqual(actual, expected, "\(name): findings differ from its # expect: lines")
        }
    }

    /// The spec's example report, checked by the four packs and the schema: the findings its
    /// comments and values imply (cv-112's font waived).
    func testSpecExampleReport() throws {
        let example = CLI.repository.deletingLastPathComponent().appendingPathComponent("shared/spec/example-self-report.yaml").path
        guard FileManager.default.fileExists(atPath: example) else {
            return XCTFail("../shared/spec/example-self-report.yaml is missing: the shared folder must be beside the repository")
        }
        let run = try shipped(["check", example, "--format", "json"])
        assertStatus(run, 1)
        let actual = try findings(run).map { "\($0.rule) \($0.path)\($0.waived ? " waived" : "")" }.sorted()
        let expected = [
            "CD-FEEDBACK feedback.resolved",
            "CD-PLAN-COMPLETION direction.annual_plan.tasks_completed",
            "CD-SELF-INSPECTION direction.self_inspections",
            "LT-DOSSIER-LIST-LATE archive.dossier_list_issued_on",
            "LT-HANDOVER-LATE archive.dossiers[0].handed_over_on",
            "LT-HANDOVER-OVERDUE archive.dossiers[1].handed_over_on",
            "LT-INDEX archive.dossiers[0].has_index",
            "LT-SHEETS-NUMBERED archive.dossiers[1].sheets_numbered",
            "MC-LOGBOOK one_stop_shop.logbook_complete",
            "MC-ONLINE-RATE one_stop_shop.dossiers.received_online",
            "MC-OVERDUE-APOLOGY one_stop_shop.dossiers.apology_letters",
            "MC-POST-FEEDBACK one_stop_shop.postings.feedback_address",
            "MC-PROCEDURES-POSTED one_stop_shop.procedures_posted",
            "ND30-ARCHIVE-COPY documents[0].recipients[1]",
            "ND30-ARCHIVE-COPY documents[1].recipients",
            "ND30-BODY-SIZE documents[1].layout.body_size_pt",
            "ND30-DATE-LINE documents[1].place_date",
            "ND30-FILE-MISMATCH documents[1].file",  // van-ban/cv-112.docx is not beside the example
            "ND30-FONT documents[1].layout.font waived",
            "ND30-HEADER-SIZES documents[1].layout.national_title_size_pt",
            "ND30-MARGINS documents[1].layout.margins_mm.left",
        ]
        XCTAssertEqual(actual, expected)
    }

    /// Reports typed by hand: NFD text, Windows line endings and a BOM give the same result as
    /// the clean base; numbers in quotes and dates written dd/mm/yyyy are never a wrong pass.
    func testBadlyTypedReportsNeverPassWrongly() throws {
        let base = try String(contentsOfFile: Self.rules + "/fixtures/valid-commune-2022.yaml", encoding: .utf8)
        let scratch = CLI.Scratch()
        let variants = [
            "nfd.yaml": base.decomposedStringWithCanonicalMapping,
            "crlf.yaml": base.replacingOccurrences(of: "\n", with: "\r\n"),
            "bom.yaml": "\u{FEFF}" + base,
        ]
        for (name, text) in variants {
            let run = try shipped(["check", scratch.write(name, text), "--format", "json", "--fail-on", "info"])
            assertStatus(run, 0)
            XCTAssertEqual(try findings(run).count, 0, "\(name): \(run.stdout.prefix(800))")
        }
        let quoted = base.replacingOccurrences(of: "received: 1534", with: "received: \"1534\"")
        let quotedRun = try shipped(["check", scratch.write("quoted.yaml", quoted), "--format", "json"])
        let quotedFindings = try findings(quotedRun).map { "\($0.rule) \($0.path)" }
        XCTAssertEqual(quotedFindings, ["SCHEMA-TYPE one_stop_shop.dossiers.received"], "the number is read, and the user told to unquote it")
        let slashed = base.replacingOccurrences(of: "issued_on: 2022-06-29", with: "issued_on: 29/06/2022")
        let slashedRun = try shipped(["check", scratch.write("slashed.yaml", slashed), "--format", "json"])
        assertStatus(slashedRun, 1)
        let slashedFindings = try findings(slashedRun)
        XCTAssertTrue(slashedFindings.contains { $0.rule == "SCHEMA-TYPE" && $0.path == "documents[1].issued_on" }, "\(slashedFindings)")
        for rule in ["ND30-DATE-MATCH", "ND30-DATE-IN-PERIOD"] {
            XCTAssertTrue(slashedFindings.contains { $0.rule == rule && $0.path == "documents[1].issued_on" },
                          "\(rule) must not pass on an unreadable date: \(slashedFindings)")
        }
        XCTAssertTrue(slashedRun.stdout.contains("YYYY-MM-DD"), "the message says how to write a date")
    }

    /// A dossier without `code` is named by its title, not "hồ sơ (không có) (…)".
    func testADossierWithoutACodeIsNamedByItsTitle() throws {
        var text = try String(contentsOfFile: Self.rules + "/fixtures/valid-commune-2022.yaml", encoding: .utf8)
        text = text.replacingOccurrences(of: "    - code: \"01.03\"\n      title:", with: "    - title:")
        text = text.replacingOccurrences(of: "has_cover: true", with: "has_cover: false")
        let scratch = CLI.Scratch()
        let run = try shipped(["check", scratch.write("nocode.yaml", text), "--format", "json"])
        XCTAssertTrue(run.stdout.contains("hồ sơ chưa ghi số, ký hiệu (Hồ sơ kế hoạch CCHC năm 2020) không có bìa"), run.stdout)
        XCTAssertFalse(run.stdout.contains("hồ sơ (không có)"), run.stdout)
    }

    /// A value of its type outside the schema's range is read by rules as unreadable, like `abc`:
    /// a count of -5 gave "-12240%", a year 0 a RULE-ERROR blaming the shipped rules.
    func testValuesOutOfTheirRangeAreNotComputedWith() throws {
        let base = try String(contentsOfFile: Self.rules + "/fixtures/valid-commune-2022.yaml", encoding: .utf8)
        let scratch = CLI.Scratch()
        let negative = try shipped(["check", scratch.write("negative.yaml", base.replacingOccurrences(of: "received: 1534", with: "received: -5")),
                                    "--format", "json"])
        // MC-ONLINE-RATE reads the count in its precondition (a denominator not 0): it does not apply.
        XCTAssertEqual(try findings(negative).map { "\($0.rule) \($0.path)" }.sorted(), [
            "MC-COUNTS one_stop_shop.dossiers.received", "SCHEMA-TYPE one_stop_shop.dossiers.received",
        ])
        XCTAssertTrue(negative.stdout.contains("không đọc được one_stop_shop.dossiers.received: '-5' phải từ 0 trở lên"), negative.stdout)
        XCTAssertFalse(negative.stdout.contains("12240"), "no rate is computed from a negative count")

        let yearZero = try shipped(["check", scratch.write("year0.yaml", base.replacingOccurrences(of: "year: 2022\n", with: "year: 0\n")),
                                    "--format", "json"])
        let found = try findings(yearZero)
        XCTAssertFalse(found.contains { $0.rule == "RULE-ERROR" }, "\(found)")
        XCTAssertTrue(found.contains { $0.rule == "SCHEMA-TYPE" && $0.path == "period.year" }, "\(found)")
        XCTAssertTrue(found.filter { $0.rule != "SCHEMA-TYPE" }.allSatisfy { $0.path == "period.year" }, "only what reads the year: \(found)")
        XCTAssertTrue(yearZero.stdout.contains("không đọc được period.year: '0' phải từ 2000 trở lên"), yearZero.stdout)
    }

    func testInitTemplatesPassTheSchema() throws {
        let scratch = CLI.Scratch()
        for kind in ["commune", "district", "province", "department", "school", "agency"] {
            let path = scratch.path + "/\(kind).yaml"
            assertStatus(try shipped(["init", "--kind", kind, "-o", path]), 0)
            let text = try String(contentsOfFile: path, encoding: .utf8)
            XCTAssertTrue(text.hasPrefix("# yaml-language-server: $schema="), kind)
            let run = try shipped(["check", path, "--format", "json", "--fail-on", "never"])
            XCTAssertEqual(try findings(run).filter { $0.rule.hasPrefix("SCHEMA-") || $0.rule.hasPrefix("YAML-") }.map(\.rule), [], kind)
            assertStatus(try shipped(["init", "--kind", kind, "-o", path]), 2)  // no silent overwrite
        }
    }

    func testExplainAndSample() throws {
        let explain = try shipped(["explain", "ND30-MARGINS"])
        assertStatus(explain, 0)
        XCTAssertTrue(explain.stdout.contains("Nghị định 30/2020/NĐ-CP") && explain.stdout.contains("between("), explain.stdout)
        let typo = try shipped(["explain", "ND30-MARGIN"])
        assertStatus(typo, 2)
        XCTAssertTrue(typo.stderr.contains("ý bạn là 'ND30-MARGINS'"), typo.stderr)
        // Plain text for a terminal, placeholders as code, and an example that breaks the rule
        // with a wrong value (its fixtures also remove the whole postings section).
        let abbreviation = try shipped(["explain", "ND30-TYPE-ABBR"])
        XCTAssertTrue(abbreviation.stdout.contains("-<cơ quan>[-<đơn vị soạn thảo>]"), abbreviation.stdout)
        XCTAssertTrue(abbreviation.stdout.contains("`{{ abbreviation }}`-<cơ quan>"), abbreviation.stdout)
        let hotline = try shipped(["explain", "MC-POST-HOTLINE"])
        let example = try XCTUnwrap(hotline.stdout.split(separator: "\n").first { $0.hasPrefix("- Ví dụ vi phạm") })
        XCTAssertTrue(example.contains("one_stop_shop.postings.hotline: ") && !example.contains("bỏ "), String(example))
        let notice = try shipped(["explain", "ND30-NOT-APPLICABLE"])
        XCTAssertTrue(notice.stdout.contains("Thông tư 01/2011/TT-BNV") && notice.stdout.contains("- Căn cứ: "), notice.stdout)

        let examples = CLI.repository.appendingPathComponent("Reports/examples").path
        let first = try shipped(["sample", "--count", "3", "--seed", "42", examples])
        let again = try shipped(["sample", "--count", "3", "--seed", "42", examples])
        assertStatus(first, 0)
        XCTAssertEqual(first.stdout, again.stdout, "the same seed gives the same draw")
        XCTAssertEqual(first.stdout.split(separator: "\n").filter { $0.hasPrefix("  ") }.count, 3)
        let weighted = try shipped(["sample", "--count", "2", "--seed", "42", "--weighted", examples])
        assertStatus(weighted, 0)
        XCTAssertTrue(weighted.stdout.contains("trọng số"), weighted.stdout)
    }
}

/// Word files checked directly, extracted, and refused when they are not Word files.
final class DocxCommandTests: XCTestCase {
    static let fixtures = CLI.repository.appendingPathComponent("Tests/DocxReaderTests/Fixtures").path

    func shipped(_ arguments: [String]) throws -> CLI.Run {
        try CLI.run(arguments, environment: ["CCHC_RULES_HOME": ShippedRulesTests.rules])
    }

    func testCheckingWordFilesPointsAtTheirParagraphs() throws {
        let correct = try shipped(["check", Self.fixtures + "/nd30-correct.docx"])
        assertStatus(correct, 0)
        let arial = try shipped(["check", Self.fixtures + "/font-arial.docx", Self.fixtures + "/date-no-leading-zero.docx"])
        assertStatus(arial, 1)
        assertFinding(arial, "ND30-FONT", at: Self.fixtures + "/font-arial.docx", 10, 1)
        assertFinding(arial, "ND30-DATE-LINE", at: Self.fixtures + "/date-no-leading-zero.docx", 5, 1)
        XCTAssertTrue(arial.stdout.contains("(đoạn 5: «Tiên Sơn, ngày 5 tháng 3 năm 2022»)"), arial.stdout)
        let margins = try shipped(["check", Self.fixtures + "/margin-left-25.docx", "--format", "json"])
        XCTAssertTrue(margins.stdout.contains("\"path\": \"layout.margins_mm.left\""), margins.stdout)
    }

    func testExtractPrintsAReportEntryAndRefusesBadFiles() throws {
        let run = try shipped(["extract", Self.fixtures + "/nd30-correct.docx", "--provenance"])
        assertStatus(run, 0)
        for line in ["- type: \"Kế hoạch\"", "  number: \"05/KH-UBND\"", "    margins_mm: {top: 20, bottom: 20, left: 30, right: 15}",
                     "    first_line_indent_cm: 1.27", "#   number: đoạn 4 «Số: 05/KH-UBND»"] {
            XCTAssertTrue(run.stdout.contains(line), "missing \(line) in:\n\(run.stdout)")
        }
        // Provenance only of fields the entry writes: paragraph spacing is read, not written.
        XCTAssertFalse(run.stdout.contains("space_after_pt"), run.stdout)
        XCTAssertTrue(run.stdout.contains("#   recipients[1]: đoạn 16"), run.stdout)
        let scratch = CLI.Scratch()
        let fake = scratch.write("gia.docx", "đây không phải tệp Word")
        let bad = try shipped(["extract", fake])
        assertStatus(bad, 2)
        XCTAssertTrue(bad.stderr.contains("gia.docx: lỗi:"), bad.stderr)
        let checked = try shipped(["check", fake, Self.fixtures + "/nd30-correct.docx"])
        assertStatus(checked, 2)
        assertFinding(checked, "YAML-SYNTAX", at: fake, 1, 1)
        XCTAssertTrue(checked.stdout.contains("nd30-correct.docx"), "the other file is still checked")
    }
}

/// Several formats in one run: each `-o` belongs to the `--format` written before it.
final class OutputPairingTests: XCTestCase {
    func testEachOutputFileBelongsToThePrecedingFormat() throws {
        let scratch = CLI.Scratch()
        let report = ShippedRulesTests.rules + "/fixtures/valid-commune-2022.yaml"
        let run = try CLI.run(["check", report, "--format", "text", "--format", "sarif", "-o", scratch.path + "/out.sarif",
                               "--format", "junit", "-o", scratch.path + "/out.xml"],
                              environment: ["CCHC_RULES_HOME": ShippedRulesTests.rules])
        assertStatus(run, 0)
        XCTAssertTrue(run.stdout.contains("valid-commune-2022.yaml"), "text goes to the terminal: \(run.stdout)")
        XCTAssertFalse(run.stdout.contains("\"$schema\""), "SARIF does not go to the terminal")
        let sarif = try String(contentsOfFile: scratch.path + "/out.sarif", encoding: .utf8)
        XCTAssertTrue(sarif.contains("\"version\": \"2.1.0\""), sarif)
        let junit = try String(contentsOfFile: scratch.path + "/out.xml", encoding: .utf8)
        XCTAssertTrue(junit.hasPrefix("<?xml"), junit)
        let twoToTerminal = try CLI.run(["check", report, "--format", "text", "--format", "json"],
                                        environment: ["CCHC_RULES_HOME": ShippedRulesTests.rules])
        assertStatus(twoToTerminal, 2)
    }
}

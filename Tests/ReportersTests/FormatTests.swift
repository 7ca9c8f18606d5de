import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RuleEngine
import XCTest
import YAML
@testable import Reporters

/// What the goldens cannot show at a glance: rules the formats' specifications state in prose,
/// escaping, counts, and the registry.
final class FormatTests: XCTestCase {
    func render(_ format: String, _ run: RunResult = Fixtures.single, options: ReportOptions = ReportOptions()) -> String {
        ReporterRegistry.reporter(for: format)!.render(run, options: options)
    }

    func json(_ text: String) throws -> [String: Any] {
        try XCTUnwrap(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: Registry

    func testRegistryListsEveryFormatOnceAndFindsThemByName() {
        XCTAssertEqual(ReporterRegistry.formats, ["text", "json", "sarif", "junit", "github", "markdown", "html"])
        for format in ReporterRegistry.formats {
            XCTAssertEqual(ReporterRegistry.reporter(for: format)?.format, format)
            XCTAssertFalse(ReporterRegistry.reporter(for: format)!.summary.isEmpty)
        }
        XCTAssertNil(ReporterRegistry.reporter(for: "pdf"))
    }

    // MARK: SARIF

    /// Every result's rule is listed; `ruleIndex` is there for the rules the run describes
    /// (and points at the same id), and absent for a rule only findings name (listed after
    /// them, found by `ruleId`: a streamed log cannot know their order before the end).
    func testSARIFRuleIndexPointsAtTheRuleWithTheSameID() throws {
        var sawUndescribed = false
        for (_, run) in Fixtures.all {
            let described = Set(run.rules.map(\.id))
            let sarifRun = try XCTUnwrap((json(render("sarif", run))["runs"] as? [[String: Any]])?.first)
            let driver = try XCTUnwrap((sarifRun["tool"] as? [String: Any])?["driver"] as? [String: Any])
            let ruleIDs = try XCTUnwrap(driver["rules"] as? [[String: Any]]).map { $0["id"] as! String }
            XCTAssertEqual(Set(ruleIDs).count, ruleIDs.count, "rule ids are unique")
            let results = try XCTUnwrap(sarifRun["results"] as? [[String: Any]])
            XCTAssertEqual(results.count, run.allFindings.count)
            sawUndescribed = sawUndescribed || results.contains { $0["ruleIndex"] == nil }
            for result in results {
                let id = try XCTUnwrap(result["ruleId"] as? String)
                XCTAssertTrue(ruleIDs.contains(id))
                if described.contains(id) {
                    let index = try XCTUnwrap(result["ruleIndex"] as? Int)
                    XCTAssertEqual(ruleIDs[index], id)
                } else {
                    XCTAssertNil(result["ruleIndex"])
                    XCTAssertGreaterThanOrEqual(ruleIDs.firstIndex(of: id)!, described.count)
                }
            }
        }
        XCTAssertTrue(sawUndescribed, "the fixtures have findings of undescribed rules")
    }

    func testSARIFEncodesVietnameseFileNamesAndMarksWaiversAsSuppressions() throws {
        let text = render("sarif")
        XCTAssertTrue(text.contains(#""uri": "B%C3%A1o%20c%C3%A1o/b%C3%A1o%20c%C3%A1o%20t%E1%BB%B1%20ki%E1%BB%83m%20tra%202024.yaml""#))
        let results = try XCTUnwrap((json(text)["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        let suppressed = results.filter { $0["suppressions"] != nil }
        XCTAssertEqual(suppressed.map { $0["ruleId"] as? String }, ["CD-REPORTS", "MC-POST-HOTLINE"])
        let kinds = suppressed.compactMap { ($0["suppressions"] as? [[String: Any]])?.first?["kind"] as? String }
        XCTAssertEqual(kinds, ["external", "inSource"], "config waivers are external, report waivers in source")
        let hotline = try XCTUnwrap((suppressed[1]["suppressions"] as? [[String: Any]])?.first)
        XCTAssertEqual(hotline["justification"] as? String, "Dùng đường dây nóng chung của UBND huyện; xã không công bố số riêng")
    }

    /// Baseline entries no finding matched are results with `baselineState: absent`, after the
    /// run's own results (a failed `--baseline-strict` run says why in its SARIF too).
    func testSARIFListsVanishedBaselineEntriesAsAbsent() throws {
        let log = try json(render("sarif", Fixtures.withVanishedBaselineEntries))
        let run = try XCTUnwrap((log["runs"] as? [[String: Any]])?.first)
        let results = try XCTUnwrap(run["results"] as? [[String: Any]])
        let absent = results.filter { $0["baselineState"] as? String == "absent" }
        XCTAssertEqual(absent.map { $0["ruleId"] as? String }, ["ND30-MARGINS", "QN-OLD"])
        XCTAssertEqual((absent[0]["message"] as? [String: Any])?["text"] as? String,
                       "không còn xuất hiện (đã có trong baseline): UBND xã Tiên Lãnh, năm 2024 · documents[9].layout.margins_mm.left")
        let rules = try XCTUnwrap(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        XCTAssertEqual(rules[absent[0]["ruleIndex"] as? Int ?? -1]["id"] as? String, "ND30-MARGINS")
        XCTAssertNil(absent[1]["ruleIndex"], "a rule the run does not know has no index")
        XCTAssertEqual(results.suffix(2).map { $0["baselineState"] as? String }, ["absent", "absent"])
        XCTAssertFalse(render("sarif", Fixtures.many).contains("\"absent\""))
    }

    /// Baseline entries no finding matched are a suite of their own: failed cases when they fail
    /// the run (`--baseline-strict`), skipped ones otherwise; the totals count them.
    func testJUnitListsVanishedBaselineEntries() {
        var run = Fixtures.withVanishedBaselineEntries
        let plain = render("junit", run)
        run.strictBaseline = true
        let strict = render("junit", run)
        let name = "ND30-MARGINS · UBND xã Tiên Lãnh, năm 2024 · documents[9].layout.margins_mm.left"
        for xml in [plain, strict] {
            XCTAssertTrue(xml.contains("<testsuite name=\"baseline\" tests=\"2\""), xml)
            XCTAssertTrue(xml.contains("<testcase classname=\"baseline\" name=\"\(name)\">"), xml)
            XCTAssertTrue(xml.contains("name=\"QN-OLD · reports/x.yaml\""), xml)
        }
        XCTAssertTrue(plain.contains("<skipped message=\"không còn xuất hiện (đã có trong baseline)"), plain)
        XCTAssertTrue(strict.contains("<failure message=\"không còn xuất hiện (đã có trong baseline)"), strict)
        func failures(_ xml: String) -> Int? {
            xml.firstMatch(of: /<testsuites name="cchc" tests="\d+" failures="(\d+)"/).flatMap { Int($0.1) }
        }
        XCTAssertEqual(failures(strict)! - failures(plain)!, 2, "strict: the two entries fail")
        XCTAssertFalse(render("junit", Fixtures.many).contains("name=\"baseline\""))
    }

    func testURIReferences() {
        XCTAssertEqual(URIReference.forPath("a b/c.yaml").uri, "a%20b/c.yaml")
        XCTAssertEqual(URIReference.forPath("x:y.yaml").uri, "x%3Ay.yaml", "a colon must not read as a scheme")
        XCTAssertEqual(URIReference.forPath("/srv/báo.yaml").uri, "file:///srv/b%C3%A1o.yaml")
        XCTAssertTrue(URIReference.forPath("r.yaml").isRelative)
        XCTAssertFalse(URIReference.forPath("/r.yaml").isRelative)
    }

    // MARK: JUnit

    func testJUnitCountsMatchTheElements() throws {
        for (name, run) in Fixtures.all {
            let counts = try JUnitCounter(render("junit", run))
            XCTAssertEqual(counts.mismatches, [], name)
            let expectedCases = run.reports.map { report in
                Set(report.outcomes.map(\.ruleID) + report.findings.map(\.ruleID)).count
            }.reduce(0, +)
            XCTAssertEqual(counts.testCases, expectedCases, "\(name): one test case per rule checked")
        }
    }

    /// Checking times are written only with a timestamp, so that the same inputs give the same
    /// bytes; then with the three decimals `junit.xsd` allows at most.
    func testJUnitTimesOnlyWithATimestampAndWithThreeDecimals() {
        XCTAssertFalse(render("junit").contains("time="), render("junit"))
        let timed = render("junit", options: ReportOptions(generatedAt: Date(timeIntervalSince1970: 1_714_552_200)))
        XCTAssertTrue(timed.contains(#"<testsuites name="cchc" tests="13" failures="7" errors="0" time="0.012">"#), timed)
        XCTAssertTrue(timed.contains(#"skipped="4" time="0.012" timestamp="2024-05-01T08:30:00""#), timed)
    }

    // MARK: JSON

    func testJSONIsVersionedWithStableKeysAndEscapesControlCharacters() throws {
        let text = render("json")
        let document = try json(text)
        XCTAssertEqual(document["format"] as? Int, 1)
        let keys = ["\"format\"", "\"tool\"", "\"generated_at\"", "\"summary\"", "\"reports\"", "\"rules\"", "\"resolved_baseline_entries\""]
        let offsets = keys.map { text.range(of: $0)!.lowerBound }
        XCTAssertEqual(offsets, offsets.sorted(), "top-level keys in documented order")

        var run = Fixtures.single
        run.reports[0].findings[0].message = "a\u{1}b\"c\\d\ne"
        let message = try XCTUnwrap(((json(render("json", run))["reports"] as? [[String: Any]])?[0]["findings"] as? [[String: Any]])?[0]["message"] as? String)
        XCTAssertEqual(message, "a\u{1}b\"c\\d\ne")
        XCTAssertTrue(render("json", run).contains(#""a\u0001b\"c\\d\ne""#))
    }

    func testJSONTimestampOnlyWhenAsked() throws {
        let options = ReportOptions(generatedAt: Date(timeIntervalSince1970: 1_714_552_200))
        XCTAssertEqual(try json(render("json", options: options))["generated_at"] as? String, "2024-05-01T08:30:00Z")
    }

    // MARK: GitHub

    func testGitHubEscaping() {
        XCTAssertEqual(GitHubReporter.escapeData("100% a:b,c\r\nd"), "100%25 a:b,c%0D%0Ad")
        XCTAssertEqual(GitHubReporter.escapeProperty("100% a:b,c\r\nd"), "100%25 a%3Ab%2Cc%0D%0Ad")
    }

    func testGitHubWaivedAndBaselinedFindingsAreNotices() {
        let lines = render("github").split(separator: "\n")
        XCTAssertEqual(lines.count, Fixtures.single.allFindings.count)
        XCTAssertTrue(lines.first { $0.contains("title=LT-COVER") }!.hasPrefix("::notice "))
        XCTAssertTrue(lines.first { $0.contains("title=MC-POST-HOTLINE") }!.hasPrefix("::notice "))
        XCTAssertTrue(lines.first { $0.contains("title=ND30-MARGINS") }!.hasPrefix("::error "))
    }

    // MARK: Text

    func testCaretCountsCharactersAndKeepsTabs() {
        // "ê" written as e + combining circumflex: two scalars, one character.
        let decomposed = "\tTi\u{65}\u{302}n: x"
        let finding = Finding(ruleID: "R", severity: .error, title: "t", message: "m", area: "a",
                              location: SourceLocation(file: "f.yaml", line: 3, column: 9), path: "p")
        let run = RunResult(toolVersion: "0", reports: [ReportResult(file: "f.yaml", findings: [finding], sourceLines: [3: decomposed])],
                            rules: [])
        let lines = render("text", run, options: ReportOptions(quiet: true)).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[1], "   3 | \(decomposed)")
        XCTAssertEqual(lines[2], "     | \t      ^", "tab kept, 'Tiên: ' is 6 characters, caret under x")
    }

    func testCaretPastTheEndOfTheLineAndControlCharactersInValues() {
        let finding = Finding(ruleID: "R", severity: .warning, title: "t", message: "x\u{1B}[31my\nz", area: "a",
                              location: SourceLocation(file: "f.yaml", line: 1, column: 6), path: "")
        let run = RunResult(toolVersion: "0", reports: [ReportResult(file: "f.yaml", findings: [finding], sourceLines: [1: "ab"])], rules: [])
        let lines = render("text", run, options: ReportOptions(quiet: true)).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines[0], "f.yaml:1:6: cảnh báo[R]: x\u{FFFD}[31my z", "no raw escape or line break from a value")
        XCTAssertEqual(lines[2], "     |      ^")
    }

    /// A 100 KB line is shown as a 160-character window around the caret, marked with "…".
    func testALongSourceLineIsCutAroundTheCaret() {
        let line = String(repeating: "a", count: 500) + "ê" + String(repeating: "b", count: 500)
        func excerpt(column: Int) -> [String] {
            let finding = Finding(ruleID: "R", severity: .error, title: "t", message: "m", area: "a",
                                  location: SourceLocation(file: "f.yaml", line: 1, column: column), path: "p")
            let run = RunResult(toolVersion: "0", reports: [ReportResult(file: "f.yaml", findings: [finding], sourceLines: [1: line])], rules: [])
            return Array(render("text", run, options: ReportOptions(quiet: true)).split(separator: "\n").map(String.init)[1 ... 2])
        }
        let start = excerpt(column: 3)
        XCTAssertEqual(start[0], "   1 | " + String(repeating: "a", count: 160) + "…")
        XCTAssertEqual(start[1], "     |   ^")
        let middle = excerpt(column: 501)
        XCTAssertEqual(middle[0], "   1 | …" + String(repeating: "a", count: 80) + "ê" + String(repeating: "b", count: 79) + "…")
        XCTAssertEqual(middle[1], "     | " + String(repeating: " ", count: 81) + "^", "the caret stays under ê")
        // A window that would start between a letter and its combining mark starts at the letter.
        let decomposed = String(repeating: "a", count: 419) + "e\u{0302}\u{0301}" + String(repeating: "b", count: 500)
        let finding = Finding(ruleID: "R", severity: .error, title: "t", message: "m", area: "a",
                              location: SourceLocation(file: "f.yaml", line: 1, column: 502), path: "p")
        let run = RunResult(toolVersion: "0", reports: [ReportResult(file: "f.yaml", findings: [finding], sourceLines: [1: decomposed])], rules: [])
        let shown = render("text", run, options: ReportOptions(quiet: true)).split(separator: "\n").map(String.init)[1]
        XCTAssertTrue(shown.hasPrefix("   1 | …e\u{0302}\u{0301}b"), shown)
        let end = excerpt(column: 1001)
        XCTAssertEqual(end[0], "   1 | …" + String(repeating: "b", count: 160))
        XCTAssertEqual(end[1], "     | " + String(repeating: " ", count: 160) + "^")
    }

    /// A finding in another file than the report (a config's waiver) quotes that file's line
    /// when the result has it, and nothing when not: never the report's line of that number.
    func testAnExcerptComesFromTheFindingsOwnFile() {
        func finding(line: Int) -> Finding {
            Finding(ruleID: "WAIVER-INVALID", severity: .error, title: "t", message: "m", area: "waiver",
                    location: SourceLocation(file: "cchc.yaml", line: line, column: 5), path: "waivers")
        }
        var report = ReportResult(file: "f.yaml", findings: [finding(line: 2), finding(line: 3)], sourceLines: [2: "unit:", 3: "  name: A"])
        report.otherFilesSourceLines = ["cchc.yaml": [3: "  - {rule: X, target: y, reason: z}"]]
        let run = RunResult(toolVersion: "0", reports: [report], rules: [])
        let lines = render("text", run, options: ReportOptions(quiet: true)).split(separator: "\n").map(String.init)
        XCTAssertEqual(lines, [
            "cchc.yaml:2:5: lỗi[WAIVER-INVALID]: m",
            "cchc.yaml:3:5: lỗi[WAIVER-INVALID]: m",
            "   3 |   - {rule: X, target: y, reason: z}",
            "     |     ^",
        ])
    }

    func testColourOnlyWhenAsked() {
        XCTAssertFalse(render("text").contains("\u{1B}["))
        XCTAssertTrue(render("text", options: ReportOptions(color: true)).contains("\u{1B}[1;31mlỗi[ND30-MARGINS]:\u{1B}[0m"))
    }

    // MARK: Markup, Markdown, HTML

    func testMarkupEscaping() {
        XCTAssertEqual(Markup.text("<a href=\"x\">&'\u{1}\n"), "&lt;a href=\"x\"&gt;&amp;'\u{FFFD}\n")
        XCTAssertEqual(Markup.attribute("\"'\t\n<"), "&quot;&#39;&#9;&#10;&lt;")
        // Each character that changes is found alone in plain Vietnamese text (the text that
        // changes nothing is returned as it is).
        let plain = "Ủy ban nhân dân xã Tiên Sơn \u{FFFD} 1/2"
        XCTAssertEqual(Markup.text(plain), plain)
        XCTAssertEqual(Markup.attribute(plain), plain)
        let text: [String: String] = ["&": "&amp;", "<": "&lt;", ">": "&gt;", "\u{1}": "\u{FFFD}", "\u{1F}": "\u{FFFD}",
                                      "\u{FFFE}": "\u{FFFD}", "\u{FFFF}": "\u{FFFD}", "\"": "\"", "'": "'", "\t": "\t", "\n": "\n"]
        let attribute: [String: String] = ["\"": "&quot;", "'": "&#39;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;", "&": "&amp;"]
        for (character, escaped) in text { XCTAssertEqual(Markup.text(plain + character), plain + escaped, character) }
        for (character, escaped) in attribute { XCTAssertEqual(Markup.attribute(plain + character), plain + escaped, character) }
    }

    /// Plain text, Markdown and GitHub escaping read bytes, with text that needs nothing
    /// returned as it is: each character that changes is found alone in Vietnamese text.
    func testEscapingFindsEachCharacterAloneInVietnameseText() {
        let plain = "Ủy ban nhân dân xã Tiên Sơn — 1/2 \u{FFFD}"
        XCTAssertEqual(PlainText.oneLine(plain), plain)
        XCTAssertEqual(MarkdownText.inline(plain), plain)
        XCTAssertEqual(GitHubReporter.escapeProperty(plain), plain)
        for (character, cleaned) in ["\n": " ", "\r": " ", "\t": "\t", "\u{0}": "\u{FFFD}", "\u{1B}": "\u{FFFD}",
                                     "\u{7F}": "\u{FFFD}", "\u{80}": "\u{FFFD}", "\u{9F}": "\u{FFFD}", "\u{A0}": "\u{A0}"] {
            XCTAssertEqual(PlainText.oneLine(plain + character + plain), plain + cleaned + plain, character.debugDescription)
        }
        for character in "\\`*_[]<>|#~&!" {
            XCTAssertEqual(MarkdownText.inline(plain + String(character)), plain + "\\" + String(character))
        }
        XCTAssertEqual(GitHubReporter.escapeData(plain + "%\r\n:,"), plain + "%25%0D%0A:,")
        XCTAssertEqual(GitHubReporter.escapeProperty(plain + "%\r\n:,"), plain + "%25%0D%0A%3A%2C")
    }

    func testMarkdownEscaping() {
        XCTAssertEqual(MarkdownText.inline("a|b *c* [d](e) <f>\ng"), #"a\|b \*c\* \[d\](e) \<f\> g"#)
        XCTAssertEqual(MarkdownText.code("a`b"), "``a`b``")
        XCTAssertEqual(MarkdownText.code("`a"), "`` `a ``")
    }

    func testHTMLIsSelfContainedAndEscapesReportValues() {
        var run = Fixtures.many
        run.reports[0].unitName = "<script>alert(1)</script>"
        let html = render("html", run)
        XCTAssertFalse(html.contains("<script"))
        XCTAssertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        for external in ["src=", "href=\"http", "url(", "@import", "@font-face"] {
            XCTAssertFalse(html.contains(external), external)
        }
        for needed in ["<meta charset=\"utf-8\">", "name=\"viewport\"", "@page { size: A4", "@media print", "<svg"] {
            XCTAssertTrue(html.contains(needed), needed)
        }
    }

    func testOneReportHasNoOverviewAndManyHaveOne() {
        for format in ["html", "markdown"] {
            XCTAssertFalse(render(format).contains(Wording.overview), format)
            XCTAssertTrue(render(format, Fixtures.many).contains(Wording.overview), format)
        }
    }

    /// The failure chart shows 15 checks: it says how many it leaves out, and among checks that
    /// fail in as many units it keeps errors before warnings.
    func testFailureChartSaysWhatItLeavesOut() {
        let checks = (1 ... 20).map { String(format: "T-%02d", $0) }
        let reports = (0 ..< 2).map { unit in
            ReportResult(file: "u\(unit).yaml", unitName: "Đơn vị \(unit)", findings: checks.map { id in
                Finding(ruleID: id, severity: id == "T-20" ? .error : .warning, title: "Kiểm tra \(id)", message: "không đạt",
                        area: "thu", location: SourceLocation(file: "u\(unit).yaml", line: 1, column: 1), path: "")
            })
        }
        let markdown = render("markdown", RunResult(toolVersion: "0", reports: reports, rules: []))
        XCTAssertTrue(markdown.contains("Biểu đồ chỉ nêu 15 trong 20 kiểm tra không đạt"), markdown)
        XCTAssertTrue(markdown.contains("| T-20 — Kiểm tra T-20 |"), "the only error is kept:\n\(markdown)")
        XCTAssertFalse(markdown.contains("| T-19 — "), "the last warnings are left out")
        XCTAssertFalse(render("markdown", Fixtures.many).contains("Biểu đồ chỉ nêu"), "nothing left out, nothing said")
    }

    // MARK: Shared pieces

    func testAreaGroupsAndOrder() {
        XCTAssertEqual(ReportArea(areaID: "yaml"), ReportArea(areaID: "schema"))
        XCTAssertEqual(ReportArea(areaID: "schema").title, "Định dạng báo cáo")
        XCTAssertEqual(ReportArea(areaID: "qua-tinh").title, "qua-tinh")
        let ordered = ["qua-tinh", "schema", "chi-dao", "nd30", "luu-tru", "mot-cua"].map { ReportArea(areaID: $0) }.sorted()
        XCTAssertEqual(ordered.map(\.key), ["nd30", "mot-cua", "luu-tru", "chi-dao", "schema", "qua-tinh"])
    }

    func testTallyClassesAreDisjoint() {
        let tally = FindingTally(Fixtures.single.allFindings)
        XCTAssertEqual(tally.total, Fixtures.single.allFindings.count)
        XCTAssertEqual(tally.counted, Fixtures.single.allFindings.count(where: \.counts))
        XCTAssertEqual([tally.count(.error), tally.count(.warning), tally.count(.info), tally.waived, tally.baselined], [2, 3, 2, 2, 1])
    }

    func testVietnameseNumbers() {
        XCTAssertEqual(Wording.decimal(82.5), "82,5")
        XCTAssertEqual(Wording.decimal(100), "100")
        XCTAssertEqual(Wording.decimal(200.0 / 3), "66,7")
        XCTAssertEqual(Wording.score(Score(earned: 0, possible: 0)), "chưa tính được")
    }
}

/// Counts a JUnit document's elements and checks each suite's and the root's attributes.
private final class JUnitCounter: NSObject, XMLParserDelegate {
    private(set) var testCases = 0
    private(set) var mismatches: [String] = []
    private var suite: (name: String, declared: [String: String], cases: Int, failures: Int, skipped: Int)?
    private var totals = (cases: 0, failures: 0)
    private var rootDeclared: [String: String] = [:]

    init(_ xml: String) throws {
        super.init()
        let parser = XMLParser(data: Data(xml.utf8))
        parser.delegate = self
        guard parser.parse(), parser.parserError == nil else { throw parser.parserError ?? CocoaError(.coderReadCorrupt) }
        if rootDeclared["tests"] != String(totals.cases) || rootDeclared["failures"] != String(totals.failures) {
            mismatches.append("testsuites declares \(rootDeclared), has \(totals)")
        }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "testsuites": rootDeclared = attributes
        case "testsuite": suite = (attributes["name"] ?? "", attributes, 0, 0, 0)
        case "testcase": suite?.cases += 1; testCases += 1
        case "failure": suite?.failures += 1
        case "skipped": suite?.skipped += 1
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard name == "testsuite", let suite else { return }
        let found = ["tests": suite.cases, "failures": suite.failures, "skipped": suite.skipped, "errors": 0]
        for (key, count) in found where suite.declared[key] != String(count) {
            mismatches.append("\(suite.name): \(key)=\(suite.declared[key] ?? "nil"), found \(count)")
        }
        totals.cases += suite.cases
        totals.failures += suite.failures
    }
}

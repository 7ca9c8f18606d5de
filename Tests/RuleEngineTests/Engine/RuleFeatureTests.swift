import Synchronization
import XCTest
@testable import RuleEngine

/// Rule features end to end: templates, multi-check rules (Decision 3), `at:`, basis by year
/// (Decision 2), effective windows (Decision 1), `requires:`, `let:`, `for_each` and scores.
final class RuleFeatureTests: XCTestCase {
    /// A report whose lines the assertions name: document 0 at 6:5 (issued 2019), its font at
    /// 9:13 and left margin at 11:15; document 1 at 14:5.
    static func report(year: Int = 2022) -> String {
        """
        unit:
          name: UBND xã A
        period:
          year: \(year)
        documents:
          - ref: cv-1
            issued_on: 2019-05-10
            layout:
              font: Arial
              margins_mm:
                left: 29.5
                right: 25
                top: 20
          - ref: qd-2
            issued_on: 2022-03-01
            layout:
              font: Times New Roman
              margins_mm:
                left: 30
                right: 15
                top: 20
                bottom: 10
        one_stop_shop:
          dossiers:
            received: 100
            received_online: 29
        """
    }

    private var workspace = PackWorkspace()

    override func setUp() { workspace = PackWorkspace() }

    private func check(_ rules: String, manifest: String = "", year: Int = 2022,
                       options: CheckOptions = CheckOptions(today: testToday)) throws -> ReportResult {
        workspace.pack(manifest: manifest, rules: rules)
        return try workspace.check(Self.report(year: year), options: options)
    }

    // MARK: Templates

    func testTemplatesShowFormattedValues() throws {
        let result = try check(rulesFile(rule("T-RATE", #"""
            require: one_stop_shop.dossiers.received_online / one_stop_shop.dossiers.received >= params.min_rate
            message: "tỷ lệ {{ one_stop_shop.dossiers.received_online / one_stop_shop.dossiers.received | percent }}, tối thiểu {{params.min_rate|percent}}, lề {{ documents[0].layout.margins_mm.left | number(1) }} mm, {{ unit.phone }}, {{ documents | count }} văn bản"
            fix: "Nâng lên {{ params.min_rate * 100 | number(0) }}% trở lên"
            """#)), manifest: "params:\n  min_rate:\n    default: 0.3\n")
        let f = try XCTUnwrap(result.single("T-RATE"))
        XCTAssertEqual(f.message, "tỷ lệ 29%, tối thiểu 30%, lề 29,5 mm, (không có), 2 văn bản")
        XCTAssertEqual(f.fix, "Nâng lên 30% trở lên")
        XCTAssertEqual(f.basis, "Căn cứ T-RATE")
        XCTAssertEqual(f.title, "Tiêu đề T-RATE")
        // Away from a report (SARIF's rule help, JSON's rules), each placeholder shows as "…".
        let (set, _) = workspace.compile()
        XCTAssertEqual(set.descriptors(on: CalendarDate(year: 2022, month: 12, day: 31)!).first { $0.id == "T-RATE" }?.fix,
                       "Nâng lên …% trở lên")
    }

    func testTemplateErrorsAreLoadErrorsInTheRuleFile() {
        workspace.pack(rules: rulesFile(
            rule("T-FN", "require: true\nmessage: \"giá trị {{ cout(documents) }}\""),
            rule("T-OPEN", "require: true\nmessage: \"giá trị {{ unit.name \"")))
        let (_, errors) = workspace.compile()
        XCTAssertEqual(errors.count, 2, errors.map(\.description).joined(separator: "\n"))
        let fn = errors.first { $0.ruleID == "T-FN" }
        XCTAssertTrue(fn?.message.contains("ý bạn là 'count'") ?? false, fn?.message ?? "")
        XCTAssertEqual(fn.map { "\($0.location.line):\($0.location.column)" }, "7:26", "at the placeholder's expression")
        XCTAssertTrue(errors.contains { $0.ruleID == "T-OPEN" && $0.message.contains("thiếu '}}'") })
    }

    // MARK: Multi-check rules

    func testMultiCheckRuleListsEveryFailedConditionInOneFinding() throws {
        let result = try check(rulesFile(rule("T-MARGINS", """
            for_each: documents
            as: doc
            message: "văn bản {{ doc.ref }} sai lề"
            require:
              - check: between(doc.layout.margins_mm.left, 30, 35)
                message: "lề trái {{ doc.layout.margins_mm.left }} mm, quy định 30–35 mm"
                at: doc.layout.margins_mm.left
              - check: between(doc.layout.margins_mm.right, 15, 20)
                message: "lề phải {{ doc.layout.margins_mm.right }} mm, quy định 15–20 mm"
              - check: between(doc.layout.margins_mm.top, 20, 25)
                message: lề trên
              - check: doc.layout.margins_mm.bottom >= 20
                severity: warning
                message: "lề dưới {{ doc.layout.margins_mm.bottom }} mm"
            """)))
        let findings = result.findings("T-MARGINS")
        XCTAssertEqual(findings.map(\.place), ["T-MARGINS@documents[0].layout.margins_mm.left 11:15", "T-MARGINS@documents[1] 14:5"])
        XCTAssertEqual(findings.map(\.message), [
            "văn bản cv-1 sai lề: lề trái 29,5 mm, quy định 30–35 mm; lề phải 25 mm, quy định 15–20 mm; thiếu thông tin: documents[0].layout.margins_mm.bottom",
            "văn bản qd-2 sai lề: lề dưới 10 mm",
        ])
        XCTAssertEqual(findings.map(\.severity), [.error, .warning], "the most serious failed condition decides")
    }

    func testChecksWithoutMessagesAreNamedByTheirCondition() throws {
        let result = try check(rulesFile(rule("T-PLAIN", """
            message: Số liệu một cửa sai
            require:
              - check: one_stop_shop.dossiers.received <= 50
              - check: one_stop_shop.dossiers.received_online >= 30
              - check: one_stop_shop.dossiers.received > 0
            """)))
        XCTAssertEqual(result.single("T-PLAIN")?.message,
                       "Số liệu một cửa sai: không đạt: one_stop_shop.dossiers.received <= 50; không đạt: one_stop_shop.dossiers.received_online >= 30")
    }

    // MARK: Locations

    func testAtPointsAtTheOffendingValue() throws {
        let result = try check(rulesFile(
            rule("T-FONT", """
                for_each: documents
                as: doc
                require: doc.layout.font == 'Times New Roman'
                at: doc.layout.font
                """),
            rule("T-COLOR", """
                for_each: documents
                as: doc
                require: doc.ref == 'qd-2'
                at: doc.layout.color
                """),
            rule("T-UNIT", "require: unit.name == 'x'\nat: unit.name"),
            rule("T-DOC", "require: documents[1].ref == 'x'\nat: report.documents[1].ref")))
        XCTAssertEqual(result.findings.map(\.place), [
            "T-UNIT@unit.name 2:9",
            "T-COLOR@documents[0].layout.color 9:7",
            "T-FONT@documents[0].layout.font 9:13",
            "T-DOC@documents[1].ref 14:10",
        ])
    }

    func testAtMustBeAPath() {
        workspace.pack(rules: rulesFile(rule("T-BAD-AT", "require: true\nat: count(documents)")))
        let (_, errors) = workspace.compile()
        XCTAssertEqual(errors.map(\.message), ["'at' phải là đường dẫn (ví dụ doc.layout.font), không phải biểu thức"])
    }

    // MARK: Basis and effective windows

    private let basisByYear = """
        require: one_stop_shop.dossiers.received_online >= 30
        basis:
          - {until: 2025-06-30, text: "Nghị định 61/2018/NĐ-CP"}
          - {from: 2025-07-01, text: "Nghị định 118/2025/NĐ-CP"}
        """

    private func basisText(year: Int, asOf: CalendarDate? = nil) throws -> String? {
        workspace = PackWorkspace()
        let rules = "rules:\n  - id: T-BASIS\n    title: T\n    severity: error\n    message: m\n" + basisByYear.split(separator: "\n").map { "    " + $0 }.joined(separator: "\n")
        return try check(rules, year: year, options: CheckOptions(asOf: asOf, today: testToday)).single("T-BASIS")?.basis
    }

    func testBasisIsTheOneInForceOnTheLastDayOfTheReportYear() throws {
        XCTAssertEqual(try basisText(year: 2024), "Nghị định 61/2018/NĐ-CP")
        XCTAssertEqual(try basisText(year: 2025), "Nghị định 118/2025/NĐ-CP", "a 2025 report cites the 2025 decree")
        XCTAssertEqual(try basisText(year: 2025, asOf: CalendarDate(year: 2025, month: 6, day: 30)), "Nghị định 61/2018/NĐ-CP")
        XCTAssertEqual(try basisText(year: 2030), "Nghị định 118/2025/NĐ-CP")
    }

    func testBasisBetweenTwoWindowsIsTheLatestStarted() {
        let entries = [BasisEntry(from: CalendarDate(year: 2011, month: 1, day: 1), until: CalendarDate(year: 2020, month: 12, day: 31), text: "A"),
                       BasisEntry(from: CalendarDate(year: 2022, month: 1, day: 1), text: "B")]
        XCTAssertEqual(basis(entries, on: CalendarDate(year: 2021, month: 12, day: 31)!), "A")
        XCTAssertEqual(basis(entries, on: CalendarDate(year: 2005, month: 12, day: 31)!), "A", "before every window: the first")
        XCTAssertEqual(basis(entries, on: CalendarDate(year: 2022, month: 12, day: 31)!), "B")
    }

    private func applies(_ effective: String, year: Int, asOf: CalendarDate? = nil,
                         file: StaticString = #filePath, line: UInt = #line) throws -> Bool {
        workspace = PackWorkspace()
        let result = try check(rulesFile(rule("T-WINDOW", "require: false\neffective: \(effective)")), year: year,
                               options: CheckOptions(asOf: asOf, today: testToday))
        return result.outcome("T-WINDOW") != .notApplicable
    }

    func testEffectiveWindowOverlapsTheReportYear() throws {
        XCTAssertFalse(try applies("{from: 2025-07-01}", year: 2024))
        XCTAssertTrue(try applies("{from: 2025-07-01}", year: 2025), "in force on some day of 2025")
        XCTAssertTrue(try applies("{until: 2020-12-31}", year: 2020))
        XCTAssertFalse(try applies("{until: 2020-12-31}", year: 2021))
        XCTAssertTrue(try applies("{from: 2020-03-05, until: 2020-03-05}", year: 2020))
    }

    func testAsOfReplacesTheReportYear() throws {
        let lastDayBefore = CalendarDate(year: 2025, month: 6, day: 30)!, firstDay = CalendarDate(year: 2025, month: 7, day: 1)!
        XCTAssertFalse(try applies("{from: 2025-07-01}", year: 2025, asOf: lastDayBefore))
        XCTAssertTrue(try applies("{from: 2025-07-01}", year: 2024, asOf: firstDay))
        XCTAssertFalse(try applies("{until: 2025-06-30}", year: 2025, asOf: firstDay))
    }

    func testEffectiveWindowByTheTargetsDateFieldWithNotice() throws {
        let manifest = """
            effective: {from: 2020-03-05, field: issued_on}
            not_applicable:
              id: T-NOT-APPLICABLE
              title: Văn bản trước Nghị định 30
              message: "văn bản {{ it.ref }} ban hành trước 05/03/2020: không kiểm tra"
            """
        let result = try check(rulesFile(
            rule("T-FONT", "for_each: documents\nas: doc\nrequire: doc.layout.font == 'Times New Roman'"),
            rule("T-ALWAYS", "for_each: documents\nrequire: it.ref == 'none'"),
            rule("T-REPORT", "require: false")), manifest: manifest, year: 2022)
        XCTAssertEqual(result.findings.map(\.place), [
            "T-REPORT@ 1:1",
            "T-NOT-APPLICABLE@documents[0] 6:5",
            "T-ALWAYS@documents[1] 14:5",
        ], "the 2019 document gets one notice, however many rules skip it")
        XCTAssertEqual(result.single("T-NOT-APPLICABLE")?.message, "văn bản cv-1 ban hành trước 05/03/2020: không kiểm tra")
        XCTAssertEqual(result.single("T-NOT-APPLICABLE")?.severity, .info)
        XCTAssertEqual(result.single("T-NOT-APPLICABLE")?.basis, "Căn cứ của bộ t")
    }

    /// A target dated after the window's `until` is not one "issued before": it gets the
    /// notice's `message_after`.
    func testATargetDatedAfterTheWindowGetsTheAfterNotice() throws {
        let manifest = """
            effective: {from: 2020-03-05, until: 2021-12-31, field: issued_on}
            not_applicable:
              id: T-NOT-APPLICABLE
              title: Văn bản ngoài thời gian hiệu lực của bộ
              message: "văn bản {{ it.ref }} ban hành trước 05/03/2020: không kiểm tra"
              message_after: >-
                văn bản {{ it.ref }} ban hành ngày {{ date(it.issued_on) }}, sau ngày 31/12/2021 khi
                quy định này đã hết hiệu lực: không kiểm tra
            """
        let result = try check(rulesFile(rule("T-FONT", "for_each: documents\nrequire: false")), manifest: manifest)
        XCTAssertEqual(result.findings.map(\.place), ["T-NOT-APPLICABLE@documents[0] 6:5", "T-NOT-APPLICABLE@documents[1] 14:5"])
        XCTAssertEqual(result.findings.map(\.message), [
            "văn bản cv-1 ban hành trước 05/03/2020: không kiểm tra",
            "văn bản qd-2 ban hành ngày 01/03/2022, sau ngày 31/12/2021 khi quy định này đã hết hiệu lực: không kiểm tra",
        ])
    }

    /// A pack whose notice would have to speak of targets after an `until` (its own or a rule's)
    /// says what to tell them, or does not load.
    func testANoticeWithoutItsAfterMessageWhenAWindowEnds() throws {
        workspace.pack(manifest: """
            effective: {from: 2020-03-05, field: issued_on}
            not_applicable: {id: T-NOT-APPLICABLE, message: trước 05/03/2020}
            """, rules: rulesFile(
                rule("T-NOW", "for_each: documents\nrequire: false"),
                rule("T-OLD", "for_each: documents\nrequire: false\neffective: {until: 2021-12-31}")))
        XCTAssertEqual(workspace.compile().1.map(\.message), [
            "'not_applicable' thiếu 'message_after': quy tắc T-OLD hết hiệu lực sau ngày 31/12/2021, "
                + "đối tượng ghi ngày sau đó cần thông báo riêng (không phải \"ban hành trước\")",
        ])
    }

    /// The messages of a check of the sample report under `manifest` by rules that pass on
    /// every document and differ only in their window (`effective:`, none when nil): the notices.
    private func noticeMessages(manifest: String, windows: [(id: String, effective: String?)]) throws -> [String] {
        let rules = windows.map { id, effective in
            rule(id, "for_each: documents\nrequire: true" + (effective.map { "\neffective: " + $0 } ?? ""))
        }
        return try check(rulesFile(rules), manifest: manifest).findings.map(\.message)
    }

    /// A notice's `from` is the start of the window that skipped the target — a rule's own later
    /// `from`, not the pack's; skipped by several rules, the target gets one notice naming the
    /// earliest `from` among them (the first date from which one of them would check it).
    func testTheNoticeNamesTheFromOfTheWindowThatSkippedTheTarget() throws {
        let manifest = """
            effective: {from: 2020-03-05, field: issued_on}
            not_applicable:
              id: T-NOT-APPLICABLE
              message: "văn bản {{ it.ref }} ban hành ngày {{ date(it.issued_on) }}, trước ngày {{ from }}: không kiểm tra"
            """
        XCTAssertEqual(try noticeMessages(manifest: manifest, windows: [
            ("T-ALL", nil), ("T-2024", "{from: 2024-01-01}"), ("T-2023", "{from: 2023-01-01}")]), [
            "văn bản cv-1 ban hành ngày 10/05/2019, trước ngày 05/03/2020: không kiểm tra",
            "văn bản qd-2 ban hành ngày 01/03/2022, trước ngày 01/01/2023: không kiểm tra",
        ])
    }

    /// A notice's `until` (in `message_after`) is the end of the window that skipped the target:
    /// of several, the latest (the last date one of them still applied); `from` is that window's.
    func testTheAfterNoticeNamesTheUntilOfTheWindowThatSkippedTheTarget() throws {
        let manifest = """
            effective: {from: 2019-01-01, until: 2030-12-31, field: issued_on}
            not_applicable:
              id: T-NOT-APPLICABLE
              message: "văn bản {{ it.ref }} ban hành trước ngày {{ from }}"
              message_after: "văn bản {{ it.ref }} ban hành sau ngày {{ until }} (áp dụng từ {{ from }} đến {{ until }})"
            """
        XCTAssertEqual(try noticeMessages(manifest: manifest, windows: [
            ("T-NOW", nil), ("T-2020", "{until: 2020-12-31}"), ("T-2021", "{until: 2021-12-31}")]), [
            "văn bản qd-2 ban hành sau ngày 31/12/2021 (áp dụng từ 01/01/2019 đến 31/12/2021)",
        ])
    }

    func testRuleWindowNarrowsThePacksWindow() throws {
        let result = try check(rulesFile(
            rule("T-LATE", "for_each: documents\nrequire: false\neffective: {from: 2022-01-01}")),
            manifest: "effective: {from: 2020-03-05, field: issued_on}\n")
        XCTAssertEqual(result.findings.map(\.path), ["documents[1]"])
    }

    // MARK: requires, let, for_each

    func testPackDoesNotRunWithoutTheSectionsItRequires() throws {
        let rules = rulesFile(rule("T-ANY", "require: false"))
        workspace.pack(manifest: "requires: [one_stop_shop, archive]\n", rules: rules)
        let without = try workspace.check(Self.report())
        XCTAssertEqual(without.findings.count, 0)
        XCTAssertEqual(without.outcome("T-ANY"), .notApplicable)
        let with = try workspace.check(Self.report() + "\narchive:\n  dossiers: []\n")
        XCTAssertEqual(with.findings.map(\.ruleID), ["T-ANY"])
    }

    /// A section written `~`, `null` or with nothing after its key is absent, as any null field is.
    func testARequiredSectionWrittenNullIsAbsent() throws {
        workspace.pack(manifest: "requires: [archive]\n", rules: rulesFile(rule("T-ANY", "require: false")))
        for section in ["archive: ~", "archive: null", "archive:", "archive: !!null ''"] {
            let result = try workspace.check(Self.report() + "\n" + section + "\n")
            XCTAssertEqual(result.findings.map(\.ruleID), [], section)
            XCTAssertEqual(result.outcome("T-ANY"), .notApplicable, section)
        }
        let empty = try workspace.check(Self.report() + "\narchive: {}\n")
        XCTAssertEqual(empty.findings.map(\.ruleID), ["T-ANY"], "an empty mapping is a section that is there")
    }

    func testLetBindingsAreSharedByConditionAndMessage() throws {
        let result = try check(rulesFile(rule("T-LET", """
            let:
              rate: one_stop_shop.dossiers.received_online / one_stop_shop.dossiers.received
            require: rate >= 0.3
            message: "tỷ lệ {{ rate | percent }}"
            """)))
        XCTAssertEqual(result.single("T-LET")?.message, "tỷ lệ 29%")
        workspace = PackWorkspace()
        workspace.pack(rules: rulesFile(rule("T-SELF", "let:\n  x: x + 1\nrequire: x > 0")))
        XCTAssertTrue(workspace.compile().1.contains { $0.message.contains("tự tham chiếu") })
    }

    /// An error inside a `let:` points at the `let:` itself (not at the expression that used
    /// the name, where its column would be counted in the wrong text), once however many
    /// expressions use it; a `let:` nothing uses is still type-checked where it is written.
    func testLetErrorsPointAtTheLetOnce() throws {
        let text = rulesFile(rule("T-LET-ERROR", """
            let:
              name: unit.nmae
              both: name + unit.name
              spare: period.yaer
            require: >-
              name != "" and
              both != ""
            message: "tên {{ name }}"
            """))
        workspace.pack(rules: text)
        let (_, errors) = workspace.compile(model: TestModel(rootShape: sampleShape))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        func place(of fragment: String) -> String {
            let line = lines.firstIndex { $0.contains(fragment) }!
            let column = lines[line].unicodeScalars.count - lines[line].drop(while: { $0 == " " }).unicodeScalars.count + fragment.count + 1
            return "\(line + 1):\(column)"
        }
        XCTAssertEqual(errors.map { "\($0.location.line):\($0.location.column) \($0.message)" }, [
            "\(place(of: "name: unit.")) 'unit.nmae' không có trong lược đồ báo cáo — ý bạn là 'name'?",
            "\(place(of: "spare: period.")) 'period.yaer' không có trong lược đồ báo cáo — ý bạn là 'year'?",
        ])
    }

    /// Checks the sample report with `tally(x)`, a function that returns `x` and counts its calls.
    private func checkCountingCalls(_ rules: String) throws -> (ReportResult, calls: Int) {
        let calls = Mutex(0)
        var functions = FunctionRegistry.standard
        functions.register(FunctionDefinition(name: "tally", summary: "đếm lần gọi", parameters: [.value("x", .any)],
                                              resultType: { $0[0] }, implementation: { args in
            calls.withLock { $0 += 1 }
            return args[0].value ?? .null
        }))
        workspace.pack(rules: rules)
        let (set, errors) = workspace.compile(functions: functions)
        XCTAssertEqual(errors.map(\.description), [])
        let result = ReportChecker(rules: set, options: CheckOptions(today: testToday)).check(try loadReport(Self.report()))
        return (result, calls.withLock { $0 })
    }

    func testLetValuesAreComputedOncePerTarget() throws {
        // Two documents: `left` is read by require, message and fix, and inside a lambda over
        // every document, yet computed once per document.
        let (result, calls) = try checkCountingCalls(rulesFile(rule("T-ONCE", """
            for_each: documents
            as: doc
            let:
              left: tally(doc.layout.margins_mm.left)
              wider: count(documents, d => d.layout.margins_mm.left > left)
            require: left >= 30 and wider >= 0
            message: "lề trái {{ left }} mm, {{ wider }} văn bản rộng hơn"
            fix: "sửa {{ left }}"
            """)))
        XCTAssertEqual(calls, 2)
        XCTAssertEqual(result.findings.map(\.message), ["lề trái 29,5 mm, 1 văn bản rộng hơn"])
        XCTAssertEqual(result.findings.map(\.fix), ["sửa 29,5"])
    }

    func testLetThatReadsNoTargetIsComputedOncePerRuleAndReport() throws {
        // `lefts` reads no `doc` (nor `i`): built once for both documents, and again for the
        // second rule; `mine` reads `doc`, once per document.
        let body = """
            for_each: documents
            as: doc
            index: i
            let:
              lefts: map(documents, d => tally(d.layout.margins_mm.left))
              mine: tally(doc.layout.margins_mm.left)
            require: index_of(lefts, mine) == i
            message: "lề {{ mine }} trùng văn bản trước"
            """
        let (result, calls) = try checkCountingCalls(rulesFile(rule("T-TABLE", body), rule("T-TABLE-2", body)))
        XCTAssertEqual(calls, 2 * (2 + 2), "per rule: the table's 2 calls once, plus 1 per document")
        XCTAssertEqual(result.findings.map(\.message), [])
    }

    func testLetThatReadsALambdaParameterFollowsTheElement() throws {
        // `is_wide` reads `d`, bound by the lambda where it is used (directly and through
        // `wide_left`): expanded in place, so it changes with each element, never cached.
        let (result, calls) = try checkCountingCalls(rulesFile(rule("T-IN-LAMBDA", """
            let:
              wide_left: tally(d.layout.margins_mm.left) >= 30
              is_wide: wide_left
            require: count(documents, d => is_wide) == 2
            message: "{{ count(documents, d => is_wide) }} văn bản lề đủ"
            """)))
        XCTAssertEqual(result.findings.map(\.message), ["1 văn bản lề đủ"])
        XCTAssertEqual(calls, 4)  // each document, in require and in the message
    }

    func testLetValuesDoNotLeakBetweenTargetsOrRules() throws {
        let result = try check(rulesFile(
            rule("T-FONT", "for_each: documents\nas: doc\nlet:\n  font: doc.layout.font\nrequire: font == 'Times New Roman'\nmessage: '{{ font }}'"),
            rule("T-BOTTOM", "for_each: documents\nas: doc\nlet:\n  bottom: doc.layout.margins_mm.bottom\nrequire: bottom >= 20\nmessage: '{{ bottom }}'")))
        XCTAssertEqual(result.findings("T-FONT").map(\.message), ["Arial"])
        // The first document has no bottom margin: absent there (its own path), too small in the second.
        XCTAssertEqual(result.findings("T-BOTTOM").map(\.message),
                       ["thiếu thông tin: documents[0].layout.margins_mm.bottom", "10"])
    }

    func testForEachOverAComputedList() throws {
        let result = try check(rulesFile(rule("T-FILTERED", """
            for_each: filter(documents, d => d.ref != 'cv-1')
            as: doc
            require: doc.layout.margins_mm.bottom > 20
            """)))
        XCTAssertEqual(result.findings.map(\.place), ["T-FILTERED@documents[1] 14:5"])
    }

    /// A field of the report itself that a per-element rule reads (LT-HANDOVER-OVERDUE's
    /// `submitted_on`) is about the report, not each element: when it is absent the rule says so
    /// once (Decision 3: one finding per rule per target, and the report is that target), while
    /// an element's own absent field is still told per element.
    func testAnAbsentReportFieldThatEveryElementReadsIsReportedOnce() throws {
        let result = try check(rulesFile(rule("T-DEADLINE", """
            for_each: documents
            as: doc
            require: days_between(doc.issued_on, submitted_on) >= 0 and exists(doc.layout.margins_mm.bottom)
            """)))
        XCTAssertEqual(result.findings.map { "\($0.place) \($0.message)" }, ["T-DEADLINE@submitted_on 1:1 thiếu thông tin: submitted_on"])
        XCTAssertEqual(result.outcome("T-DEADLINE"), .failed)

        workspace = PackWorkspace()
        let own = try check(rulesFile(rule("T-OWN", "for_each: documents\nas: doc\nrequire: doc.signed_on > 2000-01-01")))
        XCTAssertEqual(own.findings.map(\.place), ["T-OWN@documents[0].signed_on 6:5", "T-OWN@documents[1].signed_on 14:5"])
    }

    func testForEachMustBeAList() {
        workspace.pack(rules: rulesFile(rule("T-NOT-LIST", "for_each: unit.name\nrequire: true")))
        let (_, errors) = workspace.compile(model: TestModel(rootShape: sampleShape))
        XCTAssertEqual(errors.map(\.message), ["'for_each' phải là một danh sách của báo cáo, không phải string (chuỗi)"])
    }

    // MARK: Scores

    func testScoreCountsPointsOfApplicableRules() throws {
        let result = try check(rulesFile(
            rule("T-PASS", "require: true\npoints: 3"),
            rule("T-FAIL", "for_each: documents\nrequire: it.ref == 'qd-2'"),
            rule("T-NA", "when: false\nrequire: false\npoints: 5")))
        XCTAssertEqual(result.score, Score(earned: 3, possible: 4))
        XCTAssertEqual(result.score.percent, 75)
        XCTAssertEqual(result.outcomes.map(\.status), [.passed, .failed, .notApplicable])
        XCTAssertEqual(Score(earned: 0, possible: 0).percent, nil, "no applicable rule: no score")
    }
}

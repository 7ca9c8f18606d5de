import XCTest
@testable import RuleEngine

/// What rules see of report values: absent and invalid values (Decisions 5 and 13),
/// Unicode normalisation, and run-time errors that become located RULE-ERROR findings.
final class ValueSemanticsTests: XCTestCase {
    /// Line numbers matter: document 0 starts at 5:5, document 1 at 8:5, its `layout` mapping at 11:7.
    static let report = """
    unit:
      name: UBND xã A
    period: {year: 2022}
    documents:
      - ref: a
        issued_on: 2022-01-14
        layout: {font: Times New Roman, margins_mm: {left: 30}}
      - ref: b
        issued_on: 14/01/2022
        layout:
          font: Arial
    """

    static let shape = TestShape([
        "unit": .object(TestShape(["name": .string])),
        "period": .object(TestShape(["year": .int])),
        "documents": .list(.object(TestShape([
            "ref": .string, "issued_on": .date, "signature": .object(TestShape(["prefix": .string])),
            "layout": .object(TestShape(["font": .string, "size": .number,
                                         "margins_mm": .object(TestShape(["left": .number]))])),
        ]))),
        "one_stop_shop": .object(TestShape(["dossiers": .object(TestShape(["received": .int]))])),
    ])

    private var workspace = PackWorkspace()

    override func setUp() { workspace = PackWorkspace() }

    /// Checks `Self.report` (or `report`) with one pack of the given rules, typed by the shape.
    private func check(_ rules: String, report: String = ValueSemanticsTests.report) throws -> ReportResult {
        workspace.pack(rules: rules)
        return try workspace.check(report, model: TestModel(rootShape: Self.shape))
    }

    func testAbsentFieldGivesTheRulesOwnFindingAtTheNearestParent() throws {
        let result = try check(rulesFile(rule("T-LEFT", severity: "warning", """
            for_each: documents
            as: doc
            require: doc.layout.margins_mm.left >= 30
            message: lề trái {{ doc.layout.margins_mm.left }}
            """)))
        let f = try XCTUnwrap(result.single("T-LEFT"))
        XCTAssertEqual(f.severity, .warning)
        XCTAssertEqual(f.message, "thiếu thông tin: documents[1].layout.margins_mm.left")
        XCTAssertEqual(f.path, "documents[1].layout.margins_mm.left", "the path names the absent field (Decision 13)")
        XCTAssertEqual(f.place, "T-LEFT@documents[1].layout.margins_mm.left 11:7", "located at the present parent, documents[1].layout")
        XCTAssertEqual(result.outcome("T-LEFT"), .failed)
    }

    func testAbsentSectionIsLocatedAtTheReportRoot() throws {
        let result = try check(rulesFile(rule("T-RECEIVED", "require: one_stop_shop.dossiers.received > 0")))
        XCTAssertEqual(result.single("T-RECEIVED")?.place, "T-RECEIVED@one_stop_shop.dossiers.received 1:1")
        XCTAssertEqual(result.single("T-RECEIVED")?.message, "thiếu thông tin: one_stop_shop.dossiers.received")
    }

    /// A section written as text where a mapping belongs is named itself, not the field the
    /// rule wanted inside it (which the report does not have).
    func testAValueThatIsNotAMappingIsNamedAtItsOwnPath() throws {
        let result = try check(rulesFile(rule("T-RECEIVED", "require: one_stop_shop.dossiers.received >= 0")),
                               report: "one_stop_shop: không có\n")
        let f = try XCTUnwrap(result.single("T-RECEIVED"))
        XCTAssertEqual(f.message, "không đọc được one_stop_shop: 'không có' không phải nhóm trường")
        XCTAssertEqual(f.path, "one_stop_shop")
    }

    /// A condition that misses both operands names both: the user adds them in one go.
    func testAConditionMissingBothOperandsNamesBoth() throws {
        let result = try check(rulesFile(rule("T-BOTH", "require: documents[1].layout.size + 1 <= documents[1].layout.margins_mm.left"),
                                         rule("T-ONE", "require: documents[0].layout.size <= documents[0].layout.margins_mm.left")))
        XCTAssertEqual(result.single("T-BOTH")?.message, "thiếu thông tin: documents[1].layout.size, documents[1].layout.margins_mm.left",
                       "through the arithmetic too")
        XCTAssertEqual(result.single("T-BOTH")?.path, "documents[1].layout.size", "located at the first")
        XCTAssertEqual(result.single("T-ONE")?.message, "thiếu thông tin: documents[0].layout.size")
    }

    func testAbsenceWinsOverTheRulesAtForLocation() throws {
        let result = try check(rulesFile(rule("T-AT", """
            for_each: documents
            as: doc
            require: doc.layout.margins_mm.left >= 30
            at: doc.layout
            """)))
        XCTAssertEqual(result.single("T-AT")?.path, "documents[1].layout.margins_mm.left")
    }

    func testPreconditionReadingAnAbsentFieldMakesTheRuleNotApplicable() throws {
        let result = try check(rulesFile(
            rule("T-WHEN", """
                for_each: documents
                as: doc
                when: doc.layout.margins_mm.left > 0
                require: doc.layout.font == 'Times New Roman'
                """),
            rule("T-NEVER", """
                when: one_stop_shop.dossiers.received > 0
                require: false
                """)))
        XCTAssertEqual(result.findings("T-WHEN").count, 0, "document b has no margins: not applicable, so Arial is not reported")
        XCTAssertEqual(result.outcome("T-WHEN"), .passed)
        XCTAssertEqual(result.outcome("T-NEVER"), .notApplicable)
        XCTAssertEqual(result.findings.count, 0)
    }

    func testExistsAndDefaultGiveAbsenceAMeaning() throws {
        let result = try check(rulesFile(
            rule("T-PREFIX", """
                for_each: documents
                as: doc
                require: not exists(doc.signature.prefix) or doc.signature.prefix in ['TM.', 'KT.']
                """),
            rule("T-SIZE", """
                for_each: documents
                as: doc
                require: (doc.layout.size ?? 13) >= 13
                """),
            rule("T-EXISTS", """
                require: exists(unit.name) and not exists(one_stop_shop) and exists(documents[1].issued_on)
                """)))
        XCTAssertEqual(result.findings.map(\.place), [])
        XCTAssertEqual(result.outcome("T-EXISTS"), .passed)
    }

    func testNullIsAbsent() throws {
        let result = try check(rulesFile(rule("T-NULL", "require: unit.name == 'x'")), report: "unit:\n  name: ~\n")
        XCTAssertEqual(result.single("T-NULL")?.message, "thiếu thông tin: unit.name")
        XCTAssertEqual(try evaluate("exists(a) or exists(b)", report: "a: null\nb: ~\n").spelled, "bool(false)")
        XCTAssertEqual(try evaluate("a ?? 'mặc định'", report: "a: null\n").spelled, "string(\"mặc định\")")
    }

    /// `14/01/2022` in a date field is present but unreadable: it never passes — not through a
    /// comparison, a default (`??`) or a precondition. (The test model reports nothing; with
    /// the shipped schema, whose SCHEMA-TYPE reports the value, a precondition that cannot read
    /// it does not apply: Rules/luu-tru/tests/danh-muc.yaml.)
    func testInvalidDateNeverPasses() throws {
        let conditions = [
            "doc.issued_on >= 2020-01-01",
            "doc.issued_on != 2000-01-01",
            "(doc.issued_on ?? 2022-01-01) >= 2020-01-01",
            "not (doc.issued_on < 2000-01-01)",
        ]
        for (i, condition) in conditions.enumerated() {
            workspace = PackWorkspace()
            let result = try check(rulesFile(rule("T-DATE\(i)", "for_each: documents\nas: doc\nrequire: \(condition)")))
            let f = result.single("T-DATE\(i)")
            XCTAssertEqual(f?.place, "T-DATE\(i)@documents[1].issued_on 9:16", condition)
            XCTAssertEqual(f?.message, "không đọc được documents[1].issued_on: '14/01/2022' không phải ngày dạng YYYY-MM-DD", condition)
        }
        workspace = PackWorkspace()
        let guarded = try check(rulesFile(rule("T-WHEN-DATE", """
            for_each: documents
            as: doc
            when: doc.issued_on >= 2020-03-05
            require: doc.layout.font == 'Times New Roman'
            """)))
        XCTAssertEqual(guarded.single("T-WHEN-DATE")?.path, "documents[1].issued_on",
                       "an unreadable value in a precondition that no model finding reports is reported by the rule")
    }

    /// `or_null` reads a value, or null when it is absent or unreadable; a table built over
    /// every document keeps one entry per document however broken one of them is.
    func testOrNullTurnsAbsentAndUnreadableValuesIntoNull() throws {
        let cases: KeyValuePairs = [
            "or_null(documents[0].issued_on)": "date(2022-01-14)",
            "or_null(documents[1].issued_on)": "null",
            "or_null(documents[1].layout.margins_mm.left)": "null",
            "or_null(documents[5].ref) ?? 'none'": "string(\"none\")",
            "map(documents, d => or_null(d.issued_on))": "[date(2022-01-14), null]",
            "exists(or_null(documents[1].issued_on))": "bool(false)",
        ]
        for (expression, expected) in cases {
            XCTAssertEqual(try evaluate(expression, report: Self.report, shape: Self.shape).spelled, expected, expression)
        }
        XCTAssertThrowsError(try evaluate("map(documents, d => d.issued_on)", report: Self.report, shape: Self.shape),
                             "without or_null the table stops at the unreadable date")
    }

    /// `unreadable_text` gives what the report wrote where its schema type could not read it, a
    /// collection rebuilt on one line: `- Lưu: VT, TH` written unquoted where a line of text is
    /// expected is the mapping `{Lưu: "VT, TH"}`, and reads `Lưu: VT, TH` again. Null for a
    /// readable value and for an absent one.
    func testUnreadableTextRebuildsWhatWasWritten() throws {
        let report = """
            documents:
              - ref:
                  Lưu: VT, TH
                issued_on: 14/01/2022
                layout: {font: [Times, {a: 1, b: }], size: abc}
              - ref: {Lưu: }
                layout: {font: {Lưu: [VT, TH]}}
              - ref: ok
                issued_on: 2022-01-14
            """
        let cases: KeyValuePairs = [
            "unreadable_text(documents[0].ref)": "string(\"Lưu: VT, TH\")",
            "unreadable_text(documents[1].ref)": "string(\"Lưu:\")",
            "unreadable_text(documents[0].issued_on)": "string(\"14/01/2022\")",
            "unreadable_text(documents[0].layout.font)": "string(\"[Times, {a: 1, b:}]\")",
            "unreadable_text(documents[1].layout.font)": "string(\"Lưu: [VT, TH]\")",
            "unreadable_text(documents[0].layout.size)": "string(\"abc\")",
            "unreadable_text(documents[2].ref)": "null",
            "unreadable_text(documents[2].issued_on)": "null",
            "unreadable_text(documents[2].layout.font)": "null",
            "unreadable_text(documents[-1].ref) ?? 'none'": "string(\"none\")",
            "exists(unreadable_text(documents[9].ref))": "bool(false)",
        ]
        for (expression, expected) in cases {
            XCTAssertEqual(try evaluate(expression, report: report, shape: Self.shape).spelled, expected, expression)
        }
        // A collection repeated through aliases is rebuilt up to a limit, not whole.
        let aliases = "documents:\n  - ref: &a [" + Array(repeating: "xxxxxxxxxx", count: 200).joined(separator: ", ")
            + "]\n  - ref: [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
        guard case .string(let long) = try evaluate("unreadable_text(documents[1].ref)", report: aliases, shape: Self.shape) else {
            return XCTFail("no text")
        }
        XCTAssertTrue(long.hasPrefix("[[xxxxxxxxxx, xxxxxxxxxx"), long)
        XCTAssertTrue(long.hasSuffix("…"), long)
        XCTAssertLessThan(long.utf8.count, 1_100)
    }

    /// A message quotes at most 500 Unicode scalars of a value (a placeholder, or an unreadable
    /// value), in whole characters, then "…" and its length: a 100 KB font name was quoted
    /// whole into every format. A rule's own sentence in one placeholder (300 characters) is
    /// not cut.
    func testMessagesQuoteAnExcerptOfAVeryLongValue() throws {
        let long = String(repeating: "Ư", count: 1_000)
        let result = try check(rulesFile(rule("T-LONG", "require: unit.name == 'x'\nmessage: \"tên {{ unit.name }}\""),
                                         rule("T-DATE", "require: documents[0].issued_on >= 2020-01-01"),
                                         rule("T-SENTENCE", "require: false\nmessage: \"{{ '\(String(repeating: "câu dài ", count: 40))' }}\"")),
                               report: "unit:\n  name: \(long)\ndocuments:\n  - issued_on: \(long)\n")
        XCTAssertEqual(result.single("T-LONG")?.message, "tên " + String(repeating: "Ư", count: 500) + "… (1000 ký tự)")
        XCTAssertEqual(result.single("T-DATE")?.message,
                       "không đọc được documents[0].issued_on: '" + String(repeating: "Ư", count: 500) + "… (1000 ký tự)' không phải ngày dạng YYYY-MM-DD")
        XCTAssertEqual(result.single("T-SENTENCE")?.message, String(repeating: "câu dài ", count: 40))
        // One letter with 50,000 combining marks is one character, not a short text.
        let marks = "a" + String(repeating: "\u{0301}", count: 50_000)
        XCTAssertEqual(ValueFormatter.excerpt(marks), "a… (1 ký tự)")
        XCTAssertEqual(ValueFormatter.excerpt("ê" + String(repeating: "x", count: 600)).unicodeScalars.count, 500 + "… (601 ký tự)".unicodeScalars.count)
    }

    /// A rule's message states its violation ("Số liệu không khớp"); when its conditions only
    /// miss values, the finding says what is missing and claims nothing (Decision 5).
    func testAMessageThatStatesTheViolationIsNotUsedWhenOnlyValuesAreMissing() throws {
        let conditions = "message: Số liệu không khớp\nrequire:\n  - check: one_stop_shop.dossiers.received >= 0\n  - check: unit.name == 'B'"
        let missing = try check(rulesFile(rule("T-COUNTS", conditions)), report: "unit:\n  name: B\n")
        XCTAssertEqual(missing.single("T-COUNTS")?.message, "thiếu thông tin: one_stop_shop.dossiers.received")
        workspace = PackWorkspace()
        let both = try check(rulesFile(rule("T-COUNTS", conditions)), report: "unit:\n  name: A\n")
        XCTAssertEqual(both.single("T-COUNTS")?.message,
                       "Số liệu không khớp: thiếu thông tin: one_stop_shop.dossiers.received; không đạt: unit.name == 'B'")
    }

    func testNFCAndNFDSpellingsAreEqual() throws {
        let nfd = "UBND xã Đông Hòa".decomposedStringWithCanonicalMapping
        XCTAssertNotEqual(Array(nfd.utf8), Array("UBND xã Đông Hòa".utf8), "the test needs a decomposed spelling")
        let report = "unit:\n  name: \"\(nfd)\"\n"
        let result = try check(rulesFile(rule("T-NFC", """
            require:
              - check: unit.name == 'UBND xã Đông Hòa'
                message: so sánh bằng
              - check: unit.name in ['UBND xã Đông Hòa']
                message: in
              - check: starts_with(unit.name, 'UBND xã Đông') and ends_with(unit.name, 'Hòa')
                message: đầu cuối
              - check: "'Đông' in unit.name and contains(unit.name, 'xã Đông')"
                message: chuỗi con
              - check: matches(unit.name, 'UBND xã Đông H.a')
                message: mẫu
              - check: lower(unit.name) == 'ubnd xã đông hòa' and length(unit.name) == 16
                message: chữ thường
              - check: count(distinct(['Hòa', replace(unit.name, 'UBND xã Đông ', '')])) == 1
                message: distinct
            """)), report: report)
        XCTAssertEqual(result.findings.map(\.message), [])
    }

    func testRuntimeTypeErrorBecomesALocatedRuleError() throws {
        // Without a shape the checker cannot see that `ref` is text.
        workspace.pack(rules: rulesFile(rule("T-TYPE", """
            for_each: documents
            as: doc
            require: doc.ref > 3
            """)))
        let result = try workspace.check(Self.report)
        let errors = result.findings("RULE-ERROR")
        XCTAssertEqual(errors.map(\.place), ["RULE-ERROR@documents[0] 5:5", "RULE-ERROR@documents[1] 8:5"])
        XCTAssertEqual(errors.first?.severity, .error)
        XCTAssertTrue(errors.first?.message.contains("T-TYPE") ?? false)
        XCTAssertTrue(errors.first?.message.contains("không so sánh thứ tự được string với integer") ?? false, errors.first?.message ?? "")
        XCTAssertEqual(result.findings("T-TYPE").count, 0)
    }

    func testDivisionByZeroIsARuleError() throws {
        let result = try check(rulesFile(rule("T-DIV", "require: period.year / (period.year - 2022) > 1")))
        XCTAssertEqual(result.single("RULE-ERROR")?.place, "RULE-ERROR@ 1:1")
        XCTAssertTrue(result.single("RULE-ERROR")?.message.hasSuffix("chia cho 0") ?? false)
    }

    func testListElementsThatAreMissingReadAsAbsent() throws {
        let result = try check(rulesFile(rule("T-IDX", "require: documents[5].ref == 'x'")))
        XCTAssertEqual(result.single("T-IDX")?.place, "T-IDX@documents[5].ref 5:3")
        XCTAssertEqual(result.single("T-IDX")?.message, "thiếu thông tin: documents[5].ref")
        assertEvaluates("documents[-1].ref", "string(\"b\")", report: Self.report, shape: Self.shape)
    }

    func testReportPathsNameEveryStepFromTheRoot() throws {
        let doc = try loadReport("""
            documents:
              - a: 1
              - layout:
                  phông: Arial
            list: [[a, b, c, d, e, f, g, h, i, j, k, l]]
            """)
        let root = try XCTUnwrap(doc.root)
        let documents = try XCTUnwrap(doc.value(forKey: "documents", in: root))
        let layout = try XCTUnwrap(doc.value(forKey: "layout", in: doc.item(documents, 1)))
        let font = try XCTUnwrap(doc.value(forKey: "phông", in: layout))
        let list = try XCTUnwrap(doc.value(forKey: "list", in: root))
        XCTAssertEqual(ReportPath.of(root, in: doc), "")
        XCTAssertEqual(ReportPath.of(documents, in: doc), "documents")
        XCTAssertEqual(ReportPath.of(font, in: doc), "documents[1].layout.phông")
        XCTAssertEqual(ReportPath.of(doc.item(doc.item(list, 0), 11), in: doc), "list[0][11]")
        let top = try loadReport("- a: 1\n")
        let a = try XCTUnwrap(top.value(forKey: "a", in: top.item(XCTUnwrap(top.root), 0)))
        XCTAssertEqual(ReportPath.of(a, in: top), "[0].a")
    }
}

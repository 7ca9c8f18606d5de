import XCTest
@testable import RuleEngine

/// Every function of the standard library, evaluated over a report loaded with `YAMLLoader`.
final class StandardLibraryTests: XCTestCase {
    /// Lists of every kind; `dates` is typed by the shape so its items read as dates.
    static let report = """
    nums: [3, 1, 2, 2]
    decs: [1.5, 2.5]
    words: [b, a, b]
    empty: []
    dates: [2022-01-14, 2021-12-31]
    docs:
      - {ref: a, size: 13, ok: true}
      - {ref: b, size: 14.5, ok: false}
    """
    static let shape = TestShape([
        "nums": .list(.int), "decs": .list(.number), "words": .list(.string), "empty": .list(.any),
        "dates": .list(.date),
        "docs": .list(.object(TestShape(["ref": .string, "size": .number, "ok": .bool]))),
    ])

    private func check(_ cases: KeyValuePairs<String, String>, file: StaticString = #filePath, line: UInt = #line) {
        for (expression, expected) in cases {
            assertEvaluates(expression, expected, report: Self.report, shape: Self.shape, file: file, line: line)
        }
    }

    private func assertRuntimeError(_ expression: String, containing words: String,
                                    file: StaticString = #filePath, line: UInt = #line) {
        let message = runtimeError(expression, report: Self.report, file: file, line: line)
        XCTAssertTrue(message?.contains(words) ?? false, "\(expression): '\(message ?? "-")' should mention '\(words)'", file: file, line: line)
    }

    func testEveryStandardFunctionIsCovered() {
        let tested: Set = ["count", "all", "any", "filter", "map", "sum", "min", "max", "distinct", "first", "last", "join",
                           "length", "matches", "starts_with", "ends_with", "contains", "lower", "upper", "trim", "split",
                           "replace", "between", "abs", "round", "date", "year", "month", "day", "add_days", "add_months",
                           "add_years", "days_between", "percent", "number", "text", "take", "index_of", "first_indices"]
        XCTAssertEqual(Set(FunctionRegistry.standard.names), tested, "a function was added or removed: test it here")
    }

    func testCountAllAnyFilter() {
        check([
            "count(nums)": "int(4)",
            "count(nums, x => x > 1)": "int(3)",
            "count(empty)": "int(0)",
            "all(nums, x => x > 0)": "bool(true)",
            "all(nums, x => x > 1)": "bool(false)",
            "all(empty, x => false)": "bool(true)",
            "any(nums, x => x == 2)": "bool(true)",
            "any(empty, x => true)": "bool(false)",
            "filter(nums, x => x >= 2)": "[int(3), int(2), int(2)]",
            "count(filter(docs, it.ok))": "int(1)",
        ])
    }

    func testTakeAndIf() {
        check([
            "take(nums, 2)": "[int(3), int(1)]",
            "take(nums, 0)": "[]",
            "take(nums, 10)": "[int(3), int(1), int(2), int(2)]",
            "take(nums, -1)": "[]",
            "index_of(nums, 2)": "int(2)",
            "index_of(nums, 7)": "int(-1)",
            "index_of(nums, 1.0)": "int(1)",
            "index_of([[1, \"a\"], [2, \"b\"]], [2, \"b\"])": "int(1)",
            "index_of(empty, 1)": "int(-1)",
            "first_indices(nums)": "[int(0), int(1), int(2), int(2)]",
            "first_indices(words)": "[int(0), int(1), int(0)]",
            "first_indices(empty)": "[]",
            "first_indices([1, 1.0, \"1\", [1, \"a\"], [1.0, \"a\"], null, null])": "[int(0), int(0), int(2), int(3), int(3), int(5), int(5)]",
            "first_indices(docs)": "[int(0), int(1)]",
            "first_indices([\"Hòa\", \"Hòa\"])": "[int(0), int(0)]",
            "if(count(nums) > 3, \"many\", \"few\")": "string(\"many\")",
            "if(count(empty) > 0, first(empty), 0)": "int(0)",
            "if(false, docs[5].ref, \"b\")": "string(\"b\")",
            "if(true, docs[5].ref ?? \"none\", \"b\")": "string(\"none\")",
        ])
    }

    func testMapSumMinMax() {
        check([
            "map(docs, d => d.ref)": "[string(\"a\"), string(\"b\")]",
            "map(nums, n => n * 10)": "[int(30), int(10), int(20), int(20)]",
            "sum(nums)": "int(8)",
            "sum(decs)": "decimal(4.0)",
            "sum(docs, d => d.size)": "decimal(27.5)",
            "sum(empty)": "int(0)",
            "min(nums)": "int(1)",
            "max(nums)": "int(3)",
            "max(docs, d => d.size)": "decimal(14.5)",
            "min(words)": "string(\"a\")",
            "min(dates)": "date(2021-12-31)",
            "max(empty)": "null",
        ])
        assertRuntimeError("max(map(docs, d => d.ok ?? d.ref))", containing: "không so sánh được")
    }

    func testDistinctFirstLastJoin() {
        check([
            "distinct(words)": "[string(\"b\"), string(\"a\")]",
            "distinct(nums)": "[int(3), int(1), int(2)]",
            "distinct(docs, d => d.ok)": "[bool(true), bool(false)]",
            "first(nums)": "int(3)",
            "last(nums)": "int(2)",
            "first(empty)": "null",
            "last(dates)": "date(2021-12-31)",
            "join(words)": "string(\"b, a, b\")",
            "join(nums, '+')": "string(\"3+1+2+2\")",
            "join(dates, '; ')": "string(\"14/01/2022; 31/12/2021\")",
            "join(decs, ' ')": "string(\"1,5 2,5\")",
        ])
    }

    func testStringFunctions() {
        check([
            "length('Quyết định')": "int(10)",
            "length(nums)": "int(4)",
            "matches('12/QĐ-UBND', '[0-9]+/[A-ZĐ]+-[A-Z]+')": "bool(true)",
            "matches('x12', '[0-9]+')": "bool(false)",  // whole match, not search
            "matches('ab', 'a|ab')": "bool(true)",
            "starts_with('Lưu: VT', 'Lưu')": "bool(true)",
            "ends_with('Lưu: VT', 'VP')": "bool(false)",
            "contains('Hà Nội', 'Nội')": "bool(true)",
            "contains(words, 'a')": "bool(true)",
            "contains(nums, 7)": "bool(false)",
            "lower('ĐÀ NẴNG')": "string(\"đà nẵng\")",
            "upper('hà nội')": "string(\"HÀ NỘI\")",
            "trim('  x y \\n')": "string(\"x y\")",
            "split('a,b,,c', ',')": "[string(\"a\"), string(\"b\"), string(\"\"), string(\"c\")]",
            "replace('a-b-c', '-', '/')": "string(\"a/b/c\")",
            "'b' in words": "bool(true)",
            "'Nội' in 'Hà Nội'": "bool(true)",
        ])
        assertRuntimeError("matches('a', '(')", containing: "không hợp lệ")
        assertRuntimeError("split('a', '')", containing: "không được rỗng")
    }

    func testRegexAnswersAreRememberedPerPatternAndText() throws {
        let cache = RegexCache()
        let long = String(repeating: "1", count: RegexCache.maxRememberedTextBytes + 1)
        for _ in 0 ..< 3 {  // the first round asks ICU, the others the memo: same answers
            XCTAssertTrue(try cache.wholeMatch("10", pattern: "0*[1-9][0-9]*"))
            XCTAssertFalse(try cache.wholeMatch("0", pattern: "0*[1-9][0-9]*"))
            XCTAssertFalse(try cache.wholeMatch("10", pattern: "0*[5-9]"))  // same text, other pattern
            XCTAssertTrue(try cache.wholeMatch("Đông", pattern: "Đ.*"))
            XCTAssertTrue(try cache.wholeMatch(long, pattern: "0*[1-9][0-9]*"))  // too long to remember, still answered
            XCTAssertFalse(try cache.wholeMatch(long + "x", pattern: "0*[1-9][0-9]*"))
        }
        XCTAssertThrowsError(try cache.wholeMatch("a", pattern: "("))
        XCTAssertEqual(cache.compiledPatterns, 3)  // "(" never compiled
    }

    /// fuzz-expression: Foundation leaks the UTF-16 copy of a pattern over 256 units each time
    /// one is compiled; long patterns must still work, and be compiled once however often used.
    func testLongPatternsWorkAndAreCompiledOnce() throws {
        let cache = RegexCache()
        let types = (1 ... 40).map { "Loại văn bản số \($0)" }
        let pattern = types.joined(separator: "|")
        XCTAssertGreaterThan(pattern.utf16.count, 256)
        for i in 0 ..< 500 {
            XCTAssertTrue(try cache.wholeMatch(types[i % types.count], pattern: pattern))
            XCTAssertFalse(try cache.wholeMatch("Công văn \(i)", pattern: pattern))
        }
        XCTAssertEqual(cache.compiledPatterns, 1)
    }

    func testNumberFunctions() {
        check([
            "between(13, 13, 14)": "bool(true)",
            "between(14, 13, 14)": "bool(true)",
            "between(13.5, 13, 14)": "bool(true)",
            "between(12.9, 13, 14)": "bool(false)",
            "between(14.01, 13, 14)": "bool(false)",
            "between(2022-06-01, 2022-01-01, 2022-12-31)": "bool(true)",
            "between('b', 'a', 'c')": "bool(true)",
            "abs(-3)": "int(3)",
            "abs(-2.5)": "decimal(2.5)",
            "round(2.5)": "int(3)",
            "round(-1.5)": "int(-2)",
            "round(2.3456, 2)": "decimal(2.35)",
            "7 % 3": "int(1)",
            "7 / 2": "decimal(3.5)",
            "7.5 % 2": "decimal(1.5)",
        ])
        assertRuntimeError("between(1, 'a', 3)", containing: "between cần")
    }

    func testDateFunctions() {
        check([
            "date('2022-01-14')": "date(2022-01-14)",
            "date(2024, 2, 29)": "date(2024-02-29)",
            "year(2022-01-14)": "int(2022)",
            "month(2022-01-14)": "int(1)",
            "day(2022-01-14)": "int(14)",
            "add_days(2022-12-31, 1)": "date(2023-01-01)",
            "add_days(2024-03-01, -1)": "date(2024-02-29)",
            "add_months(2024-01-31, 1)": "date(2024-02-29)",
            "add_months(2022-11-30, 3)": "date(2023-02-28)",
            "add_months(2022-01-15, -13)": "date(2020-12-15)",
            "add_years(2024-02-29, 1)": "date(2025-02-28)",
            "days_between(2022-01-01, 2022-12-31)": "int(364)",
            "days_between(2024-12-31, 2024-01-01)": "int(-365)",
            "year(first(dates))": "int(2022)",
        ])
        assertRuntimeError("date(2023, 2, 29)", containing: "không tồn tại")
        assertRuntimeError("date('14/01/2022')", containing: "không phải ngày")
    }

    func testFormattingFunctions() {
        check([
            "percent(0.2687)": "string(\"26,9%\")",
            "percent(0.3)": "string(\"30%\")",
            "percent(0.2687, 2)": "string(\"26,87%\")",
            // Never rounded onto a whole percentage the rate does not reach (or exceed).
            "percent(0.9499)": "string(\"94,99%\")",
            "percent(0.29999)": "string(\"29,999%\")",
            "percent(0.9995)": "string(\"99,95%\")",
            "percent(0.95)": "string(\"95%\")",
            "percent(1)": "string(\"100%\")",
            "percent(0.500001)": "string(\"50,0001%\")",
            "percent(0.9499, 0)": "string(\"94,99%\")",
            "number(29.5)": "string(\"29,5\")",
            "number(1234.5678, 1)": "string(\"1234,6\")",
            "number(3)": "string(\"3\")",
            "text(true)": "string(\"có\")",
            "text(2022-01-14)": "string(\"14/01/2022\")",
            "text(null)": "string(\"(trống)\")",
            "text(nums)": "string(\"3, 1, 2, 2\")",
        ])
    }

    /// Values from reports can be anything: no function or operator may crash the process on
    /// them; each failure is a located run-time error (a RULE-ERROR finding).
    func testOutOfRangeArgumentsAreErrorsNotCrashes() {
        assertRuntimeError("sum([9223372036854775807, 1])", containing: "tràn số")
        assertRuntimeError("9223372036854775807 + 1", containing: "tràn số")
        assertRuntimeError("abs(-9223372036854775807 - 1)", containing: "tràn số")
        assertRuntimeError("-(-9223372036854775807 - 1)", containing: "tràn số")
        assertRuntimeError("add_years(2022-01-01, 10000)", containing: "ngoài")
        assertRuntimeError("add_months(2022-01-01, -30000)", containing: "ngoài")
        assertRuntimeError("add_days(2022-01-01, 9223372036854775807)", containing: "ngoài")
        assertRuntimeError("add_days(9999-12-31, 1)", containing: "ngoài")
        assertRuntimeError("add_months(2022-01-01, 9223372036854775807)", containing: "ngoài")
        check([
            "number(2.5, -1)": "string(\"3\")",
            "percent(0.5, -2)": "string(\"50%\")",
            "round(2.5, -1)": "int(3)",
        ])
    }

    func testDivisionByZero() {
        XCTAssertEqual(runtimeError("1 / 0"), "chia cho 0")
        XCTAssertEqual(runtimeError("5 % 0"), "chia cho 0")
        XCTAssertEqual(runtimeError("1.5 / (2 - 2)"), "chia cho 0")
    }
}

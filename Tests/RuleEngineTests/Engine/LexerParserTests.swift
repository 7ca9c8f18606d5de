import XCTest
@testable import RuleEngine

/// The expression language's lexer and parser: tokens, precedence and located syntax errors.
final class LexerParserTests: XCTestCase {
    /// The syntax error of `text`, or a test failure when it parses.
    private func syntaxError(_ text: String, file: StaticString = #filePath, line: UInt = #line) -> ExpressionError? {
        thrownError(ExpressionError.self, file: file, line: line) { try Parser.parse(text) }
    }

    private func assertSyntaxError(_ text: String, at offset: Int, containing words: String,
                                   file: StaticString = #filePath, line: UInt = #line) {
        guard let e = syntaxError(text, file: file, line: line) else { return }
        XCTAssertEqual(e.offset, offset, "offset of the error in \(text): \(e.message)", file: file, line: line)
        XCTAssertTrue(e.message.contains(words), "'\(e.message)' should mention '\(words)'", file: file, line: line)
    }

    /// A readable rendering of the tree, to check precedence.
    private func tree(_ text: String) throws -> String {
        func show(_ e: RuleEngine.Expression) -> String {
            switch e {
            case .literal(let v, _): v.spelled
            case .name(let n, _): n
            case .member(let b, let f, _): "\(show(b)).\(f)"
            case .index(let b, let i, _): "\(show(b))[\(show(i))]"
            case .unary(let op, let x, _): "(\(op) \(show(x)))"
            case .binary(let op, let l, let r, _): "(\(show(l)) \(op) \(show(r)))"
            case .call(let n, let args, _): "\(n)(\(args.map(show).joined(separator: ", ")))"
            case .lambda(let v, let body, _): "\(v) => \(show(body))"
            case .list(let items, _): "[\(items.map(show).joined(separator: ", "))]"
            }
        }
        return show(try Parser.parse(text))
    }

    func testTokensOfEveryKind() throws {
        let kinds = try Lexer.tokenize("a.b >= 1.5 and 'x' != \"y\" or d == 2022-01-14 ?? null").map(\.kind)
        XCTAssertEqual(kinds, [
            .identifier("a"), .symbol("."), .identifier("b"), .symbol(">="), .decimal(1.5), .keyword("and"),
            .string("x"), .symbol("!="), .string("y"), .keyword("or"), .identifier("d"), .symbol("=="),
            .date(CalendarDate(year: 2022, month: 1, day: 14)!), .symbol("??"), .keyword("null"), .end,
        ])
    }

    func testOffsetsCountUnicodeScalars() throws {
        // "ế" written precomposed is one scalar; the token after it starts at 4.
        let tokens = try Lexer.tokenize("\"ế\" + tên")
        XCTAssertEqual(tokens.map(\.offset), [0, 4, 6, 9])
        XCTAssertEqual(tokens[2].kind, .identifier("tên"))
    }

    func testTokenTextKeepsEveryScalar() throws {
        // Token text is encoded straight to UTF-8: multi-byte, astral and decomposed scalars survive.
        let kinds = try Lexer.tokenize("đơn_vị == 'Tiên Sơn 😀 e\u{0301}' + ngày_1").map(\.kind)
        XCTAssertEqual(kinds, [.identifier("đơn_vị"), .symbol("=="), .string("Tiên Sơn 😀 e\u{0301}"), .symbol("+"),
                               .identifier("ngày_1"), .end])
        XCTAssertEqual(String(scalars: Array("aĐ😀\u{0301}".unicodeScalars)[...]), "aĐ😀\u{0301}")
        XCTAssertEqual(String(scalars: [][...]), "")
    }

    func testStringEscapes() throws {
        XCTAssertEqual(try Lexer.tokenize(#""a\"b\n""#).first?.kind, .string("a\"b\n"))
        XCTAssertEqual(try Lexer.tokenize(#"'it\'s'"#).first?.kind, .string("it's"))
    }

    func testUnterminatedStringPointsAtItsQuote() {
        assertSyntaxError("\"abc", at: 0, containing: "chưa đóng")
        assertSyntaxError("unit.kind == 'xã", at: 13, containing: "chưa đóng")
    }

    func testBadCharacterIsLocated() {
        assertSyntaxError("a # b", at: 2, containing: "ký tự không hợp lệ '#'")
        assertSyntaxError("x == 1 & y", at: 7, containing: "'&'")
    }

    func testTrailingGarbageIsAnError() {
        assertSyntaxError("a b", at: 2, containing: "thừa nội dung")
        assertSyntaxError("count(xs) 3", at: 10, containing: "thừa nội dung")
        // Comparisons do not chain.
        assertSyntaxError("1 < 2 < 3", at: 6, containing: "thừa nội dung")
    }

    func testMissingPiecesAreLocated() {
        assertSyntaxError("f(1, 2", at: 6, containing: "cần ')'")
        assertSyntaxError("a and", at: 5, containing: "cần một giá trị")
        assertSyntaxError("doc.", at: 4, containing: "cần tên trường")
        assertSyntaxError("[1, 2", at: 5, containing: "cần ']'")
    }

    func testStrayCommasAreSyntaxErrors() {
        assertSyntaxError("count(, xs)", at: 6, containing: "cần một giá trị")
        assertSyntaxError("[, 1]", at: 1, containing: "cần một giá trị")
        assertSyntaxError("f(1, , 2)", at: 5, containing: "cần một giá trị")
        assertSyntaxError("f(1,)", at: 4, containing: "cần một giá trị")
    }

    func testIntegerTooLarge() {
        assertSyntaxError("1 + 99999999999999999999", at: 4, containing: "số quá lớn")
    }

    func testNestingLimit() throws {
        let ok = String(repeating: "(", count: Parser.maxDepth - 1) + "1" + String(repeating: ")", count: Parser.maxDepth - 1)
        XCTAssertNoThrow(try Parser.parse(ok))
        let deep = String(repeating: "(", count: Parser.maxDepth + 1) + "1" + String(repeating: ")", count: Parser.maxDepth + 1)
        assertSyntaxError(deep, at: Parser.maxDepth, containing: "lồng nhau quá sâu")
        assertSyntaxError(String(repeating: "not ", count: 100) + "true", at: 4 * Parser.maxDepth, containing: "lồng nhau quá sâu")
        assertSyntaxError(String(repeating: "[", count: 100), at: Parser.maxDepth, containing: "lồng nhau quá sâu")
    }

    /// A long flat chain (`1 + 1 + … + 1`) builds a tree as deep as it is long: the limit must
    /// hold there too, or compiling and evaluating it recurse past the stack.
    func testLongOperatorChainsAreLimited() {
        let chain = Array(repeating: "1", count: 5000).joined(separator: " + ")
        guard let e = syntaxError(chain) else { return }
        XCTAssertTrue(e.message.contains("quá sâu"), e.message)
        let members = "a" + String(repeating: ".b", count: 5000)
        XCTAssertNotNil(syntaxError(members))
        // Chains within the limit still parse.
        XCTAssertNoThrow(try Parser.parse(Array(repeating: "x", count: 40).joined(separator: " and ")))
    }

    func testDateLiterals() throws {
        XCTAssertEqual(try tree("d >= 2020-03-05"), "(d >= date(2020-03-05))")
        assertSyntaxError("d == 2022-02-30", at: 5, containing: "ngày không hợp lệ: 2022-02-30")
        assertSyntaxError("d == 2022-13-01", at: 5, containing: "ngày không hợp lệ")
        // Not a date: arithmetic on integers.
        XCTAssertEqual(try tree("2022-1-14"), "((int(2022) - int(1)) - int(14))")
        XCTAssertEqual(try Lexer.tokenize("2024-02-29").first?.kind, .date(CalendarDate(year: 2024, month: 2, day: 29)!))
    }

    func testPrecedence() throws {
        XCTAssertEqual(try tree("a or b and c"), "(a or (b and c))")
        XCTAssertEqual(try tree("not a and b"), "((not a) and b)")
        XCTAssertEqual(try tree("1 + 2 * 3 == 7"), "((int(1) + (int(2) * int(3))) == int(7))")
        XCTAssertEqual(try tree("-x.y * 2"), "((- x.y) * int(2))")
        XCTAssertEqual(try tree("a - b - c"), "((a - b) - c)")
        XCTAssertEqual(try tree("x ?? 0 > 3"), "((x ?? int(0)) > int(3))")
        XCTAssertEqual(try tree("x ?? 1 + 2"), "(x ?? (int(1) + int(2)))")
        XCTAssertEqual(try tree("docs[0].layout.font"), "docs[int(0)].layout.font")
    }

    func testNotIn() throws {
        XCTAssertEqual(try tree("kind not in ['xã', 'phường']"), "(not (kind in [string(\"xã\"), string(\"phường\")]))")
        XCTAssertEqual(try tree("not kind in xs"), "(not (kind in xs))")
    }

    func testLambdas() throws {
        XCTAssertEqual(try tree("count(docs, d => d.x > 1 and d.y)"), "count(docs, d => ((d.x > int(1)) and d.y))")
        XCTAssertEqual(try tree("all(docs, it.ok)"), "all(docs, it.ok)")
        XCTAssertEqual(try tree("any(a, x => any(x.b, y => y == x.c))"), "any(a, x => any(x.b, y => (y == x.c)))")
    }

    func testMemberOffsetPointsAtTheFieldName() throws {
        guard case .member(_, "font", let offset) = try Parser.parse("doc.font") else { return XCTFail("not a member") }
        XCTAssertEqual(offset, 4)
    }
}

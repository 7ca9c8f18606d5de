/// Splits an expression into tokens. Dates are written as bare `YYYY-MM-DD` literals.
struct Lexer {
    static let keywords: Set<String> = ["and", "or", "not", "in", "true", "false", "null"]
    static let symbols = ["==", "!=", "<=", ">=", "??", "=>", "<", ">", "+", "-", "*", "/", "%", "(", ")", "[", "]", ",", "."]

    static func tokenize(_ text: String) throws(ExpressionError) -> [Token] {
        let s = Array(text.unicodeScalars)
        var tokens: [Token] = []
        var i = 0
        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0" ... "9").contains(c) }
        func isIdentStart(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic }
        func isIdentPart(_ c: Unicode.Scalar) -> Bool { isIdentStart(c) || isDigit(c) }
        while i < s.count {
            let c = s[i]
            if c == " " || c == "\t" || c == "\n" || c == "\r" { i += 1; continue }
            let start = i
            if isDigit(c) {
                // A date literal: exactly DDDD-DD-DD not followed by another digit.
                if i + 10 <= s.count, s[i + 4] == "-", s[i + 7] == "-",
                   (0 ..< 10).allSatisfy({ $0 == 4 || $0 == 7 || isDigit(s[i + $0]) }),
                   i + 10 == s.count || !isIdentPart(s[i + 10]) {
                    let literal = String(String.UnicodeScalarView(s[i ..< i + 10]))
                    guard let date = CalendarDate(iso: literal) else {
                        throw ExpressionError(offset: start, message: "ngày không hợp lệ: \(literal)")
                    }
                    tokens.append(Token(kind: .date(date), offset: start))
                    i += 10
                    continue
                }
                while i < s.count, isDigit(s[i]) { i += 1 }
                var isDecimal = false
                if i + 1 < s.count, s[i] == ".", isDigit(s[i + 1]) {
                    isDecimal = true
                    i += 1
                    while i < s.count, isDigit(s[i]) { i += 1 }
                }
                let literal = String(String.UnicodeScalarView(s[start ..< i]))
                if isDecimal {
                    tokens.append(Token(kind: .decimal(Double(literal)!), offset: start))
                } else if let value = Int(literal) {
                    tokens.append(Token(kind: .integer(value), offset: start))
                } else {
                    throw ExpressionError(offset: start, message: "số quá lớn: \(literal)")
                }
                continue
            }
            if isIdentStart(c) {
                while i < s.count, isIdentPart(s[i]) { i += 1 }
                let word = String(String.UnicodeScalarView(s[start ..< i]))
                tokens.append(Token(kind: keywords.contains(word) ? .keyword(word) : .identifier(word), offset: start))
                continue
            }
            if c == "\"" || c == "'" {
                i += 1
                var value = String.UnicodeScalarView()
                var closed = false
                while i < s.count {
                    if s[i] == c { closed = true; i += 1; break }
                    if s[i] == "\\", i + 1 < s.count {
                        let e = s[i + 1]
                        switch e {
                        case "n": value.append("\n")
                        case "t": value.append("\t")
                        default: value.append(e)
                        }
                        i += 2
                        continue
                    }
                    value.append(s[i])
                    i += 1
                }
                guard closed else { throw ExpressionError(offset: start, message: "chuỗi chưa đóng dấu nháy \(c)") }
                tokens.append(Token(kind: .string(String(value)), offset: start))
                continue
            }
            if let symbol = symbols.first(where: { sym in
                let u = Array(sym.unicodeScalars)
                return i + u.count <= s.count && (0 ..< u.count).allSatisfy { s[i + $0] == u[$0] }
            }) {
                tokens.append(Token(kind: .symbol(symbol), offset: start))
                i += symbol.unicodeScalars.count
                continue
            }
            throw ExpressionError(offset: start, message: "ký tự không hợp lệ '\(c)'")
        }
        tokens.append(Token(kind: .end, offset: s.count))
        return tokens
    }
}
